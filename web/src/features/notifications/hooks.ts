/** The bell's data: polled every minute while the app is open, refreshed after marking read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLanguage } from '../../lib/use-language.ts';
import { notificationApi } from './api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (language: string) => ['notifications', 'list', language] as const,
};

/** The latest notices, written by the server in the language in use. */
export function useNotifications() {
  const language = useLanguage();
  return useQuery({
    queryKey: notificationKeys.list(language),
    queryFn: ({ signal }) => notificationApi.list(signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => notificationApi.markRead(id),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => notificationApi.markAllRead(),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
