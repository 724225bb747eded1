/** Reading the audit log, and the few user details its filter needs. */
import { api } from '../../lib/api-client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

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

export interface UserSummary {
  id: number;
  username: string;
  fullName: string;
}

/** Users matching a search (for administrators, who may list users). */
export function fetchUserSummaries(
  q: string,
  signal?: AbortSignal,
): Promise<{ items: UserSummary[] }> {
  return api.get<{ items: UserSummary[] }>('/users', { q, limit: 20 }, signal);
}
