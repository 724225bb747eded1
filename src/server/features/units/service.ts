/**
 * Use-cases on the unit tree: browse and search, add and edit units, record mergers, import from
 * CSV, and load the official list of 2025. Each write is one transaction with its audit entry.
 */
import { can, type Actor } from '../../../domain/access.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import * as repo from './repository.ts';

/** What other features read of the units, through this service rather than the repository. */
export {
  findUnit,
  findUnits,
  findUnitsByCodes,
  listKinds,
  type UnitKindRow,
  type UnitRow,
} from './repository.ts';

export interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  parentName: string | null;
  childCount: number;
  version: number;
}

/** The API shape of a unit. */
export function presentUnit(row: repo.UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    parentName: row.parent_name ?? null,
    childCount: row.child_count ?? 0,
    version: row.version,
  };
}

/** Searches or browses units. Unit names and codes are public data: every signed-in user may. */
export async function searchUnits(
  deps: Deps,
  input: {
    q?: string | undefined;
    parentId?: number | null | undefined;
    kind?: string | undefined;
    current?: boolean | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: UnitView[]; total: number }> {
  const q = input.q ? searchKey(input.q) : undefined;
  const result = await repo.searchUnits(deps.db, {
    q: q || undefined,
    parentId: input.parentId,
    kind: input.kind,
    activeOn: input.current ? deps.clock.now().toISOString().slice(0, 10) : undefined,
    limit: input.limit,
    offset: input.offset,
  });
  return { items: result.items.map(presentUnit), total: result.total };
}

/** One unit with its ancestors and what the actor may do on it. */
export async function getUnit(deps: Deps, actor: Actor, id: number) {
  const row = await repo.findUnit(deps.db, id);
  if (!row) throw notFound('entity_unit');
  const ancestorIds = row.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((x) => x !== id);
  const ancestors = (await repo.findUnits(deps.db, ancestorIds)).sort((a, b) => a.depth - b.depth);
  return {
    unit: presentUnit(row),
    ancestors: ancestors.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    permissions: {
      manage: can(actor, 'unit.manage', row.path),
      readAudit: can(actor, 'audit.read', row.path),
    },
  };
}

/** Unit kinds with their names in both languages. */
export async function listUnitKinds(deps: Deps) {
  return (await repo.listKinds(deps.db)).map((k) => ({
    code: k.code,
    nameVi: k.name_vi,
    nameEn: k.name_en,
  }));
}

/** Predecessors and successors of a unit, followed through every merger. */
export async function getLineage(deps: Deps, id: number) {
  const row = await repo.findUnit(deps.db, id);
  if (!row) throw notFound('entity_unit');
  const step = (s: repo.LineageStep) => ({
    ...presentUnit(s),
    mergeType: s.merge_type,
    effectiveDate: s.effective_date,
    generation: s.generation,
    viaId: s.via_id,
  });
  const [pred, succ] = await Promise.all([
    repo.findLineage(deps.db, id, 'predecessors'),
    repo.findLineage(deps.db, id, 'successors'),
  ]);
  return { unit: presentUnit(row), predecessors: pred.map(step), successors: succ.map(step) };
}

export interface UnitInput {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

async function checkParentScope(
  tx: Queryable,
  actor: Actor,
  parentId: number | null,
): Promise<repo.UnitRow | null> {
  if (parentId === null) {
    if (!can(actor, 'unit.manage', null)) throw new AppError('forbidden', 'forbidden');
    return null;
  }
  const parent = await repo.findUnit(tx, parentId);
  if (!parent)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'parentId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  if (!can(actor, 'unit.manage', parent.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: parent.name });
  return parent;
}

async function checkUnitFields(
  tx: Queryable,
  input: UnitInput,
  exceptId: number | null,
): Promise<void> {
  const kinds = await repo.listKinds(tx);
  if (!kinds.some((k) => k.code === input.kind)) {
    throw new AppError('invalid', 'unit_unknown_kind', { kind: input.kind }, [
      { field: 'kind', key: 'unit_unknown_kind', params: { kind: input.kind } },
    ]);
  }
  if (input.validFrom && input.validTo && input.validFrom > input.validTo) {
    throw new AppError('invalid', 'unit_validity', {}, [
      { field: 'validTo', key: 'unit_validity' },
    ]);
  }
  const clash = await repo.findOverlappingCode(
    tx,
    input.code,
    input.validFrom,
    input.validTo,
    exceptId,
  );
  if (clash) {
    const params = { code: input.code, name: clash.name };
    throw new AppError('conflict', 'unit_code_taken', params, [
      { field: 'code', key: 'unit_code_taken', params },
    ]);
  }
}

/** Adds a unit of any kind under a parent the actor manages. */
export async function createUnit(deps: Deps, actor: Actor, input: UnitInput): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    await checkParentScope(tx, actor, input.parentId);
    await checkUnitFields(tx, input, null);
    const now = deps.clock.now();
    const row = await repo.insertUnit(tx, { ...input, searchKey: searchKey(input.name) }, now);
    const view = presentUnit(row);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'unit.create',
        entity: 'unit',
        entityId: row.id,
        unitId: row.id,
        after: view,
      },
      now,
    );
    return view;
  });
}

