/**
 * The background reading of evidence files: after an upload, each new file version is read off
 * the request path for its Decree 30 metadata and its digital signatures, and the result is kept
 * per version. The queue is the table itself (pending rows); one in-process worker per database
 * drains it, started by each upload and on demand, so a restart simply picks up what was left
 * pending. What the officer sees of a check is built in check.service.ts.
 */
import {
  readOfficialDocument,
  type OfficialDocumentMetadata,
} from '../../../domain/documents/official-document.ts';
import type { Deps } from '../../deps.ts';
import { StorageUnavailableError } from '../../infra/storage.ts';
import { formatOfMediaType } from './content-type.ts';
import { ocrImage, ocrPdf, type OcrResult } from './ocr.ts';
import { readOfficeText, type OfficeTextResult } from './office-text.ts';
import { inspectPdfSignatures, type PdfSignature } from './pdf-signatures.ts';
import { extractPdfText } from './pdf-text.ts';
import { configuredTrustAnchors } from './trust-anchors.ts';
import * as repo from './repository.ts';

/** Why a file's content could not be read. */
export type CheckError =
  | 'encrypted'
  | 'corrupt'
  | 'too_large'
  | 'timeout'
  | 'scan'
  | 'scan_no_text'
  | 'format_not_checked'
  | 'file_unavailable';

/** Attempts after which a check that keeps failing is given up (it stays pending, unread). */
export const MAX_ATTEMPTS = 3;

/** How the text was read: from the file's text layer, or by OCR of a scan. */
export type ReadBy = 'text' | 'ocr';

export interface CheckOutcome {
  status: 'done' | 'unreadable';
  metadata: OfficialDocumentMetadata | null;
  signatures: PdfSignature[] | null;
  error: CheckError | null;
  readBy: ReadBy | null;
}

/** What OCR gave for a scan: its metadata, or why the scan stays unread. */
function fromOcr(ocr: OcrResult, signatures: PdfSignature[] | null): CheckOutcome {
  switch (ocr.status) {
    case 'ok':
      // Nothing legible on the page (a photo, a blank scan): still a scan that was not read.
      if (ocr.text.trim() === '')
        return { status: 'done', metadata: null, signatures, error: 'scan_no_text', readBy: null };
      return {
        status: 'done',
        metadata: readOfficialDocument(ocr.text),
        signatures,
        error: null,
        readBy: 'ocr',
      };
    case 'unavailable':
      return { status: 'done', metadata: null, signatures, error: 'scan', readBy: null };
    case 'timeout':
      return { status: 'unreadable', metadata: null, signatures, error: 'timeout', readBy: null };
    case 'failed':
      return { status: 'unreadable', metadata: null, signatures, error: 'corrupt', readBy: null };
  }
}

/** What the text of a Word or OpenDocument file gave (such files carry no PDF signature). */
function fromOffice(text: OfficeTextResult): CheckOutcome {
  const none = { metadata: null, signatures: null, readBy: null };
  switch (text.status) {
    case 'ok':
      return {
        status: 'done',
        metadata: readOfficialDocument(text.text),
        signatures: [],
        error: null,
        readBy: 'text',
      };
    case 'too_large':
      return { status: 'unreadable', ...none, error: 'too_large' };
    case 'timeout':
      return { status: 'unreadable', ...none, error: 'timeout' };
    case 'unreadable':
      return { status: 'unreadable', ...none, error: 'corrupt' };
  }
}

async function readStored(deps: Deps, key: string): Promise<Buffer> {
  const { stream } = await deps.storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads one file: signatures first (cheap, in process), then the text in a bounded worker; a scan
 * (an image, or a PDF without a text layer) goes to OCR when it is installed, else it is reported
 * as a scan that was not read.
 */
export async function checkFile(bytes: Buffer, mediaType: string): Promise<CheckOutcome> {
  const format = formatOfMediaType(mediaType);
  if (format === 'jpg' || format === 'png') return fromOcr(await ocrImage(bytes, format), null);
  if (format === 'docx' || format === 'odt') return fromOffice(await readOfficeText(bytes, format));
  if (format !== 'pdf')
    return {
      status: 'unreadable',
      metadata: null,
      signatures: null,
      error: 'format_not_checked',
      readBy: null,
    };
  const inspection = await inspectPdfSignatures(bytes, {
    trustAnchors: configuredTrustAnchors()?.certificates,
  });
  if (inspection.status !== 'ok')
    return {
      status: 'unreadable',
      metadata: null,
      signatures: null,
      error: inspection.status,
      readBy: null,
    };
  const signatures = inspection.signatures;
  const text = await extractPdfText(bytes);
  switch (text.status) {
    case 'ok':
      // No text layer at all: scanned pages.
      if (text.text.trim() === '') return fromOcr(await ocrPdf(bytes, text.pages), signatures);
      return {
        status: 'done',
        metadata: readOfficialDocument(text.text),
        signatures,
        error: null,
        readBy: 'text',
      };
    case 'encrypted':
      return {
        status: 'unreadable',
        metadata: null,
        signatures: null,
        error: 'encrypted',
        readBy: null,
      };
    case 'timeout':
      return { status: 'unreadable', metadata: null, signatures, error: 'timeout', readBy: null };
    case 'unreadable':
      return { status: 'unreadable', metadata: null, signatures, error: 'corrupt', readBy: null };
  }
}

async function runOne(deps: Deps): Promise<boolean> {
  const job = await repo.claimPendingCheck(deps.db, MAX_ATTEMPTS);
  if (!job) return false;
  let outcome: CheckOutcome;
  try {
    outcome = await checkFile(await readStored(deps, job.blob_key), job.media_type);
  } catch (error) {
    // The storage is out of reach, not the file: the check stays queued for the next pass.
    if (error instanceof StorageUnavailableError) {
      await repo.releaseCheckAttempt(deps.db, job.version_id);
      return false;
    }
    outcome = {
      status: 'unreadable',
      metadata: null,
      signatures: null,
      error: 'file_unavailable',
      readBy: null,
    };
  }
  await repo.saveCheck(deps.db, job.version_id, outcome, deps.clock.now());
  return true;
}

const running = new WeakMap<object, Promise<void>>();

/**
 * Starts draining the pending checks in the background unless a worker already runs for this
 * database; returns the running worker (tests and shutdown await it, uploads do not).
 */
export function scheduleEvidenceChecks(deps: Deps): Promise<void> {
  const current = running.get(deps.db);
  if (current) {
    // Work queued while the worker finishes its last item is picked up by a second pass.
    const again = current.then(() => scheduleEvidenceChecks(deps));
    return again;
  }
  const worker = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      while (await runOne(deps));
    })
    .catch(() => undefined)
    .finally(() => running.delete(deps.db));
  running.set(deps.db, worker);
  return worker;
}

/** Waits for the background checks of this database to finish (shutdown, tests). */
export async function drainEvidenceChecks(deps: Deps): Promise<void> {
  await running.get(deps.db);
}
