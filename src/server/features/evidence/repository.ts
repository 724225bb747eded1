/** SQL for the evidence library: documents and their file versions. The only place that knows those tables. */
import type { NodeEvidenceRequirement } from '../../../domain/documents/findings.ts';
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

export interface DocumentRow {
  id: number;
  unit_id: number;
  doc_number: string | null;
  doc_type: string;
  issued_on: string | null;
  issuer: string | null;
  summary: string;
  current_version: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  signer_name: string | null;
  signer_title: string | null;
  signature_status: 'none' | 'valid' | 'invalid' | null;
  signature_trust: 'trusted' | 'not_trusted' | 'not_checked' | null;
  confirmed_version: number | null;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
}

export interface VersionRow {
  id: number;
  document_id: number;
  unit_id: number;
  version_no: number;
  blob_key: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  original_filename: string;
  uploaded_by: number | null;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

/** A document with its current file version. */
export type DocumentWithFile = DocumentRow & { file: VersionRow };

const DOC_COLUMNS =
  'd.id, d.unit_id, d.doc_number, d.doc_type, d.issued_on, d.issuer, d.summary, d.current_version, d.version, d.created_at, d.updated_at, ' +
  'd.signer_name, d.signer_title, d.signature_status, d.signature_trust, d.confirmed_version, d.confirmed_at, ' +
  '(SELECT c.full_name FROM users c WHERE c.id = d.confirmed_by) AS confirmed_by_name';
const VERSION_COLUMNS =
  'v.id, v.document_id, v.unit_id, v.version_no, v.blob_key, v.sha256, v.size_bytes, v.media_type, v.original_filename, v.uploaded_by, u.full_name AS uploaded_by_name, v.uploaded_at';

type JoinedRow = DocumentRow & { file: VersionRow };

/** One document with its current version. */
export async function findDocument(
  db: Queryable,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<DocumentWithFile | undefined> {
  if (options.forUpdate)
    await db.query('SELECT 1 FROM evidence_documents WHERE id = $1 FOR UPDATE', [id]);
  const rows = await db.query<JoinedRow>(
    `SELECT ${DOC_COLUMNS}, (SELECT row_to_json(x) FROM (SELECT ${VERSION_COLUMNS}
       FROM evidence_versions v LEFT JOIN users u ON u.id = v.uploaded_by
       WHERE v.document_id = d.id AND v.version_no = d.current_version) x) AS file
     FROM evidence_documents d WHERE d.id = $1`,
    [id],
  );
  return rows[0];
}

/** Every version of a document, newest first. */
export async function listVersions(db: Queryable, documentId: number): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM evidence_versions v LEFT JOIN users u ON u.id = v.uploaded_by
     WHERE v.document_id = $1 ORDER BY v.version_no DESC`,
    [documentId],
  );
}

/** The version of a unit's library that holds this content, if any. */
export async function findVersionBySha(
  db: Queryable,
  unitId: number,
  sha256: string,
): Promise<VersionRow | undefined> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM evidence_versions v LEFT JOIN users u ON u.id = v.uploaded_by
     WHERE v.unit_id = $1 AND v.sha256 = $2`,
    [unitId, sha256],
  );
  return rows[0];
}

export interface DocumentSearch {
  unitId: number;
  /** Already folded with searchKey. */
  q?: string | undefined;
  type?: string | undefined;
  limit: number;
  offset: number;
}

