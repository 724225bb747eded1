/** English texts of the bell (`en.notifications`), key for key as in Vietnamese. */
import type { notificationsVi } from './notifications.vi.ts';

export const notificationsEn: typeof notificationsVi = {
  bell: 'Notifications',
  bellUnread: 'Notifications: {{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all as read',
  empty: 'No notifications yet.',
  new: 'New',
};
