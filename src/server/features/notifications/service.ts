/**
 * Notifications: a scan of the open campaigns at the clock's time records what each person must be
 * told — deadlines 7 and 2 days ahead, round 1 closed on a unit (and the explanations it asks
 * for), round 2 closed — once per person and event (idempotent keys), then e-mails those waiting
 * when SMTP is configured, or keeps them in the outbox when it is not (ADR 43). The bell reads and
 * marks them.
 *
 * Who is told what:
 * - self-assessment deadline: officers and heads of each unit that has not submitted;
 * - round 1 and round 2 deadlines: the appraisers assigned in the campaign and the council chair;
 * - explanations deadline: officers and heads of each unit with findings still to explain;
 * - publication deadline: the council chair and the standing agency over the campaign's owner;
 * - round 1 closed, explanation requested, round 2 closed: officers and heads of the unit.
 * A reminder sent by the standing agency or the chair (campaigns' bulk actions) is recorded there
 * and rendered here (kind `reminder`).
 */
import type { Actor } from '../../../domain/access.ts';
import {
  dueNotice,
  deadlineNoticeKey,
  EXPLAINING,
  ROUND1_CLOSED,
  ROUND2_CLOSED,
  SELF_PENDING,
  type DeadlineKey,
} from '../../../domain/campaign/notices.ts';
import { formatDateInWords } from '../../../domain/format.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/messages.ts';
import { sendMail, type OutgoingMail } from './mailer.ts';
import * as repo from './repository.ts';
import { markOverdueNotified, overdueTaskNotices } from '../remediation/service.ts';

/** What campaigns write and read of the notices (bulk reminders), through this service. */
export { explanationsAsked, insertNotices, unitPeople } from './repository.ts';

const DEADLINE_COLUMNS: readonly [DeadlineKey, keyof repo.OpenCampaignRow][] = [
  ['selfAssessment', 'deadline_self_assessment'],
  ['round1', 'deadline_round1'],
  ['explanations', 'deadline_explanations'],
  ['round2', 'deadline_round2'],
  ['publication', 'deadline_publication'],
];

/** E-mail attempts before giving up on one notice. */
const MAX_EMAIL_ATTEMPTS = 5;
const EMAIL_BATCH = 200;

export interface ScanReport {
  campaigns: number;
  created: number;
  emailed: number;
  emailFailed: number;
  /** Mails kept in the outbox (no SMTP server). */
  kept: number;
}

/** The notices due now for one open campaign (before removing those already recorded). */
async function noticesFor(
  deps: Deps,
  c: repo.OpenCampaignRow,
  now: Date,
): Promise<repo.NewNotice[]> {
  const db = deps.db;
  const participants = await repo.listParticipants(db, c.id);
  const people = await repo.unitPeople(
    db,
    participants.map((p) => p.unit_id),
  );
  const peopleOf = (unitId: number) =>
    people.filter((p) => p.unit_id === unitId).map((p) => p.user_id);
  const [appraisers, chairs, agencies] = await Promise.all([
    repo.assignedAppraisers(db, c.id),
    repo.overseers(db, c.id, c.owner_unit_path, ['council_chair']),
    repo.overseers(db, c.id, c.owner_unit_path, ['standing_agency']),
  ]);
  const campaignLink = `/campaigns/${c.id}`;
  const unitLink = (unitId: number) => `/campaigns/${c.id}/units/${unitId}`;
  const notices: repo.NewNotice[] = [];
  const add = (userIds: readonly number[], n: Omit<repo.NewNotice, 'userId' | 'campaignId'>) => {
    for (const userId of new Set(userIds)) notices.push({ ...n, userId, campaignId: c.id });
  };

  for (const [key, column] of DEADLINE_COLUMNS) {
    const deadline = String(c[column]);
    if (key === 'selfAssessment' || key === 'explanations') {
      // Each unit's own notice; a reopened self-assessment counts to the date it was reopened until.
      for (const p of participants) {
        const pending = key === 'selfAssessment' ? SELF_PENDING : EXPLAINING;
        if (!pending.has(p.status)) continue;
        if (key === 'explanations' && p.explain_count === 0) continue;
        const own =
          key === 'selfAssessment' && p.status === 'reopened' && p.reopened_until
            ? p.reopened_until
            : deadline;
        const due = dueNotice(own, now);
        if (!due) continue;
        add(peopleOf(p.unit_id), {
          key: deadlineNoticeKey(c.id, key, due.day, due.window, p.unit_id),
          kind: 'deadline',
          params: {
            campaign: c.name,
            deadlineKey: key,
            date: due.day,
            days: due.daysLeft,
            unit: p.unit_name,
          },
          link: unitLink(p.unit_id),
        });
      }
      continue;
    }
    const due = dueNotice(deadline, now);
    if (!due) continue;
    const to = key === 'publication' ? [...chairs, ...agencies] : [...appraisers, ...chairs];
    add(to, {
      key: deadlineNoticeKey(c.id, key, due.day, due.window),
      kind: 'deadline',
      params: { campaign: c.name, deadlineKey: key, date: due.day, days: due.daysLeft },
      link: key === 'publication' ? `${campaignLink}/results` : `${campaignLink}/queue`,
    });
  }

  for (const p of participants) {
    const to = peopleOf(p.unit_id);
    const base = { campaign: c.name, unit: p.unit_name };
    if (ROUND1_CLOSED.has(p.status)) {
      add(to, {
        key: `round1_closed:${p.id}`,
        kind: 'round1_closed',
        params: base,
        link: unitLink(p.unit_id),
      });
      if (EXPLAINING.has(p.status) && p.explain_count > 0) {
        add(to, {
          key: `explanation_requested:${p.id}`,
          kind: 'explanation_requested',
          params: { ...base, count: p.explain_count, date: c.deadline_explanations.slice(0, 10) },
          link: unitLink(p.unit_id),
        });
      }
    }
    if (ROUND2_CLOSED.has(p.status)) {
      add(to, {
        key: `round2_closed:${p.id}`,
        kind: 'round2_closed',
        params: base,
        link: `${unitLink(p.unit_id)}/scorecard`,
      });
    }
  }
  return notices;
}

