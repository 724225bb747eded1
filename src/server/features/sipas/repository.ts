/**
 * SQL of the SIPAS feature: questionnaires, survey campaigns with units and targets, responses,
 * dossier links. The only module of the feature that speaks to the database.
 */
import type { AnswerValue } from '../../../domain/sipas/questionnaire.ts';
import type { Queryable } from '../../infra/db.ts';
import { insertColumns, setColumns, sqlParams, type Columns } from '../../infra/sql.ts';

export interface QuestionnaireRow {
  id: number;
  code: string;
  version: string;
  name: string;
  document: unknown;
  created_at: Date;
  updated_at: Date;
  campaign_count: number;
}

const QUESTIONNAIRE_COLUMNS = `q.id, q.code, q.version, q.name, q.document, q.created_at, q.updated_at,
  (SELECT count(*)::int FROM sipas_campaigns c WHERE c.questionnaire_id = q.id) AS campaign_count`;

export async function listQuestionnaires(db: Queryable): Promise<QuestionnaireRow[]> {
  return db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM sipas_questionnaires q ORDER BY q.code, q.version`,
  );
}

export async function findQuestionnaire(
  db: Queryable,
  id: number,
): Promise<QuestionnaireRow | null> {
  const rows = await db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM sipas_questionnaires q WHERE q.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findQuestionnaireByCode(
  db: Queryable,
  code: string,
  version: string,
): Promise<QuestionnaireRow | null> {
  const rows = await db.query<QuestionnaireRow>(
    `SELECT ${QUESTIONNAIRE_COLUMNS} FROM sipas_questionnaires q WHERE q.code = $1 AND q.version = $2`,
    [code, version],
  );
  return rows[0] ?? null;
}

export async function insertQuestionnaire(
  db: Queryable,
  q: { code: string; version: string; name: string; document: unknown; createdBy: number | null },
  now: Date,
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO sipas_questionnaires (code, version, name, document, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [q.code, q.version, q.name, JSON.stringify(q.document), q.createdBy, now.toISOString()],
  );
  return rows[0]!.id;
}

export async function updateQuestionnaire(
  db: Queryable,
  id: number,
  q: { code: string; version: string; name: string; document: unknown },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE sipas_questionnaires SET code = $2, version = $3, name = $4, document = $5, updated_at = $6
     WHERE id = $1`,
    [id, q.code, q.version, q.name, JSON.stringify(q.document), now.toISOString()],
  );
}

export async function deleteQuestionnaire(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM sipas_questionnaires WHERE id = $1', [id]);
}

