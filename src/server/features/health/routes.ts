/** Liveness and readiness probes. */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/app.ts';

export function registerHealthRoutes(app: App, deps: Deps): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Tiến trình đang chạy',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Cơ sở dữ liệu truy cập được',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.query('SELECT 1');
        return { status: 'ready' as const, database: deps.db.backend };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: deps.db.backend });
      }
    },
  );
}