/** A unit's documents, newest first, filtered by words of their number, summary, issuer or file names. */
export async function searchDocuments(
  db: Queryable,
  s: DocumentSearch,
): Promise<{ items: DocumentWithFile[]; total: number }> {
  const { values: params, p } = sqlParams();
  const where = [`d.unit_id = ${p(s.unitId)}`];
  if (s.q) {
    for (const word of s.q.split(' ').filter(Boolean).slice(0, 8))
      where.push(`d.search_key LIKE ${p(`%${escapeLike(word)}%`)}`);
  }
  if (s.type) where.push(`d.doc_type = ${p(s.type)}`);
  const whereSql = where.join(' AND ');
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM evidence_documents d WHERE ${whereSql}`,
    params,
  );
  const items = await db.query<JoinedRow>(
    `SELECT ${DOC_COLUMNS}, (SELECT row_to_json(x) FROM (SELECT ${VERSION_COLUMNS}
       FROM evidence_versions v LEFT JOIN users u ON u.id = v.uploaded_by
       WHERE v.document_id = d.id AND v.version_no = d.current_version) x) AS file
     FROM evidence_documents d WHERE ${whereSql}
     ORDER BY d.updated_at DESC, d.id DESC LIMIT ${p(s.limit)} OFFSET ${p(s.offset)}`,
    params,
  );
  return { items, total };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface DocumentFields {
  docNumber: string | null;
  docType: string;
  issuedOn: string | null;
  issuer: string | null;
  summary: string;
  searchKey: string;
}

export interface VersionFields {
  blobKey: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  uploadedBy: number;
}

/** Adds a document with its first version. */
export async function insertDocument(
  tx: Queryable,
  unitId: number,
  fields: DocumentFields,
  file: VersionFields,
  now: Date,
): Promise<number> {
  const [doc] = await tx.query<{ id: number }>(
    `INSERT INTO evidence_documents (unit_id, doc_number, doc_type, issued_on, issuer, summary, search_key, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [
      unitId,
      fields.docNumber,
      fields.docType,
      fields.issuedOn,
      fields.issuer,
      fields.summary,
      fields.searchKey,
      file.uploadedBy,
      now,
    ],
  );
  await insertVersion(tx, doc!.id, unitId, 1, file, now);
  return doc!.id;
}

/** Adds a file version row. */
export async function insertVersion(
  tx: Queryable,
  documentId: number,
  unitId: number,
  versionNo: number,
  file: VersionFields,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_versions (document_id, unit_id, version_no, blob_key, sha256, size_bytes, media_type, original_filename, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      documentId,
      unitId,
      versionNo,
      file.blobKey,
      file.sha256,
      file.size,
      file.mediaType,
      file.filename,
      file.uploadedBy,
      now,
    ],
  );
}

/** Makes `versionNo` the current version; the search key gains the new file name. */
export async function setCurrentVersion(
  tx: Queryable,
  id: number,
  versionNo: number,
  searchKey: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE evidence_documents SET current_version = $2, search_key = $3, version = version + 1, updated_at = $4
     WHERE id = $1`,
    [id, versionNo, searchKey, now],
  );
}

/** Edits the metadata if the document is still at `version`; false when someone else changed it. */
export async function updateDocument(
  tx: Queryable,
  id: number,
  version: number,
  fields: DocumentFields,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE evidence_documents SET doc_number = $3, doc_type = $4, issued_on = $5, issuer = $6, summary = $7,
       search_key = $8, version = version + 1, updated_at = $9
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      fields.docNumber,
      fields.docType,
      fields.issuedOn,
      fields.issuer,
      fields.summary,
      fields.searchKey,
      now,
    ],
  );
  return rows.length > 0;
}

/** The signer recorded in the library (left as it is when not given). */
export async function updateSigner(
  tx: Queryable,
  id: number,
  signer: { name?: string | null | undefined; title?: string | null | undefined },
): Promise<void> {
  if (signer.name !== undefined)
    await tx.query('UPDATE evidence_documents SET signer_name = $2 WHERE id = $1', [
      id,
      signer.name,
    ]);
  if (signer.title !== undefined)
    await tx.query('UPDATE evidence_documents SET signer_title = $2 WHERE id = $1', [
      id,
      signer.title,
    ]);
}

/** Records that the officer confirmed the reading of `versionNo`, with its signature's state. */
export async function confirmReading(
  tx: Queryable,
  id: number,
  reading: {
    versionNo: number;
    signatureStatus: 'none' | 'valid' | 'invalid';
    signatureTrust: 'trusted' | 'not_trusted' | 'not_checked' | null;
    by: number;
  },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE evidence_documents SET signature_status = $2, signature_trust = $3,
       confirmed_version = $4, confirmed_by = $5, confirmed_at = $6
     WHERE id = $1`,
    [id, reading.signatureStatus, reading.signatureTrust, reading.versionNo, reading.by, now],
  );
}

/** Removes a document and its version rows; returns the storage keys of its files. */
export async function deleteDocument(tx: Queryable, id: number): Promise<string[]> {
  const keys = await tx.query<{ blob_key: string }>(
    'DELETE FROM evidence_versions WHERE document_id = $1 RETURNING blob_key',
    [id],
  );
  await tx.query('DELETE FROM evidence_documents WHERE id = $1', [id]);
  return keys.map((k) => k.blob_key);
}

