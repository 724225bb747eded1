/** The audit log as an endless list: "show more" asks for entries older than the last one. */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchAudit, type AuditFilters } from './api.ts';

/** Entries matching the filters, newest first. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => fetchAudit(filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    placeholderData: keepPreviousData,
  });
}
