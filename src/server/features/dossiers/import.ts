/**
 * Importing dossiers from a CSV or XLSX file, one row per dossier. A preview matches the file's own
 * column names (the mapping saved for its source, else by name) and parses the first rows; the
 * import itself runs as a job off the request path: rows are streamed, parsed and scored by the
 * domain core, and streamed into the job's own staging table by COPY; only when every row is right
 * are they upserted into `dossiers` by code, in one statement of one transaction. Anything that stops the job before that
 * commit leaves the dossiers exactly as they were.
 */
import { unlink } from 'node:fs/promises';
import { scopeOf, type Actor } from '../../../domain/access.ts';
import { periodOfDossier } from '../../../domain/dossiers/aggregate.ts';
import {
  DEFAULT_DOSSIER_CONFIG,
  type DossierEvaluationConfig,
} from '../../../domain/dossiers/config.ts';
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
import type { Deps } from '../../deps.ts';
import { CopyTextBuffer } from '../../infra/copy-text.ts';
import type { CopyWriter } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import {
  catalogues,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../i18n/messages.ts';
import { appendAuditEntry } from '../audit/repository.ts';
import {
  detectFileKind,
  estimateCsvRows,
  readFileRowBatches,
  readHead,
  type FileKind,
  type FileRow,
} from './file-rows.ts';
import {
  mappingByName,
  missingHeaders,
  resolveMapping,
  unmappedRequired,
  type ColumnMapping,
} from './mapping.ts';
import * as repo from './repository.ts';

/** Problems listed per job; the count covers them all. */
export const MAX_LISTED_PROBLEMS = 200;
const BATCH_ROWS = 5000;
const PROGRESS_EVERY = 20_000;
// COPY text handed to the database at a time (about 5,000 rows).
const COPY_CHUNK_BYTES = 1024 * 1024;
// A load of at least this many rows and at least 1/BULK_SHARE of the table rebuilds the secondary
// indexes and foreign keys of `dossiers` instead of maintaining them row by row (ADR 10).
const BULK_MIN_ROWS = 50_000;
const BULK_SHARE = 4;
const PREVIEW_ROWS = 10;

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

function isMessageKey(key: string | undefined | null): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(catalogues.vi, key);
}

/** A stored problem in the reader's language; one stored without a key keeps its text. */
function presentProblem(
  p: { row: number; column: string; message: string; key?: string; params?: MessageParams },
  locale: Locale,
): RowProblemView {
  return {
    row: p.row,
    column: p.column,
    message: isMessageKey(p.key) ? translate(locale, p.key, p.params ?? {}) : p.message,
  };
}

