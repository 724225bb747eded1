/** HTTP routes of the audit log. */
import { z } from 'zod';
import { auditList } from '../../../shared/contract/audit.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, idText, isoDate } from '../../http/schemas.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { listAudit } from './service.ts';

const auditQuery = z.object({
  unitId: idText.optional(),
  userId: idText.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function registerAuditRoutes(app: App, deps: Deps): void {
  // Signed checkpoints of the chain's head, outside the database (ADR 24): written while the
  // server runs by the `audit.checkpoint` job (ADR 54), and a last one here at shutdown.
  if (!deps.config.audit.key) {
    app.log.warn(
      'audit anchor not configured (PARINDEX_AUDIT_KEY): the audit chain is not anchored outside the database',
    );
  } else {
    app.addHook('onClose', async () => {
      await writeCheckpoint(deps).catch((error: unknown) =>
        app.log.error({ err: error }, 'audit checkpoint not written'),
      );
    });
  }

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Nhật ký thay đổi (mới nhất trước), lọc theo đơn vị (cả cấp dưới), người dùng, ngày',
        querystring: auditQuery,
        response: { 200: auditList, ...commonErrors },
      },
    },
    async (request) => listAudit(deps, requireActor(request), request.query),
  );
}
