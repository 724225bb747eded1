/**
 * SQL of the assessments and their scores: every unit's entries (self-assessment, round 1,
 * explanation, round 2) and the version each write bumps, the scores packed per unit for the
 * results, the appraisers' queue and round-1 progress, the evidence an entry cites, the survey
 * points and the self scores the council chair accepted.
 */
import type { RuleInputValues } from '../../../domain/scoring/rules.ts';
import type { Queryable } from '../../infra/db.ts';
import { likePrefixes } from './shared.repository.ts';

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
