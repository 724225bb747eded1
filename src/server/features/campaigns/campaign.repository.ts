/**
 * SQL of a campaign and its set-up: the campaign rows (list, find, create, update, status), its
 * criteria sets per unit kind, the appraiser assignments, the accounts that may appraise, and the
 * units and users the set-up names.
 */
import type { ClassBand } from '../../../domain/scoring/index.ts';
import type { Queryable } from '../../infra/db.ts';
import { insertColumns, setColumns, sqlParams, type Columns } from '../../infra/sql.ts';
import { CAMPAIGN_COLUMNS, CAMPAIGN_FROM, likePrefixes } from './shared.repository.ts';

export interface CampaignRow {
  id: number;
  year: number;
  name: string;
  status: 'setup' | 'open' | 'closed';
  deadline_self_assessment: string;
  deadline_round1: string;
  deadline_explanations: string;
  deadline_round2: string;
  deadline_publication: string;
  survey_source: 'entered' | 'imported' | 'sipas';
  bands: ClassBand[] | null;
  owner_unit_id: number | null;
  owner_unit_name: string | null;
  owner_unit_path: string | null;
  appraising_unit_id: number | null;
  appraising_unit_name: string | null;
  appraising_unit_code: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  opened_at: Date | null;
  results_computed_at: Date | null;
}

export interface CampaignSetRow {
  campaign_id: number;
  unit_kind: string;
  criteria_set_id: number;
  survey_max_hundredths: number | null;
  bands: ClassBand[] | null;
  set_name: string;
  set_status: 'draft' | 'frozen';
  /** The criteria set's own bands (empty: none). */
  set_bands: ClassBand[] | null;
}

export interface AssignmentRow {
  id: number;
  campaign_id: number;
  user_id: number;
  username: string;
  full_name: string;
  node_codes: string[];
  unit_kind: string | null;
}

/** Every campaign, newest year first. */
export async function listCampaigns(
  db: Queryable,
): Promise<(CampaignRow & { participants: number })[]> {
  return db.query(
    `SELECT ${CAMPAIGN_COLUMNS},
       (SELECT count(*)::int FROM campaign_participants p WHERE p.campaign_id = c.id) AS participants
     FROM ${CAMPAIGN_FROM}
     ORDER BY c.year DESC, c.id DESC`,
  );
}

/** One campaign; `lock` takes a row lock for the rest of the transaction. */
export async function findCampaign(
  db: Queryable,
  id: number,
  lock = false,
): Promise<CampaignRow | undefined> {
  return (
    await db.query<CampaignRow>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
      [id],
    )
  )[0];
}

export interface CampaignValues {
  year: number;
  name: string;
  deadlines: {
    selfAssessment: string;
    round1: string;
    explanations: string;
    round2: string;
    publication: string;
  };
  surveySource: 'entered' | 'imported' | 'sipas';
  bands: ClassBand[] | null;
  ownerUnitId: number | null;
  /** The unit that appraises; null or absent: the owner unit. */
  appraisingUnitId?: number | null | undefined;
}

/** The columns of a campaign that an insert and an update both write. */
const campaignColumns = (v: CampaignValues, by: number | null, now: Date): Columns => ({
  year: v.year,
  name: v.name,
  deadline_self_assessment: v.deadlines.selfAssessment,
  deadline_round1: v.deadlines.round1,
  deadline_explanations: v.deadlines.explanations,
  deadline_round2: v.deadlines.round2,
  deadline_publication: v.deadlines.publication,
  survey_source: v.surveySource,
  bands: v.bands === null ? null : JSON.stringify(v.bands),
  owner_unit_id: v.ownerUnitId,
  appraising_unit_id: v.appraisingUnitId ?? null,
  updated_by: by,
  updated_at: now.toISOString(),
});

/** Creates a campaign in set-up. */
export async function insertCampaign(
  db: Queryable,
  v: CampaignValues,
  by: number | null,
  now: Date,
): Promise<number> {
  const params = sqlParams();
  const { names, placeholders } = insertColumns(
    { ...campaignColumns(v, by, now), created_by: by, created_at: now.toISOString() },
    params,
  );
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO campaigns ${names} VALUES ${placeholders} RETURNING id`,
    params.values,
  );
  return row!.id;
}

/** Updates a campaign's own fields with a version check; false when stale. */
export async function updateCampaign(
  db: Queryable,
  id: number,
  version: number,
  v: CampaignValues,
  by: number | null,
  now: Date,
): Promise<boolean> {
  const params = sqlParams([id, version]);
  const rows = await db.query(
    `UPDATE campaigns SET ${setColumns(campaignColumns(v, by, now), params)}, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    params.values,
  );
  return rows.length === 1;
}