/**
 * How many records cite this document: campaign entries that attach it to a node (self-assessment
 * or explanation, table campaign_evidence_refs). `deleteEvidence` refuses to delete a cited one.
 */
export async function countEvidenceReferences(tx: Queryable, documentId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM campaign_evidence_refs WHERE evidence_id = $1',
    [documentId],
  );
  return row?.n ?? 0;
}

/** Where a document is cited: campaign, year, unit, node and step, first few by campaign. */
export async function findEvidenceUses(
  tx: Queryable,
  documentId: number,
  limit = 5,
): Promise<
  { campaign_name: string; year: number; unit_name: string; node_code: string; step: string }[]
> {
  return tx.query(
    `SELECT c.name AS campaign_name, c.year, u.name AS unit_name, r.node_code, r.step
     FROM campaign_evidence_refs r JOIN campaigns c ON c.id = r.campaign_id
     JOIN campaign_participants p ON p.id = r.participant_id JOIN units u ON u.id = p.unit_id
     WHERE r.evidence_id = $1 ORDER BY c.year DESC, c.id, r.node_code, r.step LIMIT $2`,
    [documentId, limit],
  );
}

// Checks of evidence files (table evidence_checks): one row per version, pending until read, and
// what was read; the job runner (ADR 37) runs the reading.

export interface CheckRow {
  version_id: number;
  status: 'pending' | 'done' | 'unreadable';
  metadata: unknown;
  signatures: unknown;
  error: string | null;
  checked_at: Date | null;
  read_by: 'text' | 'ocr' | null;
}

/** Queues the check of a document's version (once): the version's id, null when already queued. */
export async function queueCheck(
  db: Queryable,
  documentId: number,
  versionNo: number,
): Promise<number | null> {
  const rows = await db.query<{ version_id: number }>(
    `INSERT INTO evidence_checks (version_id)
     SELECT id FROM evidence_versions WHERE document_id = $1 AND version_no = $2
     ON CONFLICT (version_id) DO NOTHING RETURNING version_id`,
    [documentId, versionNo],
  );
  return rows[0]?.version_id ?? null;
}

/**
 * Starts reading a version whose check is pending, counting the attempt; undefined when it is no
 * longer pending (read meanwhile, or its document deleted).
 */
export async function beginCheck(
  db: Queryable,
  versionId: number,
): Promise<{ blob_key: string; media_type: string } | undefined> {
  const rows = await db.query<{ blob_key: string; media_type: string }>(
    `UPDATE evidence_checks c SET attempts = c.attempts + 1
     FROM evidence_versions v
     WHERE v.id = c.version_id AND c.version_id = $1 AND c.status = 'pending'
     RETURNING v.blob_key, v.media_type`,
    [versionId],
  );
  return rows[0];
}

/** The versions whose check is pending and has not been given up, oldest first. */
export async function listPendingChecks(db: Queryable, maxAttempts: number): Promise<number[]> {
  const rows = await db.query<{ version_id: number }>(
    `SELECT version_id FROM evidence_checks WHERE status = 'pending' AND attempts < $1
     ORDER BY created_at, version_id`,
    [maxAttempts],
  );
  return rows.map((r) => r.version_id);
}

/** Gives back the attempt a claimed check counted (it could not be tried). */
export async function releaseCheckAttempt(db: Queryable, versionId: number): Promise<void> {
  await db.query(
    'UPDATE evidence_checks SET attempts = greatest(attempts - 1, 0) WHERE version_id = $1',
    [versionId],
  );
}