/**
 * Records the notices due at the clock's time for every open campaign (or the one named), then
 * sends the e-mails waiting. Safe to run any number of times, from any number of processes.
 */
export async function runNotificationScan(
  deps: Deps,
  options: { campaignId?: number; email?: boolean; overdueTasks?: boolean } = {},
): Promise<ScanReport> {
  const now = deps.clock.now();
  const campaigns = await repo.listOpenCampaigns(deps.db, options.campaignId);
  let created = 0;
  for (const c of campaigns) {
    const notices = await noticesFor(deps, c, now);
    created += await deps.db.transaction((tx) => repo.insertNotices(tx, notices, now));
  }
  // Remediation tasks past their deadline, told to the official responsible (full scans).
  const overdue = options.overdueTasks ? await overdueTaskNotices(deps.db, now) : [];
  created += await deps.db.transaction(async (tx) => {
    const n = await repo.insertNotices(tx, overdue, now);
    await markOverdueNotified(
      tx,
      overdue.map((o) => o.taskId),
      now,
    );
    return n;
  });
  const mail =
    options.email === false ? { sent: 0, failed: 0, kept: 0 } : await sendPendingEmails(deps);
  return {
    campaigns: campaigns.length,
    created,
    emailed: mail.sent,
    emailFailed: mail.failed,
    kept: mail.kept,
  };
}

/** Title and text of a notice in a language. */
export function renderNotice(
  locale: Locale,
  kind: string,
  params: Record<string, string | number>,
): { title: string; text: string } {
  const date = (iso: unknown) =>
    typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)
      ? locale === 'vi'
        ? formatDateInWords(iso)
        : iso
      : String(iso ?? '');
  const p = { ...params, date: date(params.date) };
  if (kind === 'deadline') {
    const key = String(params.deadlineKey) as DeadlineKey;
    const deadline = translate(locale, `notify_deadline_${key}` as MessageKey);
    const task = translate(locale, `notify_task_${key}` as MessageKey, p);
    const title =
      Number(params.days) === 0
        ? translate(locale, 'notify_deadline_today_title', { deadline })
        : translate(locale, 'notify_deadline_title', { ...p, deadline });
    // The English sentence reads "the Round 1 appraisal deadline": lower-case inside a sentence.
    const inner = locale === 'en' ? deadline.charAt(0).toLowerCase() + deadline.slice(1) : deadline;
    return {
      title: locale === 'en' ? title.replace(deadline, inner) : title,
      text: translate(locale, 'notify_deadline_body', { ...p, deadline: inner, task }),
    };
  }
  if (kind === 'task_overdue')
    return {
      title: translate(locale, 'notify_task_overdue_title', p),
      text: translate(locale, 'notify_task_overdue_body', p),
    };
  if (kind === 'reminder') {
    const key = String(params.deadlineKey) as DeadlineKey;
    const task = translate(locale, `notify_task_${key}` as MessageKey, p);
    return {
      title: translate(locale, 'notify_reminder_title', p),
      text: translate(locale, 'notify_reminder_body', { ...p, task }),
    };
  }
  const known = ['round1_closed', 'explanation_requested', 'round2_closed'];
  const k = known.includes(kind) ? kind : 'round1_closed';
  return {
    title: translate(locale, `notify_${k}_title` as MessageKey, p),
    text: translate(locale, `notify_${k}_body` as MessageKey, p),
  };
}

