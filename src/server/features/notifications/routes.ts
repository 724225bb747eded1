/**
 * HTTP routes of notifications (the bell): the signed-in user's own notices, marking them read;
 * the outbox of mails kept without an SMTP server, for the national administrator (ADR 43).
 * The scans that record the notices are jobs (scan-job.ts), queued by the campaigns' use-cases.
 */
import { z } from 'zod';
import {
  markedRead,
  notificationList,
  unreadCount,
} from '../../../shared/contract/notifications.ts';
import { outboxList, outboxMail } from '../../../shared/contract/outbox.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, idParam, idText } from '../../http/schemas.ts';
import { getOutboxMail, listOutbox } from './outbox.ts';
import * as service from './service.ts';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: idText.optional(),
});

const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: idText.optional(),
  recipient: z.string().trim().max(200).optional(),
});

export function registerNotificationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tài khoản đang đăng nhập (mới nhất trước) và số chưa đọc',
        querystring: listQuery,
        response: { 200: notificationList, ...commonErrors },
      },
    },
    async (request) =>
      service.listNotifications(deps, requireActor(request), request.locale, request.query),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc một thông báo',
        params: idParam,
        response: { 200: unreadCount, ...commonErrors },
      },
    },
    async (request) => service.markNotificationRead(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc mọi thông báo',
        response: { 200: markedRead, ...commonErrors },
      },
    },
    async (request) => service.markAllNotificationsRead(deps, requireActor(request)),
  );

  app.get(
    '/api/v1/outbox',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Hộp thư đi: thư điện tử được giữ lại vì chưa cấu hình SMTP (mới nhất trước), lọc theo địa chỉ người nhận; chỉ quản trị hệ thống toàn quốc',
        querystring: outboxQuery,
        response: { 200: outboxList, ...commonErrors },
      },
    },
    async (request) => listOutbox(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/outbox/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Một thư trong hộp thư đi, đầy đủ nội dung; chỉ quản trị hệ thống toàn quốc',
        params: idParam,
        response: { 200: outboxMail, ...commonErrors },
      },
    },
    async (request) => getOutboxMail(deps, requireActor(request), request.params.id),
  );
}
