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

/** Extracts the text of a PDF, never throwing: problems come back as a status. */
export function extractPdfText(
  bytes: Uint8Array,
  limits: PdfTextLimits = DEFAULT_TEXT_LIMITS,
): Promise<PdfTextResult> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(new URL('./pdf-text-worker.mjs', import.meta.url), {
      workerData: { bytes, maxPages: limits.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    const finish = (result: PdfTextResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'timeout' }), limits.timeoutMs);
    worker.once(
      'message',
      (m: { ok: true; text: string; pages: number } | { ok: false; error: string }) => {
        if (m.ok) finish({ status: 'ok', text: m.text, pages: m.pages });
        else if (m.error === 'PasswordException') finish({ status: 'encrypted' });
        else finish({ status: 'unreadable', reason: m.error });
      },
    );
    worker.once('error', (error) => finish({ status: 'unreadable', reason: error.name }));
    worker.once('exit', () => finish({ status: 'unreadable', reason: 'exited' }));
  });
}
