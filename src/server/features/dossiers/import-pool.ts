/**
 * The threads a dossier import checks and scores its rows on: one worker per core the process may
 * use (os.availableParallelism()), each building the job's chunk processor once, or none for a
 * small file (the job's own thread then runs the same processor). Pieces are handed out in turn
 * and their results taken back in the file's order, a bounded number in flight, so memory stays a
 * few megabytes per worker whatever the file's size. The workers end with the job, so their
 * memory goes back to the system.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetail, type ErrorKind } from '../../errors.ts';
import type { MessageKey, MessageParams } from '../../i18n/messages.ts';
import {
  type ChunkInput,
  type ChunkResult,
  type ChunkSetup,
  createChunkProcessor,
} from './import-chunk.ts';

/** Runs pieces of one job, results in the order the pieces were given. */
export interface ChunkRunner {
  run(piece: ChunkInput): Promise<ChunkResult>;
  /** Pieces a caller may keep in flight. */
  readonly depth: number;
  close(): Promise<void>;
}

const YOUNG_GENERATION_MB = 96;

type Reply =
  | { id: number; result: ChunkResult }
  | {
      id: number;
      error: {
        app?: { kind: ErrorKind; code: MessageKey; params: MessageParams; details: ErrorDetail[] };
        message: string;
      };
    };

/** The number of workers an import uses by default. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The job's own thread: each piece processed when given. */
export function inlineRunner(setup: ChunkSetup): ChunkRunner {
  const processChunk = createChunkProcessor(setup);
  return {
    depth: 1,
    run: (piece) => {
      try {
        return Promise.resolve(processChunk(piece));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    close: () => Promise.resolve(),
  };
}

/** Worker threads for one job's loads. */
export interface WorkerPool {
  runner(setup: ChunkSetup): ChunkRunner;
  close(): Promise<void>;
}

interface Pending {
  resolve: (r: ChunkResult) => void;
  reject: (e: Error) => void;
}

/**
 * `count` workers started now, loading their code while the job prepares (a worker takes about a
 * second to start); `runner(setup)` gives them the job's setup (again for a second load of the
 * same job) and hands them pieces. A crashed worker fails the pieces it held and the later ones.
 */
export function startWorkerPool(count: number): WorkerPool {
  const moduleUrl = new URL('./import-chunk.ts', import.meta.url).href;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let turn = 0;
  let broken: Error | null = null;
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const worker = new Worker(new URL('./import-worker.mjs', import.meta.url), {
      workerData: { module: moduleUrl },
      // A young generation large enough for a piece's rows: they die young instead of being
      // copied from space to space (a fifth less time per row).
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      if (p === undefined) return;
      pending.delete(m.id);
      if ('result' in m) p.resolve(m.result);
      else if (m.error.app)
        p.reject(
          new AppError(m.error.app.kind, m.error.app.code, m.error.app.params, m.error.app.details),
        );
      else p.reject(new Error(m.error.message));
    });
    worker.on('error', (error) => {
      broken = error;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    workers.push(worker);
  }
  return {
    runner(setup) {
      for (const w of workers) w.postMessage({ setup });
      return {
        depth: count * 2,
        run: (piece) => {
          if (broken !== null) return Promise.reject(broken);
          const id = nextId++;
          const worker = workers[turn] as Worker;
          turn = (turn + 1) % workers.length;
          return new Promise<ChunkResult>((resolve, reject) => {
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, piece });
          });
        },
        // The pool outlives a load; the job closes it.
        close: () => Promise.resolve(),
      };
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
