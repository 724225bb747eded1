/** Reading the audit log, and the few user details its filter needs. */
import type { AuditEntry, AuditPage } from '@shared/contract/audit.ts';
import type { User } from '@shared/contract/users.ts';
import { api } from '../../lib/api-client.ts';

export type { AuditEntry, AuditPage };

/** The filter of the audit screen (its query string). */
export interface AuditFilters {
  unitId?: number | undefined;
  userId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of entries, newest first, older than `before` when given. */
export function fetchAudit(
  filters: AuditFilters,
  before: number | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return api.get<AuditPage>(
    '/audit',
    {
      unitId: filters.unitId,
      userId: filters.userId,
      from: filters.from,
      to: filters.to,
      before,
      limit: 50,
    },
    signal,
  );
}

/** The few details of a user the filter shows. */
export type UserSummary = Pick<User, 'id' | 'username' | 'fullName'>;

/** Users matching a search (for administrators, who may list users). */
export function fetchUserSummaries(
  q: string,
  signal?: AbortSignal,
): Promise<{ items: UserSummary[] }> {
  return api.get<{ items: UserSummary[] }>('/users', { q, limit: 20 }, signal);
}