export interface CampaignRow {
  id: number;
  name: string;
  period_start: string;
  period_end: string;
  status: 'setup' | 'open' | 'closed';
  owner_unit_id: number | null;
  owner_path: string | null;
  owner_name: string | null;
  questionnaire_id: number;
  fields: { id: string; name: string }[];
  channels: string[];
  satisfied_levels: number[];
  overall_method: 'element-mean' | 'overall-question';
  margin_of_error: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const CAMPAIGN_COLUMNS = `c.id, c.name, c.period_start, c.period_end, c.status, c.owner_unit_id,
  o.path AS owner_path, o.name AS owner_name, c.questionnaire_id, c.fields, c.channels,
  c.satisfied_levels, c.overall_method, c.margin_of_error, c.version, c.created_at, c.updated_at`;

export async function findCampaign(db: Queryable, id: number): Promise<CampaignRow | null> {
  const rows = await db.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM sipas_campaigns c LEFT JOIN units o ON o.id = c.owner_unit_id
     WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Campaigns owned inside the given subtrees (null: all), newest first. */
export async function listCampaigns(
  db: Queryable,
  scope: string[] | null,
  unitScope: string[] | null,
): Promise<CampaignRow[]> {
  return db.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM sipas_campaigns c LEFT JOIN units o ON o.id = c.owner_unit_id
     WHERE $1::text[] IS NULL
        OR (o.path IS NOT NULL AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE o.path LIKE s || '%'))
        OR EXISTS (SELECT 1 FROM sipas_campaign_units cu JOIN units u ON u.id = cu.unit_id
                   WHERE cu.campaign_id = c.id
                     AND ($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE u.path LIKE s || '%')))
     ORDER BY c.period_start DESC, c.id DESC`,
    [scope, unitScope],
  );
}

export interface CampaignWrite {
  name: string;
  periodStart: string;
  periodEnd: string;
  status: 'setup' | 'open' | 'closed';
  ownerUnitId: number | null;
  questionnaireId: number;
  fields: { id: string; name: string }[];
  channels: string[];
  satisfiedLevels: number[];
  overallMethod: 'element-mean' | 'overall-question';
  marginOfError: number;
}

/** The columns of a survey campaign that an insert and an update both write. */
const campaignColumns = (c: CampaignWrite, now: Date): Columns => ({
  name: c.name,
  period_start: c.periodStart,
  period_end: c.periodEnd,
  status: c.status,
  owner_unit_id: c.ownerUnitId,
  questionnaire_id: c.questionnaireId,
  fields: JSON.stringify(c.fields),
  channels: c.channels,
  satisfied_levels: c.satisfiedLevels,
  overall_method: c.overallMethod,
  margin_of_error: c.marginOfError,
  updated_at: now.toISOString(),
});

export async function insertCampaign(
  db: Queryable,
  c: CampaignWrite,
  createdBy: number | null,
  now: Date,
): Promise<number> {
  const params = sqlParams();
  const { names, placeholders } = insertColumns(
    { ...campaignColumns(c, now), created_by: createdBy, created_at: now.toISOString() },
    params,
  );
  const rows = await db.query<{ id: number }>(
    `INSERT INTO sipas_campaigns ${names} VALUES ${placeholders} RETURNING id`,
    params.values,
  );
  return rows[0]!.id;
}

/** Updates a campaign if its version matches; false when someone changed it in between. */
export async function updateCampaign(
  db: Queryable,
  id: number,
  version: number,
  c: CampaignWrite,
  now: Date,
): Promise<boolean> {
  const params = sqlParams([id, version]);
  const rows = await db.query(
    `UPDATE sipas_campaigns SET ${setColumns(campaignColumns(c, now), params)}, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    params.values,
  );
  return rows.length > 0;
}

export async function deleteCampaign(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM sipas_campaigns WHERE id = $1', [id]);
}

export interface CampaignUnitRow {
  unit_id: number;
  code: string;
  name: string;
  path: string;
}

export async function listCampaignUnits(db: Queryable, id: number): Promise<CampaignUnitRow[]> {
  return db.query<CampaignUnitRow>(
    `SELECT u.id AS unit_id, u.code, u.name, u.path FROM sipas_campaign_units cu
     JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = $1 ORDER BY u.code, u.id`,
    [id],
  );
}

export interface TargetRow {
  unit_id: number;
  field_id: string;
  transactions: number;
}

export async function listTargets(db: Queryable, id: number): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `SELECT unit_id, field_id, transactions FROM sipas_targets WHERE campaign_id = $1
     ORDER BY unit_id, field_id`,
    [id],
  );
}

/** Replaces the units and targets of a campaign. */
export async function replaceCampaignUnits(
  db: Queryable,
  id: number,
  unitIds: number[],
  targets: { unitId: number; fieldId: string; transactions: number }[],
): Promise<void> {
  await db.query('DELETE FROM sipas_targets WHERE campaign_id = $1', [id]);
  await db.query('DELETE FROM sipas_campaign_units WHERE campaign_id = $1', [id]);
  await db.query(
    `INSERT INTO sipas_campaign_units (campaign_id, unit_id) SELECT $1, x FROM unnest($2::int[]) x`,
    [id, unitIds],
  );
  if (targets.length > 0) {
    await db.query(
      `INSERT INTO sipas_targets (campaign_id, unit_id, field_id, transactions)
       SELECT $1, u, f, t FROM unnest($2::int[], $3::text[], $4::int[]) AS x(u, f, t)`,
      [
        id,
        targets.map((t) => t.unitId),
        targets.map((t) => t.fieldId),
        targets.map((t) => t.transactions),
      ],
    );
  }
}

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
}

export async function findUnitsByIds(db: Queryable, ids: number[]): Promise<UnitRow[]> {
  return db.query<UnitRow>('SELECT id, code, name, path FROM units WHERE id = ANY($1::int[])', [
    ids,
  ]);
}

