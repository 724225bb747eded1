/** Liveness and readiness probes. */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ping } from '../../infra/db.ts';
import type { App } from '../../http/types.ts';

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
        summary: 'Cơ sở dữ liệu và kho lưu tệp truy cập được',
        description:
          'Not ready (503) when the database or the file storage cannot be reached; `reasons` says which.',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string(), storage: z.string() }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.string(),
            storage: z.string(),
            reasons: z.array(z.enum(['database', 'storage'])),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [database, storage] = await Promise.allSettled([ping(deps.db), deps.storage.check()]);
      const reasons: Array<'database' | 'storage'> = [];
      if (database.status === 'rejected') reasons.push('database');
      if (storage.status === 'rejected') reasons.push('storage');
      const body = { database: deps.db.backend, storage: deps.storage.kind };
      if (reasons.length === 0) return { status: 'ready' as const, ...body };
      return reply.code(503).send({ status: 'unavailable' as const, ...body, reasons });
    },
  );
}
