/** Calls of the bell: the signed-in user's notices, marking them read. */
import type {
  MarkedRead,
  Notification,
  NotificationPage,
  UnreadCount,
} from '@shared/contract/notifications.ts';
import { api } from '../../lib/api-client.ts';

export type { Notification, NotificationPage };

export const notificationApi = {
  list: (signal?: AbortSignal) =>
    api.get<NotificationPage>('/notifications', { limit: 20 }, signal),
  markRead: (id: number) => api.post<UnreadCount>(`/notifications/${id}/read`),
  markAllRead: () => api.post<MarkedRead>('/notifications/read-all'),
};
