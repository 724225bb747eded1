/**
 * The dossier import job, off the request path: rows are streamed, checked and scored by the domain
 * core and written by binary COPY, on PostgreSQL straight into `dossiers` inside the job's
 * transaction, otherwise into the job's own staging table and then upserted by code in one
 * statement of one transaction (ADR 10). Anything that stops the job before its commit leaves the
 * dossiers exactly as they were. Also: retrying a job, reading one, where uploads are kept.
 *
 * An import is a job of the job runner (ADR 54), kind `dossier.import`: starting one records the
 * import (`dossier_import_jobs`, its file, source, mapping and later its counts) and queues the
 * runner's job, whose payload points at the file, in one transaction. The runner runs the imports
 * of a process one after the other (concurrency 1), reports their progress, cancels them and takes
 * over those a stopped process left: a graceful stop queues the import again, a crash leaves it
 * interrupted (its kept upload runs again on request, retryImportJob).
 */
import { existsSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { scopeOf, type Actor } from '../../../domain/access.ts';
import {
  DEFAULT_DOSSIER_CONFIG,
  type DossierEvaluationConfig,
} from '../../../domain/dossiers/config.ts';
import { DOSSIER_COLUMN_LABELS, type Dossier } from '../../../domain/dossiers/dossier.ts';
import type { Deps } from '../../deps.ts';
import type { CopyWriter, Queryable } from '../../infra/db.ts';
import {
  enqueueJob,
  JobFailure,
  type JobContext as RunnerContext,
  type JobHandler,
} from '../../infra/jobs.ts';
import { AppError } from '../../errors.ts';
import {
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../i18n/messages.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { rereadJobDueDates } from './method.repository.ts';
import {
  csvLayout,
  detectFileKind,
  estimateCsvRows,
  readFilePieces,
  readHead,
  type FileKind,
  type FileRow,
} from './file-rows.ts';
import type { ChunkResult, ChunkSetup } from './import-chunk.ts';
import { defaultWorkers, inlineRunner, startWorkerPool, type WorkerPool } from './import-pool.ts';
import { mappingByName, missingHeaders, unmappedRequired, type ColumnMapping } from './mapping.ts';
import * as repo from './repository.ts';
import * as imports from './import-jobs.repository.ts';
import {
  MAX_LISTED_PROBLEMS,
  type Processed,
  type RowProblem,
  type RowProblemView,
  UnitResolver,
  createRowProcessor,
  deriveDossier,
  importScope,
  isMessageKey,
  presentProblem,
  problemOf,
} from './import-rows.ts';

const BATCH_ROWS = 5000;
const PROGRESS_EVERY = 20_000;
// A file this large is checked and scored on worker threads (on PostgreSQL); a smaller one, and
// any on the embedded database, in the job's thread.
const WORKERS_MIN_BYTES = 4 * 1024 * 1024;
// A load of at least this many rows and at least 1/BULK_SHARE of the table rebuilds the secondary
// indexes of `dossiers` instead of maintaining them row by row (ADR 10).
const BULK_MIN_ROWS = 50_000;
const BULK_SHARE = 4;

export interface StartInput {
  filePath: string;
  fileName: string;
  sourceName: string;
  /** The mapping chosen in the preview; omitted: the source's saved mapping ("one click"). */
  mapping?: ColumnMapping | null | undefined;
  /** Delete the file when the job ends (an upload); the CLI keeps the user's file. */
  ownsFile: boolean;
  /** Told the rows read so far, when the job runs in this process. */
  onProgress?: ((done: number, total: number | null) => void) | undefined;
  /** The evaluation configuration (tests and benches may pass another). */
  config?: DossierEvaluationConfig;
  /** Fewest rows for the bulk path (ADR 10); tests lower it to exercise that path. */
  bulkMinRows?: number;
  /** Worker threads checking and scoring rows (0: none); default by file size and cores. */
  workers?: number;
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
  canRetry: boolean;
  retriedBy: number | null;
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
    canRetry: row.status === 'interrupted' && row.input_file !== null,
    retriedBy: row.retried_by,
  };
}

/** The runner's kind of job of an import. */
export const DOSSIER_IMPORT = 'dossier.import';

/** What the runner's job of an import holds (JSON). */
export interface ImportPayload {
  /** The import's record (`dossier_import_jobs`). */
  importId: number;
  /** The file read: a kept upload under the uploads directory, or the command's own file. */
  filePath: string;
  /** Deleted when the import ends (an upload). */
  ownsFile: boolean;
  sourceName: string;
  /** Who started it: the audit entry names them; their scope bounds the rows' units. */
  actor: { userId: number; username: string };
  scope: string[] | null;
  /** Other settings of tests and benches (StartInput). */
  options?: { config?: DossierEvaluationConfig; bulkMinRows?: number; workers?: number };
}

/** A started import: its id (the API's `jobId`) and its job of the runner. */
export interface StartedImport {
  jobId: number;
  runnerJobId: number;
}

/**
 * Checks the file and its mapping, records the import and queues its job for the runner (woken,
 * when this process has one). Everything that can be refused without reading the rows is refused
 * here, before a job exists.
 */
export async function startDossierImport(
  deps: Deps,
  actor: Actor,
  input: StartInput,
): Promise<StartedImport> {
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
    const started = await deps.db.transaction(async (tx) => {
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
      const importId = await repo.insertJob(
        tx,
        {
          sourceId,
          fileName: input.fileName,
          fileKind: kind,
          userId: actor.userId || null,
          owner: null,
          // An uploaded file is kept where it is until the job ends, so an interrupted job can
          // be run again; the CLI's file is the user's own.
          inputFile: input.ownsFile ? keptName(deps, input.filePath) : null,
          mapping: mapping as Record<string, string>,
        },
        now,
      );
      const options: NonNullable<ImportPayload['options']> = {
        ...(input.config ? { config: input.config } : {}),
        ...(input.bulkMinRows !== undefined ? { bulkMinRows: input.bulkMinRows } : {}),
        ...(input.workers !== undefined ? { workers: input.workers } : {}),
      };
      const payload: ImportPayload = {
        importId,
        filePath: path.resolve(input.filePath),
        ownsFile: input.ownsFile,
        sourceName: input.sourceName,
        actor: { userId: actor.userId, username: actor.username },
        scope,
        ...(Object.keys(options).length > 0 ? { options } : {}),
      };
      // One try: a process that dies during an import leaves it interrupted, to be run again on
      // request; a process that stops queues it again (the runner's rules).
      const { id } = await enqueueJob(tx, now, DOSSIER_IMPORT, payload, { maxAttempts: 1 });
      await imports.setImportJob(tx, importId, id);
      return { jobId: importId, runnerJobId: id };
    });
    handedOver = true;
    const onProgress = input.onProgress;
    if (onProgress && deps.jobs) {
      deps.jobs.watch(started.runnerJobId, (p) => {
        const { done, total } = p as ImportProgress;
        onProgress(done, total);
      });
    }
    deps.jobs?.wake();
    return started;
  } finally {
    if (!handedOver && input.ownsFile) await unlink(input.filePath).catch(() => undefined);
  }
}

