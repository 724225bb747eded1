/** The audit entry every SIPAS use-case appends in its transaction. */
import type { Actor } from '../../../domain/access.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';

export async function audit(
  tx: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number,
  unitId: number | null,
  now: Date,
  after: unknown,
): Promise<void> {
  await appendAuditEntry(
    tx,
    { actorId: actor.userId, actorName: actor.username, action, entity, entityId, unitId, after },
    now,
  );
}
