/**
 * Heavy reading of uploaded files (workbooks, Word templates, large CSV) in a worker thread of its
 * own, so that a hostile or merely huge file cannot take the server with it: each task gets a
 * fresh worker with a heap limit (`resourceLimits`) and a time limit that terminates it, and the
 * workers running at once share a memory budget; the tasks beyond it wait their turn (a bounded
 * queue). A worker is ended after its task, so its memory goes back to the system. The task is a
 * named export of a TypeScript module, loaded in the worker through tsx; an `AppError` it throws
 * comes back as the same `AppError`, anything else as a refusal naming the file, never a 500.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetail, type ErrorKind } from '../errors.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';

/** A function of a module, run in the worker with these (structured-cloneable) arguments. */
export interface ContainedTask {
  module: URL;
  fn: string;
  args: unknown[];
}

export interface ContainedLimits {
  /** Old-generation heap of the worker, MB. */
  heapMb: number;
  /** Longest the task may run (a stream: longest wait for its next item), ms. */
  timeoutMs: number;
}

/** Heap of all running workers together; a task waits until its share is free. */
const BUDGET_MB = 640;
/** Tasks that may wait for the budget; more are refused (the server is busy reading files). */
const MAX_WAITING = 24;

let inUseMb = 0;
const waiting: { mb: number; start: () => void }[] = [];

function acquire(mb: number): Promise<() => void> {
  const need = Math.min(mb, BUDGET_MB);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    inUseMb -= need;
    while (waiting.length > 0 && inUseMb + waiting[0]!.mb <= BUDGET_MB) {
      const next = waiting.shift()!;
      inUseMb += next.mb;
      next.start();
    }
  };
  if (waiting.length === 0 && inUseMb + need <= BUDGET_MB) {
    inUseMb += need;
    return Promise.resolve(release);
  }
  if (waiting.length >= MAX_WAITING)
    return Promise.reject(new AppError('rate_limited', 'file_queue_full', { seconds: 30 }));
  return new Promise((resolve) => waiting.push({ mb: need, start: () => resolve(release) }));
}

type WorkerMessage =
  | { type: 'result'; value: unknown }
  | { type: 'item'; value: unknown }
  | { type: 'done' }
  | {
      type: 'error';
      app?: { kind: ErrorKind; code: MessageKey; params: MessageParams; details: ErrorDetail[] };
      message?: string;
    };

function spawn(task: ContainedTask, limits: ContainedLimits, stream: boolean): Worker {
  return new Worker(new URL('./contained-worker.mjs', import.meta.url), {
    workerData: { module: task.module.href, fn: task.fn, args: task.args, stream },
    resourceLimits: {
      maxOldGenerationSizeMb: limits.heapMb,
      stackSizeMb: 4,
    },
    stdout: false,
    stderr: false,
  });
}

const heavy = (limits: ContainedLimits) =>
  new AppError('too_large', 'file_too_heavy', { limit: `${limits.heapMb} MB` });
const slow = (limits: ContainedLimits) =>
  new AppError('too_large', 'file_too_slow', { seconds: Math.round(limits.timeoutMs / 1000) });

function failure(message: Extract<WorkerMessage, { type: 'error' }>): AppError {
  if (message.app)
    return new AppError(
      message.app.kind,
      message.app.code,
      message.app.params,
      message.app.details,
    );
  return new AppError('invalid', 'file_unreadable');
}

/** Why a worker ended without answering: out of memory, or any other crash. */
function lost(error: unknown, limits: ContainedLimits): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(String(error))) return heavy(limits);
  return new AppError('invalid', 'file_unreadable');
}

/** Runs a task in its own worker; resolves with its result or rejects with an AppError. */
export async function runContained<T>(task: ContainedTask, limits: ContainedLimits): Promise<T> {
  const release = await acquire(limits.heapMb);
  const worker = spawn(task, limits, false);
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(slow(limits)), limits.timeoutMs);
      const settle = () => clearTimeout(timer);
      worker.on('message', (m: WorkerMessage) => {
        settle();
        if (m.type === 'result') resolve(m.value as T);
        else if (m.type === 'error') reject(failure(m));
      });
      worker.on('error', (error) => {
        settle();
        reject(lost(error, limits));
      });
      worker.on('exit', () => {
        settle();
        reject(lost(undefined, limits));
      });
    });
  } finally {
    await worker.terminate();
    release();
  }
}

/**
 * Runs an async-generator task in its own worker and yields its items one at a time: the worker
 * makes the next while this one is used and sends it once this one is taken (so it runs at most
 * one item ahead of a slow consumer), and is ended when the consumer stops or after `timeoutMs`
 * without an item.
 */
export async function* streamContained<T>(
  task: ContainedTask,
  limits: ContainedLimits,
): AsyncGenerator<T> {
  const release = await acquire(limits.heapMb);
  const worker = spawn(task, limits, true);
  const inbox: WorkerMessage[] = [];
  let ended: AppError | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (error) => {
    ended ??= lost(error, limits);
    notify();
  });
  worker.on('exit', () => {
    ended ??= lost(undefined, limits);
    notify();
  });
  try {
    for (;;) {
      if (inbox.length === 0 && ended === null) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(() => {
            ended ??= slow(limits);
            resolve();
          }, limits.timeoutMs);
        });
        clearTimeout(timer);
      }
      const message = inbox.shift();
      if (!message) {
        if (ended) throw ended;
        continue;
      }
      if (message.type === 'item') {
        yield message.value as T;
        worker.postMessage('next');
      } else if (message.type === 'done') {
        return;
      } else if (message.type === 'error') {
        throw failure(message);
      }
    }
  } finally {
    await worker.terminate();
    release();
  }
}
