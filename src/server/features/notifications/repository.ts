/** SQL for notifications: who is concerned by a campaign, recording notices once, the bell, e-mail. */
import type { Queryable } from '../../infra/db.ts';

export interface OpenCampaignRow {
  id: number;
  name: string;
  year: number;
  owner_unit_path: string | null;
  deadline_self_assessment: string;
  deadline_round1: string;
  deadline_explanations: string;
  deadline_round2: string;
  deadline_publication: string;
}

/** Open campaigns (all, or the one named). */
export async function listOpenCampaigns(
  db: Queryable,
  campaignId?: number,
): Promise<OpenCampaignRow[]> {
  return db.query<OpenCampaignRow>(
    `SELECT c.id, c.name, c.year, u.path AS owner_unit_path,
            c.deadline_self_assessment, c.deadline_round1, c.deadline_explanations,
            c.deadline_round2, c.deadline_publication
       FROM campaigns c LEFT JOIN units u ON u.id = c.owner_unit_id
      WHERE c.status = 'open' AND ($1::int IS NULL OR c.id = $1)
      ORDER BY c.id`,
    [campaignId ?? null],
  );
}

export interface ParticipantNoticeRow {
  id: number;
  unit_id: number;
  unit_name: string;
  status: string;
  /** The day a reopened self-assessment must be submitted by, when the agency set one. */
  reopened_until: string | null;
  /** Round-1 findings flagged "needs explanation". */
  explain_count: number;
}

export async function listParticipants(
  db: Queryable,
  campaignId: number,
): Promise<ParticipantNoticeRow[]> {
  return db.query<ParticipantNoticeRow>(
    `SELECT p.id, p.unit_id, u.name AS unit_name, p.status, p.reopened->>'until' AS reopened_until,
            (SELECT count(*)::int FROM campaign_entries e
              WHERE e.participant_id = p.id AND e.round1_needs_explanation) AS explain_count
       FROM campaign_participants p JOIN units u ON u.id = p.unit_id
      WHERE p.campaign_id = $1
      ORDER BY p.id`,
    [campaignId],
  );
}

/** Enabled accounts holding a unit-side role (officer, head) on exactly these units. */
export async function unitPeople(
  db: Queryable,
  unitIds: readonly number[],
): Promise<{ user_id: number; unit_id: number }[]> {
  if (unitIds.length === 0) return [];
  return db.query(
    `SELECT DISTINCT g.user_id, g.unit_id
       FROM role_grants g JOIN users us ON us.id = g.user_id
      WHERE g.role IN ('unit_officer', 'unit_head') AND g.unit_id = ANY($1::int[])
        AND NOT us.disabled`,
    [unitIds],
  );
}