function problemOf(
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
    timeliness: timelinessOf(dossier, config.timelinessBasis),
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

type Processed =
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
function importScope(actor: Actor): string[] | null {
  const scope = scopeOf(actor, 'dossier.import');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
  return scope;
}

// ---------------------------------------------------------------------------------------------
// Preview

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

// ---------------------------------------------------------------------------------------------
// Import job

export interface StartInput {
  filePath: string;
  fileName: string;
  sourceName: string;
  /** The mapping chosen in the preview; omitted: the source's saved mapping ("one click"). */
  mapping?: ColumnMapping | null | undefined;
  /** Delete the file when the job ends (an upload); the CLI keeps the user's file. */
  ownsFile: boolean;
  onProgress?: ((done: number, total: number | null) => void) | undefined;
  /** The evaluation configuration (tests and benches may pass another). */
  config?: DossierEvaluationConfig;
  /** Fewest rows for the bulk path (ADR 10); tests lower it to exercise that path. */
  bulkMinRows?: number;
}

/** What a finished (or running) job reports. */
export interface JobView {
  id: number;
  status: repo.JobRow['status'];
  source: string | null;
  fileName: string;
  fileKind: string;
  rowsTotal: number | null;
  rowsDone: number;
  inserted: number;
  updated: number;
  problemRows: number;
  problems: RowProblemView[];
  problemsListed: number;
  periods: Record<string, number> | null;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The API shape of a job, its problems and message in the given language. */
export function presentJob(row: repo.JobRow, locale: Locale = 'vi'): JobView {
  return {
    id: row.id,
    status: row.status,
    source: row.source_name,
    fileName: row.file_name,
    fileKind: row.file_kind,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    inserted: row.rows_inserted,
    updated: row.rows_updated,
    problemRows: row.problem_rows,
    problems: row.problems.map((p) => presentProblem(p, locale)),
    problemsListed: row.problems.length,
    periods: row.periods,
    message: isMessageKey(row.error_key)
      ? translate(locale, row.error_key, row.error_params ?? {})
      : row.error_message,
    startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

// One import at a time per database: the upsert is heavy, and the embedded database has one
// connection anyway.
const queues = new WeakMap<object, Promise<unknown>>();

function enqueue<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Checks the file and its mapping, records the job and starts it in the background. Everything
 * that can be refused without reading the rows is refused here, before a job exists.
 */
export async function startDossierImport(
  deps: Deps,
  actor: Actor,
  input: StartInput,
): Promise<{ jobId: number; finished: Promise<JobView> }> {
  let handedOver = false;
  try {
    const scope = importScope(actor);
    const kind = await detectFileKind(input.filePath);
    const { header, rows } = await readHead(input.filePath, kind, 1);
    if (rows.length === 0) throw new AppError('invalid', 'dossier_import_empty');
    const source = await repo.findSourceByName(deps.db, input.sourceName);
    let mapping: ColumnMapping;
    let save = false;
    if (input.mapping) {
      mapping = input.mapping;
      const missing = missingHeaders(mapping, header);
      if (missing.length > 0) {
        throw new AppError('invalid', 'dossier_mapping_unknown_headers', {
          columns: missing.join(', '),
        });
      }
      save = true;
    } else if (source) {
      mapping = source.mapping as ColumnMapping;
      const missing = missingHeaders(mapping, header);
      if (missing.length > 0) {
        throw new AppError('invalid', 'dossier_layout_changed', {
          source: source.name,
          columns: missing.join(', '),
        });
      }
    } else {
      mapping = mappingByName(header);
      save = true;
    }
    const unmapped = unmappedRequired(mapping);
    if (unmapped.length > 0) {
      throw new AppError('invalid', 'dossier_mapping_incomplete', {
        columns: unmapped.map((c) => DOSSIER_COLUMN_LABELS[c]).join(', '),
      });
    }
    const now = deps.clock.now();
    const jobId = await deps.db.transaction(async (tx) => {
      const sourceId = save
        ? await repo.saveSource(
            tx,
            {
              name: input.sourceName,
              mapping: mapping as Record<string, string>,
              headers: header,
              userId: actor.userId || null,
            },
            now,
          )
        : (source?.id ?? null);
      return repo.insertJob(
        tx,
        { sourceId, fileName: input.fileName, fileKind: kind, userId: actor.userId || null },
        now,
      );
    });
    handedOver = true;
    const finished = enqueue(deps.db, () =>
      runImportJob(deps, actor, { jobId, kind, header, mapping, scope, input }),
    );
    return { jobId, finished };
  } finally {
    if (!handedOver && input.ownsFile) await unlink(input.filePath).catch(() => undefined);
  }
}

interface JobSpec {
  jobId: number;
  kind: FileKind;
  header: string[];
  mapping: ColumnMapping;
  scope: string[] | null;
  input: StartInput;
}

/**
 * Runs an import job. Rows are read in batches, parsed, checked and scored by the domain core, and
 * the good ones are written as COPY text into the job's staging table while the next batch is
 * read; the first refused row stops the loading (the rest of the file is still read, to list and
 * count its problems). Only a file without problems reaches the one upsert, in one transaction
 * with the job's result and its audit entry. See ADR 10.
 */
async function runImportJob(deps: Deps, actor: Actor, spec: JobSpec): Promise<JobView> {
  const { db } = deps;
  const { jobId, input } = spec;
  const config = input.config ?? DEFAULT_DOSSIER_CONFIG;
  let table: string | null = null;
  let copy: CopyWriter | null = null;
  let total = 0;
  try {
    const estimate = spec.kind === 'csv' ? await estimateCsvRows(input.filePath) : null;
    await repo.markJobRunning(db, jobId, estimate, deps.clock.now());
    input.onProgress?.(0, estimate);
    table = await repo.createStaging(db, jobId);
    const resolver = new UnitResolver(await repo.listUnitRefs(db));
    const successors = spec.scope === null ? new Map() : await repo.allSuccessorPaths(db);
    const process = createRowProcessor(
      spec.header,
      spec.mapping,
      resolver,
      spec.scope,
      config,
      successors,
    );
    copy = await db.copyIn(table, repo.STAGING_COPY_COLUMNS);
    const problems: RowProblem[] = [];
    let problemRows = 0;
    const periods: Record<string, number> = {};
    const out = new CopyTextBuffer(COPY_CHUNK_BYTES);
    const full: Buffer[] = [];
    let reported = 0;
    let first = true;
    for await (const batch of readFileRowBatches(input.filePath, spec.kind, BATCH_ROWS)) {
      for (const row of batch) {
        if (first) {
          first = false;
          continue;
        }
        total++;
        const r = process(row);
        if (!r.ok) {
          problemRows++;
          for (const p of r.problems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
          continue;
        }
        // Once a row is refused the import will be refused: keep reading only to list problems.
        if (problemRows === 0) {
          const chunk = out.add(stagingLine(row.rowNumber, r.dossier, r.unit, r.derived));
          if (chunk !== null) full.push(chunk);
          periods[r.derived.period] = (periods[r.derived.period] ?? 0) + 1;
        }
      }
      if (problemRows > 0) {
        full.length = 0;
        out.take();
        if (copy !== null) {
          await copy.abort();
          copy = null;
        }
      } else {
        for (const chunk of full) await (copy as CopyWriter).write(chunk);
        full.length = 0;
      }
      if (total - reported >= PROGRESS_EVERY) {
        reported = total;
        await repo.updateJobProgress(db, jobId, total);
        input.onProgress?.(total, estimate);
      }
    }
    if (total === 0) throw new AppError('invalid', 'dossier_import_empty');
    if (copy !== null) {
      const rest = out.take();
      if (rest !== null) await copy.write(rest);
      const loading = copy;
      copy = null;
      await loading.end();
    }
    await repo.updateJobProgress(db, jobId, total);
    input.onProgress?.(total, estimate);
    let upserted: { inserted: number; updated: number } | null = null;
    if (problemRows === 0) {
      try {
        upserted = await commitStaged(deps, actor, spec, config, table, total, periods);
      } catch (error) {
        if (!repo.isDuplicateInStatement(error)) throw error;
        // A code on several rows of the file: list them (the rolled-back upsert changed nothing).
        const duplicates = await repo.stagingDuplicates(db, table, MAX_LISTED_PROBLEMS);
        // Not the file's own repeat (another import took the code meanwhile): a failure as such.
        if (duplicates.count === 0) throw error;
        problemRows += duplicates.count;
        for (const d of duplicates.items) {
          problems.push(
            problemOf(
              d.rows[1] as number,
              spec.mapping.code ?? DOSSIER_COLUMN_LABELS.code,
              'dossier_row_duplicate',
              { code: d.code, rows: d.rows.join(', ') },
            ),
          );
        }
      }
    }
    if (upserted === null) {
      problems.sort((a, b) => a.row - b.row);
      await repo.finishJob(
        db,
        jobId,
        {
          status: 'failed',
          total,
          inserted: 0,
          updated: 0,
          problemRows,
          problems,
          periods: null,
          errorMessage: translate('vi', 'dossier_import_invalid', { count: problemRows }),
          error: { key: 'dossier_import_invalid', params: { count: problemRows } },
        },
        deps.clock.now(),
      );
    }
  } catch (error) {
    const failure: { key: MessageKey; params: MessageParams } =
      error instanceof AppError
        ? { key: error.code, params: error.params }
        : { key: 'dossier_import_failed', params: { detail: (error as Error).message } };
    await repo
      .finishJob(
        db,
        jobId,
        {
          status: 'failed',
          total,
          inserted: 0,
          updated: 0,
          problemRows: 0,
          problems: [],
          periods: null,
          errorMessage: translate('vi', failure.key, failure.params),
          error: failure,
        },
        deps.clock.now(),
      )
      .catch(() => undefined);
  } finally {
    if (copy !== null) await copy.abort().catch(() => undefined);
    if (table !== null) await repo.dropStaging(db, table).catch(() => undefined);
    if (input.ownsFile) await unlink(input.filePath).catch(() => undefined);
  }
  const job = await repo.findJob(db, jobId);
  const view = presentJob(job as repo.JobRow);
  input.onProgress?.(view.rowsDone, view.rowsTotal);
  return view;
}

/** The one transaction of a good file: upsert, re-score rated dossiers, job result, audit. */
async function commitStaged(
  deps: Deps,
  actor: Actor,
  spec: JobSpec,
  config: DossierEvaluationConfig,
  table: string,
  total: number,
  periods: Record<string, number>,
): Promise<{ inserted: number; updated: number }> {
  const { jobId, input } = spec;
  const bulk =
    total >= (input.bulkMinRows ?? BULK_MIN_ROWS) &&
    total * BULK_SHARE >= (await repo.estimateDossierCount(deps.db));
  const counts = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const restore = bulk ? await repo.suspendDossierChecks(tx) : null;
    // A new quarter's file holds only new codes: a plain insert is about twice as fast as the
    // upsert's per-row conflict check (ADR 10).
    const counts = (await repo.stagingOverlapsDossiers(tx, table))
      ? await repo.upsertFromStaging(tx, table, config.version, jobId, now)
      : {
          inserted: await repo.insertFromStaging(tx, table, config.version, jobId, now),
          updated: 0,
        };
    if (restore !== null) await restore();
    // Dossiers that already had a rating form keep it: their points use the form.
    for (const row of await repo.dossiersWithFormsInStaging(tx, table)) {
      await repo.updateDerived(tx, row.code, deriveDossier(dossierFromDb(row), config), now);
    }
    await repo.finishJob(
      tx,
      jobId,
      {
        status: 'succeeded',
        total,
        inserted: counts.inserted,
        updated: counts.updated,
        problemRows: 0,
        problems: [],
        periods,
        errorMessage: null,
      },
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.import',
        entity: 'dossier_import_job',
        entityId: jobId,
        unitId: null,
        after: {
          file: input.fileName,
          source: input.sourceName,
          rows: total,
          updated: counts.updated,
          periods,
        },
      },
      now,
    );
    return counts;
  });
  // The embedded database has no autovacuum to notice a million new rows.
  if (bulk) await repo.analyzeDossiers(deps.db).catch(() => undefined);
  return counts;
}

const cv = repo.copyValue;

/** One staging row as a line of COPY text, in STAGING_COLUMNS order. */
export function stagingLine(
  rowNo: number,
  d: Dossier,
  unit: repo.UnitRef,
  x: DerivedDossier,
): string {
  const p = x.points;
  return `${rowNo}\t${cv(d.code)}\t${unit.id}\t${cv(unit.code)}\t${cv(d.officialCode)}\t${cv(
    d.procedureCode,
  )}\t${cv(d.procedureName)}\t${cv(d.field)}\t${d.receivedAt}\t${cv(d.dueAt)}\t${cv(
    d.finishedAt,
  )}\t${cv(d.returnedAt)}\t${cv(d.completionRequests)}\t${cv(d.agenciesInvolved)}\t${
    d.channel
  }\t${cv(d.onlinePayment)}\t${cv(d.returnedByPost)}\t${cv(d.status)}\t${cv(
    d.citizenRatings === null ? null : JSON.stringify(d.citizenRatings),
  )}\t${cv(d.selfRatings === null ? null : JSON.stringify(d.selfRatings))}\t${x.period}\t${
    x.timeliness
  }\t${cv(x.handlingSeconds)}\t${x.citizenPoints}\t${x.citizenCount}\t${cv(p[0] ?? null)}\t${cv(
    p[1] ?? null,
  )}\t${cv(p[2] ?? null)}\t${cv(p[3] ?? null)}\t${cv(p[4] ?? null)}\t${cv(p[5] ?? null)}\t${cv(
    p[6] ?? null,
  )}\t${cv(p[7] ?? null)}\t${cv(p[8] ?? null)}\n`;
}

/** A stored dossier back as the domain's Dossier; a rating form replaces imported citizen ratings. */
export function dossierFromDb(row: repo.DossierDbRow): Dossier {
  const t = (v: Date | null): number | null => (v === null ? null : new Date(v).getTime());
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    unitCode: row.unit_code,
    officialCode: row.official_code,
    receivedAt: new Date(row.received_at).getTime(),
    dueAt: t(row.due_at),
    finishedAt: t(row.finished_at),
    returnedAt: t(row.returned_at),
    completionRequests: row.completion_requests,
    agenciesInvolved: row.agencies_involved,
    channel: row.channel as Dossier['channel'],
    onlinePayment: row.online_payment,
    returnedByPost: row.returned_by_post,
    status: row.status,
    citizenRatings: row.form_ratings ?? row.citizen_ratings,
    selfRatings: row.self_ratings,
  };
}

/** A job, for its creator or an administrator of the whole system, in the reader's language. */
export async function getImportJob(
  deps: Deps,
  actor: Actor,
  id: number,
  locale: Locale = 'vi',
): Promise<JobView> {
  const row = await repo.findJob(deps.db, id);
  if (!row) throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  if (row.created_by !== actor.userId && scopeOf(actor, 'dossier.import') !== null) {
    throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  }
  return presentJob(row, locale);
}
