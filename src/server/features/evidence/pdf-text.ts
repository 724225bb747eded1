/**
 * A PDF's text for the document checks, extracted by pdf.js (unpdf) in a worker thread that is
 * stopped after a timeout and capped in memory: a hostile or broken file cannot hold the server.
 */
import { Worker } from 'node:worker_threads';

export type PdfTextResult =
  | { status: 'ok'; text: string; pages: number }
  | { status: 'encrypted' }
  | { status: 'unreadable'; reason: string }
  | { status: 'timeout' };

export interface PdfTextLimits {
  timeoutMs: number;
  maxPages: number;
  maxHeapMb: number;
}

export const DEFAULT_TEXT_LIMITS: PdfTextLimits = {
  timeoutMs: 20_000,
  maxPages: 30,
  maxHeapMb: 256,
};

type WorkerReply =
  { id: number; ok: true; text: string; pages: number } | { id: number; ok: false; error: string };

interface Job {
  id: number;
  bytes: Uint8Array;
  limits: PdfTextLimits;
  resolve: (result: PdfTextResult) => void;
}

/**
 * One long-lived worker per heap limit, reading one file at a time (files wait in order). A file
 * that runs past its time limit, or a worker that dies (out of memory), ends that worker; the next
 * file starts a fresh one. An idle worker does not keep the process alive.
 */
class TextWorker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  constructor(private readonly maxHeapMb: number) {}

  extract(bytes: Uint8Array, limits: PdfTextLimits): Promise<PdfTextResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, limits, resolve });
      this.pump();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./pdf-text-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    worker.on('message', (m: WorkerReply) => {
      if (!this.current || this.current.job.id !== m.id) return;
      if (m.ok) this.finish({ status: 'ok', text: m.text, pages: m.pages });
      else if (m.error === 'PasswordException') this.finish({ status: 'encrypted' });
      else this.finish({ status: 'unreadable', reason: m.error });
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish({ status: 'unreadable', reason });
    };
    worker.on('error', (error) => lost(error.name));
    worker.on('exit', () => lost('exited'));
    return worker;
  }

  private finish(result: PdfTextResult): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    current.job.resolve(result);
    this.pump();
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.worker ??= this.spawn();
    const worker = this.worker;
    worker.ref();
    const timer = setTimeout(() => {
      // Stop the file: the worker goes with it, a fresh one takes the next file.
      this.worker = null;
      void worker.terminate();
      this.finish({ status: 'timeout' });
    }, job.limits.timeoutMs);
    this.current = { job, timer };
    // A copy: the caller's buffer stays usable, the worker gets its own.
    worker.postMessage({ id: job.id, bytes: job.bytes, maxPages: job.limits.maxPages });
  }
}

const workers = new Map<number, TextWorker>();

/** Extracts the text of a PDF, never throwing: problems come back as a status. */
export function extractPdfText(
  bytes: Uint8Array,
  limits: PdfTextLimits = DEFAULT_TEXT_LIMITS,
): Promise<PdfTextResult> {
  let worker = workers.get(limits.maxHeapMb);
  if (!worker) {
    worker = new TextWorker(limits.maxHeapMb);
    workers.set(limits.maxHeapMb, worker);
  }
  return worker.extract(bytes, limits);
}