/** Enabled accounts assigned to appraise criteria in the campaign. */
export async function assignedAppraisers(db: Queryable, campaignId: number): Promise<number[]> {
  const rows = await db.query<{ user_id: number }>(
    `SELECT DISTINCT a.user_id FROM campaign_assignments a JOIN users us ON us.id = a.user_id
      WHERE a.campaign_id = $1 AND NOT us.disabled ORDER BY a.user_id`,
    [campaignId],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Enabled accounts with one of `roles` over the campaign: granted nationally, on its owner unit or
 * a unit above it, or — for a national campaign (no owner) — over one of its participating units.
 */
export async function overseers(
  db: Queryable,
  campaignId: number,
  ownerPath: string | null,
  roles: readonly string[],
): Promise<number[]> {
  const rows = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id
       FROM role_grants g JOIN users us ON us.id = g.user_id
       LEFT JOIN units u ON u.id = g.unit_id
      WHERE g.role = ANY($1::text[]) AND NOT us.disabled
        AND (g.unit_id IS NULL
             OR ($2::text IS NOT NULL AND starts_with($2::text, u.path))
             OR ($2::text IS NULL AND EXISTS (
                   SELECT 1 FROM campaign_participants p JOIN units pu ON pu.id = p.unit_id
                    WHERE p.campaign_id = $3 AND starts_with(pu.path, u.path))))
      ORDER BY g.user_id`,
    [roles, ownerPath, campaignId],
  );
  return rows.map((r) => r.user_id);
}

export interface NewNotice {
  userId: number;
  key: string;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  campaignId: number | null;
}

/**
 * Records the notices not recorded before (same user and key: skipped); returns how many are new.
 * Those of users with an address wait to be e-mailed: sent with SMTP, else kept in the outbox.
 */
export async function insertNotices(
  db: Queryable,
  notices: readonly NewNotice[],
  now: Date,
): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO notifications (user_id, key, kind, params, link, campaign_id, created_at, email_status)
     SELECT x.user_id, x.key, x.kind, x.params, x.link, x.campaign_id, $2,
            CASE WHEN coalesce(us.email, '') <> '' THEN 'pending' ELSE 'none' END
       FROM jsonb_to_recordset($1::jsonb)
            AS x(user_id int, key text, kind text, params jsonb, link text, campaign_id int)
       JOIN users us ON us.id = x.user_id
     ON CONFLICT (user_id, key) DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        notices.map((n) => ({
          user_id: n.userId,
          key: n.key,
          kind: n.kind,
          params: n.params,
          link: n.link,
          campaign_id: n.campaignId,
        })),
      ),
      now,
    ],
  );
  return rows.length;
}

export interface NotificationRow {
  id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

export async function listForUser(
  db: Queryable,
  userId: number,
  limit: number,
  beforeId: number | undefined,
): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `SELECT id, kind, params, link, created_at, read_at FROM notifications
      WHERE user_id = $1 AND ($2::int IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [userId, beforeId ?? null, limit],
  );
}

export async function unreadCount(db: Queryable, userId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return row?.n ?? 0;
}

/** Marks one of the user's notices read; false when the user has no such notice. */
export async function markRead(
  db: Queryable,
  userId: number,
  id: number,
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE notifications SET read_at = coalesce(read_at, $3)
      WHERE id = $1 AND user_id = $2 RETURNING id`,
    [id, userId, now],
  );
  return rows.length > 0;
}

export async function markAllRead(db: Queryable, userId: number, now: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
    [userId, now],
  );
  return rows.length;
}

export interface PendingEmailRow {
  id: number;
  user_id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  email: string;
  full_name: string;
  locale: string;
  email_attempts: number;
}

/**
 * Claims up to `limit` e-mails waiting to be sent (not claimed by another process in the last
 * ten minutes) and returns them with their recipient.
 */
export async function claimPendingEmails(
  db: Queryable,
  limit: number,
  now: Date,
): Promise<PendingEmailRow[]> {
  return db.query<PendingEmailRow>(
    `WITH claimed AS (
       UPDATE notifications SET email_claimed_at = $2
        WHERE id IN (SELECT id FROM notifications
                      WHERE email_status = 'pending'
                        AND (email_claimed_at IS NULL OR email_claimed_at < $2::timestamptz - interval '10 minutes')
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, user_id, kind, params, link, email_attempts)
     SELECT c.id, c.user_id, c.kind, c.params, c.link, c.email_attempts, us.email, us.full_name,
            us.locale
       FROM claimed c JOIN users us ON us.id = c.user_id
      ORDER BY c.id`,
    [limit, now],
  );
}

export async function markEmailSent(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query(
    `UPDATE notifications SET email_status = 'sent', emailed_at = $2, email_error = NULL,
            email_attempts = email_attempts + 1, email_claimed_at = NULL WHERE id = $1`,
    [id, now],
  );
}

/** Records a failed attempt; after `maxAttempts` the e-mail is given up (the bell still shows it). */
export async function markEmailFailed(
  db: Queryable,
  id: number,
  error: string,
  maxAttempts: number,
): Promise<void> {
  await db.query(
    `UPDATE notifications
        SET email_attempts = email_attempts + 1, email_error = $2, email_claimed_at = NULL,
            email_status = CASE WHEN email_attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END
      WHERE id = $1`,
    [id, error.slice(0, 500), maxAttempts],
  );
}

/** How many round-1 findings of a participant are flagged "needs explanation". */
export async function explanationsAsked(db: Queryable, participantId: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM campaign_entries
      WHERE participant_id = $1 AND round1_needs_explanation`,
    [participantId],
  );
  return rows[0]?.n ?? 0;
}

/** Notices that will not be e-mailed after all (their account has no address any more). */
export async function markEmailNone(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE notifications SET email_status = 'none', email_claimed_at = NULL WHERE id = ANY($1::int[])`,
    [ids],
  );
}

/** A mail kept in the outbox (no SMTP server), as written. */
export interface KeptMail {
  notificationId: number;
  userId: number;
  to: string;
  subject: string;
  text: string;
  locale: string;
}

/**
 * Keeps mails in the outbox and marks their notices 'kept', in the caller's transaction (the one
 * that claimed them). A notice already kept is not kept twice.
 */
export async function keepMails(
  db: Queryable,
  mails: readonly KeptMail[],
  now: Date,
): Promise<number> {
  if (mails.length === 0) return 0;
  const rows = await db.query<{ id: number }>(
    `INSERT INTO mail_outbox (notification_id, user_id, recipient, subject, body, locale, created_at)
     SELECT x.notification_id, x.user_id, x.recipient, x.subject, x.body, x.locale, $2
       FROM jsonb_to_recordset($1::jsonb)
            AS x(notification_id int, user_id int, recipient text, subject text, body text, locale text)
     ON CONFLICT (notification_id) DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        mails.map((m) => ({
          notification_id: m.notificationId,
          user_id: m.userId,
          recipient: m.to,
          subject: m.subject,
          body: m.text,
          locale: m.locale,
        })),
      ),
      now,
    ],
  );
  await db.query(
    `UPDATE notifications SET email_status = 'kept', emailed_at = $2, email_error = NULL,
            email_attempts = email_attempts + 1, email_claimed_at = NULL
      WHERE id = ANY($1::int[])`,
    [mails.map((m) => m.notificationId), now],
  );
  return rows.length;
}

