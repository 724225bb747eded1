/**
 * The background reading of evidence files: after an upload, each new file version is read off
 * the request path for its Decree 30 metadata and its digital signatures, and the result is kept
 * per version (`evidence_checks`). Each pending check is a job of the job runner (ADR 37), queued
 * in the transaction that saved the version, so a restart, or another server, picks up what was
 * left. What the officer sees of a check is built in check.service.ts.
 */
import {
  readOfficialDocument,
  type OfficialDocumentMetadata,
} from '../../../domain/documents/official-document.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { nextOwnerNumber } from '../../infra/job-owner.ts';
import {
  createJobRunner,
  enqueueJob,
  enqueueJobs,
  JobDeferred,
  type JobHandler,
} from '../../infra/jobs.ts';
import { StorageUnavailableError } from '../../infra/storage.ts';
import { formatOfMediaType } from './content-type.ts';
import { ocrImage, ocrPdf, type OcrResult } from './ocr.ts';
import { readOfficeSignatures } from './office-signatures.ts';
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

/** What the text of a Word or OpenDocument file gave (its signatures are read next). */
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
  if (format === 'docx' || format === 'odt') {
    const read = fromOffice(await readOfficeText(bytes, format));
    if (read.status !== 'done') return read;
    // The signatures inside the package (XML signatures over its parts), judged as a PDF's.
    const inspection = await readOfficeSignatures(
      bytes,
      format,
      configuredTrustAnchors()?.certificates,
    );
    if (inspection.status !== 'ok')
      return {
        status: 'unreadable',
        metadata: null,
        signatures: null,
        error: inspection.status,
        readBy: null,
      };
    return { ...read, signatures: inspection.signatures };
  }
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

/** The job kind that reads one file version (ADR 37); its payload is `{ versionId }`. */
export const EVIDENCE_CHECK = 'evidence.check';

const checkJob = (versionId: number) => ({
  dedupeKey: `${EVIDENCE_CHECK}:${versionId}`,
  maxAttempts: MAX_ATTEMPTS,
});

/**
 * Queues the check of a document's version, in the caller's transaction: its pending row, and the
 * job that reads it. Nothing is queued for a version already checked or queued.
 */
export async function queueEvidenceCheck(
  q: Queryable,
  now: Date,
  documentId: number,
  versionNo: number,
): Promise<void> {
  const versionId = await repo.queueCheck(q, documentId, versionNo);
  if (versionId !== null)
    await enqueueJob(q, now, EVIDENCE_CHECK, { versionId }, checkJob(versionId));
}

/** Queues the job of each given version whose check is pending (a batch re-check). */
export async function queueEvidenceCheckJobs(
  q: Queryable,
  now: Date,
  versionIds: readonly number[],
): Promise<void> {
  await enqueueJobs(
    q,
    now,
    EVIDENCE_CHECK,
    versionIds.map((versionId) => ({ payload: { versionId }, ...checkJob(versionId) })),
  );
}

/**
 * Reads one version and keeps the outcome. A check no longer pending (read meanwhile, or its
 * document deleted) is skipped; a storage out of reach leaves it pending and tries again in a
 * minute without spending an attempt.
 */
async function runCheck(deps: Deps, versionId: number): Promise<unknown> {
  const job = await repo.beginCheck(deps.db, versionId);
  if (!job) return { skipped: true };
  let outcome: CheckOutcome;
  try {
    outcome = await checkFile(await readStored(deps, job.blob_key), job.media_type);
  } catch (error) {
    // The storage is out of reach, not the file: the check stays queued for a later try.
    if (error instanceof StorageUnavailableError) {
      await repo.releaseCheckAttempt(deps.db, versionId);
      throw new JobDeferred(STORAGE_RETRY_MS, error.message);
    }
    outcome = {
      status: 'unreadable',
      metadata: null,
      signatures: null,
      error: 'file_unavailable',
      readBy: null,
    };
  }
  await repo.saveCheck(deps.db, versionId, outcome, deps.clock.now());
  return { status: outcome.status, error: outcome.error };
}

const STORAGE_RETRY_MS = 60_000;

/**
 * The evidence check job: one file at a time per process (reading is CPU-bound and runs in a
 * bounded worker). At start it queues a job for every pending check that has none (checks saved
 * before checks were jobs).
 */
export function evidenceCheckJob(deps: Deps): JobHandler<{ versionId: number }> {
  return {
    kind: EVIDENCE_CHECK,
    concurrency: 1,
    run: ({ payload }) => runCheck(deps, payload.versionId),
    async resume() {
      const now = deps.clock.now();
      await queueEvidenceCheckJobs(
        deps.db,
        now,
        await repo.listPendingChecks(deps.db, MAX_ATTEMPTS),
      );
    },
  };
}

/** Looks for checks to run now (after an upload or a re-check was saved). */
export function scheduleEvidenceChecks(deps: Deps): void {
  deps.jobs?.wake();
}

/**
 * Runs the queued checks of this database until none is left, in this call (commands and tests);
 * where no runner was started, through a runner of its own for this kind.
 */
export async function drainEvidenceChecks(deps: Deps): Promise<void> {
  if (deps.jobs) {
    await deps.jobs.runUntilIdle([EVIDENCE_CHECK]);
    return;
  }
  const runner = createJobRunner({
    db: deps.db,
    clock: deps.clock,
    owner: await nextOwnerNumber(deps.db),
    handlers: [evidenceCheckJob(deps) as JobHandler<never>],
  });
  await runner.runUntilIdle();
}
