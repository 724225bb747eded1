/**
 * The outbox (ADR 43): the e-mails an install without an SMTP server would have sent, kept as
 * written, for a national system administrator to read. Every other person is refused: the mails
 * carry every account's notices.
 */
import type { Actor } from '../../../domain/access.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import * as repo from './repository.ts';

/** Only a system administrator granted nationally reads the outbox. */
export function requireOutboxReader(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'system_admin' && g.unitId === null))
    throw new AppError('forbidden', 'forbidden');
}

function summary(r: repo.OutboxRow) {
  return {
    id: r.id,
    to: r.recipient,
    recipientName: r.full_name,
    subject: r.subject,
    kind: r.kind,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The outbox, newest first, a page at a time; `recipient` keeps the addresses containing it. */
export async function listOutbox(
  deps: Deps,
  actor: Actor,
  q: { limit: number; before?: number | undefined; recipient?: string | undefined },
) {
  requireOutboxReader(actor);
  const [rows, total] = await Promise.all([
    repo.listOutbox(deps.db, { ...q, limit: q.limit + 1 }),
    repo.countOutbox(deps.db),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    smtpConfigured: deps.config.smtp !== null,
    total,
    items: page.map(summary),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

/** One kept mail in full. */
export async function getOutboxMail(deps: Deps, actor: Actor, id: number) {
  requireOutboxReader(actor);
  const row = await repo.findOutboxMail(deps.db, id);
  if (!row) throw new AppError('not_found', 'not_found', { what: '@entity_outbox_mail' });
  return {
    ...summary(row),
    text: row.body,
    locale: row.locale === 'en' ? ('en' as const) : ('vi' as const),
    link: row.link,
    notificationId: row.notification_id,
  };
}