/** Sets a campaign's status (opening freezes nothing here: the service freezes the sets). */
export async function setCampaignStatus(
  db: Queryable,
  id: number,
  status: CampaignRow['status'],
  by: number | null,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE campaigns SET status = $2, updated_by = $3, updated_at = $4, version = version + 1,
       opened_at = CASE WHEN $2 = 'open' AND opened_at IS NULL THEN $4::timestamptz ELSE opened_at END
     WHERE id = $1`,
    [id, status, by, now.toISOString()],
  );
}

/** The criteria sets of a campaign, one per unit kind. */
export async function findCampaignSets(
  db: Queryable,
  campaignId: number,
): Promise<CampaignSetRow[]> {
  return db.query<CampaignSetRow>(
    `SELECT cs.*, s.name AS set_name, s.status AS set_status, s.bands AS set_bands
     FROM campaign_criteria_sets cs JOIN criteria_sets s ON s.id = cs.criteria_set_id
     WHERE cs.campaign_id = $1 ORDER BY cs.unit_kind`,
    [campaignId],
  );
}

/** Replaces the criteria sets of a campaign. */
export async function replaceCampaignSets(
  db: Queryable,
  campaignId: number,
  sets: {
    unitKind: string;
    criteriaSetId: number;
    surveyMaxHundredths: number | null;
    bands: ClassBand[] | null;
  }[],
): Promise<void> {
  await db.query('DELETE FROM campaign_criteria_sets WHERE campaign_id = $1', [campaignId]);
  for (const s of sets) {
    await db.query(
      `INSERT INTO campaign_criteria_sets (campaign_id, unit_kind, criteria_set_id, survey_max_hundredths, bands) VALUES ($1, $2, $3, $4, $5)`,
      [
        campaignId,
        s.unitKind,
        s.criteriaSetId,
        s.surveyMaxHundredths,
        s.bands === null ? null : JSON.stringify(s.bands),
      ],
    );
  }
}

/** The appraiser assignments of a campaign. */
export async function findAssignments(db: Queryable, campaignId: number): Promise<AssignmentRow[]> {
  return db.query<AssignmentRow>(
    `SELECT a.id, a.campaign_id, a.user_id, a.node_codes, a.unit_kind, us.username, us.full_name
     FROM campaign_assignments a JOIN users us ON us.id = a.user_id WHERE a.campaign_id = $1 ORDER BY a.id`,
    [campaignId],
  );
}

/** Replaces the appraiser assignments of a campaign. */
export async function replaceAssignments(
  db: Queryable,
  campaignId: number,
  list: { userId: number; nodeCodes: string[]; unitKind: string | null }[],
): Promise<void> {
  await db.query('DELETE FROM campaign_assignments WHERE campaign_id = $1', [campaignId]);
  for (const a of list) {
    await db.query(
      'INSERT INTO campaign_assignments (campaign_id, user_id, node_codes, unit_kind) VALUES ($1, $2, $3, $4)',
      [campaignId, a.userId, JSON.stringify(a.nodeCodes), a.unitKind],
    );
  }
}

/**
 * Accounts that may appraise in a campaign owned by the unit at `ownerPath` (null: national):
 * active users holding the appraiser role nationally, on that unit or above it, or on a unit
 * inside it; with the unit of the grant.
 */
export async function findAppraiserAccounts(
  db: Queryable,
  ownerPath: string | null,
): Promise<
  {
    user_id: number;
    username: string;
    full_name: string;
    unit_id: number | null;
    unit_name: string | null;
  }[]
> {
  return db.query(
    `SELECT DISTINCT ON (us.id) us.id AS user_id, us.username, us.full_name, g.unit_id, u.name AS unit_name
     FROM role_grants g JOIN users us ON us.id = g.user_id LEFT JOIN units u ON u.id = g.unit_id
     WHERE g.role = 'appraiser' AND NOT us.disabled
       AND ($1::text IS NULL OR g.unit_id IS NULL OR u.path LIKE $2 OR $1 LIKE u.path || '%')
     ORDER BY us.id, u.depth NULLS FIRST`,
    [ownerPath, ownerPath === null ? null : likePrefixes([ownerPath])![0]],
  );
}

/** Units by id with code, name, kind and path. */
export async function findUnitsBrief(
  db: Queryable,
  ids: number[],
): Promise<{ id: number; code: string; name: string; kind: string; path: string }[]> {
  if (ids.length === 0) return [];
  return db.query('SELECT id, code, name, kind, path FROM units WHERE id = ANY($1::int[])', [ids]);
}

/** User names by id. */
export async function findUserNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; full_name: string }>(
    'SELECT id, full_name FROM users WHERE id = ANY($1::int[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Users by username (for assignments given by name). */
export async function findUsersByUsername(
  db: Queryable,
  names: string[],
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const rows = await db.query<{ id: number; username: string }>(
    'SELECT id, username FROM users WHERE lower(username) = ANY($1::text[])',
    [names.map((n) => n.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
}