/** The e-mail of a notice: the same words as the bell, a greeting and a link to the page. */
export function composeEmail(
  deps: Deps,
  row: Pick<repo.PendingEmailRow, 'kind' | 'params' | 'link' | 'full_name' | 'locale' | 'email'>,
): OutgoingMail {
  const locale: Locale = row.locale === 'en' ? 'en' : 'vi';
  const { title, text } = renderNotice(locale, row.kind, row.params);
  const link = `${deps.config.publicUrl}${row.link}`;
  return {
    to: row.email,
    subject: title,
    text: [
      translate(locale, 'notify_email_greeting', { name: row.full_name }),
      '',
      text,
      '',
      translate(locale, 'notify_email_link', { link }),
      '',
      '--',
      translate(locale, 'notify_email_footer'),
    ].join('\n'),
  };
}

/**
 * Without an SMTP server, keeps the e-mails waiting in the outbox: each batch is claimed, written
 * and its notices marked 'kept' in one transaction, so a mail is kept once or not at all.
 */
async function keepPendingEmails(deps: Deps): Promise<number> {
  let kept = 0;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const rows = await repo.claimPendingEmails(tx, EMAIL_BATCH, now);
      // An address removed since the notice was recorded: nothing to keep.
      await repo.markEmailNone(
        tx,
        rows.filter((row) => !row.email).map((row) => row.id),
      );
      const mails = rows
        .filter((row) => row.email)
        .map((row) => ({
          ...composeEmail(deps, row),
          notificationId: row.id,
          userId: row.user_id,
          locale: row.locale === 'en' ? 'en' : 'vi',
        }));
      kept += await repo.keepMails(tx, mails, now);
      return rows.length;
    });
    if (batch < EMAIL_BATCH) break;
  }
  return kept;
}

/** Sends the e-mails waiting, or keeps them in the outbox when SMTP is not configured. */
export async function sendPendingEmails(
  deps: Deps,
): Promise<{ sent: number; failed: number; kept: number }> {
  const smtp = deps.config.smtp;
  if (!smtp) return { sent: 0, failed: 0, kept: await keepPendingEmails(deps) };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await repo.claimPendingEmails(deps.db, EMAIL_BATCH, deps.clock.now());
    if (batch.length === 0) break;
    const results = await sendMail(
      smtp,
      batch.map((row) => composeEmail(deps, row)),
    );
    for (const [i, row] of batch.entries()) {
      const error = results[i];
      if (error === null || error === undefined) {
        await repo.markEmailSent(deps.db, row.id, deps.clock.now());
        sent += 1;
      } else {
        await repo.markEmailFailed(deps.db, row.id, error, MAX_EMAIL_ATTEMPTS);
        failed += 1;
      }
    }
    // A failing server: leave the rest for the next scan.
    if (batch.length < EMAIL_BATCH || failed > 0) break;
  }
  return { sent, failed, kept: 0 };
}

/** The bell: the user's latest notices with their text, and how many are unread. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  locale: Locale,
  q: { limit: number; before?: number | undefined },
) {
  const [rows, unread] = await Promise.all([
    repo.listForUser(deps.db, actor.userId, q.limit + 1, q.before),
    repo.unreadCount(deps.db, actor.userId),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    unread,
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      link: r.link,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
      ...renderNotice(locale, r.kind, r.params),
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

/** Marks one of the actor's own notices read; another person's is "not found". */
export async function markNotificationRead(deps: Deps, actor: Actor, id: number) {
  const ok = await repo.markRead(deps.db, actor.userId, id, deps.clock.now());
  if (!ok) throw new AppError('not_found', 'not_found', { what: '@entity_notification' });
  return { unread: await repo.unreadCount(deps.db, actor.userId) };
}

export async function markAllNotificationsRead(deps: Deps, actor: Actor) {
  const marked = await repo.markAllRead(deps.db, actor.userId, deps.clock.now());
  return { marked, unread: 0 };
}
