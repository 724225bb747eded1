/**
 * A dossier file's rows, as the preview and the import job read them: each row parsed by the
 * mapping, checked and scored by the domain core, and placed in the unit that was valid on its
 * receipt date (units merged or split have dated validity); a row's problems named by the file's
 * own column header, in the reader's language.
 */
import { scopeOf, type Actor } from '../../../domain/access.ts';
import { periodOfDossier } from '../../../domain/dossiers/aggregate.ts';
import type { DossierEvaluationConfig } from '../../../domain/dossiers/config.ts';
import {
  createDossierRowParser,
  DOSSIER_COLUMN_LABELS,
  type CellValue,
  type Dossier,
  type DossierColumn,
  type DossierProblem,
} from '../../../domain/dossiers/dossier.ts';
import {
  scoreDossierInto,
  timelinessOf,
  type DossierScores,
} from '../../../domain/dossiers/scoring.ts';
import { AppError } from '../../errors.ts';
import {
  catalogues,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../i18n/messages.ts';
import type { FileRow } from './file-rows.ts';
import { resolveMapping, type ColumnMapping } from './mapping.ts';
import type * as repo from './repository.ts';

/** Problems listed per job; the count covers them all. */
export const MAX_LISTED_PROBLEMS = 200;

/**
 * A located problem of a file row, named by the file's own column header, as a job stores it: its
 * message key and parameters, and its Vietnamese text (all that jobs stored before keys have).
 */
export interface RowProblem {
  row: number;
  column: string;
  key: MessageKey;
  params: MessageParams;
  message: string;
}

/** A problem as the API shows it, in the reader's language. */
export interface RowProblemView {
  row: number;
  column: string;
  message: string;
}

export function isMessageKey(key: string | undefined | null): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(catalogues.vi, key);
}

/** A stored problem in the reader's language; one stored without a key keeps its text. */
export function presentProblem(
  p: { row: number; column: string; message: string; key?: string; params?: MessageParams },
  locale: Locale,
): RowProblemView {
  return {
    row: p.row,
    column: p.column,
    message: isMessageKey(p.key) ? translate(locale, p.key, p.params ?? {}) : p.message,
  };
}

export function problemOf(
  row: number,
  column: string,
  key: MessageKey,
  params: MessageParams,
): RowProblem {
  return { row, column, key, params, message: translate('vi', key, params) };
}

/** The columns derived from a dossier by the domain core and stored for aggregation. */
export interface DerivedDossier {
  period: string;
  timeliness: string;
  handlingSeconds: number | null;
  citizenPoints: number;
  citizenCount: number;
  points: (number | null)[];
}

/** Scores one dossier and derives what aggregation reads. */
export function deriveDossier(
  dossier: Dossier,
  config: DossierEvaluationConfig,
  scratch: DossierScores = { points: Array(9).fill(null), sources: Array(9).fill(null) },
): DerivedDossier {
  scoreDossierInto(scratch, dossier, config);
  let citizenPoints = 0;
  let citizenCount = 0;
  if (dossier.citizenRatings !== null) {
    for (const r of dossier.citizenRatings) {
      if (r !== null) {
        citizenPoints += r;
        citizenCount++;
      }
    }
  }
  return {
    period: periodOfDossier(dossier, config),
    timeliness: timelinessOf(dossier, config.timelinessBasis, config.method.dueWithoutTime),
    handlingSeconds:
      dossier.finishedAt === null
        ? null
        : Math.round((dossier.finishedAt - dossier.receivedAt) / 1000),
    citizenPoints,
    citizenCount,
    points: scratch.points,
  };
}

// ---------------------------------------------------------------------------------------------
// Units

const VIETNAM_MS = 7 * 3_600_000;

const DAY_MS = 86_400_000;

/** A unit with its validity as Vietnam day numbers (days since 1970-01-01), both ends included. */
interface DatedUnit {
  unit: repo.UnitRef;
  fromDay: number;
  toDay: number;
}

const dayOf = (isoDate: string | null, open: number): number =>
  isoDate === null ? open : Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** Finds the unit a code names on a given day (codes are reused across validity periods). */
