/** SQL for campaigns: set-up, participants, assignments, entries, survey points, results, history. */
import type { ClassBand } from '../../../domain/scoring/index.ts';
import type { RuleInputValues } from '../../../domain/scoring/rules.ts';
import type { Queryable } from '../../infra/db.ts';
import {
  insertColumns,
  setColumns,
  sqlParams,
  type Columns,
  type SqlParams,
} from '../../infra/sql.ts';

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

export interface ParticipantRow {
  id: number;
  campaign_id: number;
  unit_id: number;
  unit_kind: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  status: string;
  reopened: { reason: string; byUserId: number; at: string; until: string | null } | null;
  version: number;
  updated_at: Date;
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

export interface EntryRow {
  participant_id: number;
  node_code: string;
  self_inputs: RuleInputValues | null;
  self_score_hundredths: number | null;
  self_na: boolean;
  self_explanation: string | null;
  self_evidence: string[];
  self_by: number | null;
  self_at: Date | null;
  round1_score_hundredths: number | null;
  round1_na: boolean;
  round1_reason: string | null;
  round1_needs_explanation: boolean;
  round1_by: number | null;
  round1_at: Date | null;
  explanation_text: string | null;
  explanation_evidence: string[];
  explanation_by: number | null;
  explanation_at: Date | null;
  round2_disposition: 'addressed' | 'defended' | 'still_open' | null;
  round2_score_hundredths: number | null;
  round2_reason: string | null;
  round2_by: number | null;
  round2_at: Date | null;
  version: number;
  updated_by: number | null;
  updated_by_name?: string | null;
  updated_at: Date;
}

const CAMPAIGN_COLUMNS = `c.id, c.year, c.name, c.status, c.deadline_self_assessment, c.deadline_round1,
  c.deadline_explanations, c.deadline_round2, c.deadline_publication, c.survey_source, c.bands,
  c.owner_unit_id, c.appraising_unit_id, c.version, c.created_at, c.updated_at, c.opened_at,
  c.results_computed_at, ou.name AS owner_unit_name, ou.path AS owner_unit_path,
  au.name AS appraising_unit_name, au.code AS appraising_unit_code`;
const CAMPAIGN_FROM = `campaigns c LEFT JOIN units ou ON ou.id = c.owner_unit_id
  LEFT JOIN units au ON au.id = c.appraising_unit_id`;

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

const PARTICIPANT_COLUMNS = `p.id, p.campaign_id, p.unit_id, p.unit_kind, p.status, p.reopened, p.version, p.updated_at,
  u.code AS unit_code, u.name AS unit_name, u.path AS unit_path`;

/** The participants of a campaign, by unit name. */
export async function findParticipants(
  db: Queryable,
  campaignId: number,
): Promise<ParticipantRow[]> {
  return db.query<ParticipantRow>(
    `SELECT ${PARTICIPANT_COLUMNS} FROM campaign_participants p JOIN units u ON u.id = p.unit_id
     WHERE p.campaign_id = $1 ORDER BY u.name, u.id`,
    [campaignId],
  );
}

/** Codes of the round-1 entries flagged "needs explanation", per participant id. */
export async function findExplanationRequests(
  db: Queryable,
  campaignId: number,
): Promise<Map<number, string[]>> {
  const rows = await db.query<{ participant_id: number; node_code: string }>(
    `SELECT participant_id, node_code FROM campaign_entries
     WHERE campaign_id = $1 AND round1_needs_explanation`,
    [campaignId],
  );
  const byParticipant = new Map<number, string[]>();
  for (const r of rows) {
    const codes = byParticipant.get(r.participant_id) ?? [];
    codes.push(r.node_code);
    byParticipant.set(r.participant_id, codes);
  }
  for (const codes of byParticipant.values())
    codes.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return byParticipant;
}

/**
 * The latest reopening of an approved result (the council chair's reason, when and by whom) of
 * each of these participants, from the audit log (read through the units' index).
 */
export async function findResultReopenings(
  db: Queryable,
  participants: ReadonlyArray<Pick<ParticipantRow, 'id' | 'unit_id'>>,
): Promise<Map<number, { reason: string; at: string; byName: string | null }>> {
  const found = new Map<number, { reason: string; at: string; byName: string | null }>();
  if (participants.length === 0) return found;
  const rows = await db.query<{
    entity_id: string;
    reason: string | null;
    at: Date;
    actor_name: string | null;
  }>(
    `SELECT DISTINCT ON (a.entity_id) a.entity_id, a.after->>'reason' AS reason, a.at,
       coalesce(u.full_name, a.actor_name) AS actor_name
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.unit_id = ANY($1::int[]) AND a.action = 'campaign.reopenResult'
       AND a.entity = 'campaign_participant' AND a.entity_id = ANY($2::text[])
     ORDER BY a.entity_id, a.id DESC`,
    [participants.map((p) => p.unit_id), participants.map((p) => String(p.id))],
  );
  for (const r of rows)
    found.set(Number(r.entity_id), {
      reason: r.reason ?? '',
      at: new Date(r.at).toISOString(),
      byName: r.actor_name,
    });
  return found;
}

/**
 * Locks every participant of a campaign, in id order, for the rest of the transaction: a bulk
 * writer (score import) takes them before any entry so it never deadlocks with an autosave,
 * which locks its participant first too.
 */
export async function lockParticipants(db: Queryable, campaignId: number): Promise<void> {
  await db.query(
    'SELECT id FROM campaign_participants WHERE campaign_id = $1 ORDER BY id FOR UPDATE',
    [campaignId],
  );
}

/** One participant by unit; `lock` takes a row lock for the rest of the transaction. */
export async function findParticipant(
  db: Queryable,
  campaignId: number,
  unitId: number,
  lock = false,
): Promise<ParticipantRow | undefined> {
  return (
    await db.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM campaign_participants p JOIN units u ON u.id = p.unit_id
       WHERE p.campaign_id = $1 AND p.unit_id = $2${lock ? ' FOR UPDATE OF p' : ''}`,
      [campaignId, unitId],
    )
  )[0];
}

/** Adds participants; units already in the campaign are skipped. Returns the unit ids added. */
export async function insertParticipants(
  db: Queryable,
  campaignId: number,
  units: { id: number; kind: string }[],
  by: number | null,
  now: Date,
): Promise<number[]> {
  if (units.length === 0) return [];
  const rows = await db.query<{ unit_id: number }>(
    `INSERT INTO campaign_participants (campaign_id, unit_id, unit_kind, updated_by, updated_at)
     SELECT $1, u.id, u.kind, $4, $5 FROM unnest($2::int[], $3::text[]) AS u(id, kind)
     ON CONFLICT (campaign_id, unit_id) DO NOTHING RETURNING unit_id`,
    [campaignId, units.map((u) => u.id), units.map((u) => u.kind), by, now.toISOString()],
  );
  return rows.map((r) => r.unit_id);
}

/** Removes a participant that has no entries yet; false otherwise. */
export async function deleteParticipant(
  db: Queryable,
  campaignId: number,
  unitId: number,
): Promise<boolean> {
  const rows = await db.query(
    `DELETE FROM campaign_participants p WHERE p.campaign_id = $1 AND p.unit_id = $2
       AND NOT EXISTS (SELECT 1 FROM campaign_entries e WHERE e.participant_id = p.id) RETURNING id`,
    [campaignId, unitId],
  );
  return rows.length === 1;
}

/** Moves a participant to a new state with a version check; false when stale. */
export async function updateParticipantState(
  db: Queryable,
  id: number,
  version: number,
  state: { status: string; reopened: ParticipantRow['reopened'] },
  by: number | null,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE campaign_participants SET status = $3, reopened = $4, version = version + 1, updated_by = $5, updated_at = $6
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      state.status,
      state.reopened === null ? null : JSON.stringify(state.reopened),
      by,
      now.toISOString(),
    ],
  );
  return rows.length === 1;
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

const ENTRY_SELECT = `SELECT e.*, us.full_name AS updated_by_name FROM campaign_entries e LEFT JOIN users us ON us.id = e.updated_by`;

/** The entries of some participants. */
export async function findEntries(db: Queryable, participantIds: number[]): Promise<EntryRow[]> {
  if (participantIds.length === 0) return [];
  return db.query<EntryRow>(
    `${ENTRY_SELECT} WHERE e.participant_id = ANY($1::int[]) ORDER BY e.participant_id, e.node_code`,
    [participantIds],
  );
}

/** Separators of the packed scores: record (one node) and unit (one field), never in a code. */
export const PACKED_NODE = '\u001e';
export const PACKED_FIELD = '\u001f';

/**
 * Every participant of a campaign with its survey points and its scores packed by the database
 * into one text (`unpackScores` reads it): per scored node `code␟self␟round1␟disposition␟round2`
 * joined by ␞, where a step is empty when not entered and `n` when not applicable, and the
 * disposition is its first letter (a, d, s). One row per unit instead of one per node: reading a
 * campaign of 3,321 units × 120 nodes is a few thousand rows.
 */
export async function findPackedScores(
  db: Queryable,
  campaignId: number,
): Promise<
  {
    participant_id: number;
    unit_id: number;
    unit_kind: string;
    survey_points: number | null;
    survey_source: 'entered' | 'imported' | 'sipas' | 'survey' | null;
    survey_provisional: boolean | null;
    scores: string | null;
  }[]
> {
  return db.query(
    `WITH packed AS (
       SELECT participant_id, string_agg(concat_ws(chr(31), node_code,
           CASE WHEN self_na THEN 'n' ELSE coalesce(self_score_hundredths::text, '') END,
           CASE WHEN round1_na THEN 'n' ELSE coalesce(round1_score_hundredths::text, '') END,
           coalesce(left(round2_disposition, 1), ''), coalesce(round2_score_hundredths::text, '')), chr(30)) AS scores
       FROM campaign_entries
       WHERE campaign_id = $1
         AND (self_na OR self_score_hundredths IS NOT NULL OR round1_na OR round1_score_hundredths IS NOT NULL)
       GROUP BY participant_id)
     SELECT p.id AS participant_id, p.unit_id, p.unit_kind, s.points_hundredths AS survey_points,
       s.source AS survey_source, s.provisional AS survey_provisional, packed.scores
     FROM campaign_participants p
     LEFT JOIN packed ON packed.participant_id = p.id
     LEFT JOIN campaign_survey_points s ON s.participant_id = p.id
     WHERE p.campaign_id = $1
     ORDER BY p.id`,
    [campaignId],
  );
}

// A round-1 finding (domain round1Findings): scored in round 1 below the unit's own score, with
// the N/A status changed, without an own score, or flagged "needs explanation".
const FINDING = `(e.round1_na OR e.round1_score_hundredths IS NOT NULL) AND (e.round1_needs_explanation
  OR NOT (e.self_na OR e.self_score_hundredths IS NOT NULL) OR e.self_na <> e.round1_na
  OR (NOT e.self_na AND NOT e.round1_na AND e.round1_score_hundredths < e.self_score_hundredths))`;
const ROUND1_SCORED = '(e.round1_na OR e.round1_score_hundredths IS NOT NULL)';

/** Which items of the appraiser's queue a query is about. */
export interface QueueFilter {
  round: 1 | 2;
  onlyOpen: boolean;
  /** The assigned leaves per unit kind, in tree order. */
  leaves: { kind: string; code: string }[];
}

/**
 * Per participant of a campaign, how many entries at the assigned leaves match: round 1 counts the
 * scored ones (open = assigned − scored), round 2 the findings (only the undecided ones when
 * `onlyOpen`). Participants without any are absent. One pass over the campaign's entries.
 */
export async function countQueueEntries(
  db: Queryable,
  campaignId: number,
  f: QueueFilter,
): Promise<Map<number, number>> {
  if (f.leaves.length === 0) return new Map();
  const match =
    f.round === 1
      ? ROUND1_SCORED
      : f.onlyOpen
        ? `${FINDING} AND e.round2_disposition IS NULL`
        : FINDING;
  const rows = await db.query<{ participant_id: number; n: number }>(
    `SELECT e.participant_id, count(*)::int AS n
     FROM campaign_entries e JOIN campaign_participants p ON p.id = e.participant_id
     JOIN unnest($2::text[], $3::text[]) AS l(kind, code) ON l.kind = p.unit_kind AND l.code = e.node_code
     WHERE e.campaign_id = $1 AND ${match}
     GROUP BY e.participant_id`,
    [campaignId, f.leaves.map((l) => l.kind), f.leaves.map((l) => l.code)],
  );
  return new Map(rows.map((r) => [r.participant_id, r.n]));
}

/**
 * The queue items of a few participants (one page's worth), each participant's in tree order:
 * every assigned leaf (round 1), the open ones (round 1 `onlyOpen`), the findings (round 2, the
 * undecided ones when `onlyOpen`); the same conditions as countQueueEntries.
 */
export async function findQueueItems(
  db: Queryable,
  participantIds: number[],
  f: QueueFilter,
): Promise<{ participant_id: number; code: string }[]> {
  if (participantIds.length === 0 || f.leaves.length === 0) return [];
  const match =
    f.round === 1
      ? f.onlyOpen
        ? `NOT coalesce(${ROUND1_SCORED}, false)`
        : 'true'
      : f.onlyOpen
        ? `${FINDING} AND e.round2_disposition IS NULL`
        : FINDING;
  return db.query(
    `SELECT p.id AS participant_id, l.code
     FROM campaign_participants p
     JOIN unnest($2::text[], $3::text[]) WITH ORDINALITY AS l(kind, code, ord) ON l.kind = p.unit_kind
     LEFT JOIN campaign_entries e ON e.participant_id = p.id AND e.node_code = l.code
     WHERE p.id = ANY($1::int[]) AND ${match}
     ORDER BY p.id, l.ord`,
    [participantIds, f.leaves.map((l) => l.kind), f.leaves.map((l) => l.code)],
  );
}

/**
 * Round-1 progress per appraiser, counted by the database: for each appraiser's assigned leaves
 * (per unit kind), how many (unit, leaf) pairs of units in the given states and scope there are,
 * and how many of them round 1 has scored.
 */
export async function countRound1Progress(
  db: Queryable,
  q: {
    campaignId: number;
    statuses: string[];
    scope: string[] | null;
    leaves: { userId: number; kind: string; code: string }[];
  },
): Promise<{ user_id: number; total: number; scored: number }[]> {
  if (q.leaves.length === 0) return [];
  return db.query(
    `SELECT l.user_id, count(*)::int AS total,
       count(*) FILTER (WHERE e.round1_na OR e.round1_score_hundredths IS NOT NULL)::int AS scored
     FROM campaign_participants p JOIN units u ON u.id = p.unit_id
     JOIN unnest($4::int[], $5::text[], $6::text[]) AS l(user_id, kind, code) ON l.kind = p.unit_kind
     LEFT JOIN campaign_entries e ON e.participant_id = p.id AND e.node_code = l.code
     WHERE p.campaign_id = $1 AND p.status = ANY($2::text[]) AND ($3::text[] IS NULL OR u.path LIKE ANY($3::text[]))
     GROUP BY l.user_id`,
    [
      q.campaignId,
      q.statuses,
      likePrefixes(q.scope),
      q.leaves.map((l) => l.userId),
      q.leaves.map((l) => l.kind),
      q.leaves.map((l) => l.code),
    ],
  );
}

/** Path prefixes as LIKE patterns (null stays null: no limit). */
function likePrefixes(scope: string[] | null): string[] | null {
  return scope === null ? null : scope.map((s) => `${s.replace(/[\\%_]/g, '\\$&')}%`);
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

/** Entries of (participant, code) pairs. */
export async function findEntriesAt(
  db: Queryable,
  keys: { participant_id: number; code: string }[],
): Promise<EntryRow[]> {
  if (keys.length === 0) return [];
  return db.query<EntryRow>(
    `${ENTRY_SELECT} JOIN unnest($1::int[], $2::text[]) AS k(participant_id, code)
       ON k.participant_id = e.participant_id AND k.code = e.node_code`,
    [keys.map((k) => k.participant_id), keys.map((k) => k.code)],
  );
}

/** One entry; `lock` takes a row lock. */
export async function findEntry(
  db: Queryable,
  participantId: number,
  code: string,
  lock = false,
): Promise<EntryRow | undefined> {
  return (
    await db.query<EntryRow>(
      `${ENTRY_SELECT} WHERE e.participant_id = $1 AND e.node_code = $2${lock ? ' FOR UPDATE OF e' : ''}`,
      [participantId, code],
    )
  )[0];
}

/** The columns one step writes. */
export type EntryPatch = Partial<
  Omit<
    EntryRow,
    'participant_id' | 'node_code' | 'version' | 'updated_by' | 'updated_at' | 'updated_by_name'
  >
>;

const JSON_COLUMNS = new Set(['self_inputs', 'self_evidence', 'explanation_evidence']);

/**
 * Writes one step of an entry, checking the version the writer read (0: no entry yet). Returns
 * the new version, or null when someone else saved first.
 */
export async function saveEntry(
  db: Queryable,
  key: { campaignId: number; participantId: number; code: string },
  expectedVersion: number,
  patch: EntryPatch,
  by: number | null,
  now: Date,
): Promise<number | null> {
  const columns = Object.keys(patch) as (keyof EntryPatch)[];
  const values = columns.map((c) => {
    const v = patch[c];
    if (JSON_COLUMNS.has(c))
      return v === null || v === undefined
        ? c === 'self_inputs'
          ? null
          : '[]'
        : JSON.stringify(v);
    return v instanceof Date ? v.toISOString() : v;
  });
  if (expectedVersion === 0) {
    const names = [
      'campaign_id',
      'participant_id',
      'node_code',
      'updated_by',
      'updated_at',
      ...columns,
    ];
    const rows = await db.query<{ version: number }>(
      `INSERT INTO campaign_entries (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (participant_id, node_code) DO NOTHING RETURNING version`,
      [key.campaignId, key.participantId, key.code, by, now.toISOString(), ...values],
    );
    if (rows[0]) await bumpScoresVersion(db, key.participantId);
    return rows[0]?.version ?? null;
  }
  const sets = columns.map((c, i) => `${c} = $${i + 6}`);
  const rows = await db.query<{ version: number }>(
    `UPDATE campaign_entries SET ${[...sets, 'version = version + 1', 'updated_by = $4', 'updated_at = $5'].join(', ')}
     WHERE participant_id = $1 AND node_code = $2 AND version = $3 RETURNING version`,
    [key.participantId, key.code, expectedVersion, by, now.toISOString(), ...values],
  );
  if (rows[0]) await bumpScoresVersion(db, key.participantId);
  return rows[0]?.version ?? null;
}

/**
 * Counts a write to a unit's entries or survey points (see `changeToken`). Every writer of
 * campaign_entries and campaign_survey_points goes through this repository and calls it.
 */
async function bumpScoresVersion(db: Queryable, participantId: number): Promise<void> {
  await db.query(
    'UPDATE campaign_participants SET scores_version = scores_version + 1 WHERE id = $1',
    [participantId],
  );
}

/** Of the given evidence documents, those in the unit's own library. */
export async function findUnitEvidenceIds(
  db: Queryable,
  unitId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: number }>(
    'SELECT id FROM evidence_documents WHERE unit_id = $1 AND id = ANY($2::int[])',
    [unitId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** Sets which evidence documents support one node of a unit at one step (self or explanation). */
export async function replaceEvidenceRefs(
  db: Queryable,
  key: { campaignId: number; participantId: number; code: string },
  step: 'self' | 'explanation',
  evidenceIds: number[],
): Promise<void> {
  await db.query(
    'DELETE FROM campaign_evidence_refs WHERE participant_id = $1 AND node_code = $2 AND step = $3',
    [key.participantId, key.code, step],
  );
  if (evidenceIds.length === 0) return;
  await db.query(
    `INSERT INTO campaign_evidence_refs (participant_id, node_code, step, evidence_id, campaign_id)
     SELECT $1, $2, $3, id, $5 FROM unnest($4::int[]) AS id ON CONFLICT DO NOTHING`,
    [key.participantId, key.code, step, evidenceIds, key.campaignId],
  );
}

/** Survey points of a campaign by participant. */
export async function findSurveyPoints(
  db: Queryable,
  campaignId: number,
): Promise<
  {
    participant_id: number;
    points_hundredths: number;
    source: 'entered' | 'imported' | 'sipas' | 'survey';
    provisional: boolean;
  }[]
> {
  return db.query(
    'SELECT participant_id, points_hundredths, source, provisional FROM campaign_survey_points WHERE campaign_id = $1',
    [campaignId],
  );
}

/** Sets a participant's survey points. */
export async function saveSurveyPoints(
  db: Queryable,
  campaignId: number,
  participantId: number,
  points: number,
  source: string,
  by: number | null,
  now: Date,
  provisional = false,
): Promise<void> {
  await db.query(
    `INSERT INTO campaign_survey_points (participant_id, campaign_id, points_hundredths, source, updated_by, updated_at, provisional)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (participant_id) DO UPDATE SET points_hundredths = EXCLUDED.points_hundredths, source = EXCLUDED.source,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at, provisional = EXCLUDED.provisional`,
    [participantId, campaignId, points, source, by, now.toISOString(), provisional],
  );
  await bumpScoresVersion(db, participantId);
}

/** Removes survey points a survey computed earlier (when its answers no longer give a total). */
export async function deleteComputedSurveyPoints(
  db: Queryable,
  participantId: number,
): Promise<void> {
  const rows = await db.query(
    "DELETE FROM campaign_survey_points WHERE participant_id = $1 AND source = 'survey' RETURNING participant_id",
    [participantId],
  );
  if (rows.length > 0) await bumpScoresVersion(db, participantId);
}

/** The shape of stored results (criteria with bonus and penalty nodes as `kind`), part of the token. */
const RESULTS_SHAPE = 'r4';

/** The change token of campaign `id` (an SQL expression naming the campaign's id) as SQL. */
const tokenSql = (id: string, version: string) => `concat_ws(':', '${RESULTS_SHAPE}',
  (SELECT count(*) || '.' || coalesce(sum(version), 0) || '.' || coalesce(sum(scores_version), 0)
   FROM campaign_participants WHERE campaign_id = ${id}),
  ${version})`;

/**
 * A summary of everything results depend on (entries and survey points through each unit's
 * `scores_version`, states, set-up); it changes with any of them. Reads the participants only, so
 * it stays cheap for a national campaign.
 */
export async function changeToken(db: Queryable, campaignId: number): Promise<string> {
  // The first part names the shape of the stored rows: results stored in an older shape are stale.
  const [row] = await db.query<{ token: string }>(
    `SELECT ${tokenSql('$1', '(SELECT version FROM campaigns WHERE id = $1)')} AS token`,
    [campaignId],
  );
  return row?.token ?? '';
}

/** The token the stored results were computed from, and the one they would be computed from now. */
export async function resultsTokens(
  db: Queryable,
  campaignId: number,
): Promise<{ stored: string | null; current: string }> {
  const [row] = await db.query<{ stored: string | null; current: string }>(
    `SELECT c.results_token AS stored, ${tokenSql('c.id', 'c.version')} AS current
     FROM campaigns c WHERE c.id = $1`,
    [campaignId],
  );
  return { stored: row?.stored ?? null, current: row?.current ?? '' };
}

/**
 * Holds the campaign's row until the caller's transaction ends, so that two computations of its
 * results (two readers finding them stale, or a reader and a workflow action) run one after the
 * other instead of both deleting and inserting the same rows.
 */
export async function lockCampaignForResults(db: Queryable, campaignId: number): Promise<void> {
  await db.query('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
}

export interface ResultRow {
  participant_id: number;
  campaign_id: number;
  unit_id: number;
  unit_kind: string;
  appraised_hundredths: number;
  max_appraised_hundredths: number;
  survey_hundredths: number | null;
  max_survey_hundredths: number | null;
  /** The survey points come from a survey still open: the result is provisional. */
  survey_provisional: boolean;
  index_hundredths: number | null;
  class_label: string | null;
  rank: number | null;
  units_ranked: number;
  /**
   * The top-level criteria, then the top-level bonus and penalty nodes (`kind`, signed points in
   * `score`, the cap in `max`).
   */
  criteria: {
    code: string;
    title: string;
    score: number;
    max: number;
    rank: number | null;
    kind?: 'bonus' | 'penalty';
    /** A criterion's bonus and penalty points (absent: none). */
    bonus?: number;
    penalty?: number;
  }[];
  computed_at: Date;
  /** The unit's place in the campaign's ranking (kind, rank with the unranked last, name, id). */
  position: number;
  unit_code?: string;
  unit_name?: string;
  status?: string;
}

/**
 * The order of a campaign's ranking for results about to be stored: by unit kind, rank (the
 * unranked last), the unit's name, its id, as the database orders them. Returns each
 * participant's position, from 1.
 */
export async function rankingPositions(
  db: Queryable,
  rows: readonly {
    participant_id: number;
    unit_id: number;
    unit_kind: string;
    rank: number | null;
  }[],
): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const order = await db.query<{ participant_id: number; n: number }>(
    `SELECT x.participant_id, row_number() OVER (ORDER BY x.unit_kind, x.rank NULLS LAST, u.name, u.id)::int AS n
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS x(participant_id, unit_id, unit_kind, rank)
     JOIN units u ON u.id = x.unit_id`,
    [
      rows.map((r) => r.participant_id),
      rows.map((r) => r.unit_id),
      rows.map((r) => r.unit_kind),
      rows.map((r) => r.rank),
    ],
  );
  return new Map(order.map((o) => [o.participant_id, o.n]));
}

/** Replaces the stored results of a campaign. */
export async function replaceResults(
  db: Queryable,
  campaignId: number,
  rows: Omit<ResultRow, 'campaign_id' | 'computed_at'>[],
  token: string,
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM campaign_results WHERE campaign_id = $1', [campaignId]);
  const chunk = 1000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(
      `INSERT INTO campaign_results (participant_id, campaign_id, unit_id, unit_kind, appraised_hundredths, max_appraised_hundredths,
         survey_hundredths, max_survey_hundredths, survey_provisional, index_hundredths, class_label, rank, units_ranked, criteria, computed_at, position)
       SELECT r.participant_id, $1, r.unit_id, r.unit_kind, r.appraised_hundredths, r.max_appraised_hundredths, r.survey_hundredths,
         r.max_survey_hundredths, coalesce(r.survey_provisional, false), r.index_hundredths, r.class_label, r.rank, r.units_ranked, r.criteria, $2,
         r.position
       FROM json_populate_recordset(NULL::campaign_results, $3::json) r`,
      [campaignId, now.toISOString(), JSON.stringify(part)],
    );
  }
  await db.query(
    `UPDATE campaigns SET results_computed_at = $2, results_token = $3, results_counts = coalesce((
       SELECT json_agg(json_build_object('unit_kind', g.unit_kind, 'class_label', g.class_label, 'published', g.published,
         'units', g.units, 'indexed', g.indexed, 'index_sum', g.index_sum, 'appraised_sum', g.appraised_sum,
         'max_appraised', g.max_appraised, 'provisional', g.provisional) ORDER BY g.unit_kind, g.class_label, g.published)
       FROM (SELECT r.unit_kind, r.class_label, p.status = 'published' AS published, count(*) AS units,
               count(r.index_hundredths) AS indexed, coalesce(sum(r.index_hundredths), 0) AS index_sum,
               sum(r.appraised_hundredths) AS appraised_sum, max(r.max_appraised_hundredths) AS max_appraised,
               count(*) FILTER (WHERE (r.max_survey_hundredths IS NOT NULL AND r.survey_hundredths IS NULL) OR r.survey_provisional) AS provisional
             FROM campaign_results r JOIN campaign_participants p ON p.id = r.participant_id
             WHERE r.campaign_id = $1 GROUP BY r.unit_kind, r.class_label, p.status = 'published') g), '[]')
     WHERE id = $1`,
    [campaignId, now.toISOString(), token],
  );
}

/** The stored results counted per unit kind, class and publication (`campaigns.results_counts`). */
export interface ResultsClassCount {
  unit_kind: string;
  class_label: string | null;
  published: boolean;
  units: number;
  indexed: number;
  index_sum: number;
  appraised_sum: number;
  max_appraised: number;
  provisional: number;
}

/**
 * What a ranking page needs besides its rows, in one query: the campaign, its criteria sets (no
 * trees), the token its results were computed from and the one they would be computed from now,
 * and the stored results' counts.
 */
export interface ResultsHeader {
  campaign: CampaignRow;
  sets: CampaignSetRow[];
  stored: string | null;
  current: string;
  counts: ResultsClassCount[] | null;
}

export async function findResultsHeader(
  db: Queryable,
  campaignId: number,
): Promise<ResultsHeader | undefined> {
  const [row] = await db.query<HeaderRow>(
    `SELECT ${HEADER_COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.id = $1`,
    [campaignId],
  );
  return row ? headerOf(row) : undefined;
}

type HeaderRow = CampaignRow & {
  sets_json: CampaignSetRow[] | null;
  stored_token: string | null;
  current_token: string;
  counts_json: ResultsClassCount[] | null;
};

/** The columns of a results header, over `CAMPAIGN_FROM`. */
const HEADER_COLUMNS = `${CAMPAIGN_COLUMNS},
       (SELECT json_agg(json_build_object('campaign_id', cs.campaign_id, 'unit_kind', cs.unit_kind,
          'criteria_set_id', cs.criteria_set_id, 'survey_max_hundredths', cs.survey_max_hundredths, 'bands', cs.bands,
          'set_name', s.name, 'set_status', s.status, 'set_bands', s.bands) ORDER BY cs.unit_kind)
        FROM campaign_criteria_sets cs JOIN criteria_sets s ON s.id = cs.criteria_set_id WHERE cs.campaign_id = c.id) AS sets_json,
       c.results_token AS stored_token,
       ${tokenSql('c.id', 'c.version')} AS current_token,
       c.results_counts AS counts_json`;

function headerOf(row: HeaderRow): ResultsHeader {
  const { sets_json, stored_token, current_token, counts_json, ...campaign } = row;
  return {
    campaign,
    sets: sets_json ?? [],
    stored: stored_token,
    current: current_token,
    counts: counts_json,
  };
}

/** Stored results of a campaign with unit code, name and state, in the ranking's order. */
export async function findResults(db: Queryable, campaignId: number): Promise<ResultRow[]> {
  return db.query<ResultRow>(
    `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE r.campaign_id = $1 ORDER BY r.position`,
    [campaignId],
  );
}

/** The stored result of one participant, with unit code, name and state. */
export async function findResult(
  db: Queryable,
  campaignId: number,
  participantId: number,
): Promise<ResultRow | undefined> {
  const [row] = await db.query<ResultRow>(
    `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE r.campaign_id = $1 AND r.participant_id = $2`,
    [campaignId, participantId],
  );
  return row;
}

/** Which stored results a ranking reads. */
export interface ResultsSelection {
  /** Only units whose results are published (a reader who does not run the campaign). */
  publishedOnly: boolean;
  unitKind?: string | undefined;
  classLabel?: string | undefined;
  /** Folded text (`searchKey`) found in the unit's name, or text found in its code. */
  search?: { folded: string; code: string } | undefined;
}

function selectionWhere(
  campaignId: number,
  s: ResultsSelection,
  withClassAndSearch: boolean,
): { where: string; params: SqlParams } {
  const params = sqlParams();
  const parts = [`r.campaign_id = ${params.p(campaignId)}`];
  if (s.publishedOnly) parts.push("p.status = 'published'");
  if (s.unitKind !== undefined) parts.push(`r.unit_kind = ${params.p(s.unitKind)}`);
  if (withClassAndSearch && s.classLabel !== undefined)
    parts.push(`r.class_label = ${params.p(s.classLabel)}`);
  if (withClassAndSearch && s.search !== undefined) {
    parts.push(
      `(strpos(u.search_key, ${params.p(s.search.folded)}) > 0 OR strpos(lower(u.code), ${params.p(s.search.code)}) > 0)`,
    );
  }
  return { where: parts.join(' AND '), params };
}

/**
 * One page of a campaign's ranking: the selected results after `afterPosition` (a cursor: the
 * position of the last unit of the previous page), skipping `offset`, at most `limit` (all when
 * undefined), in the ranking's order. Read through the (campaign, position) indexes.
 */
export async function findResultsPage(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
  page: {
    afterPosition?: number | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
  },
): Promise<ResultRow[]> {
  const { where, params } = selectionWhere(campaignId, s, true);
  let sql = `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`;
  if (page.afterPosition !== undefined) sql += ` AND r.position > ${params.p(page.afterPosition)}`;
  sql += ' ORDER BY r.position';
  if (page.limit !== undefined) sql += ` LIMIT ${params.p(page.limit)}`;
  if (page.offset !== undefined && page.offset > 0) sql += ` OFFSET ${params.p(page.offset)}`;
  return db.query<ResultRow>(sql, params.values);
}

/** How many results the selection holds (with its class and search filters). */
export async function countResults(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
): Promise<number> {
  const { where, params } = selectionWhere(campaignId, s, true);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`,
    params.values,
  );
  return row?.n ?? 0;
}

/**
 * What year over year needs for some units, in one query: the lineage links reaching them (up to
 * a few links back, within each unit's province: a link from another province carries no
 * results, ADR 19), and the previous year's results of the units and of their predecessors:
 * recorded historical results first, then stored results of that year's campaigns (published, or
 * of a closed campaign).
 */
export async function findHistoryInputs(
  db: Queryable,
  year: number,
  unitIds: readonly number[],
): Promise<HistoryInputs> {
  if (unitIds.length === 0) return { links: [], previous: [], names: [] };
  const [row] = await db.query<{ links: unknown; previous: unknown; names: unknown }>(
    `WITH RECURSIVE ${historyCtes('$1::int', 'SELECT unnest($2::int[])')}
     SELECT ${HISTORY_COLUMNS}`,
    [year, unitIds],
  );
  return historyOfJson(row);
}

/** Year over year's inputs as JSON columns (`links`, `previous`, `names`) of a query. */
export interface HistoryInputs {
  links: { predecessor_id: number; successor_id: number; merge_type: 'full' | 'partial' }[];
  previous: {
    unit_id: number;
    index_hundredths: number;
    max_hundredths: number;
    rank: number | null;
    units_ranked: number | null;
  }[];
  /** The names of the units and of their predecessors. */
  names: { id: number; name: string }[];
}

/**
 * The CTEs (after `WITH RECURSIVE`) that gather year over year's inputs of the units `ids` (SQL
 * returning unit ids) for the results of `year` (an SQL expression).
 */
const historyCtes = (
  year: string,
  ids: string,
) => `back(predecessor_id, successor_id, merge_type, depth) AS (
       SELECT predecessor_id, successor_id, merge_type, 1 FROM unit_lineage_in_province WHERE successor_id IN (${ids})
       UNION
       SELECT l.predecessor_id, l.successor_id, l.merge_type, b.depth + 1 FROM unit_lineage_in_province l JOIN back b ON l.successor_id = b.predecessor_id
       WHERE b.depth < 5),
     links AS (SELECT DISTINCT predecessor_id, successor_id, merge_type FROM back),
     ids AS (${ids} UNION SELECT predecessor_id FROM links),
     previous AS (
       SELECT 1 AS source, h.unit_id, h.index_hundredths, h.max_hundredths, h.rank, h.units_ranked FROM historical_results h
       WHERE h.year = ${year} AND h.unit_id IN (SELECT * FROM ids)
       UNION ALL
       SELECT 2, r.unit_id, r.index_hundredths, r.max_appraised_hundredths + coalesce(r.max_survey_hundredths, 0), r.rank, r.units_ranked
       FROM campaign_results r JOIN campaigns c ON c.id = r.campaign_id JOIN campaign_participants p ON p.id = r.participant_id
       WHERE c.year = ${year} AND r.unit_id IN (SELECT * FROM ids) AND r.index_hundredths IS NOT NULL
         AND (p.status = 'published' OR c.status = 'closed'))`;

const HISTORY_COLUMNS = `(SELECT coalesce(json_agg(l), '[]') FROM links l) AS links,
       (SELECT coalesce(json_agg(json_build_object('unit_id', x.unit_id, 'index_hundredths', x.index_hundredths,
          'max_hundredths', x.max_hundredths, 'rank', x.rank, 'units_ranked', x.units_ranked) ORDER BY x.source, x.unit_id), '[]')
        FROM previous x) AS previous,
       (SELECT coalesce(json_agg(json_build_object('id', n.id, 'name', n.name)), '[]')
        FROM (SELECT DISTINCT unit_id FROM previous) x JOIN units n ON n.id = x.unit_id) AS names`;

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function historyOfJson(row: { links: unknown; previous: unknown; names: unknown } | undefined) {
  return {
    links: parseJson(row?.links ?? []) as HistoryInputs['links'],
    previous: parseJson(row?.previous ?? []) as HistoryInputs['previous'],
    names: parseJson(row?.names ?? []) as HistoryInputs['names'],
  };
}

/**
 * One page of a ranking as a reader sees it, in one query: the results header (as
 * `findResultsHeader`), the page's rows (as `findResultsPage`), year over year's inputs for them
 * (as `findHistoryInputs`, for the year before the campaign's), and with a search the count of
 * units it finds. The caller checks that the header gives the selection it asked with.
 */
export async function findResultsView(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
  page: {
    afterPosition?: number | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
  },
): Promise<
  | { header: ResultsHeader; rows: ResultRow[]; history: HistoryInputs; searchTotal: number | null }
  | undefined
> {
  const { where, params } = selectionWhere(campaignId, s, true);
  let pageSql = `SELECT r.participant_id, r.campaign_id, r.unit_id, r.unit_kind, r.appraised_hundredths,
       r.max_appraised_hundredths, r.survey_hundredths, r.max_survey_hundredths, r.survey_provisional,
       r.index_hundredths, r.class_label, r.rank, r.units_ranked, r.criteria, r.computed_at, r.position,
       u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`;
  if (page.afterPosition !== undefined)
    pageSql += ` AND r.position > ${params.p(page.afterPosition)}`;
  pageSql += ' ORDER BY r.position';
  if (page.limit !== undefined) pageSql += ` LIMIT ${params.p(page.limit)}`;
  if (page.offset !== undefined && page.offset > 0) pageSql += ` OFFSET ${params.p(page.offset)}`;
  const count = s.search
    ? `(SELECT count(*)::int FROM campaign_results r JOIN units u ON u.id = r.unit_id
         JOIN campaign_participants p ON p.id = r.participant_id WHERE ${where})`
    : 'NULL::int';
  const [row] = await db.query<
    HeaderRow & {
      page_json: unknown;
      links: unknown;
      previous: unknown;
      names: unknown;
      search_total: number | null;
    }
  >(
    `WITH RECURSIVE page AS MATERIALIZED (${pageSql}),
     ${historyCtes('(SELECT year - 1 FROM campaigns WHERE id = $1)', 'SELECT unit_id FROM page')}
     SELECT ${HEADER_COLUMNS},
       (SELECT coalesce(json_agg(page ORDER BY page.position), '[]') FROM page) AS page_json,
       ${HISTORY_COLUMNS},
       ${count} AS search_total
     FROM ${CAMPAIGN_FROM} WHERE c.id = $1`,
    params.values,
  );
  if (!row) return undefined;
  const { page_json, links, previous, names, search_total, ...header } = row;
  const rows = (parseJson(page_json) as (ResultRow & { computed_at: string | Date })[]).map(
    (r) => ({ ...r, computed_at: new Date(r.computed_at) }),
  );
  return {
    header: headerOf(header),
    rows,
    history: historyOfJson({ links, previous, names }),
    searchTotal: search_total,
  };
}

/** Records a historical result of a unit (replacing one of the same year). */
export async function saveHistoricalResult(
  db: Queryable,
  r: {
    unitId: number;
    year: number;
    indexHundredths: number;
    maxHundredths: number;
    rank: number | null;
    unitsRanked: number | null;
    classLabel: string | null;
    source: string;
  },
  by: number | null,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO historical_results (unit_id, year, index_hundredths, max_hundredths, rank, units_ranked, class_label, source, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (unit_id, year) DO UPDATE SET index_hundredths = EXCLUDED.index_hundredths, max_hundredths = EXCLUDED.max_hundredths,
       rank = EXCLUDED.rank, units_ranked = EXCLUDED.units_ranked, class_label = EXCLUDED.class_label, source = EXCLUDED.source`,
    [
      r.unitId,
      r.year,
      r.indexHundredths,
      r.maxHundredths,
      r.rank,
      r.unitsRanked,
      r.classLabel,
      r.source,
      by,
      now.toISOString(),
    ],
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

/** A self score the council chair accepted for a sub-criterion no appraiser is assigned to. */
export interface AcceptanceRow {
  participant_id: number;
  node_code: string;
  reason: string;
  accepted_by: number | null;
  accepted_by_name: string | null;
  accepted_at: Date;
}

/** The accepted self scores of a campaign, or of some of its participants. */
export async function findAcceptances(
  db: Queryable,
  campaignId: number,
  participantIds?: number[],
): Promise<AcceptanceRow[]> {
  return db.query<AcceptanceRow>(
    `SELECT a.participant_id, a.node_code, a.reason, a.accepted_by, us.full_name AS accepted_by_name,
            a.accepted_at
     FROM campaign_self_score_acceptances a LEFT JOIN users us ON us.id = a.accepted_by
     WHERE a.campaign_id = $1 AND ($2::int[] IS NULL OR a.participant_id = ANY($2::int[]))
     ORDER BY a.participant_id, a.node_code`,
    [campaignId, participantIds ?? null],
  );
}

/** Records (or records again, with the new reason) accepted self scores. */
export async function upsertAcceptances(
  db: Queryable,
  campaignId: number,
  rows: { participantId: number; code: string }[],
  reason: string,
  by: number | null,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO campaign_self_score_acceptances
       (participant_id, node_code, campaign_id, reason, accepted_by, accepted_at)
     SELECT p, c, $3, $4, $5, $6 FROM unnest($1::int[], $2::text[]) AS x(p, c)
     ON CONFLICT (participant_id, node_code)
     DO UPDATE SET reason = EXCLUDED.reason, accepted_by = EXCLUDED.accepted_by,
                   accepted_at = EXCLUDED.accepted_at`,
    [rows.map((r) => r.participantId), rows.map((r) => r.code), campaignId, reason, by, at],
  );
}

/** Records the decision a unit's result is published by (number and date, either may be absent). */
export async function setPublicationDecision(
  db: Queryable,
  participantId: number,
  number: string | null,
  date: string | null,
): Promise<void> {
  await db.query(
    `UPDATE campaign_participants
     SET publication_decision_number = $2, publication_decision_date = $3::date
     WHERE id = $1`,
    [participantId, number, date],
  );
}

/** The decisions the published results of these participants were published by. */
export async function findPublicationDecisions(
  db: Queryable,
  participantIds: number[],
): Promise<Map<number, { number: string | null; date: string | null }>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db.query<{ id: number; number: string | null; date: string | null }>(
    `SELECT id, publication_decision_number AS number,
            to_char(publication_decision_date, 'YYYY-MM-DD') AS date
     FROM campaign_participants WHERE id = ANY($1::int[])`,
    [participantIds],
  );
  return new Map(rows.map((r) => [r.id, { number: r.number, date: r.date }]));
}

/** A decision to publish a unit's result without its survey points, as the audit log keeps it. */
export interface PublishedWithoutSurveyRow {
  participant_id: number;
  reason: string;
  actor_name: string | null;
  at: Date;
}

/**
 * The latest decision to publish without survey points of each of these units in this campaign
 * (`campaign.publish_without_survey`, written with the publication in one transaction), read
 * through the audit log's index on the unit.
 */
export async function findPublishedWithoutSurvey(
  db: Queryable,
  campaignId: number,
  unitIds: number[],
): Promise<Map<number, PublishedWithoutSurveyRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<PublishedWithoutSurveyRow>(
    `SELECT DISTINCT ON (entity_id) entity_id::int AS participant_id, after->>'reason' AS reason,
            actor_name, at
     FROM audit_log
     WHERE unit_id = ANY($2::int[]) AND action = 'campaign.publish_without_survey'
       AND entity = 'campaign_participant' AND (after->>'campaignId')::int = $1
     ORDER BY entity_id, id DESC`,
    [campaignId, unitIds],
  );
  return new Map(rows.map((r) => [r.participant_id, r]));
}