/** What a response row needs; answers and profile are validated already. */
export interface ResponseWrite {
  campaignId: number;
  unitId: number;
  fieldId: string;
  channel: string;
  answers: unknown;
  profile: unknown;
  suggestion: string | null;
  clientId: string;
  dossierCode: string | null;
  paperSerial: string | null;
  enteredBy: number | null;
}

/**
 * Inserts one response unless any unique key (client id, dossier code, paper serial) is taken;
 * returns its id and time, or null when it was not inserted.
 */
export async function insertResponse(
  db: Queryable,
  r: ResponseWrite,
  now: Date,
): Promise<{ id: number; received_at: Date } | null> {
  const rows = await db.query<{ id: number; received_at: Date }>(
    `INSERT INTO sipas_responses (campaign_id, unit_id, field_id, channel, answers, profile, suggestion,
       client_id, dossier_code, paper_serial, entered_by, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING id, received_at`,
    [
      r.campaignId,
      r.unitId,
      r.fieldId,
      r.channel,
      JSON.stringify(r.answers),
      JSON.stringify(r.profile),
      r.suggestion,
      r.clientId,
      r.dossierCode,
      r.paperSerial,
      r.enteredBy,
      now.toISOString(),
    ],
  );
  return rows[0] ?? null;
}

/** Inserts many responses at once (an import, already checked); returns how many. */
export async function insertResponsesBulk(
  db: Queryable,
  list: ResponseWrite[],
  now: Date,
): Promise<number> {
  if (list.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO sipas_responses (campaign_id, unit_id, field_id, channel, answers, profile, suggestion,
         client_id, dossier_code, paper_serial, entered_by, received_at)
       SELECT c, u, f, ch, a::jsonb, p::jsonb, s, cid::uuid, d, ps, e, $12
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::int[])
         AS x(c, u, f, ch, a, p, s, cid, d, ps, e)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      list.map((r) => r.campaignId),
      list.map((r) => r.unitId),
      list.map((r) => r.fieldId),
      list.map((r) => r.channel),
      list.map((r) => JSON.stringify(r.answers)),
      list.map((r) => JSON.stringify(r.profile)),
      list.map((r) => r.suggestion),
      list.map((r) => r.clientId),
      list.map((r) => r.dossierCode),
      list.map((r) => r.paperSerial),
      list.map((r) => r.enteredBy),
      now.toISOString(),
    ],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Inserts the responses of answers arriving together in one statement (one commit, one disk
 * flush), each unless one of its unique keys is taken; returns the stored ones by client id.
 * The caller gives distinct client ids.
 */
export async function insertResponsesReturning(
  db: Queryable,
  list: ResponseWrite[],
  now: Date,
): Promise<Map<string, { id: number; received_at: Date }>> {
  const rows = await db.query<{ client_id: string; id: number; received_at: Date }>(
    `INSERT INTO sipas_responses (campaign_id, unit_id, field_id, channel, answers, profile, suggestion,
       client_id, dossier_code, paper_serial, entered_by, received_at)
     SELECT c, u, f, ch, a::jsonb, p::jsonb, s, cid::uuid, d, ps, e, $12
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::int[])
       AS x(c, u, f, ch, a, p, s, cid, d, ps, e)
     ON CONFLICT DO NOTHING
     RETURNING client_id::text AS client_id, id, received_at`,
    [
      list.map((r) => r.campaignId),
      list.map((r) => r.unitId),
      list.map((r) => r.fieldId),
      list.map((r) => r.channel),
      list.map((r) => JSON.stringify(r.answers)),
      list.map((r) => JSON.stringify(r.profile)),
      list.map((r) => r.suggestion),
      list.map((r) => r.clientId),
      list.map((r) => r.dossierCode),
      list.map((r) => r.paperSerial),
      list.map((r) => r.enteredBy),
      now.toISOString(),
    ],
  );
  return new Map(rows.map((r) => [r.client_id, { id: r.id, received_at: r.received_at }]));
}

export interface ExistingResponse {
  id: number;
  campaign_id: number;
  unit_id: number;
  received_at: Date;
}

export async function findResponseByClientId(
  db: Queryable,
  clientId: string,
): Promise<ExistingResponse | null> {
  const rows = await db.query<ExistingResponse>(
    'SELECT id, campaign_id, unit_id, received_at FROM sipas_responses WHERE client_id = $1',
    [clientId],
  );
  return rows[0] ?? null;
}