/**
 * Waits for a started import to end (run by this process's runner, now when it is not running in
 * the background) and returns it. For commands and tests.
 */
export async function awaitDossierImport(deps: Deps, started: StartedImport): Promise<JobView> {
  if (!deps.jobs) throw new Error('no job runner');
  await deps.jobs.settle(started.runnerJobId);
  return presentJob((await imports.findImport(deps.db, started.jobId))!);
}

/** The progress of an import's job: rows read, and the estimated rows of the file. */
interface ImportProgress {
  done: number;
  total: number | null;
}

/** What the job reads the file as. */
interface FileInput {
  filePath: string;
  fileName: string;
  sourceName: string;
  ownsFile: boolean;
  bulkMinRows?: number | undefined;
  workers?: number | undefined;
}

interface JobSpec {
  jobId: number;
  kind: FileKind;
  header: string[];
  mapping: ColumnMapping;
  scope: string[] | null;
  input: FileInput;
}

/** What reading the file gave: rows read, refused rows and the first problems, dossiers per quarter. */
interface Loaded {
  total: number;
  problemRows: number;
  problems: RowProblem[];
  periods: Record<string, number>;
}

/** How a load ended: `counts` null when rows were refused (nothing was written). */
interface Outcome {
  loaded: Loaded;
  counts: { inserted: number; updated: number } | null;
}

