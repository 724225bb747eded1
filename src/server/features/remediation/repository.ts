/** The only SQL of remediation plans and supervisions. */
import type { Queryable } from '../../infra/db.ts';

export interface UnitBrief {
  id: number;
  code: string;
  name: string;
  path: string;
}

export async function findUnitBrief(db: Queryable, id: number): Promise<UnitBrief | undefined> {
  const [row] = await db.query<UnitBrief>('SELECT id, code, name, path FROM units WHERE id = $1', [
    id,
  ]);
  return row;
}

/**
 * The unit and every unit of its province that merged into it (up to five steps back through
 * lineage); a link from another province carries no results (ADR 19).
 */
export async function unitAndPredecessors(db: Queryable, unitId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `WITH RECURSIVE back(id, depth) AS (
       SELECT $1::int, 0
       UNION
       SELECT l.predecessor_id, b.depth + 1 FROM unit_lineage_in_province l JOIN back b ON l.successor_id = b.id
       WHERE b.depth < 5)
     SELECT DISTINCT id FROM back`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** Which of these units take part in the campaign. */
export async function participatingUnits(
  db: Queryable,
  campaignId: number,
  unitIds: number[],
): Promise<UnitBrief[]> {
  return db.query<UnitBrief>(
    `SELECT u.id, u.code, u.name, u.path FROM campaign_participants p JOIN units u ON u.id = p.unit_id
     WHERE p.campaign_id = $1 AND p.unit_id = ANY($2::int[]) ORDER BY u.name, u.id`,
    [campaignId, unitIds],
  );
}

/** Campaigns in which the unit or one of its predecessors took part, newest first. */
export async function campaignsOfUnits(
  db: Queryable,
  unitIds: number[],
): Promise<
  {
    campaign_id: number;
    name: string;
    year: number;
    unit_id: number;
    unit_name: string;
    status: string;
  }[]
> {
  return db.query(
    `SELECT c.id AS campaign_id, c.name, c.year, u.id AS unit_id, u.name AS unit_name, p.status
     FROM campaign_participants p JOIN campaigns c ON c.id = p.campaign_id JOIN units u ON u.id = p.unit_id
     WHERE p.unit_id = ANY($1::int[]) ORDER BY c.year DESC, c.id DESC, u.name`,
    [unitIds],
  );
}

// ---- plans

export interface PlanRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  year: number;
  title: string;
  source_campaign_id: number | null;
  source_unit_id: number | null;
  baseline: Baseline | null;
  document: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The standing of the source unit when the plan was made. */
export interface Baseline {
  campaignName: string;
  campaignYear: number;
  sourceUnitName: string;
  appraisedHundredths: number;
  maxAppraisedHundredths: number;
  surveyHundredths: number | null;
  maxSurveyHundredths: number | null;
  indexHundredths: number | null;
  classLabel: string | null;
  rank: number | null;
  unitsRanked: number;
}

const PLAN_COLUMNS = `p.id, p.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  p.year, p.title, p.source_campaign_id, p.source_unit_id, p.baseline, p.document, p.version,
  p.created_at, p.updated_at`;

export async function findPlan(
  db: Queryable,
  id: number,
  lock = false,
): Promise<PlanRow | undefined> {
  const [row] = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM remediation_plans p JOIN units u ON u.id = p.unit_id WHERE p.id = $1${
      lock ? ' FOR UPDATE OF p' : ''
    }`,
    [id],
  );
  return row;
}

export async function findPlanByUnitYear(
  db: Queryable,
  unitId: number,
  year: number,
): Promise<{ id: number } | undefined> {
  const [row] = await db.query<{ id: number }>(
    'SELECT id FROM remediation_plans WHERE unit_id = $1 AND year = $2',
    [unitId, year],
  );
  return row;
}

/** Plans of units within the given subtrees (null: everywhere), optionally of one unit. */
export async function listPlans(
  db: Queryable,
  scope: string[] | null,
  unitId: number | null,
): Promise<(PlanRow & { tasks: number; done: number })[]> {
  return db.query(
    `SELECT ${PLAN_COLUMNS},
       (SELECT count(*)::int FROM remediation_tasks t WHERE t.plan_id = p.id AND t.status <> 'cancelled') AS tasks,
       (SELECT count(*)::int FROM remediation_tasks t WHERE t.plan_id = p.id AND t.status = 'done') AS done
     FROM remediation_plans p JOIN units u ON u.id = p.unit_id
     WHERE ($1::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE u.path LIKE s || '%'))
       AND ($2::int IS NULL OR p.unit_id = $2)
     ORDER BY p.year DESC, u.name, p.id`,
    [scope, unitId],
  );
}

export async function insertPlan(
  tx: Queryable,
  p: {
    unitId: number;
    year: number;
    title: string;
    sourceCampaignId: number | null;
    sourceUnitId: number | null;
    baseline: Baseline | null;
    document: unknown;
  },
  by: number | null,
  now: Date,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO remediation_plans (unit_id, year, title, source_campaign_id, source_unit_id, baseline,
       document, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) RETURNING id`,
    [
      p.unitId,
      p.year,
      p.title,
      p.sourceCampaignId,
      p.sourceUnitId,
      p.baseline === null ? null : JSON.stringify(p.baseline),
      JSON.stringify(p.document),
      by,
      now,
    ],
  );
  return row!.id;
}

