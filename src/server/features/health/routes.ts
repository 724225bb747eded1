/** Liveness and readiness probes. */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ping } from '../../infra/db.ts';
import type { App } from '../../http/types.ts';

/** The streaming replica's state (ADR 51). */
const replicaState = z.object({
  state: z.enum(['ok', 'unreachable']),
  standby: z.boolean().nullable(),
  lagSeconds: z.number().nullable(),
});

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
          'Not ready (503) when the database or the file storage cannot be reached; `reasons` says which. ' +
          'With a read replica (DATABASE_READ_URL), `replica` gives its state and lag; a replica that is ' +
          'down does not make the process unready (its reads go to the primary).',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.string(),
            storage: z.string(),
            replica: replicaState.optional(),
          }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.string(),
            storage: z.string(),
            replica: replicaState.optional(),
            reasons: z.array(z.enum(['database', 'storage'])),
          }),
        },
      },
    },
    async (_request, reply) => {
      const [database, storage, replica] = await Promise.allSettled([
        ping(deps.db),
        deps.storage.check(),
        deps.replica?.check(),
      ]);
      const reasons: Array<'database' | 'storage'> = [];
      if (database.status === 'rejected') reasons.push('database');
      if (storage.status === 'rejected') reasons.push('storage');
      const body = {
        database: deps.db.backend,
        storage: deps.storage.kind,
        ...(replica.status === 'fulfilled' && replica.value ? { replica: replica.value } : {}),
      };
      if (reasons.length === 0) return { status: 'ready' as const, ...body };
      return reply.code(503).send({ status: 'unavailable' as const, ...body, reasons });
    },
  );
}
