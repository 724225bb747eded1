/** Reading the outbox: the mails kept because no SMTP server is configured (ADR 43). */
import type { OutboxList, OutboxMail } from '@shared/contract/outbox.ts';
import { api } from '../../lib/api-client.ts';

export type { OutboxList, OutboxMail, OutboxMailSummary } from '@shared/contract/outbox.ts';

export const outboxApi = {
  /** One page, newest first, older than `before` when given. */
  list: (recipient: string | undefined, before: number | null, signal?: AbortSignal) =>
    api.get<OutboxList>('/outbox', { recipient, before, limit: 50 }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<OutboxMail>(`/outbox/${id}`, {}, signal),
};
