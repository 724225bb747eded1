/**
 * Use-cases of the evidence library: upload a document (or a new version of one), find, read,
 * edit and delete documents, and open their files for download or preview.
 *
 * A file is streamed into storage under a fresh key while it is measured and hashed; its type is
 * then read from its content. Only then is the database row written, in one transaction with the
 * audit entry. Whatever goes wrong before that transaction commits, the stored file is deleted:
 * no row points at a missing file and no file is left without a row. The same content twice in
 * one unit is stored once (unique unit + SHA-256); the second upload is pointed at the first.
 */
import { randomUUID } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { can, type Actor } from '../../../domain/access.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { FileTooLargeError, StoredFileMissingError } from '../../infra/storage.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { findUnit, type UnitRow } from '../units/service.ts';
import {
  detectFormat,
  downloadFilename,
  formatOfMediaType,
  isPreviewable,
  MEDIA_TYPES,
  SNIFF_BYTES,
  type EvidenceFormat,
} from './content-type.ts';
import { queueEvidenceCheck, scheduleEvidenceChecks } from './check-worker.ts';
import * as repo from './repository.ts';
import type { DocumentType, UploadFields } from '../../../shared/contract/evidence.ts';

/** A file as it arrives, from any transport. */
export interface IncomingFile {
  filename: string;
  stream: Readable;
}

