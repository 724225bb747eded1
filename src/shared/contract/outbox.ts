/**
 * What the outbox routes answer (ADR 43): the e-mails an install without an SMTP server kept
 * instead of sending, newest first, and one of them in full.
 */
import { z } from 'zod';

export const outboxMailSummary = z.object({
  id: z.number(),
  /** The address it would have been sent to. */
  to: z.string(),
  /** The account's full name (null when the account is gone). */
  recipientName: z.string().nullable(),
  subject: z.string(),
  /** The kind of notice it was written from (null when that notice is gone). */
  kind: z.string().nullable(),
  createdAt: z.string(),
});

export const outboxList = z.object({
  /** False: mails are kept here; true: they are sent (those kept before remain readable). */
  smtpConfigured: z.boolean(),
  /** Mails in the outbox, whatever the filter. */
  total: z.number(),
  items: z.array(outboxMailSummary),
  nextBefore: z.number().nullable(),
});

export const outboxMail = outboxMailSummary.extend({
  text: z.string(),
  locale: z.enum(['vi', 'en']),
  /** The page of the web app the notice points to. */
  link: z.string().nullable(),
  notificationId: z.number().nullable(),
});

export type OutboxMailSummary = z.infer<typeof outboxMailSummary>;
export type OutboxList = z.infer<typeof outboxList>;
export type OutboxMail = z.infer<typeof outboxMail>;