/** Updates title and document when the version matches; false otherwise. */
export async function updatePlan(
  tx: Queryable,
  id: number,
  version: number,
  fields: { title: string; document: unknown },
  by: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE remediation_plans SET title = $3, document = $4, version = version + 1, updated_by = $5,
       updated_at = $6 WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, fields.title, JSON.stringify(fields.document), by, now],
  );
  return rows.length === 1;
}

/** Deletes a plan with its items and tasks (their evidence stays in the unit's library). */
export async function deletePlan(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM remediation_plans WHERE id = $1', [id]);
}

export async function touchPlan(tx: Queryable, id: number, by: number, now: Date): Promise<void> {
  await tx.query('UPDATE remediation_plans SET updated_by = $2, updated_at = $3 WHERE id = $1', [
    id,
    by,
    now,
  ]);
}

// ---- items

export interface ItemRow {
  id: number;
  plan_id: number;
  code: string;
  title: string;
  max_hundredths: number;
  self_hundredths: number | null;
  appraised_hundredths: number;
  lost_hundredths: number;
  reason: string | null;
  round1_reason: string | null;
  position: number;
}

export async function insertItems(
  tx: Queryable,
  planId: number,
  items: Omit<ItemRow, 'id' | 'plan_id'>[],
): Promise<void> {
  for (const i of items) {
    await tx.query(
      `INSERT INTO remediation_items (plan_id, code, title, max_hundredths, self_hundredths,
         appraised_hundredths, lost_hundredths, reason, round1_reason, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        planId,
        i.code,
        i.title,
        i.max_hundredths,
        i.self_hundredths,
        i.appraised_hundredths,
        i.lost_hundredths,
        i.reason,
        i.round1_reason,
        i.position,
      ],
    );
  }
}

export async function listItems(db: Queryable, planId: number): Promise<ItemRow[]> {
  return db.query<ItemRow>(
    'SELECT * FROM remediation_items WHERE plan_id = $1 ORDER BY position, id',
    [planId],
  );
}

// ---- tasks

export interface TaskRow {
  id: number;
  plan_id: number;
  item_id: number | null;
  finding_id: number | null;
  content: string;
  output: string;
  responsible_user_id: number | null;
  responsible_name: string | null;
  responsible_label: string;
  deadline: string | null;
  target_metric: string | null;
  target_percent: number | null;
  current_percent: number | null;
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  progress_note: string;
  evidence: number[];
  completed_at: Date | null;
  overdue_notified_at: Date | null;
  position: number;
  version: number;
  updated_by_name: string | null;
  updated_at: Date;
}

const TASK_COLUMNS = `t.id, t.plan_id, t.item_id, t.finding_id, t.content, t.output, t.responsible_user_id,
  ru.full_name AS responsible_name, t.responsible_label, t.deadline, t.target_metric, t.target_percent,
  t.current_percent, t.status, t.progress_note, t.evidence, t.completed_at, t.overdue_notified_at,
  t.position, t.version, ub.full_name AS updated_by_name, t.updated_at`;

export async function listTasks(db: Queryable, planId: number): Promise<TaskRow[]> {
  return db.query<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM remediation_tasks t
     LEFT JOIN users ru ON ru.id = t.responsible_user_id LEFT JOIN users ub ON ub.id = t.updated_by
     WHERE t.plan_id = $1 ORDER BY t.position, t.id`,
    [planId],
  );
}

export async function findTask(db: Queryable, id: number): Promise<TaskRow | undefined> {
  const [row] = await db.query<TaskRow>(
    `SELECT ${TASK_COLUMNS} FROM remediation_tasks t
     LEFT JOIN users ru ON ru.id = t.responsible_user_id LEFT JOIN users ub ON ub.id = t.updated_by
     WHERE t.id = $1`,
    [id],
  );
  return row;
}

export interface TaskFields {
  itemId: number | null;
  findingId: number | null;
  content: string;
  output: string;
  responsibleUserId: number | null;
  responsibleLabel: string;
  deadline: string | null;
  targetMetric: string | null;
  targetPercent: number | null;
}

export async function insertTask(
  tx: Queryable,
  planId: number,
  t: TaskFields,
  by: number | null,
  now: Date,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO remediation_tasks (plan_id, item_id, finding_id, content, output, responsible_user_id,
       responsible_label, deadline, target_metric, target_percent, position, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
       (SELECT coalesce(max(position), 0) + 1 FROM remediation_tasks WHERE plan_id = $1), $11, $12, $11)
     RETURNING id`,
    [
      planId,
      t.itemId,
      t.findingId,
      t.content,
      t.output,
      t.responsibleUserId,
      t.responsibleLabel,
      t.deadline,
      t.targetMetric,
      t.targetPercent,
      now,
      by,
    ],
  );
  return row!.id;
}

export async function updateTask(
  tx: Queryable,
  id: number,
  version: number,
  t: Omit<TaskFields, 'itemId' | 'findingId'>,
  by: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE remediation_tasks SET content = $3, output = $4, responsible_user_id = $5, responsible_label = $6,
       deadline = $7, target_metric = $8, target_percent = $9, version = version + 1, updated_by = $10,
       updated_at = $11
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      t.content,
      t.output,
      t.responsibleUserId,
      t.responsibleLabel,
      t.deadline,
      t.targetMetric,
      t.targetPercent,
      by,
      now,
    ],
  );
  return rows.length === 1;
}

export async function updateProgress(
  tx: Queryable,
  id: number,
  version: number,
  p: {
    status: string;
    progressNote: string;
    currentPercent: number | null;
    evidence: number[];
    completedAt: Date | null;
  },
  by: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE remediation_tasks SET status = $3, progress_note = $4, current_percent = $5, evidence = $6,
       completed_at = $7, version = version + 1, updated_by = $8, updated_at = $9
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      p.status,
      p.progressNote,
      p.currentPercent,
      JSON.stringify(p.evidence),
      p.completedAt,
      by,
      now,
    ],
  );
  return rows.length === 1;
}

export async function deleteTask(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM remediation_tasks WHERE id = $1', [id]);
}

/** Overdue open tasks not yet notified since their deadline passed. */
export async function overdueToNotify(
  db: Queryable,
  today: string,
): Promise<(TaskRow & { unit_id: number; plan_title: string })[]> {
  return db.query(
    `SELECT ${TASK_COLUMNS}, p.unit_id, p.title AS plan_title FROM remediation_tasks t
     JOIN remediation_plans p ON p.id = t.plan_id
     LEFT JOIN users ru ON ru.id = t.responsible_user_id LEFT JOIN users ub ON ub.id = t.updated_by
     WHERE t.deadline < $1::date AND t.status IN ('not_started', 'in_progress')
       AND t.responsible_user_id IS NOT NULL
       AND (t.overdue_notified_at IS NULL OR t.overdue_notified_at::date <= t.deadline)
     ORDER BY t.id`,
    [today],
  );
}

export async function markNotified(tx: Queryable, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    'UPDATE remediation_tasks SET overdue_notified_at = $2 WHERE id = ANY($1::int[])',
    [ids, now],
  );
}

/** People who can be made responsible: active accounts granted a unit role on the unit itself. */
export async function unitOfficials(
  db: Queryable,
  unitId: number,
): Promise<{ id: number; full_name: string; username: string; role: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (u.id) u.id, u.full_name, u.username, g.role FROM role_grants g
     JOIN users u ON u.id = g.user_id
     WHERE g.unit_id = $1 AND g.role IN ('unit_officer', 'unit_head') AND NOT u.disabled
     ORDER BY u.id, g.role`,
    [unitId],
  );
}

