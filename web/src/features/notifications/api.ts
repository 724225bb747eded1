/** Calls of the bell: the signed-in user's notices, marking them read. */
import { api } from '../../lib/api-client.ts';

export interface Notification {
  id: number;
  kind: string;
  title: string;
  text: string;
  /** A path of this app ('/campaigns/3/units/12'). */
  link: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  unread: number;
  items: Notification[];
  nextBefore: number | null;
}

export const notificationApi = {
  list: (signal?: AbortSignal) =>
    api.get<NotificationPage>('/notifications', { limit: 20 }, signal),
  markRead: (id: number) => api.post<{ unread: number }>(`/notifications/${id}/read`),
  markAllRead: () => api.post<{ marked: number; unread: number }>('/notifications/read-all'),
};