/** Edits a unit, possibly moving it (with its subtree) under another parent. */
export async function updateUnit(
  deps: Deps,
  actor: Actor,
  id: number,
  input: UnitInput & { version: number },
): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    const current = await repo.findUnit(tx, id);
    if (!current) throw notFound('entity_unit');
    if (!can(actor, 'unit.manage', current.path))
      throw new AppError('forbidden', 'forbidden_unit', { unit: current.name });
    let newParent: repo.UnitRow | null = null;
    if (input.parentId !== current.parent_id) {
      newParent = await checkParentScope(tx, actor, input.parentId);
      if (newParent && newParent.path.startsWith(current.path)) {
        throw new AppError('invalid', 'unit_cycle', { unit: current.name }, [
          { field: 'parentId', key: 'unit_cycle', params: { unit: current.name } },
        ]);
      }
    }
    await checkUnitFields(tx, input, id);
    const now = deps.clock.now();
    const ok = await repo.updateUnit(
      tx,
      id,
      input.version,
      { ...input, searchKey: searchKey(input.name) },
      now,
    );
    if (!ok) throw new AppError('conflict', 'conflict');
    if (input.parentId !== current.parent_id) {
      const newPath = `${newParent ? newParent.path : '/'}${id}/`;
      const depthDelta = (newParent ? newParent.depth + 1 : 0) - current.depth;
      await repo.moveSubtree(tx, current.path, newPath, depthDelta);
    }
    const after = presentUnit((await repo.findUnit(tx, id))!);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'unit.update',
        entity: 'unit',
        entityId: id,
        unitId: id,
        before: presentUnit(current),
        after,
      },
      now,
    );
    return after;
  });
}

/** The two units of a merger link, each named by its field when missing. */
async function lineageUnits(
  tx: Queryable,
  actor: Actor,
  predecessorId: number,
  successorId: number,
): Promise<{ pred: repo.UnitRow; succ: repo.UnitRow }> {
  const pred = await repo.findUnit(tx, predecessorId);
  const succ = await repo.findUnit(tx, successorId);
  if (!pred)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'predecessorId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  if (!succ)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'successorId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  // A link makes the successor's people see the predecessor's records, so it takes management
  // rights on both units: nobody links another province's unit into their own (ADR 19).
  for (const unit of [succ, pred])
    if (!can(actor, 'unit.manage', unit.path))
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  return { pred, succ };
}

function lineageAudit(
  actor: Actor,
  action: string,
  pred: repo.UnitRow,
  succ: repo.UnitRow,
  before: unknown,
  after: unknown,
) {
  return {
    actorId: actor.userId,
    actorName: actor.username,
    action,
    entity: 'unit_lineage',
    entityId: `${pred.id}>${succ.id}`,
    unitId: succ.id,
    before,
    after,
  };
}

const linkView = (l: repo.LineageRow) => ({
  predecessorId: l.predecessor_id,
  successorId: l.successor_id,
  mergeType: l.merge_type,
  effectiveDate: l.effective_date,
});

/**
 * Records that one unit went, wholly or partly, into another. The actor manages both units.
 */
export async function addLineage(
  deps: Deps,
  actor: Actor,
  input: {
    predecessorId: number;
    successorId: number;
    mergeType: 'full' | 'partial';
    effectiveDate: string | null;
  },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { pred, succ } = await lineageUnits(tx, actor, input.predecessorId, input.successorId);
    if (pred.id === succ.id)
      throw new AppError('invalid', 'unit_cycle', { unit: pred.name }, [
        { field: 'successorId', key: 'unit_cycle', params: { unit: pred.name } },
      ]);
    const inserted = await repo.insertLineage(tx, {
      predecessor_id: pred.id,
      successor_id: succ.id,
      merge_type: input.mergeType,
      effective_date: input.effectiveDate,
    });
    if (!inserted) throw new AppError('conflict', 'lineage_exists');
    await appendAuditEntry(
      tx,
      lineageAudit(actor, 'unit.lineage.add', pred, succ, null, input),
      deps.clock.now(),
    );
  });
}

/** Corrects a merger link (full or partial, date), with the reason; audited with before and after. */
export async function updateLineage(
  deps: Deps,
  actor: Actor,
  predecessorId: number,
  successorId: number,
  input: { mergeType: 'full' | 'partial'; effectiveDate: string | null; reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const { pred, succ } = await lineageUnits(tx, actor, predecessorId, successorId);
    const current = await repo.findLineageLink(tx, pred.id, succ.id, true);
    if (!current) throw notFound('entity_lineage');
    const next: repo.LineageRow = {
      ...current,
      merge_type: input.mergeType,
      effective_date: input.effectiveDate,
    };
    await repo.updateLineage(tx, next);
    await appendAuditEntry(
      tx,
      lineageAudit(actor, 'unit.lineage.update', pred, succ, linkView(current), {
        ...linkView(next),
        reason: input.reason,
      }),
      deps.clock.now(),
    );
    return linkView(next);
  });
}

/** Removes a merger link recorded in error, with the reason; audited with what it was. */
export async function removeLineage(
  deps: Deps,
  actor: Actor,
  predecessorId: number,
  successorId: number,
  reason: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { pred, succ } = await lineageUnits(tx, actor, predecessorId, successorId);
    const current = await repo.findLineageLink(tx, pred.id, succ.id, true);
    if (!current) throw notFound('entity_lineage');
    await repo.deleteLineage(tx, pred.id, succ.id);
    await appendAuditEntry(
      tx,
      lineageAudit(actor, 'unit.lineage.remove', pred, succ, linkView(current), { reason }),
      deps.clock.now(),
    );
  });
}
