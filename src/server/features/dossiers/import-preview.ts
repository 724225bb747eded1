/**
 * The preview of a dossier import: the file's header and first rows, the mapping proposed for its
 * source (the saved one, else by column name), and how those rows would parse.
 */
import type { Actor } from '../../../domain/access.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import type { Deps } from '../../deps.ts';
import type { Locale } from '../../i18n/messages.ts';
import { detectFileKind, readHead } from './file-rows.ts';
import { mappingByName, missingHeaders, unmappedRequired, type ColumnMapping } from './mapping.ts';
import * as repo from './repository.ts';
import { UnitResolver, createRowProcessor, importScope, presentProblem } from './import-rows.ts';

const PREVIEW_ROWS = 10;

export interface PreviewInput {
  filePath: string;
  sourceName: string | null;
  mapping?: ColumnMapping | null | undefined;
}

/**
 * Reads the header and first rows; proposes a mapping and shows how those rows would parse, their
 * problems in the given language.
 */
export async function previewDossierImport(
  deps: Deps,
  actor: Actor,
  input: PreviewInput,
  locale: Locale = 'vi',
) {
  const scope = importScope(actor);
  const kind = await detectFileKind(input.filePath);
  const { header, rows } = await readHead(input.filePath, kind, PREVIEW_ROWS);
  const source = input.sourceName
    ? await repo.findSourceByName(deps.db, input.sourceName)
    : undefined;
  let mapping: ColumnMapping;
  let mappingFrom: 'given' | 'saved' | 'names';
  let layoutChanged = false;
  let missing: string[] = [];
  if (input.mapping) {
    mapping = input.mapping;
    mappingFrom = 'given';
    missing = missingHeaders(mapping, header);
  } else if (source) {
    missing = missingHeaders(source.mapping, header);
    layoutChanged = missing.length > 0;
    mapping = layoutChanged ? mappingByName(header) : (source.mapping as ColumnMapping);
    mappingFrom = layoutChanged ? 'names' : 'saved';
  } else {
    mapping = mappingByName(header);
    mappingFrom = 'names';
  }
  const resolver = new UnitResolver(await repo.listUnitRefs(deps.db));
  const successors = scope === null ? new Map() : await repo.allSuccessorPaths(deps.db);
  const process = createRowProcessor(
    header,
    mapping,
    resolver,
    scope,
    DEFAULT_DOSSIER_CONFIG,
    successors,
  );
  const canParse = unmappedRequired(mapping).length === 0;
  return {
    fileKind: kind,
    headers: header,
    source: source ? { name: source.name, savedMapping: source.mapping } : null,
    mapping,
    mappingFrom,
    layoutChanged,
    missingHeaders: missing,
    unmappedRequired: unmappedRequired(mapping),
    rows: canParse
      ? rows.map((row) => {
          const r = process(row);
          return r.ok
            ? {
                row: row.rowNumber,
                ok: true,
                dossier: {
                  code: r.dossier.code,
                  unitCode: r.unit.code,
                  unitName: r.unit.name,
                  receivedAt: new Date(r.dossier.receivedAt).toISOString(),
                  channel: r.dossier.channel,
                  period: r.derived.period,
                  timeliness: r.derived.timeliness,
                  points: r.derived.points,
                },
                problems: [],
              }
            : {
                row: row.rowNumber,
                ok: false,
                dossier: null,
                problems: r.problems.map((p) => presentProblem(p, locale)),
              };
        })
      : [],
  };
}