export class UnitResolver {
  private readonly single = new Map<string, repo.UnitRef>();
  // Codes named by several units: newest validity first, so the fallback is the first entry.
  private readonly several = new Map<string, DatedUnit[]>();
  constructor(units: readonly repo.UnitRef[]) {
    const byCode = new Map<string, repo.UnitRef[]>();
    for (const u of units) {
      const list = byCode.get(u.code);
      if (list === undefined) byCode.set(u.code, [u]);
      else list.push(u);
    }
    for (const [code, list] of byCode) {
      if (list.length === 1) {
        this.single.set(code, list[0] as repo.UnitRef);
        continue;
      }
      const dated = list.map((unit) => ({
        unit,
        fromDay: dayOf(unit.valid_from, -Infinity),
        toDay: dayOf(unit.valid_to, Infinity),
      }));
      dated.sort((a, b) => b.toDay - a.toDay);
      this.several.set(code, dated);
    }
  }
  resolve(code: string, atMs: number): repo.UnitRef | null {
    const one = this.single.get(code);
    if (one !== undefined) return one;
    const list = this.several.get(code);
    if (list === undefined) return null;
    const day = Math.floor((atMs + VIETNAM_MS) / DAY_MS);
    for (const d of list) if (d.fromDay <= day && day <= d.toDay) return d.unit;
    // Otherwise the most recent one.
    return (list[0] as DatedUnit).unit;
  }
}

function inScope(scope: string[] | null, path: string): boolean {
  return scope === null || scope.some((s) => path.startsWith(s));
}

/**
 * Whether the actor may import a unit's dossiers: the unit is in their scope, or it merged whole
 * into a unit that is (today's unit keeps the records of the units it was formed from).
 */
function importableUnit(
  scope: string[] | null,
  unit: repo.UnitRef,
  successors: ReadonlyMap<number, string[]>,
): boolean {
  return (
    inScope(scope, unit.path) || (successors.get(unit.id) ?? []).some((p) => inScope(scope, p))
  );
}

// ---------------------------------------------------------------------------------------------
// Row processing

export type Processed =
  | { ok: true; dossier: Dossier; unit: repo.UnitRef; derived: DerivedDossier }
  | { ok: false; problems: RowProblem[] };

export function createRowProcessor(
  header: readonly string[],
  mapping: ColumnMapping,
  resolver: UnitResolver,
  scope: string[] | null,
  config: DossierEvaluationConfig,
  successors: ReadonlyMap<number, string[]> = new Map(),
): (row: FileRow) => Processed {
  const { columns, indexes } = resolveMapping(mapping, header);
  const parse = createDossierRowParser({ columns, scale: config.scale });
  const headerOf = (c: DossierColumn): string => mapping[c] ?? DOSSIER_COLUMN_LABELS[c];
  const located = (p: DossierProblem, row: number): RowProblem => ({
    row,
    column: headerOf(p.column),
    key: p.key,
    params: p.params,
    message: p.message,
  });
  const scratch: DossierScores = { points: Array(9).fill(null), sources: Array(9).fill(null) };
  const n = columns.length;
  return (fileRow) => {
    const values: Partial<Record<DossierColumn, CellValue>> = {};
    const cells = fileRow.cells;
    for (let k = 0; k < n; k++) values[columns[k] as DossierColumn] = cells[indexes[k] as number];
    const parsed = parse(values, fileRow.rowNumber);
    if (!parsed.ok)
      return { ok: false, problems: parsed.problems.map((p) => located(p, fileRow.rowNumber)) };
    const dossier = parsed.dossier;
    const unit = resolver.resolve(dossier.unitCode, dossier.receivedAt);
    if (unit === null) {
      return {
        ok: false,
        problems: [
          problemOf(fileRow.rowNumber, headerOf('unitCode'), 'dossier_row_unknown_unit', {
            code: dossier.unitCode,
          }),
        ],
      };
    }
    if (!importableUnit(scope, unit, successors)) {
      return {
        ok: false,
        problems: [
          problemOf(fileRow.rowNumber, headerOf('unitCode'), 'dossier_row_out_of_scope', {
            unit: unit.name,
          }),
        ],
      };
    }
    const derived = deriveDossier(dossier, config, scratch);
    return { ok: true, dossier, unit, derived };
  };
}

/** Where the actor may import; refuses an actor who may import nowhere. */
export function importScope(actor: Actor): string[] | null {
  const scope = scopeOf(actor, 'dossier.import');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
  return scope;
}
