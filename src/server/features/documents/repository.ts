/** SQL of official documents: templates, drafting jobs, and the few facts a header needs. */
import type { Queryable } from '../../infra/db.ts';

export interface TemplateRow {
  id: number;
  doc_type: string;
  unit_id: number | null;
  unit_name: string | null;
  storage_key: string;
  file_name: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
}

const TEMPLATE_COLUMNS = `t.id, t.doc_type, t.unit_id, u.name AS unit_name, t.storage_key, t.file_name,
  t.size_bytes, t.sha256, t.uploaded_by, us.full_name AS uploaded_by_name, t.uploaded_at::text`;

/** The template a unit's documents use: its own top unit's newest active one, else the default's. */
export async function findTemplateFor(
  db: Queryable,
  docType: string,
  unitPath: string | null,
): Promise<TemplateRow | null> {
  const rows = await db.query<TemplateRow>(
    `SELECT ${TEMPLATE_COLUMNS}
       FROM document_templates t
       LEFT JOIN units u ON u.id = t.unit_id
       LEFT JOIN users us ON us.id = t.uploaded_by
      WHERE t.doc_type = $1 AND t.active
        AND (t.unit_id IS NULL OR ($2::text IS NOT NULL AND $2::text LIKE u.path || '%'))
      ORDER BY u.depth DESC NULLS LAST, t.id DESC
      LIMIT 1`,
    [docType, unitPath],
  );
  return rows[0] ?? null;
}

/** The active template uploaded for exactly this unit (NULL: the national one). */
export async function findOwnTemplate(
  db: Queryable,
  docType: string,
  unitId: number | null,
): Promise<TemplateRow | null> {
  const rows = await db.query<TemplateRow>(
    `SELECT ${TEMPLATE_COLUMNS}
       FROM document_templates t
       LEFT JOIN units u ON u.id = t.unit_id
       LEFT JOIN users us ON us.id = t.uploaded_by
      WHERE t.doc_type = $1 AND t.active AND t.unit_id IS NOT DISTINCT FROM $2
      ORDER BY t.id DESC LIMIT 1`,
    [docType, unitId],
  );
  return rows[0] ?? null;
}

export async function insertTemplate(
  db: Queryable,
  input: {
    docType: string;
    unitId: number | null;
    storageKey: string;
    fileName: string;
    size: number;
    sha256: string;
    uploadedBy: number | null;
  },
  now: Date,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO document_templates
       (doc_type, unit_id, storage_key, file_name, size_bytes, sha256, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.docType,
      input.unitId,
      input.storageKey,
      input.fileName,
      input.size,
      input.sha256,
      input.uploadedBy,
      now,
    ],
  );
  return row!.id;
}

/** Withdraws every active template of a type for a unit; returns how many. */
export async function deactivateTemplates(
  db: Queryable,
  docType: string,
  unitId: number | null,
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE document_templates SET active = false
      WHERE doc_type = $1 AND active AND unit_id IS NOT DISTINCT FROM $2 RETURNING id`,
    [docType, unitId],
  );
  return rows.length;
}

export interface JobRow {
  id: number;
  doc_type: string;
  params: Record<string, unknown>;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';
  progress: number;
  step: string | null;
  file_name: string | null;
  docx_key: string | null;
  pdf_key: string | null;
  pdf_status: 'none' | 'running' | 'ready' | 'failed' | 'unavailable';
  error_code: string | null;
  error_params: Record<string, string> | null;
  created_by: number;
  created_at: string;
  finished_at: string | null;
  /** The process running it (ADR 23). */
  owner: number | null;
  retried_by: number | null;
}

const JOB_COLUMNS = `id, doc_type, params, status, progress, step, file_name, docx_key, pdf_key,
  pdf_status, error_code, error_params, created_by, created_at::text, finished_at::text, owner,
  retried_by`;

export async function insertJob(
  db: Queryable,
  input: {
    docType: string;
    params: object;
    fileName: string;
    createdBy: number;
    owner: number | null;
  },
  now: Date,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO document_jobs (doc_type, params, file_name, created_by, created_at, owner)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.docType,
      JSON.stringify(input.params),
      input.fileName,
      input.createdBy,
      now,
      input.owner,
    ],
  );
  return row!.id;
}

export async function findJob(db: Queryable, id: number): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM document_jobs WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

export async function updateJob(
  db: Queryable,
  id: number,
  patch: Partial<
    Pick<
      JobRow,
      | 'status'
      | 'progress'
      | 'step'
      | 'docx_key'
      | 'pdf_key'
      | 'pdf_status'
      | 'error_code'
      | 'error_params'
      | 'finished_at'
      | 'retried_by'
      | 'owner'
    >
  > & { template_id?: number | null },
): Promise<void> {
  const entries = Object.entries(patch);
  if (entries.length === 0) return;
  const sets = entries.map(([k], i) => `${k} = $${i + 2}`).join(', ');
  await db.query(`UPDATE document_jobs SET ${sets} WHERE id = $1`, [
    id,
    ...entries.map(([k, v]) => (k === 'error_params' && v !== null ? JSON.stringify(v) : v)),
  ]);
}

export interface UnitBrief {
  id: number;
  name: string;
  path: string;
  kind: string;
  parent_name: string | null;
}

export async function findUnit(db: Queryable, id: number): Promise<UnitBrief | null> {
  const rows = await db.query<UnitBrief>(
    `SELECT u.id, u.name, u.path, u.kind, p.name AS parent_name
       FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The unit head's full name, for the signing block; null when the unit has none. */
export async function findUnitHeadName(db: Queryable, unitId: number): Promise<string | null> {
  const rows = await db.query<{ full_name: string }>(
    `SELECT u.full_name FROM role_grants g JOIN users u ON u.id = g.user_id
      WHERE g.unit_id = $1 AND g.role = 'unit_head' AND NOT u.disabled ORDER BY g.id LIMIT 1`,
    [unitId],
  );
  return rows[0]?.full_name ?? null;
}

/** The latest remediation plan made from a unit's results in a campaign. */
export async function findPlanFrom(
  db: Queryable,
  campaignId: number,
  unitId: number,
): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM remediation_plans WHERE source_campaign_id = $1 AND source_unit_id = $2
      ORDER BY year DESC, id DESC LIMIT 1`,
    [campaignId, unitId],
  );
  return rows[0]?.id ?? null;
}

/** The latest SIPAS campaign of a year that surveyed the unit. */
export async function findSipasCampaignOf(
  db: Queryable,
  unitId: number,
  year: number,
): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `SELECT c.id FROM sipas_campaigns c JOIN sipas_campaign_units cu ON cu.campaign_id = c.id
      WHERE cu.unit_id = $1 AND extract(year FROM c.period_start)::int = $2
      ORDER BY c.period_start DESC, c.id DESC LIMIT 1`,
    [unitId, year],
  );
  return rows[0]?.id ?? null;
}

/** The SIPAS campaign linked to an index campaign through its sociological survey, if any. */
export async function findLinkedSipasCampaign(
  db: Queryable,
  campaignId: number,
): Promise<number | null> {
  const rows = await db.query<{ id: number | null }>(
    'SELECT sipas_campaign_id AS id FROM social_surveys WHERE campaign_id = $1',
    [campaignId],
  );
  return rows[0]?.id ?? null;
}
