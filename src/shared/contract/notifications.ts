/**
 * What the bell's routes answer: the signed-in user's notices, newest first, and how many are
 * unread. Served through these schemas, read by the web app as types.
 */
import { z } from 'zod';

export const notification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  text: z.string(),
  /** A path of this app ('/campaigns/3/units/12'). */
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const notificationList = z.object({
  unread: z.number(),
  items: z.array(notification),
  nextBefore: z.number().nullable(),
});

export const unreadCount = z.object({ unread: z.number() });

export const markedRead = z.object({ marked: z.number(), unread: z.number() });

export type Notification = z.infer<typeof notification>;
export type NotificationPage = z.infer<typeof notificationList>;
export type UnreadCount = z.infer<typeof unreadCount>;
export type MarkedRead = z.infer<typeof markedRead>;