export interface FileVersionView {
  versionNo: number;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface DocumentView {
  id: number;
  unitId: number;
  number: string | null;
  type: DocumentType;
  issuedOn: string | null;
  issuer: string | null;
  summary: string;
  currentVersion: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  file: FileVersionView;
  downloadUrl: string;
  signerName: string | null;
  signerTitle: string | null;
  confirmed: {
    versionNo: number;
    signatureStatus: 'none' | 'valid' | 'invalid';
    signatureTrust: 'trusted' | 'not_trusted' | 'not_checked' | null;
    by: string | null;
    at: string;
  } | null;
}

export interface DocumentDetailView extends DocumentView {
  unitName: string;
  versions: FileVersionView[];
  permissions: { write: boolean };
}

/** An upload's outcome: the new document, or the one that already holds the same content. */
export interface UploadOutcome {
  document: DocumentDetailView;
  duplicate: { versionNo: number } | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function presentVersion(v: repo.VersionRow): FileVersionView {
  return {
    versionNo: v.version_no,
    filename: v.original_filename,
    mediaType: v.media_type,
    size: Number(v.size_bytes),
    sha256: v.sha256,
    uploadedAt: iso(v.uploaded_at),
    uploadedBy: v.uploaded_by_name,
  };
}

/** The API shape of a document with its current file. */
export function presentDocument(row: repo.DocumentWithFile): DocumentView {
  return {
    id: row.id,
    unitId: row.unit_id,
    number: row.doc_number,
    type: row.doc_type as DocumentType,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    summary: row.summary,
    currentVersion: row.current_version,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    file: presentVersion(row.file),
    downloadUrl: `/api/v1/evidence/${row.id}/download`,
    signerName: row.signer_name ?? null,
    signerTitle: row.signer_title ?? null,
    confirmed:
      row.confirmed_version != null && row.confirmed_at && row.signature_status
        ? {
            versionNo: row.confirmed_version,
            signatureStatus: row.signature_status,
            signatureTrust: row.signature_trust ?? null,
            by: row.confirmed_by_name ?? null,
            at: iso(row.confirmed_at),
          }
        : null,
  };
}

export async function unitFor(
  db: Queryable,
  actor: Actor,
  unitId: number,
  permission: 'evidence.read' | 'evidence.write',
): Promise<UnitRow> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('entity_unit');
  if (!can(actor, permission, unit.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  return unit;
}

/** A document and its unit, checked against the actor's rights. */
async function documentFor(
  db: Queryable,
  actor: Actor,
  id: number,
  permission: 'evidence.read' | 'evidence.write',
  options: { forUpdate?: boolean } = {},
): Promise<{ doc: repo.DocumentWithFile; unit: UnitRow }> {
  const doc = await repo.findDocument(db, id, options);
  if (!doc) throw notFound('entity_evidence');
  const unit = await unitFor(db, actor, doc.unit_id, permission);
  return { doc, unit };
}

async function detailOf(
  db: Queryable,
  actor: Actor,
  doc: repo.DocumentWithFile,
  unit: UnitRow,
): Promise<DocumentDetailView> {
  return {
    ...presentDocument(doc),
    unitName: unit.name,
    versions: (await repo.listVersions(db, doc.id)).map(presentVersion),
    permissions: { write: can(actor, 'evidence.write', unit.path) },
  };
}

/** A unit's documents, filtered by words (diacritics ignored) and type. */
export async function listEvidence(
  deps: Deps,
  actor: Actor,
  unitId: number,
  query: { q?: string | undefined; type?: DocumentType | undefined; limit: number; offset: number },
): Promise<{ items: DocumentView[]; total: number }> {
  await unitFor(deps.db, actor, unitId, 'evidence.read');
  const result = await repo.searchDocuments(deps.db, {
    unitId,
    q: query.q ? searchKey(query.q) || undefined : undefined,
    type: query.type,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: result.items.map(presentDocument), total: result.total };
}

/** One document with all its versions. */
export async function getEvidence(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<DocumentDetailView> {
  const { doc, unit } = await documentFor(deps.db, actor, id, 'evidence.read');
  return detailOf(deps.db, actor, doc, unit);
}

/** A received file: stored under `key`, measured, hashed and typed, not yet recorded. */
interface StagedFile {
  key: string;
  size: number;
  sha256: string;
  format: EvidenceFormat;
  filename: string;
}

/** Strips any folder a browser sends along and characters that do not belong in a name. */
function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'tai-lieu').slice(0, 255);
}

/** "50 MB", or "2 KB" for limits under a megabyte. */
function formatLimit(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb ? `${Math.floor(bytes / mb)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

async function readWhole(deps: Deps, key: string): Promise<Buffer> {
  const { stream } = await deps.storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Streams an incoming file into storage and checks it: not empty, not too large, one of the
 * accepted formats by content. On any failure nothing stays stored.
 */
async function receiveFile(deps: Deps, unitId: number, file: IncomingFile): Promise<StagedFile> {
  const filename = cleanFilename(file.filename);
  const key = `evidence/${unitId}/${randomUUID()}`;
  let head = Buffer.alloc(0);
  let interrupted = false;
  file.stream.once('error', () => {
    interrupted = true;
  });
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head.length < SNIFF_BYTES)
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      callback(null, chunk);
    },
  });
  let stored: { size: number; sha256: string };
  try {
    stored = await deps.storage.put(
      key,
      pipeline(file.stream, tap, () => {}),
      { maxBytes: deps.config.maxUploadBytes },
    );
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new AppError('too_large', 'payload_too_large', {
        limit: formatLimit(deps.config.maxUploadBytes),
      });
    if (interrupted) throw new AppError('invalid', 'evidence_upload_interrupted');
    throw error;
  }
  try {
    if (stored.size === 0) throw new AppError('invalid', 'evidence_empty', { filename });
    const format = await detectFormat(head, () => readWhole(deps, key));
    if (!format) throw new AppError('unsupported', 'evidence_type_refused', { filename });
    return { key, ...stored, format, filename };
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

function keyOf(fields: {
  number: string | null;
  summary: string;
  issuer: string | null;
  filename: string;
}): string {
  return searchKey([fields.number, fields.summary, fields.issuer, fields.filename].join(' '));
}

/**
 * Records a staged file through `record` (one transaction, with its audit entry) unless its
 * content is already in the unit's library. The staged file is deleted unless a row now points
 * at it.
 */
async function commitStaged(
  deps: Deps,
  actor: Actor,
  unit: UnitRow,
  staged: StagedFile,
  record: (tx: Queryable) => Promise<number>,
): Promise<UploadOutcome> {
  const findDuplicate = async (db: Queryable) => repo.findVersionBySha(db, unit.id, staged.sha256);
  let documentId: number;
  let duplicate: repo.VersionRow | undefined;
  try {
    const outcome = await deps.db.transaction(async (tx) => {
      const existing = await findDuplicate(tx);
      if (existing) return { duplicate: existing };
      return { id: await record(tx) };
    });
    duplicate = outcome.duplicate;
    documentId = outcome.duplicate?.document_id ?? outcome.id!;
  } catch (error) {
    await deps.storage.delete(staged.key);
    // The same file uploaded twice at once: the other upload won.
    const existing = isUniqueViolation(error) ? await findDuplicate(deps.db) : undefined;
    if (!existing) throw error;
    duplicate = existing;
    documentId = existing.document_id;
  }
  if (duplicate) await deps.storage.delete(staged.key);
  // The new file is read in the background; the upload answers at once.
  else scheduleEvidenceChecks(deps);
  const doc = await repo.findDocument(deps.db, documentId);
  if (!doc) throw notFound('entity_evidence');
  return {
    document: await detailOf(deps.db, actor, doc, unit),
    duplicate: duplicate ? { versionNo: duplicate.version_no } : null,
  };
}

function versionFields(staged: StagedFile, actor: Actor): repo.VersionFields {
  return {
    blobKey: staged.key,
    sha256: staged.sha256,
    size: staged.size,
    mediaType: MEDIA_TYPES[staged.format],
    filename: staged.filename,
    uploadedBy: actor.userId,
  };
}

/** What the audit log keeps of a file version. */
function auditedFile(staged: StagedFile, versionNo: number) {
  return {
    versionNo,
    filename: staged.filename,
    mediaType: MEDIA_TYPES[staged.format],
    size: staged.size,
    sha256: staged.sha256,
  };
}

/**
 * Adds a document to a unit's library. `readFields` gives the form's metadata once the file has
 * been received (fields may come before or after the file); a problem there discards the file.
 */
export async function uploadEvidence(
  deps: Deps,
  actor: Actor,
  unitId: number,
  file: IncomingFile,
  readFields: () => Promise<UploadFields>,
): Promise<UploadOutcome> {
  const unit = await unitFor(deps.db, actor, unitId, 'evidence.write');
  const staged = await receiveFile(deps, unit.id, file);
  let fields: UploadFields;
  try {
    fields = await readFields();
  } catch (error) {
    await deps.storage.delete(staged.key);
    throw error;
  }
  const summary = fields.summary ?? staged.filename.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return commitStaged(deps, actor, unit, staged, async (tx) => {
    const now = deps.clock.now();
    const id = await repo.insertDocument(
      tx,
      unit.id,
      {
        docNumber: fields.number,
        docType: fields.type,
        issuedOn: fields.issuedOn,
        issuer: fields.issuer,
        summary,
        searchKey: keyOf({ ...fields, summary, filename: staged.filename }),
      },
      versionFields(staged, actor),
      now,
    );
    await queueEvidenceCheck(tx, now, id, 1);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'evidence.create',
        entity: 'evidence_document',
        entityId: id,
        unitId: unit.id,
        after: {
          number: fields.number,
          type: fields.type,
          issuedOn: fields.issuedOn,
          issuer: fields.issuer,
          summary,
          file: auditedFile(staged, 1),
        },
      },
      now,
    );
    return id;
  });
}

/**
 * Adds a new version of a document's file; the older versions are kept. `finishUpload` reads
 * the rest of the request once the file is stored; a problem there discards the file.
 */
export async function addEvidenceVersion(
  deps: Deps,
  actor: Actor,
  id: number,
  file: IncomingFile,
  finishUpload: () => Promise<void>,
): Promise<UploadOutcome> {
  const { unit } = await documentFor(deps.db, actor, id, 'evidence.write');
  const staged = await receiveFile(deps, unit.id, file);
  try {
    await finishUpload();
  } catch (error) {
    await deps.storage.delete(staged.key);
    throw error;
  }
  return commitStaged(deps, actor, unit, staged, async (tx) => {
    const doc = await repo.findDocument(tx, id, { forUpdate: true });
    if (!doc) throw notFound('entity_evidence');
    const now = deps.clock.now();
    const versionNo = doc.current_version + 1;
    await repo.insertVersion(tx, id, unit.id, versionNo, versionFields(staged, actor), now);
    await queueEvidenceCheck(tx, now, id, versionNo);
    await repo.setCurrentVersion(
      tx,
      id,
      versionNo,
      keyOf({
        number: doc.doc_number,
        summary: doc.summary,
        issuer: doc.issuer,
        filename: staged.filename,
      }),
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'evidence.version.add',
        entity: 'evidence_document',
        entityId: id,
        unitId: unit.id,
        before: { currentVersion: doc.current_version },
        after: { currentVersion: versionNo, file: auditedFile(staged, versionNo) },
      },
      now,
    );
    return id;
  });
}

/**
 * The state of a version's last signature as its finished check found it (what the officer
 * confirms into the library), or null while the check has not finished.
 */
async function readingOf(
  tx: Queryable,
  versionId: number,
): Promise<{
  signatureStatus: 'none' | 'valid' | 'invalid';
  signatureTrust: 'trusted' | 'not_trusted' | 'not_checked' | null;
} | null> {
  const check = await repo.findCheck(tx, versionId);
  if (!check || check.status === 'pending') return null;
  const signatures = (check.signatures ?? []) as {
    status: string;
    coversWholeFile: boolean;
    trust?: 'trusted' | 'not_trusted' | 'not_checked';
  }[];
  const last = signatures.at(-1);
  if (!last) return { signatureStatus: 'none', signatureTrust: null };
  return {
    signatureStatus: last.status === 'valid' && last.coversWholeFile ? 'valid' : 'invalid',
    signatureTrust: last.trust ?? 'not_checked',
  };
}

/** Edits a document's metadata; refused when someone else changed it since `version`. */
export async function updateEvidence(
  deps: Deps,
  actor: Actor,
  id: number,
  input: {
    number: string | null;
    type: DocumentType;
    issuedOn: string | null;
    issuer: string | null;
    summary: string;
    signerName?: string | null | undefined;
    signerTitle?: string | null | undefined;
    confirmReading?: boolean | undefined;
    version: number;
  },
): Promise<DocumentDetailView> {
  return deps.db.transaction(async (tx) => {
    const { doc, unit } = await documentFor(tx, actor, id, 'evidence.write');
    const now = deps.clock.now();
    // A reading can only be confirmed once the check of the current version has finished.
    const reading = input.confirmReading ? await readingOf(tx, doc.file.id) : null;
    if (input.confirmReading && !reading)
      throw new AppError('conflict', 'evidence_check_not_finished');
    const ok = await repo.updateDocument(
      tx,
      id,
      input.version,
      {
        docNumber: input.number,
        docType: input.type,
        issuedOn: input.issuedOn,
        issuer: input.issuer,
        summary: input.summary,
        searchKey: keyOf({ ...input, filename: doc.file.original_filename }),
      },
      now,
    );
    if (!ok) throw new AppError('conflict', 'conflict');
    await repo.updateSigner(tx, id, { name: input.signerName, title: input.signerTitle });
    if (reading)
      await repo.confirmReading(
        tx,
        id,
        { ...reading, versionNo: doc.current_version, by: actor.userId },
        now,
      );
    const after = (await repo.findDocument(tx, id))!;
    const metadata = (d: DocumentView) => ({
      number: d.number,
      type: d.type,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      summary: d.summary,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      confirmed: d.confirmed
        ? {
            versionNo: d.confirmed.versionNo,
            signatureStatus: d.confirmed.signatureStatus,
            signatureTrust: d.confirmed.signatureTrust,
          }
        : null,
    });
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'evidence.update',
        entity: 'evidence_document',
        entityId: id,
        unitId: unit.id,
        before: metadata(presentDocument(doc)),
        after: metadata(presentDocument(after)),
      },
      now,
    );
    return detailOf(tx, actor, after, unit);
  });
}

/**
 * Deletes a document with all its versions, unless something cites it. The rows go first, in one
 * transaction with the audit entry; the files after the commit, so a failure can at worst leave
 * an unreferenced file, never a row without its file.
 */
export async function deleteEvidence(deps: Deps, actor: Actor, id: number): Promise<void> {
  const keys = await deps.db.transaction(async (tx) => {
    const { doc, unit } = await documentFor(tx, actor, id, 'evidence.write', { forUpdate: true });
    const references = await repo.countEvidenceReferences(tx, id);
    if (references > 0) {
      const uses = await repo.findEvidenceUses(tx, id);
      throw new AppError('conflict', 'evidence_in_use', {
        summary: doc.summary,
        count: references,
        places: uses
          .map(
            (u) =>
              `${u.campaign_name}, ${u.unit_name}, tiêu chí ${u.node_code} (${u.step === 'self' ? 'tự chấm' : 'giải trình'})`,
          )
          .concat(references > uses.length ? ['…'] : [])
          .join('; '),
      });
    }
    const versions = (await repo.listVersions(tx, id)).map(presentVersion);
    const removed = await repo.deleteDocument(tx, id);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'evidence.delete',
        entity: 'evidence_document',
        entityId: id,
        unitId: unit.id,
        before: { ...presentDocument(doc), versions },
      },
      deps.clock.now(),
    );
    return removed;
  });
  await Promise.allSettled(keys.map((key) => deps.storage.delete(key)));
}

/** A stored file opened for download or preview. */
export interface OpenedFile {
  stream: Readable;
  size: number;
  mediaType: string;
  filename: string;
  previewable: boolean;
}

/** Opens a version of a document's file (the current one by default) for reading. */
export async function openEvidenceFile(
  deps: Deps,
  actor: Actor,
  id: number,
  versionNo?: number,
): Promise<OpenedFile> {
  const { doc } = await documentFor(deps.db, actor, id, 'evidence.read');
  const version =
    versionNo === undefined || versionNo === doc.current_version
      ? doc.file
      : (await repo.listVersions(deps.db, id)).find((v) => v.version_no === versionNo);
  if (!version) throw notFound('entity_evidence_version');
  const format = formatOfMediaType(version.media_type);
  if (!format) throw new AppError('unsupported', 'unsupported_media_type');
  try {
    const { stream, size } = await deps.storage.get(version.blob_key);
    return {
      stream,
      size,
      mediaType: version.media_type,
      filename: downloadFilename(version.original_filename, format),
      previewable: isPreviewable(format),
    };
  } catch (error) {
    if (error instanceof StoredFileMissingError)
      throw new AppError('not_found', 'evidence_file_unavailable', { summary: doc.summary });
    throw error;
  }
}
