/** The signed-in person's home: what needs doing now, by deadline, with the page to do it on. */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { requireActor } from '../../http/session.ts';
import { commonErrors } from '../../http/schemas.ts';
import { ROLES } from '../../../domain/access.ts';
import { TASK_KINDS, myTasks } from './service.ts';

const taskItem = z.object({
  kind: z.enum(TASK_KINDS),
  role: z.enum(ROLES),
  link: z.string(),
  subject: z.string(),
  unitName: z.string().nullable(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  figures: z.record(z.string(), z.number()),
});

const tasksBody = z.object({
  roles: z.array(z.enum(ROLES)),
  items: z.array(taskItem),
  fieldApp: z.object({ url: z.string(), qrSvg: z.string() }).nullable(),
});

export function registerHomeRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/me/tasks',
    {
      schema: {
        tags: ['home'],
        summary: 'Việc cần làm của người đang đăng nhập, theo hạn, mỗi việc kèm trang thực hiện',
        response: { 200: tasksBody, ...commonErrors },
      },
    },
    async (request) =>
      myTasks(deps, requireActor(request), `${request.protocol}://${request.host}`),
  );
}