/** Records a check's outcome. */
export async function saveCheck(
  db: Queryable,
  versionId: number,
  result: {
    status: 'done' | 'unreadable';
    metadata: unknown;
    signatures: unknown;
    error: string | null;
    readBy: string | null;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE evidence_checks SET status = $2, metadata = $3::jsonb, signatures = $4::jsonb,
       error = $5, checked_at = $6, read_by = $7
     WHERE version_id = $1`,
    [
      versionId,
      result.status,
      result.metadata === null ? null : JSON.stringify(result.metadata),
      result.signatures === null ? null : JSON.stringify(result.signatures),
      result.error,
      now,
      result.readBy,
    ],
  );
}

/** The check of a version, if one was queued. */
export async function findCheck(db: Queryable, versionId: number): Promise<CheckRow | undefined> {
  const rows = await db.query<CheckRow>(
    `SELECT version_id, status, metadata, signatures, error, checked_at, read_by
     FROM evidence_checks WHERE version_id = $1`,
    [versionId],
  );
  return rows[0];
}

// Batch re-checks (tables evidence_recheck_batches and evidence_recheck_items).

export interface RecheckProgressRow {
  id: number;
  unit_id: number;
  created_at: Date;
  total: number;
  /** Versions whose check has finished, read or not (or given up after too many attempts). */
  finished: number;
  unreadable: number;
}

/**
 * Starts a batch over the current version of every document of a unit: records the batch and its
 * versions, and queues each version's check again (behind the checks already waiting).
 */
export async function insertRecheckBatch(
  tx: Queryable,
  unitId: number,
  requestedBy: number | null,
  now: Date,
): Promise<number> {
  const [batch] = await tx.query<{ id: number }>(
    `INSERT INTO evidence_recheck_batches (unit_id, requested_by, created_at) VALUES ($1, $2, $3)
     RETURNING id`,
    [unitId, requestedBy, now],
  );
  await tx.query(
    `INSERT INTO evidence_recheck_items (batch_id, version_id)
     SELECT $1, v.id FROM evidence_documents d
     JOIN evidence_versions v ON v.document_id = d.id AND v.version_no = d.current_version
     WHERE d.unit_id = $2`,
    [batch!.id, unitId],
  );
  await tx.query(
    `INSERT INTO evidence_checks (version_id, created_at)
     SELECT version_id, $2 FROM evidence_recheck_items WHERE batch_id = $1
     ON CONFLICT (version_id) DO UPDATE
       SET status = 'pending', attempts = 0, created_at = EXCLUDED.created_at`,
    [batch!.id, now],
  );
  return batch!.id;
}

/** The versions a batch asked to read again. */
export async function listRecheckVersions(db: Queryable, batchId: number): Promise<number[]> {
  const rows = await db.query<{ version_id: number }>(
    'SELECT version_id FROM evidence_recheck_items WHERE batch_id = $1 ORDER BY version_id',
    [batchId],
  );
  return rows.map((r) => r.version_id);
}

const PROGRESS_SQL = `SELECT b.id, b.unit_id, b.created_at,
    count(i.version_id)::int AS total,
    count(i.version_id) FILTER (WHERE c.status IS DISTINCT FROM 'pending' OR c.attempts >= $2)::int AS finished,
    count(i.version_id) FILTER (WHERE c.status = 'unreadable'
      OR (c.status = 'pending' AND c.attempts >= $2))::int AS unreadable
  FROM evidence_recheck_batches b
  LEFT JOIN evidence_recheck_items i ON i.batch_id = b.id
  LEFT JOIN evidence_checks c ON c.version_id = i.version_id`;

/** A batch with its progress; `maxAttempts` is when a failing check is given up. */
export async function findRecheckBatch(
  db: Queryable,
  id: number,
  maxAttempts: number,
): Promise<RecheckProgressRow | undefined> {
  const rows = await db.query<RecheckProgressRow>(`${PROGRESS_SQL} WHERE b.id = $1 GROUP BY b.id`, [
    id,
    maxAttempts,
  ]);
  return rows[0];
}

/** The unit's latest batch that has not finished yet, if any. */
export async function findUnfinishedRecheck(
  db: Queryable,
  unitId: number,
  maxAttempts: number,
): Promise<RecheckProgressRow | undefined> {
  const rows = await db.query<RecheckProgressRow>(
    `${PROGRESS_SQL} WHERE b.unit_id = $1 GROUP BY b.id
     HAVING count(i.version_id) FILTER (WHERE c.status IS DISTINCT FROM 'pending' OR c.attempts >= $2)
       < count(i.version_id)
     ORDER BY b.id DESC LIMIT 1`,
    [unitId, maxAttempts],
  );
  return rows[0];
}

/**
 * The evidence requirement of a campaign's criteria node for a participating unit (the node of
 * the set the unit is assessed with), with the campaign's year.
 */
export async function findNodeRequirement(
  db: Queryable,
  campaignId: number,
  unitId: number,
  nodeCode: string,
): Promise<Array<{ year: number; evidence_requirement: NodeEvidenceRequirement | null }>> {
  return db.query<{
    year: number;
    evidence_requirement: NodeEvidenceRequirement | null;
  }>(
    `SELECT c.year, n.evidence_requirement
     FROM campaigns c
     JOIN campaign_participants p ON p.campaign_id = c.id AND p.unit_id = $2
     JOIN campaign_criteria_sets cs ON cs.campaign_id = c.id AND cs.unit_kind = p.unit_kind
     JOIN criteria_nodes n ON n.set_id = cs.criteria_set_id AND n.code = $3
     WHERE c.id = $1`,
    [campaignId, unitId, nodeCode],
  );
}

/** The documents a unit's self-assessment cites, per node, with their content and types. */
export async function findSelfAttachments(db: Queryable, campaignId: number, unitId: number) {
  return db.query<{
    node_code: string;
    node_id: number;
    set_id: number;
    required_kind: string | null;
    evidence_id: number;
    sha256: string;
    doc_type: string;
    read_kind: string | null;
  }>(
    `SELECT r.node_code, n.id AS node_id, n.set_id, n.evidence_requirement->>'kind' AS required_kind,
       d.id AS evidence_id, v.sha256, d.doc_type, ch.metadata->>'kind' AS read_kind
     FROM campaign_participants p
     JOIN campaign_criteria_sets cs ON cs.campaign_id = p.campaign_id AND cs.unit_kind = p.unit_kind
     JOIN campaign_evidence_refs r ON r.participant_id = p.id AND r.step = 'self'
     JOIN criteria_nodes n ON n.set_id = cs.criteria_set_id AND n.code = r.node_code
     JOIN evidence_documents d ON d.id = r.evidence_id AND d.unit_id = p.unit_id
     JOIN evidence_versions v ON v.document_id = d.id AND v.version_no = d.current_version
     LEFT JOIN evidence_checks ch ON ch.version_id = v.id
     WHERE p.campaign_id = $1 AND p.unit_id = $2`,
    [campaignId, unitId],
  );
}

/** The nodes of a criteria set as links to their parents. */
export async function findSetNodeLinks(db: Queryable, setId: number) {
  return db.query<{ id: number; parent_id: number | null; code: string }>(
    'SELECT id, parent_id, code FROM criteria_nodes WHERE set_id = $1',
    [setId],
  );
}

/**
 * The leaves of a unit's self-assessment that hold an entry or need evidence: the score claimed,
 * the evidence cited and the node's requirement, with the campaign's year.
 */
export async function findSelfEntriesWithRequirements(
  db: Queryable,
  campaignId: number,
  unitId: number,
) {
  return db.query<{
    year: number;
    node_code: string;
    title: string;
    max_hundredths: number;
    self_score_hundredths: number | null;
    self_na: boolean;
    self_evidence: (string | number)[];
    evidence_requirement: NodeEvidenceRequirement | null;
  }>(
    `SELECT c.year, n.code AS node_code, n.title, n.max_hundredths, e.self_score_hundredths,
       coalesce(e.self_na, false) AS self_na,
       (SELECT coalesce(jsonb_agg(r.evidence_id ORDER BY r.evidence_id), '[]'::jsonb)
        FROM campaign_evidence_refs r
        WHERE r.participant_id = p.id AND r.node_code = n.code AND r.step = 'self') AS self_evidence,
       n.evidence_requirement
     FROM campaigns c
     JOIN campaign_participants p ON p.campaign_id = c.id AND p.unit_id = $2
     JOIN campaign_criteria_sets cs ON cs.campaign_id = c.id AND cs.unit_kind = p.unit_kind
     JOIN criteria_nodes n ON n.set_id = cs.criteria_set_id
     LEFT JOIN campaign_entries e ON e.participant_id = p.id AND e.node_code = n.code
     WHERE c.id = $1 AND (e.participant_id IS NOT NULL OR n.evidence_requirement IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM criteria_nodes k WHERE k.parent_id = n.id)
     ORDER BY n.code`,
    [campaignId, unitId],
  );
}

/** A campaign's year, or undefined when there is no such campaign. */
export async function findCampaignYear(
  db: Queryable,
  campaignId: number,
): Promise<number | undefined> {
  const [row] = await db.query<{ year: number }>('SELECT year FROM campaigns WHERE id = $1', [
    campaignId,
  ]);
  return row?.year;
}

/** Locks a unit's row until the transaction ends: one re-check batch is started at a time. */
export async function lockUnitForRecheck(tx: Queryable, unitId: number): Promise<void> {
  await tx.query('SELECT id FROM units WHERE id = $1 FOR UPDATE', [unitId]);
}