/** The row processor of a job and what it needs to know of the file. */
interface JobContext {
  deps: Deps;
  actor: ImportPayload['actor'];
  /** The runner's context: its signal and progress. */
  runner: Pick<RunnerContext, 'signal' | 'progress'>;
  spec: JobSpec;
  config: DossierEvaluationConfig;
  process: (row: FileRow) => Processed;
  estimate: number | null;
  /** What the workers need to check, score and encode rows (without the target). */
  setup: Omit<ChunkSetup, 'target' | 'fields' | 'stamp'>;
  /** The worker threads of the job's loads; null: the job's own thread. */
  pool: WorkerPool | null;
}

/**
 * Reads the file in pieces (readFilePieces), checked, scored and encoded as binary COPY rows for
 * `target` by the job's workers (import-pool.ts), and writes each piece's rows to `copy` in the
 * file's order while the next pieces are processed. The first refused row aborts the load; the
 * rest of the file is still read to list and count its problems. Without `copy`, rows are only
 * checked. The load is ended (or aborted) when this returns or throws. Progress is written to the
 * job every PROGRESS_EVERY rows.
 */
async function loadRows(
  job: JobContext,
  copy: CopyWriter | null,
  target: ChunkSetup['target'],
  stamp: ChunkSetup['stamp'],
): Promise<Loaded> {
  const { spec, estimate } = job;
  const { input } = spec;
  const loaded: Loaded = { total: 0, problemRows: 0, problems: [], periods: {} };
  const { problems, periods } = loaded;
  const setup: ChunkSetup = {
    ...job.setup,
    target,
    fields: (target === 'dossiers' ? repo.DOSSIER_COPY_COLUMNS : repo.STAGING_COPY_COLUMNS).length,
    stamp,
  };
  const runner = job.pool !== null ? job.pool.runner(setup) : inlineRunner(setup);
  const inFlight: Promise<ChunkResult>[] = [];
  let open: CopyWriter | null = copy;
  let reported = 0;
  const take = async (r: ChunkResult): Promise<void> => {
    loaded.total += r.rows;
    loaded.problemRows += r.problemRows;
    for (const p of r.problems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
    if (loaded.problemRows === 0) {
      for (const [period, n] of Object.entries(r.periods))
        periods[period] = (periods[period] ?? 0) + n;
      if (open !== null && r.copy !== null) await open.write(r.copy);
    } else if (open !== null) {
      // Once a row is refused the import will be refused: keep reading only to list problems.
      const aborting = open;
      open = null;
      await aborting.abort();
    }
    if (loaded.total - reported >= PROGRESS_EVERY) {
      reported = loaded.total;
      await job.runner.progress({ done: loaded.total, total: estimate } satisfies ImportProgress);
    }
  };
  try {
    for await (const piece of readFilePieces(input.filePath, spec.kind, BATCH_ROWS)) {
      job.runner.signal.throwIfAborted();
      const result = runner.run(piece);
      // Awaited in turn below; a failure meanwhile is not an unhandled rejection.
      result.catch(() => undefined);
      inFlight.push(result);
      if (inFlight.length >= runner.depth)
        await take(await (inFlight.shift() as Promise<ChunkResult>));
    }
    while (inFlight.length > 0) await take(await (inFlight.shift() as Promise<ChunkResult>));
    if (loaded.total === 0) throw new AppError('invalid', 'dossier_import_empty');
    if (open !== null) {
      const ending = open;
      open = null;
      await ending.end();
    }
  } finally {
    await runner.close();
    if (open !== null) await open.abort().catch(() => undefined);
  }
  await job.runner.progress({ done: loaded.total, total: estimate } satisfies ImportProgress);
  return loaded;
}

/** The runner's handler of imports (ADR 54): one at a time in a process. */
export function dossierImportJob(deps: Deps): JobHandler<ImportPayload> {
  return {
    kind: DOSSIER_IMPORT,
    concurrency: 1,
    async run(context) {
      const view = await runImportJob(deps, context);
      if (view.status === 'failed') throw new JobFailure(view.message ?? 'failed');
      return {
        importId: view.id,
        rows: view.rowsDone,
        inserted: view.inserted,
        updated: view.updated,
      };
    },
    // After the takeover: the staging tables of imports that ended with their process, and the
    // uploads of imports that ended without running (cancelled while queued).
    async resume() {
      await dropUnusedStagingTables(deps);
      await dropEndedUploads(deps);
    },
  };
}

const STAGING = /^dossier_staging_job_(\d+)$/;

/** Drops the staging tables no queued or running import uses; returns their names. */
export async function dropUnusedStagingTables(deps: Deps): Promise<string[]> {
  const tables = await imports.findStagingTables(deps.db);
  if (tables.length === 0) return [];
  const open = await imports.openImports(deps.db);
  const dropped: string[] = [];
  for (const name of tables) {
    const match = STAGING.exec(name);
    if (!match || open.has(Number(match[1]))) continue;
    await imports.dropTable(deps.db, name);
    dropped.push(name);
  }
  return dropped;
}

/** Deletes the kept uploads of imports that ended (not interrupted); returns their import ids. */
export async function dropEndedUploads(deps: Deps): Promise<number[]> {
  const dropped: number[] = [];
  for (const { id, name } of await imports.endedImportInputs(deps.db)) {
    if (KEPT_NAME.test(name))
      await unlink(path.join(uploadsDir(deps), name)).catch(() => undefined);
    await imports.dropImportInput(deps.db, id);
    dropped.push(id);
  }
  return dropped;
}

/**
 * Runs an import job: on PostgreSQL straight into `dossiers` (importDirect), and through a staging
 * table when the file updates dossiers or repeats a code, or on the embedded database
 * (importStaged). Only a file without problems is written, in one transaction with the job's
 * result and its audit entry. See ADR 10. Stopped by the runner (cancelled, process stopping), it
 * records nothing: the runner's state is the import's; an upload is kept unless cancelled.
 */
async function runImportJob(deps: Deps, context: RunnerContext<ImportPayload>): Promise<JobView> {
  const { db } = deps;
  const { payload: p, signal } = context;
  const jobId = p.importId;
  const own = await repo.findJob(db, jobId);
  if (!own) throw new JobFailure(`no dossier import ${jobId}`);
  // Ended already (its commit came before its process stopped): nothing to do again.
  if (own.status === 'succeeded' || own.status === 'failed') return presentJob(own);
  // Run again already as another import (which took its upload): not a second time.
  if (own.retried_by !== null)
    throw new JobFailure(translate('vi', 'dossier_import_already_retried', { id: own.retried_by }));
  const input: FileInput = {
    filePath: p.filePath,
    fileName: own.file_name,
    sourceName: p.sourceName,
    ownsFile: p.ownsFile,
    bulkMinRows: p.options?.bulkMinRows,
    workers: p.options?.workers,
  };
  const config = p.options?.config ?? DEFAULT_DOSSIER_CONFIG;
  let total = 0;
  let pool: WorkerPool | null = null;
  // Whether the import recorded how it ended (a stop asked after that changes nothing).
  let ended = false;
  try {
    // Started first: the workers load their code while the job prepares. Not on the embedded
    // database: its server holds the database in its own memory, and workers would take it past
    // 1 GB during a million-row load (ADR 52); there the rows are checked in the job's thread.
    const workers =
      input.workers ??
      (deps.db.backend === 'postgres' && (await stat(input.filePath)).size >= WORKERS_MIN_BYTES
        ? defaultWorkers()
        : 0);
    if (workers > 0) pool = startWorkerPool(workers);
    const kind = own.file_kind as FileKind;
    const { header } = await readHead(input.filePath, kind, 1);
    const spec: JobSpec = {
      jobId,
      kind,
      header,
      mapping: own.mapping as ColumnMapping,
      scope: p.scope,
      input,
    };
    const estimate = spec.kind === 'csv' ? await estimateCsvRows(input.filePath) : null;
    await repo.markJobRunning(db, jobId, estimate, deps.clock.now());
    await context.progress({ done: 0, total: estimate } satisfies ImportProgress);
    const units = await repo.listUnitRefs(db);
    const resolver = new UnitResolver(units);
    const successors: Map<number, string[]> =
      spec.scope === null ? new Map() : await repo.allSuccessorPaths(db);
    const process = createRowProcessor(
      spec.header,
      spec.mapping,
      resolver,
      spec.scope,
      config,
      successors,
    );
    const setup = {
      header: spec.header,
      mapping: spec.mapping,
      units,
      scope: spec.scope,
      config,
      successors: [...successors],
      delimiter: spec.kind === 'csv' ? (await csvLayout(input.filePath)).delimiter : ',',
    };
    const job: JobContext = {
      deps,
      actor: p.actor,
      runner: context,
      spec,
      config,
      process,
      estimate,
      setup,
      pool,
    };
    let outcome: Outcome | null = null;
    if (db.backend === 'postgres' && !(await firstCodeExists(job)))
      outcome = await importDirect(job);
    outcome ??= await importStaged(job);
    total = outcome.loaded.total;
    if (outcome.counts === null) {
      const { problemRows, problems } = outcome.loaded;
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
    ended = true;
  } catch (error) {
    // Stopped by the runner: nothing is recorded (the runner's state says why).
    if (signal.aborted) throw error;
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
    ended = true;
  } finally {
    // An upload goes when the import ended or was cancelled; a stopping process keeps it for the
    // import's next run.
    const cancelled = signal.aborted && signal.reason === 'cancelled';
    if (input.ownsFile && (ended || cancelled)) {
      await unlink(input.filePath).catch(() => undefined);
      if (cancelled) await imports.dropImportInput(db, jobId).catch(() => undefined);
    }
    await pool?.close();
  }
  const job = await repo.findJob(db, jobId);
  return presentJob(job as repo.JobRow);
}

/** Whether the file's first row names a dossier that exists: a re-import goes through staging. */
async function firstCodeExists(job: JobContext): Promise<boolean> {
  const { rows } = await readHead(job.spec.input.filePath, job.spec.kind, 1);
  const first = rows[0];
  if (first === undefined) return false;
  const r = job.process(first);
  return r.ok && (await repo.findDossier(job.deps.db, r.dossier.code)) !== undefined;
}

/** Whether a load of `rows` is large enough against the table to rebuild its indexes (ADR 10). */
async function isBulk(db: Queryable, input: FileInput, rows: number): Promise<boolean> {
  return (
    rows >= (input.bulkMinRows ?? BULK_MIN_ROWS) &&
    rows * BULK_SHARE >= (await repo.estimateDossierCount(db))
  );
}

// Thrown inside importDirect's transaction to roll it back once rows were refused.
class RowsRefused extends Error {}

/**
 * PostgreSQL, a file of new dossiers: one transaction COPYs the rows straight into `dossiers`
 * while the file is read, then records the job's result and audit entry. COPY takes only the lock
 * every insert takes (ROW EXCLUSIVE): readers of `dossiers` go on seeing the rows committed before,
 * and see the whole file at the commit, never part of it. Returns null, having changed nothing,
 * when a code is already a dossier or is repeated in the file (the primary key refuses the load):
 * the staging path then updates or lists the repeats.
 */
async function importDirect(job: JobContext): Promise<Outcome | null> {
  const { deps, spec, config } = job;
  const state = { loaded: null as Loaded | null, bulk: false };
  try {
    const counts = await deps.db.transaction(async (tx) => {
      state.bulk = await isBulk(tx, spec.input, job.estimate ?? 0);
      const now = deps.clock.now();
      const stamp = { version: config.version, jobId: spec.jobId, at: now.getTime() };
      const copy = await tx.copyIn('dossiers', repo.DOSSIER_COPY_COLUMNS, 'binary');
      // A refused row aborts the load (and the transaction); the file is still read to the end to
      // list its problems.
      const loaded = await loadRows(job, copy, 'dossiers', stamp);
      // The file is read: the workers' memory goes back before the commit.
      await job.pool?.close();
      state.loaded = loaded;
      if (loaded.problemRows > 0) throw new RowsRefused();
      const counts = { inserted: loaded.total, updated: 0 };
      await recordSuccess(tx, job, loaded, counts, now);
      return counts;
    });
    if (state.bulk) await repo.analyzeDossiers(deps.db).catch(() => undefined);
    return { loaded: state.loaded as Loaded, counts };
  } catch (error) {
    if (error instanceof RowsRefused) return { loaded: state.loaded as Loaded, counts: null };
    if (repo.isDuplicateInStatement(error)) return null;
    throw error;
  }
}

/**
 * Any file on the embedded database, and on PostgreSQL a file that updates dossiers: the rows are
 * COPYed into the job's own unlogged staging table while the file is read; a file without problems
 * is then inserted or upserted into `dossiers` in one statement (commitStaged). A code on several
 * rows makes that statement fail: the rows are then listed from the staging table.
 */
async function importStaged(job: JobContext): Promise<Outcome> {
  const { deps, spec } = job;
  const { db } = deps;
  const table = await repo.createStaging(db, spec.jobId);
  try {
    const copy = await db.copyIn(table, repo.STAGING_COPY_COLUMNS, 'binary');
    const stamp = { version: job.config.version, jobId: spec.jobId, at: 0 };
    const loaded = await loadRows(job, copy, 'staging', stamp);
    await job.pool?.close();
    if (loaded.problemRows > 0) return { loaded, counts: null };
    try {
      return { loaded, counts: await commitStaged(job, table, loaded) };
    } catch (error) {
      if (!repo.isDuplicateInStatement(error)) throw error;
      // A code on several rows of the file: list them (the rolled-back upsert changed nothing).
      const duplicates = await repo.stagingDuplicates(db, table, MAX_LISTED_PROBLEMS);
      // Not the file's own repeat (another import took the code meanwhile): a failure as such.
      if (duplicates.count === 0) throw error;
      loaded.problemRows += duplicates.count;
      for (const d of duplicates.items) {
        loaded.problems.push(
          problemOf(
            d.rows[1] as number,
            spec.mapping.code ?? DOSSIER_COLUMN_LABELS.code,
            'dossier_row_duplicate',
            { code: d.code, rows: d.rows.join(', ') },
          ),
        );
      }
      return { loaded, counts: null };
    }
  } finally {
    await repo.dropStaging(db, table).catch(() => undefined);
  }
}

/** The one transaction of a good staged file: upsert, re-score rated dossiers, job result, audit. */
async function commitStaged(
  job: JobContext,
  table: string,
  loaded: Loaded,
): Promise<{ inserted: number; updated: number }> {
  const { deps, spec, config } = job;
  const bulk = await isBulk(deps.db, spec.input, loaded.total);
  const counts = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    // Dropping the indexes locks `dossiers` against readers until the commit: only the embedded
    // database, whose one connection this transaction holds anyway, rebuilds them (ADR 52).
    const restore =
      bulk && deps.db.backend === 'embedded' ? await repo.suspendDossierIndexes(tx) : null;
    // A new quarter's file holds only new codes: a plain insert is about twice as fast as the
    // upsert's per-row conflict check (ADR 10).
    const counts = (await repo.stagingOverlapsDossiers(tx, table))
      ? await repo.upsertFromStaging(tx, table, config.version, spec.jobId, now)
      : {
          inserted: await repo.insertFromStaging(tx, table, config.version, spec.jobId, now),
          updated: 0,
        };
    if (restore !== null) await restore();
    // Dossiers that already had a rating form keep it: their points use the form.
    for (const row of await repo.dossiersWithFormsInStaging(tx, table)) {
      await repo.updateDerived(tx, row.code, deriveDossier(dossierFromDb(row), config), now);
    }
    await recordSuccess(tx, job, loaded, counts, now);
    // Gone with the commit: a job seen as succeeded never leaves its staging table behind.
    await repo.dropStaging(tx, table);
    return counts;
  });
  // The embedded database has no autovacuum to notice a million new rows.
  if (bulk) await repo.analyzeDossiers(deps.db).catch(() => undefined);
  return counts;
}