/** Which of these evidence documents belong to the unit. */
export async function evidenceOfUnit(
  db: Queryable,
  unitId: number,
  ids: number[],
): Promise<{ id: number; summary: string; doc_number: string | null }[]> {
  if (ids.length === 0) return [];
  return db.query(
    'SELECT id, summary, doc_number FROM evidence_documents WHERE unit_id = $1 AND id = ANY($2::int[])',
    [unitId, ids],
  );
}

// ---- supervisions

export interface SupervisionRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  plan_number: string;
  plan_date: string | null;
  period_from: string;
  period_to: string;
  period_label: string;
  members: { name: string; position?: string; role: string }[];
  source_campaign_id: number | null;
  source_unit_id: number | null;
  recommendations: { audience: 'leadership' | 'officers'; text: string }[];
  document: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SUPERVISION_COLUMNS = `s.id, s.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
  s.plan_number, s.plan_date, s.period_from, s.period_to, s.period_label, s.members, s.source_campaign_id,
  s.source_unit_id, s.recommendations, s.document, s.version, s.created_at, s.updated_at`;

export async function findSupervision(
  db: Queryable,
  id: number,
): Promise<SupervisionRow | undefined> {
  const [row] = await db.query<SupervisionRow>(
    `SELECT ${SUPERVISION_COLUMNS} FROM supervisions s JOIN units u ON u.id = s.unit_id WHERE s.id = $1`,
    [id],
  );
  return row;
}

