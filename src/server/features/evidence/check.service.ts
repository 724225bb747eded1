/**
 * Evidence that checks itself: after an upload, each new file version is read in the background
 * (off the request path) for its Decree 30 metadata and its digital signatures, and the result
 * is kept per version. The officer sees what was read, with findings an appraiser would raise,
 * and corrects the document's metadata through the usual edit.
 *
 * The queue is the table itself (pending rows); one in-process worker per database drains it,
 * started by each upload and on demand, so a restart simply picks up what was left pending.
 */
import type { Actor } from '../../../domain/access.ts';
import {
  evidenceFindings,
  type EvidenceRequirement,
  type Finding,
  type SignatureFacts,
} from '../../../domain/documents/findings.ts';
import {
  readOfficialDocument,
  type OfficialDocumentMetadata,
} from '../../../domain/documents/official-document.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { formatOfMediaType } from './content-type.ts';
import { ocrImage, ocrPdf, type OcrResult } from './ocr.ts';
import { inspectPdfSignatures, type PdfSignature } from './pdf-signatures.ts';
import { extractPdfText } from './pdf-text.ts';
import * as repo from './repository.ts';
import { getEvidence } from './service.ts';

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

const MAX_ATTEMPTS = 3;

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
  if (format !== 'pdf')
    return {
      status: 'unreadable',
      metadata: null,
      signatures: null,
      error: 'format_not_checked',
      readBy: null,
    };
  const inspection = await inspectPdfSignatures(bytes);
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
  } catch {
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

export interface CheckView {
  documentId: number;
  versionNo: number;
  status: 'pending' | 'done' | 'unreadable';
  error: CheckError | null;
  readBy: ReadBy | null;
  metadata: OfficialDocumentMetadata | null;
  signatures: PdfSignature[];
  changedAfterSigning: boolean;
  findings: Finding[];
  checkedAt: string | null;
}

const facts = (s: PdfSignature): SignatureFacts => ({
  valid: s.status === 'valid',
  coversWholeFile: s.coversWholeFile,
  signingTime: s.signingTime,
  signerName: s.signer?.commonName ?? null,
});

/**
 * What the check read from a document's current version (or `versionNo`), with findings against
 * what a sub-criterion needs; a version never checked is queued now.
 */
export async function getEvidenceCheck(
  deps: Deps,
  actor: Actor,
  id: number,
  options: { versionNo?: number | undefined; requirement?: EvidenceRequirement } = {},
): Promise<CheckView> {
  const doc = await getEvidence(deps, actor, id);
  const versionNo = options.versionNo ?? doc.currentVersion;
  const version = (await repo.listVersions(deps.db, id)).find((v) => v.version_no === versionNo);
  if (!version) throw notFound('entity_evidence_version');
  let row = await repo.findCheck(deps.db, version.id);
  if (!row) {
    await repo.queueCheck(deps.db, id, versionNo);
    void scheduleEvidenceChecks(deps);
    row = await repo.findCheck(deps.db, version.id);
  }
  const metadata = (row?.metadata ?? null) as OfficialDocumentMetadata | null;
  const signatures = (row?.signatures ?? []) as PdfSignature[];
  const status = row?.status ?? 'pending';
  const error = (row?.error ?? null) as CheckError | null;
  const last = signatures.at(-1);
  return {
    documentId: id,
    versionNo,
    status,
    error,
    readBy: row?.read_by ?? null,
    metadata,
    signatures,
    changedAfterSigning: last !== undefined && !last.coversWholeFile,
    findings:
      status === 'pending'
        ? []
        : evidenceFindings(metadata, signatures.map(facts), options.requirement ?? {}),
    checkedAt: row?.checked_at ? new Date(row.checked_at).toISOString() : null,
  };
}
