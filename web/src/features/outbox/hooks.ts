/** The outbox as an endless list ("show more" asks for older mails), and one mail. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { outboxApi } from './api.ts';

/** Mails whose address contains `recipient` (all when empty), newest first. */
export function useOutbox(recipient: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['outbox', recipient ?? ''],
    queryFn: ({ pageParam, signal }) => outboxApi.list(recipient, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    placeholderData: keepPreviousData,
  });
}

/** One mail in full, once one is opened. */
export function useOutboxMail(id: number | null) {
  return useQuery({
    queryKey: ['outbox', 'mail', id],
    queryFn: ({ signal }) => outboxApi.get(id ?? 0, signal),
    enabled: id !== null,
  });
}