export async function listSupervisions(
  db: Queryable,
  scope: string[] | null,
  unitId: number | null,
): Promise<(SupervisionRow & { findings: number })[]> {
  return db.query(
    `SELECT ${SUPERVISION_COLUMNS},
       (SELECT count(*)::int FROM supervision_findings f WHERE f.supervision_id = s.id) AS findings
     FROM supervisions s JOIN units u ON u.id = s.unit_id
     WHERE ($1::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($1::text[]) x WHERE u.path LIKE x || '%'))
       AND ($2::int IS NULL OR s.unit_id = $2)
     ORDER BY s.period_to DESC, s.id DESC`,
    [scope, unitId],
  );
}

export interface SupervisionFields {
  planNumber: string;
  planDate: string | null;
  periodFrom: string;
  periodTo: string;
  periodLabel: string;
  members: unknown;
  sourceCampaignId: number | null;
  sourceUnitId: number | null;
  recommendations: unknown;
  document: unknown;
}

export async function insertSupervision(
  tx: Queryable,
  unitId: number,
  s: SupervisionFields,
  by: number | null,
  now: Date,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO supervisions (unit_id, plan_number, plan_date, period_from, period_to, period_label, members,
       source_campaign_id, source_unit_id, recommendations, document, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13) RETURNING id`,
    [
      unitId,
      s.planNumber,
      s.planDate,
      s.periodFrom,
      s.periodTo,
      s.periodLabel,
      JSON.stringify(s.members),
      s.sourceCampaignId,
      s.sourceUnitId,
      JSON.stringify(s.recommendations),
      JSON.stringify(s.document),
      by,
      now,
    ],
  );
  return row!.id;
}

export async function updateSupervision(
  tx: Queryable,
  id: number,
  version: number,
  s: SupervisionFields,
  by: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE supervisions SET plan_number = $3, plan_date = $4, period_from = $5, period_to = $6,
       period_label = $7, members = $8, source_campaign_id = $9, source_unit_id = $10, recommendations = $11,
       document = $12, version = version + 1, updated_by = $13, updated_at = $14
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      s.planNumber,
      s.planDate,
      s.periodFrom,
      s.periodTo,
      s.periodLabel,
      JSON.stringify(s.members),
      s.sourceCampaignId,
      s.sourceUnitId,
      JSON.stringify(s.recommendations),
      JSON.stringify(s.document),
      by,
      now,
    ],
  );
  return rows.length === 1;
}

export interface FindingRow {
  id: number;
  supervision_id: number;
  grp: 'check_with_upper' | 'fix_now' | 'improve_gradually';
  code: string;
  title: string;
  max_hundredths: number | null;
  self_hundredths: number | null;
  appraised_hundredths: number | null;
  reason: string;
  reference: string;
  position: number;
}

export interface FindingFields {
  group: FindingRow['grp'];
  code: string;
  title: string;
  maxHundredths: number | null;
  selfHundredths: number | null;
  appraisedHundredths: number | null;
  reason: string;
  reference: string;
}

export async function listFindings(db: Queryable, supervisionId: number): Promise<FindingRow[]> {
  return db.query<FindingRow>(
    'SELECT * FROM supervision_findings WHERE supervision_id = $1 ORDER BY position, id',
    [supervisionId],
  );
}

export async function findFinding(db: Queryable, id: number): Promise<FindingRow | undefined> {
  const [row] = await db.query<FindingRow>('SELECT * FROM supervision_findings WHERE id = $1', [
    id,
  ]);
  return row;
}

export async function insertFinding(
  tx: Queryable,
  supervisionId: number,
  f: FindingFields,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO supervision_findings (supervision_id, grp, code, title, max_hundredths, self_hundredths,
       appraised_hundredths, reason, reference, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
       (SELECT coalesce(max(position), 0) + 1 FROM supervision_findings WHERE supervision_id = $1))
     RETURNING id`,
    [
      supervisionId,
      f.group,
      f.code,
      f.title,
      f.maxHundredths,
      f.selfHundredths,
      f.appraisedHundredths,
      f.reason,
      f.reference,
    ],
  );
  return row!.id;
}

