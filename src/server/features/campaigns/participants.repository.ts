/**
 * SQL of a campaign's participants: the units taking part and their states (add, remove, move,
 * lock), the explanations asked of them, the reopenings of their results, and the decisions their
 * results were published by (with or without survey points).
 */
import type { Queryable } from '../../infra/db.ts';

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
