/**
 * Mails written to a person who need not hold an account (a respondent's personal survey link,
 * ADR 45), outside the notices: sent at once through the configured SMTP server, or kept in the
 * outbox (ADR 43) when there is none. A mail the SMTP server refuses is kept in the outbox too, so
 * what it carried (a single-use link whose token is stored only as a hash) is not lost.
 */
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { sendMail, type OutgoingMail } from './mailer.ts';
import * as repo from './repository.ts';

export interface DirectMail extends OutgoingMail {
  /** The recipient's account, when they hold one. */
  userId: number | null;
  locale: 'vi' | 'en';
}

/** Keeps mails in the outbox (no notice behind them), in the caller's transaction. */
export async function keepDirectMails(
  db: Queryable,
  mails: readonly DirectMail[],
  now: Date,
): Promise<number> {
  return repo.keepMailsWithoutNotice(db, mails, now);
}

/**
 * Sends mails through SMTP (configured); those refused are kept in the outbox. Call it after the
 * transaction that made what they carry has committed. Without SMTP, keep them with
 * `keepDirectMails` inside that transaction instead.
 */
export async function sendDirectMails(
  deps: Deps,
  mails: readonly DirectMail[],
): Promise<{ sent: number; kept: number }> {
  const smtp = deps.config.smtp;
  if (mails.length === 0) return { sent: 0, kept: 0 };
  if (!smtp) return { sent: 0, kept: await keepDirectMails(deps.db, mails, deps.clock.now()) };
  let results: (string | null)[];
  try {
    results = await sendMail(smtp, mails);
  } catch (error) {
    results = mails.map(() => (error as Error).message || 'smtp');
  }
  const refused = mails.filter((_, i) => results[i] !== null && results[i] !== undefined);
  const kept = await keepDirectMails(deps.db, refused, deps.clock.now());
  return { sent: mails.length - refused.length, kept };
}