export interface OutboxRow {
  id: number;
  notification_id: number | null;
  kind: string | null;
  link: string | null;
  user_id: number | null;
  full_name: string | null;
  recipient: string;
  subject: string;
  body: string;
  locale: string;
  created_at: Date;
}

const OUTBOX_COLUMNS = `m.id, m.notification_id, n.kind, n.link, m.user_id, us.full_name, m.recipient,
       m.subject, m.body, m.locale, m.created_at`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The outbox, newest first, optionally only mails whose address contains `recipient`. */
export async function listOutbox(
  db: Queryable,
  q: { limit: number; before?: number | undefined; recipient?: string | undefined },
): Promise<OutboxRow[]> {
  const recipient = q.recipient?.trim();
  return db.query<OutboxRow>(
    `SELECT ${OUTBOX_COLUMNS}
       FROM mail_outbox m
       LEFT JOIN notifications n ON n.id = m.notification_id
       LEFT JOIN users us ON us.id = m.user_id
      WHERE ($1::int IS NULL OR m.id < $1)
        AND ($2::text IS NULL OR lower(m.recipient) LIKE '%' || lower($2) || '%')
      ORDER BY m.id DESC LIMIT $3`,
    [q.before ?? null, recipient ? escapeLike(recipient) : null, q.limit],
  );
}

export async function countOutbox(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox');
  return row?.n ?? 0;
}

export async function findOutboxMail(db: Queryable, id: number): Promise<OutboxRow | null> {
  const [row] = await db.query<OutboxRow>(
    `SELECT ${OUTBOX_COLUMNS}
       FROM mail_outbox m
       LEFT JOIN notifications n ON n.id = m.notification_id
       LEFT JOIN users us ON us.id = m.user_id
      WHERE m.id = $1`,
    [id],
  );
  return row ?? null;
}

/** Keeps mails written outside the notices (a survey link, ADR 45) in the outbox. */
export async function keepMailsWithoutNotice(
  db: Queryable,
  mails: readonly {
    userId: number | null;
    to: string;
    subject: string;
    text: string;
    locale: string;
  }[],
  now: Date,
): Promise<number> {
  let kept = 0;
  for (let i = 0; i < mails.length; i += 500) {
    const rows = await db.query<{ id: number }>(
      `INSERT INTO mail_outbox (notification_id, user_id, recipient, subject, body, locale, created_at)
       SELECT NULL, x.user_id, x.recipient, x.subject, x.body, x.locale, $2
         FROM jsonb_to_recordset($1::jsonb)
              AS x(user_id int, recipient text, subject text, body text, locale text)
       RETURNING id`,
      [
        JSON.stringify(
          mails.slice(i, i + 500).map((m) => ({
            user_id: m.userId,
            recipient: m.to,
            subject: m.subject,
            body: m.text,
            locale: m.locale,
          })),
        ),
        now,
      ],
    );
    kept += rows.length;
  }
  return kept;
}