/** The job's result and its audit entry, in the transaction that wrote the dossiers. */
async function recordSuccess(
  tx: Queryable,
  job: JobContext,
  loaded: Loaded,
  counts: { inserted: number; updated: number },
  now: Date,
): Promise<void> {
  const { actor, spec } = job;
  const { input } = spec;
  // Provinces that end a due date without a time at its first moment read these dossiers so.
  await rereadJobDueDates(tx, spec.jobId, job.config);
  await repo.finishJob(
    tx,
    spec.jobId,
    {
      status: 'succeeded',
      total: loaded.total,
      inserted: counts.inserted,
      updated: counts.updated,
      problemRows: 0,
      problems: [],
      periods: loaded.periods,
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
      entityId: spec.jobId,
      unitId: null,
      after: {
        file: input.fileName,
        source: input.sourceName,
        rows: loaded.total,
        updated: counts.updated,
        periods: loaded.periods,
      },
    },
    now,
  );
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
/** The directory where uploaded import files wait for their job. */
export function uploadsDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'uploads');
}

const KEPT_NAME = /^dossiers-[0-9a-f-]{36}$/;

/** The name of an upload kept for its job, when it lies in the uploads directory. */
function keptName(deps: Deps, filePath: string): string | null {
  const name = path.basename(filePath);
  return path.dirname(path.resolve(filePath)) === uploadsDir(deps) && KEPT_NAME.test(name)
    ? name
    : null;
}

