/**
 * HTTP routes of notifications (the bell): the signed-in user's own notices, marking them read;
 * the outbox of mails kept without an SMTP server, for the national administrator (ADR 43).
 * Also queues a scan of a campaign for the job runner whenever one of its workflow actions
 * succeeds, so "round 1 closed" reaches the unit within seconds (the periodic scan is a job of its
 * own: scan-job.ts).
 */
import { z } from 'zod';
import { outboxList, outboxMail } from '../../../shared/contract/outbox.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, idParam, idText } from '../../http/schemas.ts';
import { getOutboxMail, listOutbox } from './outbox.ts';
import { queueCampaignScan } from './scan-job.ts';
import * as service from './service.ts';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: idText.optional(),
});

const notification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  text: z.string(),
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
const listResponse = z.object({
  unread: z.number(),
  items: z.array(notification),
  nextBefore: z.number().nullable(),
});
const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: idText.optional(),
  recipient: z.string().trim().max(200).optional(),
});

const unreadResponse = z.object({ unread: z.number() });

// Workflow actions after which a campaign's notices may change (a unit's action, all units at once).
// Opening a campaign or changing its deadlines may make a deadline notice due at once; a bulk
// action (a reminder among them) has its e-mails sent, or kept, within seconds.
const WORKFLOW_ACTION =
  /^\/api\/v1\/campaigns\/(\d+)(\/(units\/\d+\/[a-z0-9-]+|round1\/close|publish|open|participants\/bulk))?$/;

export function registerNotificationRoutes(app: App, deps: Deps): void {
  // After the answer is sent: a scan of the campaign is queued for the job runner (scan-job.ts).
  app.addHook('onResponse', async (request, reply) => {
    if (!['POST', 'PUT'].includes(request.method) || reply.statusCode >= 400) return;
    const match = WORKFLOW_ACTION.exec(request.url.split('?')[0] ?? '');
    if (!match) return;
    try {
      await queueCampaignScan(deps, Number(match[1]));
    } catch (error) {
      request.log.error({ err: error }, 'notification scan not queued');
    }
  });

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tài khoản đang đăng nhập (mới nhất trước) và số chưa đọc',
        querystring: listQuery,
        response: { 200: listResponse, ...commonErrors },
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
        response: { 200: unreadResponse, ...commonErrors },
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
        response: { 200: z.object({ marked: z.number(), unread: z.number() }), ...commonErrors },
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