/** Which of the given client ids, dossier codes and paper serials a campaign already holds. */
export async function findTakenKeys(
  db: Queryable,
  campaignId: number,
  keys: {
    clientIds: string[];
    dossierCodes: string[];
    paperKeys: { unitId: number; serial: string }[];
  },
): Promise<{ clientIds: Set<string>; dossierCodes: Set<string>; paperKeys: Set<string> }> {
  const [clients, dossiers, papers] = await Promise.all([
    keys.clientIds.length === 0
      ? []
      : db.query<{ k: string }>(
          'SELECT client_id::text AS k FROM sipas_responses WHERE client_id = ANY($1::uuid[])',
          [keys.clientIds],
        ),
    keys.dossierCodes.length === 0
      ? []
      : db.query<{ k: string }>(
          'SELECT dossier_code AS k FROM sipas_responses WHERE campaign_id = $1 AND dossier_code = ANY($2::text[])',
          [campaignId, keys.dossierCodes],
        ),
    keys.paperKeys.length === 0
      ? []
      : db.query<{ k: string }>(
          `SELECT unit_id || ':' || paper_serial AS k FROM sipas_responses
           WHERE campaign_id = $1 AND paper_serial IS NOT NULL
             AND (unit_id || ':' || paper_serial) = ANY($2::text[])`,
          [campaignId, keys.paperKeys.map((p) => `${p.unitId}:${p.serial}`)],
        ),
  ]);
  return {
    clientIds: new Set(clients.map((r) => r.k)),
    dossierCodes: new Set(dossiers.map((r) => r.k)),
    paperKeys: new Set(papers.map((r) => r.k)),
  };
}

export async function dossierTaken(
  db: Queryable,
  campaignId: number,
  dossierCode: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM sipas_responses WHERE campaign_id = $1 AND dossier_code = $2',
    [campaignId, dossierCode],
  );
  return rows.length > 0;
}

export async function paperSerialTaken(
  db: Queryable,
  campaignId: number,
  unitId: number,
  serial: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM sipas_responses WHERE campaign_id = $1 AND unit_id = $2 AND paper_serial = $3',
    [campaignId, unitId, serial],
  );
  return rows.length > 0;
}

export interface AnswerRow {
  unit_id: number;
  field_id: string;
  answers: Record<string, unknown>;
}

/** Answers of a campaign, optionally for some units and one field. */
export async function listAnswers(
  db: Queryable,
  campaignId: number,
  unitIds: number[] | null,
  fieldId: string | null,
): Promise<AnswerRow[]> {
  return db.query<AnswerRow>(
    `SELECT unit_id, field_id, answers FROM sipas_responses
     WHERE campaign_id = $1 AND ($2::int[] IS NULL OR unit_id = ANY($2::int[]))
       AND ($3::text IS NULL OR field_id = $3)`,
    [campaignId, unitIds, fieldId],
  );
}

export async function countResponses(db: Queryable, campaignId: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sipas_responses WHERE campaign_id = $1',
    [campaignId],
  );
  return rows[0]?.n ?? 0;
}

/** Forms collected per unit and field. */
export async function countByUnitField(
  db: Queryable,
  campaignId: number,
): Promise<{ unit_id: number; field_id: string; n: number }[]> {
  return db.query(
    `SELECT unit_id, field_id, count(*)::int AS n FROM sipas_responses WHERE campaign_id = $1
     GROUP BY unit_id, field_id`,
    [campaignId],
  );
}

export interface ResponseListRow {
  id: number;
  unit_id: number;
  field_id: string;
  channel: string;
  /** Checked against the questionnaire when the response was accepted. */
  answers: Record<string, AnswerValue>;
  profile: Record<string, string>;
  suggestion: string | null;
  client_id: string;
  dossier_code: string | null;
  paper_serial: string | null;
  received_at: Date;
}

