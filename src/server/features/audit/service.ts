/** Reading and verifying the audit log. */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import { createChainVerifier, type ChainVerdict } from '../../../domain/audit-chain.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { findUnit } from '../units/repository.ts';
import * as repo from './repository.ts';

/** Lists audit entries newest first, limited to the units the actor may audit. */
export async function listAudit(
  deps: Deps,
  actor: Actor,
  f: {
    unitId?: number | undefined;
    userId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  const scope = scopeOf(actor, 'audit.read');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
  if (f.unitId !== undefined) {
    const unit = await findUnit(deps.db, f.unitId);
    if (!unit)
      throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
        { field: 'unitId', key: 'not_found', params: { what: '@entity_unit' } },
      ]);
    if (!can(actor, 'audit.read', unit.path))
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  const entries = await repo.listAuditEntries(deps.db, {
    unitPaths: scope,
    unitId: f.unitId,
    actorId: f.userId,
    from: f.from,
    to: f.to,
    beforeId: f.before,
    limit: f.limit + 1,
  });
  const page = entries.slice(0, f.limit);
  return {
    items: page.map((e) => ({
      id: e.id,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      unitId: e.unitId,
      unitName: e.unitName,
      before: e.before,
      after: e.after,
    })),
    nextBefore: entries.length > f.limit ? page[page.length - 1]!.id : null,
  };
}

/** Walks the whole chain and reports the first entry that was altered or removed. */
export async function verifyAudit(deps: Deps): Promise<ChainVerdict> {
  const verifier = createChainVerifier();
  for await (const entry of repo.readChain(deps.db)) if (!verifier.push(entry)) break;
  return verifier.finish(await repo.readHead(deps.db));
}

/** The verification result in words, for the CLI and the web app. */
export function describeVerify(result: ChainVerdict): string {
  if (result.ok)
    return `Nhật ký toàn vẹn: ${result.count.toLocaleString('vi-VN')} bản ghi, chuỗi băm khớp.`;
  const p = result.problem;
  switch (p.kind) {
    case 'altered':
      return `Bản ghi #${p.id} đã bị sửa (nội dung không khớp mã băm). ${result.count} bản ghi trước đó còn nguyên vẹn.`;
    case 'removed_before':
      return `Có bản ghi bị xóa ngay trước bản ghi #${p.id}${p.expectedPrevious !== null ? ` (sau bản ghi #${p.expectedPrevious})` : ' (ở đầu nhật ký)'}.`;
    case 'removed_at_end':
      return `Các bản ghi cuối nhật ký đã bị xóa: bản ghi cuối phải là #${p.expectedLastId}, nhưng chỉ còn đến #${p.lastId ?? '—'}.`;
  }
}