/**
 * Runs an interrupted import again from its kept file, with the mapping it ran with, as a new
 * job of the actor (who must be able to see the job and to import). Returns the new job.
 */
export async function retryImportJob(deps: Deps, actor: Actor, id: number): Promise<StartedImport> {
  const row = await visibleJob(deps, actor, id);
  importScope(actor);
  if (row.status !== 'interrupted') throw new AppError('conflict', 'job_not_interrupted');
  const name = await imports.takeInterruptedInput(deps.db, id);
  const filePath = name !== null && KEPT_NAME.test(name) ? path.join(uploadsDir(deps), name) : null;
  if (filePath === null || !existsSync(filePath))
    throw new AppError('conflict', 'dossier_import_file_gone');
  const started = await startDossierImport(deps, actor, {
    filePath,
    fileName: row.file_name,
    sourceName: row.source_name ?? row.file_name,
    mapping: row.mapping as ColumnMapping | null,
    ownsFile: true,
  });
  await imports.markRetried(deps.db, id, started.jobId, deps.clock.now());
  return started;
}

/** How many imports were interrupted and not run again (the administrator's home page). */
export function countInterruptedImports(db: Queryable): Promise<number> {
  return imports.countInterruptedImports(db);
}

async function visibleJob(deps: Deps, actor: Actor, id: number): Promise<repo.JobRow> {
  const row = await imports.findImport(deps.db, id);
  if (!row) throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  if (row.created_by !== actor.userId && scopeOf(actor, 'dossier.import') !== null) {
    throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  }
  return row;
}

export async function getImportJob(
  deps: Deps,
  actor: Actor,
  id: number,
  locale: Locale = 'vi',
): Promise<JobView> {
  const row = await imports.findImport(deps.db, id);
  if (!row) throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  if (row.created_by !== actor.userId && scopeOf(actor, 'dossier.import') !== null) {
    throw new AppError('not_found', 'not_found', { what: '@entity_dossier_import_job' });
  }
  return presentJob(row, locale);
}