export async function listResponses(
  db: Queryable,
  campaignId: number,
  unitIds: number[] | null,
  filter: {
    fieldId: string | null;
    suggestionsOnly: boolean;
    q: string | null;
    limit: number;
    offset: number;
  },
): Promise<{ items: ResponseListRow[]; total: number }> {
  const where = `campaign_id = $1 AND ($2::int[] IS NULL OR unit_id = ANY($2::int[]))
    AND ($3::text IS NULL OR field_id = $3)
    AND (NOT $4::boolean OR suggestion IS NOT NULL)
    AND ($5::text IS NULL OR suggestion ILIKE '%' || $5 || '%')`;
  const params = [campaignId, unitIds, filter.fieldId, filter.suggestionsOnly, filter.q];
  const [items, total] = await Promise.all([
    db.query<ResponseListRow>(
      `SELECT id, unit_id, field_id, channel, answers, profile, suggestion, client_id::text AS client_id,
         dossier_code, paper_serial, received_at
       FROM sipas_responses WHERE ${where} ORDER BY id DESC LIMIT $6 OFFSET $7`,
      [...params, filter.limit, filter.offset],
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sipas_responses WHERE ${where}`,
      params,
    ),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function insertLinks(
  db: Queryable,
  links: {
    campaignId: number;
    unitId: number;
    fieldId: string;
    dossierCode: string;
    tokenHash: string;
  }[],
  createdBy: number | null,
  now: Date,
): Promise<{ dossier_code: string; inserted: boolean }[]> {
  const rows = await db.query<{ dossier_code: string }>(
    `INSERT INTO sipas_dossier_links (campaign_id, unit_id, field_id, dossier_code, token_hash, created_by, created_at)
     SELECT c, u, f, d, t, $6, $7 FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[]) AS x(c, u, f, d, t)
     ON CONFLICT DO NOTHING RETURNING dossier_code`,
    [
      links.map((l) => l.campaignId),
      links.map((l) => l.unitId),
      links.map((l) => l.fieldId),
      links.map((l) => l.dossierCode),
      links.map((l) => l.tokenHash),
      createdBy,
      now.toISOString(),
    ],
  );
  const inserted = new Set(rows.map((r) => r.dossier_code));
  return links.map((l) => ({ dossier_code: l.dossierCode, inserted: inserted.has(l.dossierCode) }));
}

export interface LinkRow {
  id: number;
  campaign_id: number;
  unit_id: number;
  field_id: string;
  dossier_code: string;
  used_at: Date | null;
}

export async function findLink(db: Queryable, tokenHash: string): Promise<LinkRow | null> {
  const rows = await db.query<LinkRow>(
    `SELECT id, campaign_id, unit_id, field_id, dossier_code, used_at FROM sipas_dossier_links
     WHERE token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Marks a link used; false when it was already used (by a concurrent answer too). */
export async function consumeLink(db: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE sipas_dossier_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
    [id, now.toISOString()],
  );
  return rows.length > 0;
}

/**
 * Adds hits to several rate counters in one statement, with the same windows as the sign-in limit
 * (`hitRateCounter` of the auth feature) and the same table; returns each counter after the
 * addition. Public answers hit the same few rows (one address, one form) many times a second:
 * committed one by one with a disk flush each, those updates queue behind each other's flush. The
 * counters are best-effort, so this statement commits without waiting for the flush
 * (`synchronous_commit` off for its own transaction only); a crash may forget the last hits, never
 * a stored answer. Keys are locked in sorted order, so concurrent statements cannot deadlock.
 */
export async function addRateHits(
  db: Queryable,
  hits: Map<string, number>,
  now: Date,
  windowSeconds: number,
): Promise<Map<string, { hits: number; windowStart: Date }>> {
  const keys = [...hits.keys()].sort();
  const rows = await db.query<{ key: string; hits: number; window_start: Date }>(
    `INSERT INTO rate_counters (key, window_start, hits)
     SELECT k, $3::timestamptz, n FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS x(k, n, o)
       CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS async
     ORDER BY o
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_counters.window_start <= $3::timestamptz - make_interval(secs => $4) THEN excluded.hits ELSE rate_counters.hits + excluded.hits END,
       window_start = CASE WHEN rate_counters.window_start <= $3::timestamptz - make_interval(secs => $4) THEN $3::timestamptz ELSE rate_counters.window_start END
     RETURNING key, hits, window_start`,
    [keys, keys.map((k) => hits.get(k) ?? 1), now.toISOString(), windowSeconds],
  );
  return new Map(rows.map((r) => [r.key, { hits: r.hits, windowStart: new Date(r.window_start) }]));
}
