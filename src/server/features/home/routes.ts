/** The signed-in person's home: what needs doing now, by deadline, with the page to do it on. */
import { tasksBody } from '../../../shared/contract/home.ts';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { requireActor } from '../../http/session.ts';
import { commonErrors } from '../../http/schemas.ts';
import { myTasks } from './service.ts';

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