export async function updateFinding(tx: Queryable, id: number, f: FindingFields): Promise<void> {
  await tx.query(
    `UPDATE supervision_findings SET grp = $2, code = $3, title = $4, max_hundredths = $5,
       self_hundredths = $6, appraised_hundredths = $7, reason = $8, reference = $9 WHERE id = $1`,
    [
      id,
      f.group,
      f.code,
      f.title,
      f.maxHundredths,
      f.selfHundredths,
      f.appraisedHundredths,
      f.reason,
      f.reference,
    ],
  );
}

export async function deleteFinding(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM supervision_findings WHERE id = $1', [id]);
}

export async function touchSupervision(
  tx: Queryable,
  id: number,
  by: number,
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE supervisions SET version = version + 1, updated_by = $2, updated_at = $3 WHERE id = $1',
    [id, by, now],
  );
}

/** Tasks made from these findings, with their plan. */
export async function tasksFromFindings(
  db: Queryable,
  findingIds: number[],
): Promise<{ finding_id: number; task_id: number; plan_id: number; status: string }[]> {
  if (findingIds.length === 0) return [];
  return db.query(
    `SELECT finding_id, id AS task_id, plan_id, status FROM remediation_tasks
     WHERE finding_id = ANY($1::int[]) ORDER BY id`,
    [findingIds],
  );
}

/** A unit's materialised path, or undefined when there is no such unit. */
export async function findUnitPath(
  db: Queryable,
  unitId: number,
): Promise<{ path: string } | undefined> {
  const [row] = await db.query<{ path: string }>('SELECT path FROM units WHERE id = $1', [unitId]);
  return row;
}

/** The SIPAS survey of a year that took in the unit and ended last, if any. */
export async function findLatestSurveyOfUnit(
  db: Queryable,
  unitId: number,
  year: number,
): Promise<{ id: number; name: string } | undefined> {
  const [row] = await db.query<{ id: number; name: string }>(
    `SELECT c.id, c.name FROM sipas_campaigns c JOIN sipas_campaign_units cu ON cu.campaign_id = c.id
     WHERE cu.unit_id = $1 AND c.period_start <= make_date($2, 12, 31) AND c.period_end >= make_date($2, 1, 1)
     ORDER BY c.period_end DESC, c.id DESC LIMIT 1`,
    [unitId, year],
  );
  return row;
}
