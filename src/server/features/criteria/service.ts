/**
 * Use-cases on criteria sets: create (empty, from a bundled set, from Excel), edit the tree as a
 * whole with a version check, freeze, copy for a new year with a node mapping, export. A set is
 * methodology data: every signed-in user may read it; the standing agency of its issuing unit edits.
 */
import {
  shiftRequirement,
  type NodeEvidenceRequirement,
} from '../../../domain/documents/findings.ts';
import { can, permissionsOf, type Actor } from '../../../domain/access.ts';
import { BUNDLED_CRITERIA_SETS } from '../../../domain/scoring/bundled-sets.ts';
import {
  DEFAULT_PAR_BANDS,
  validateClassBands,
  type ClassBand,
} from '../../../domain/scoring/index.ts';
import { formatRuleText, parseRuleText } from '../../../domain/scoring/rule-text.ts';
import type { ScoringRule } from '../../../domain/scoring/rules.ts';
import { validateTree, type CriteriaNode } from '../../../domain/scoring/tree.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { findUnit } from '../units/service.ts';
import * as repo from './repository.ts';
import type { NodeInput } from '../../../shared/contract/criteria.ts';

/** What campaigns read of a criteria set and how they freeze it, through this service. */
export { findNodes, findSet, freezeSet } from './repository.ts';

export const MAX_NODES = 2000;
export const MAX_DEPTH = 6;

/** A node as the API reads and writes it (declared in the contract); `id` null for a new node. */
export type { NodeInput };

export interface NodeView extends NodeInput {
  id: number;
  evidenceRequirement: NodeEvidenceRequirement | null;
  rule: ScoringRule | null;
  copiedFromId: number | null;
  children: NodeView[];
}

export interface SetMeta {
  name: string;
  year: number;
  unitKind: string;
  description: string;
  surveyMaxHundredths: number | null;
  bands: ClassBand[];
}

const auditActor = (actor: Actor) => ({
  actorId: actor.userId > 0 ? actor.userId : null,
  actorName: actor.username,
});

function presentSet(s: repo.SetRow) {
  return {
    id: s.id,
    name: s.name,
    year: s.year,
    unitKind: s.unit_kind,
    description: s.description,
    surveyMaxHundredths: s.survey_max_hundredths,
    bands: s.bands,
    status: s.status,
    basedOnId: s.based_on_id,
    origin: s.origin,
    ownerUnitId: s.owner_unit_id,
    ownerUnitName: s.owner_unit_name ?? null,
    version: s.version,
    updatedAt: new Date(s.updated_at).toISOString(),
    frozenAt: s.frozen_at ? new Date(s.frozen_at).toISOString() : null,
  };
}

/** Builds the nested view of a set's nodes. */
export function buildTree(rows: repo.NodeRow[]): NodeView[] {
  const byParent = new Map<number | null, repo.NodeRow[]>();
  for (const r of rows) {
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const build = (parentId: number | null): NodeView[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        maxHundredths: r.max_hundredths,
        ruleText: r.rule ? formatRuleText(r.rule) : null,
        rule: r.rule,
        notApplicable: r.not_applicable,
        kind: r.kind,
        guidance: r.guidance,
        evidence: r.evidence,
        agency: r.agency,
        source: r.source,
        toBeConfirmed: r.to_be_confirmed,
        evidenceRequirement: r.evidence_requirement ?? null,
        copiedFromId: r.copied_from_id,
        children: build(r.id),
      }));
  return build(null);
}

/** The domain tree of a set: a root holding the top-level criteria, its max their sum. */
export function toDomainTree(name: string, nodes: NodeView[]): CriteriaNode {
  const convert = (n: NodeView): CriteriaNode => ({
    code: n.code,
    title: n.title,
    maxHundredths: n.maxHundredths,
    ...(n.rule ? { rule: n.rule as CriteriaNode['rule'] } : {}),
    ...(n.notApplicable ? { notApplicable: n.notApplicable } : {}),
    ...(n.kind ? { kind: n.kind } : {}),
    ...(n.evidenceRequirement ? { evidenceRequirement: n.evidenceRequirement } : {}),
    children: n.children.map(convert),
  });
  const children = nodes.map(convert);
  const max = children
    .filter((c) => (c.kind ?? 'normal') === 'normal')
    .reduce((sum, c) => sum + c.maxHundredths, 0);
  return { code: '', title: name, maxHundredths: max, children };
}

/** Lists criteria sets (readable by every signed-in user). */
export async function listCriteriaSets(
  deps: Deps,
  actor: Actor,
  f: { year?: number | undefined; unitKind?: string | undefined },
) {
  const rows = await repo.listSets(deps.db, f);
  return {
    items: rows.map((r) => ({
      ...presentSet(r),
      canManage: can(actor, 'criteria.manage', r.owner_unit_path ?? null),
      nodeCount: r.node_count ?? 0,
      maxHundredths: r.max_hundredths ?? 0,
    })),
  };
}

/** One set with its tree, its problems and whether the actor may edit it. */
export async function getCriteriaSet(
  deps: Deps,
  actor: Actor,
  id: number,
  db: Queryable = deps.db,
) {
  const set = await repo.findSet(db, id);
  if (!set) throw notFound('entity_criteria_set');
  const nodes = buildTree(await repo.findNodes(db, id));
  const tree = toDomainTree(set.name, nodes);
  const problems = [
    ...validateTree(tree),
    ...validateClassBands(set.bands).map((message) => ({
      code: '',
      message: `Xếp loại: ${message}`,
    })),
  ];
  return {
    set: presentSet(set),
    nodes,
    maxHundredths: tree.maxHundredths,
    problems,
    canEdit: set.status === 'draft' && can(actor, 'criteria.manage', set.owner_unit_path ?? null),
  };
}

async function ownerPath(db: Queryable, ownerUnitId: number | null): Promise<string | null> {
  if (ownerUnitId === null) return null;
  const unit = await findUnit(db, ownerUnitId);
  if (!unit)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'ownerUnitId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  return unit.path;
}

async function requireEditable(tx: Queryable, actor: Actor, id: number): Promise<repo.SetRow> {
  const set = await repo.findSet(tx, id);
  if (!set) throw notFound('entity_criteria_set');
  if (!can(actor, 'criteria.manage', set.owner_unit_path ?? null)) {
    throw set.owner_unit_name
      ? new AppError('forbidden', 'forbidden_unit', { unit: set.owner_unit_name })
      : new AppError('forbidden', 'forbidden');
  }
  if (set.status === 'frozen')
    throw new AppError('conflict', 'criteria_frozen', { name: set.name });
  return set;
}

function checkBands(bands: ClassBand[]): void {
  const problems = validateClassBands(bands);
  if (problems.length) {
    throw new AppError('invalid', 'criteria_bands_invalid', { reason: problems.join('; ') }, [
      { field: 'bands', key: 'criteria_bands_invalid', params: { reason: problems.join('; ') } },
    ]);
  }
}

/** Parses the rule texts of a tree; every unreadable rule is reported with its node code. */
function parseRules(nodes: NodeInput[]): Map<NodeInput, CriteriaNode['rule'] | null> {
  const rules = new Map<NodeInput, CriteriaNode['rule'] | null>();
  const errors: ErrorDetail[] = [];
  let count = 0;
  const walk = (list: NodeInput[], depth: number) => {
    for (const n of list) {
      count++;
      if (depth > MAX_DEPTH) errors.push({ field: `node:${n.code}`, key: 'criteria_tree_invalid' });
      if (n.ruleText && n.ruleText.trim()) {
        const parsed = parseRuleText(n.ruleText);
        if (parsed.ok) rules.set(n, parsed.rule);
        else
          errors.push({
            field: `node:${n.code}`,
            key: 'criteria_rule_invalid',
            params: { code: n.code, reason: parsed.error },
          });
      } else {
        rules.set(n, null);
      }
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 1);
  if (count > MAX_NODES)
    throw new AppError('too_large', 'payload_too_large', { limit: `${MAX_NODES} tiêu chí` });
  if (errors.length) throw new AppError('invalid', 'criteria_tree_invalid', {}, errors);
  return rules;
}

/** Writes a whole tree into a set: keeps the ids it is given, adds new nodes, removes the rest. */
async function writeTree(
  tx: Queryable,
  setId: number,
  nodes: NodeInput[],
  copiedFrom: Map<NodeInput, number> = new Map(),
): Promise<void> {
  const rules = parseRules(nodes);
  const existing = new Set((await repo.findNodes(tx, setId)).map((n) => n.id));
  const kept = new Set<number>();
  const walk = async (list: NodeInput[], parentId: number | null) => {
    for (const [position, n] of list.entries()) {
      const values: repo.NodeValues = {
        parentId,
        position,
        code: n.code.trim(),
        title: n.title.trim(),
        maxHundredths: n.maxHundredths,
        rule: rules.get(n) ?? null,
        notApplicable: n.notApplicable,
        kind: n.kind,
        guidance: n.guidance,
        evidence: n.evidence,
        agency: n.agency,
        source: n.source,
        toBeConfirmed: n.toBeConfirmed,
        evidenceRequirement: n.evidenceRequirement ?? null,
        copiedFromId: copiedFrom.get(n) ?? null,
      };
      let id: number;
      if (n.id !== null && existing.has(n.id) && !kept.has(n.id)) {
        id = n.id;
        await repo.updateNode(tx, setId, id, {
          ...values,
          copiedFromId: await repo.findNodeCopiedFrom(tx, id),
        });
      } else {
        id = await repo.insertNode(tx, setId, values);
      }
      kept.add(id);
      await walk(n.children, id);
    }
  };
  // Detach everything first so that moves between parents never trip over the old structure.
  await repo.detachNodes(tx, setId);
  await walk(nodes, null);
  await repo.deleteNodes(
    tx,
    setId,
    [...existing].filter((id) => !kept.has(id)),
  );
}

/** Creates a draft set, empty or from a bundled set. */
export async function createCriteriaSet(
  deps: Deps,
  actor: Actor,
  input: SetMeta & {
    ownerUnitId: number | null;
    bundledId?: string | undefined;
    nodes?: NodeInput[] | undefined;
    origin?: string | undefined;
  },
): Promise<number> {
  checkBands(input.bands);
  return deps.db.transaction(async (tx) => {
    // A provincial agency that names no issuing unit issues the set for its own unit.
    if (input.ownerUnitId === null && !can(actor, 'criteria.manage', null)) {
      input = {
        ...input,
        ownerUnitId:
          actor.grants.find((g) => permissionsOf(g.role).includes('criteria.manage'))?.unitId ??
          null,
      };
    }
    const path = await ownerPath(tx, input.ownerUnitId);
    if (!can(actor, 'criteria.manage', path)) throw new AppError('forbidden', 'forbidden');
    const now = deps.clock.now();
    let nodes = input.nodes ?? [];
    let origin = input.origin ?? null;
    if (input.bundledId) {
      const bundled = BUNDLED_CRITERIA_SETS.find((b) => b.id === input.bundledId);
      if (!bundled)
        throw new AppError('invalid', 'not_found', { what: '@entity_criteria_set' }, [
          { field: 'bundledId', key: 'not_found', params: { what: '@entity_criteria_set' } },
        ]);
      nodes = bundled.tree.children.map(fromDomainNode);
      origin = `bundled:${bundled.id}`;
    }
    const id = await insertSetWithTree(
      tx,
      { ...input, basedOnId: null, origin, createdBy: actor.userId > 0 ? actor.userId : null },
      nodes,
      now,
    );
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.create',
        entity: 'criteria_set',
        entityId: id,
        unitId: input.ownerUnitId,
        after: { name: input.name, year: input.year, unitKind: input.unitKind, origin },
      },
      now,
    );
    return id;
  });
}

/** Inserts a set and its tree (no permission check, no audit: for use-cases and the demo loader). */
export async function insertSetWithTree(
  tx: Queryable,
  set: repo.NewSet,
  nodes: NodeInput[],
  now: Date,
): Promise<number> {
  const id = await repo.insertSet(tx, set, now);
  await writeTree(tx, id, nodes);
  return id;
}

/** Converts a domain node (bundled sets, Excel) into the API's input shape. */
export function fromDomainNode(n: CriteriaNode): NodeInput {
  return {
    id: null,
    code: n.code,
    title: n.title,
    maxHundredths: n.maxHundredths,
    ruleText: n.rule ? formatRuleText(n.rule) : null,
    notApplicable: n.notApplicable ?? null,
    kind: n.kind ?? null,
    guidance: n.guidance ?? null,
    evidence: n.evidence ?? null,
    agency: n.agency ?? null,
    source: n.source ?? null,
    toBeConfirmed: n.toBeConfirmed ?? false,
    evidenceRequirement: n.evidenceRequirement ?? null,
    children: n.children.map(fromDomainNode),
  };
}

/** Changes a draft set's name, year, unit kind, survey share or bands. */
export async function updateCriteriaSetMeta(
  deps: Deps,
  actor: Actor,
  id: number,
  input: SetMeta & { version: number },
) {
  checkBands(input.bands);
  return deps.db.transaction(async (tx) => {
    const before = await requireEditable(tx, actor, id);
    const now = deps.clock.now();
    if (!(await repo.updateSet(tx, id, input.version, input, now)))
      throw new AppError('conflict', 'conflict');
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.update',
        entity: 'criteria_set',
        entityId: id,
        unitId: before.owner_unit_id,
        before: presentSet(before),
        after: input,
      },
      now,
    );
    return getCriteriaSet(deps, actor, id, tx);
  });
}

/** Saves the whole tree of a draft set (the editor's "save"), refusing a stale version. */
export async function saveCriteriaTree(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; nodes: NodeInput[] },
) {
  return deps.db.transaction(async (tx) => {
    const set = await requireEditable(tx, actor, id);
    const now = deps.clock.now();
    if (!(await repo.bumpVersion(tx, id, input.version, now)))
      throw new AppError('conflict', 'conflict');
    const before = buildTree(await repo.findNodes(tx, id));
    await writeTree(tx, id, input.nodes);
    const result = await getCriteriaSet(deps, actor, id, tx);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.tree.save',
        entity: 'criteria_set',
        entityId: id,
        unitId: set.owner_unit_id,
        before: { nodes: countNodes(before), max: toDomainTree(set.name, before).maxHundredths },
        after: { nodes: countNodes(result.nodes), max: result.maxHundredths },
      },
      now,
    );
    return result;
  });
}

function countNodes(nodes: NodeView[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countNodes(n.children), 0);
}

/** Freezes a set with no problems left; a frozen set can no longer change. */
export async function freezeCriteriaSet(deps: Deps, actor: Actor, id: number) {
  return deps.db.transaction(async (tx) => {
    const set = await requireEditable(tx, actor, id);
    const current = await getCriteriaSet(deps, actor, id, tx);
    if (current.problems.length) {
      throw new AppError(
        'invalid',
        'criteria_has_problems',
        { count: current.problems.length },
        current.problems.slice(0, 100).map((p) => ({
          field: p.code ? `node:${p.code}` : 'set',
          key: 'bad_request',
          params: { detail: p.message },
        })),
      );
    }
    const now = deps.clock.now();
    await repo.freezeSet(tx, id, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.freeze',
        entity: 'criteria_set',
        entityId: id,
        unitId: set.owner_unit_id,
      },
      now,
    );
    return getCriteriaSet(deps, actor, id, tx);
  });
}

/** Deletes a draft set. */
export async function deleteCriteriaSet(deps: Deps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const set = await requireEditable(tx, actor, id);
    await repo.deleteSet(tx, id);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.delete',
        entity: 'criteria_set',
        entityId: id,
        unitId: set.owner_unit_id,
        before: presentSet(set),
      },
      deps.clock.now(),
    );
  });
}

/** Starts next year's set as a copy of this one; each new node remembers the node it came from. */
export async function copyCriteriaSet(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { year: number; name: string },
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const source = await repo.findSet(tx, id);
    if (!source) throw notFound('entity_criteria_set');
    if (!can(actor, 'criteria.manage', source.owner_unit_path ?? null))
      throw new AppError('forbidden', 'forbidden');
    const now = deps.clock.now();
    const newId = await repo.insertSet(
      tx,
      {
        name: input.name,
        year: input.year,
        unitKind: source.unit_kind,
        description: source.description,
        surveyMaxHundredths: source.survey_max_hundredths,
        bands: source.bands,
        basedOnId: source.id,
        origin: `copy:${source.id}`,
        ownerUnitId: source.owner_unit_id,
        createdBy: actor.userId > 0 ? actor.userId : null,
      },
      now,
    );
    const nodes = buildTree(await repo.findNodes(tx, id));
    const copiedFrom = new Map<NodeInput, number>();
    const strip = (n: NodeView): NodeInput => {
      const copy: NodeInput = {
        ...n,
        id: null,
        evidenceRequirement: n.evidenceRequirement
          ? shiftRequirement(n.evidenceRequirement, input.year - source.year)
          : null,
        children: n.children.map(strip),
      };
      copiedFrom.set(copy, n.id);
      return copy;
    };
    await writeTree(tx, newId, nodes.map(strip), copiedFrom);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.copy',
        entity: 'criteria_set',
        entityId: newId,
        unitId: source.owner_unit_id,
        after: { from: id, year: input.year, name: input.name },
      },
      now,
    );
    return newId;
  });
}

/**
 * The mapping from the set a copy was based on to the copy: the saved one, or one proposed from
 * the copy links (same code and title: kept; changed: renamed; one node copied twice: split; not
 * copied: removed; new: added). Merges are only known from what the user saves.
 */
export async function getCriteriaMapping(deps: Deps, actor: Actor, id: number) {
  const target = await getCriteriaSet(deps, actor, id);
  const fromId = target.set.basedOnId;
  if (fromId === null) return { fromSetId: null, saved: false, entries: [] as repo.MappingEntry[] };
  const source = await getCriteriaSet(deps, actor, fromId);
  const saved = await repo.findMapping(deps.db, fromId, id);
  if (saved) return { fromSetId: fromId, saved: true, entries: saved };
  const flat = (nodes: NodeView[]): NodeView[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const oldNodes = flat(source.nodes);
  const newNodes = flat(target.nodes);
  const entries: repo.MappingEntry[] = [];
  for (const old of oldNodes) {
    const copies = newNodes.filter((n) => n.copiedFromId === old.id);
    if (copies.length === 0) entries.push({ kind: 'removed', from: [old.code], to: [] });
    else if (copies.length > 1)
      entries.push({ kind: 'split', from: [old.code], to: copies.map((c) => c.code) });
    else {
      const c = copies[0]!;
      entries.push({
        kind: c.code === old.code && c.title === old.title ? 'kept' : 'renamed',
        from: [old.code],
        to: [c.code],
      });
    }
  }
  for (const n of newNodes)
    if (n.copiedFromId === null) entries.push({ kind: 'added', from: [], to: [n.code] });
  return { fromSetId: fromId, saved: false, entries };
}

/** Saves the year-to-year mapping after checking every code exists on its side. */
export async function saveCriteriaMapping(
  deps: Deps,
  actor: Actor,
  id: number,
  entries: repo.MappingEntry[],
) {
  return deps.db.transaction(async (tx) => {
    const target = await repo.findSet(tx, id);
    if (!target) throw notFound('entity_criteria_set');
    if (!can(actor, 'criteria.manage', target.owner_unit_path ?? null))
      throw new AppError('forbidden', 'forbidden');
    if (target.based_on_id === null)
      throw new AppError('invalid', 'bad_request', { detail: 'based_on_id' });
    const oldCodes = new Set((await repo.findNodes(tx, target.based_on_id)).map((n) => n.code));
    const newCodes = new Set((await repo.findNodes(tx, id)).map((n) => n.code));
    const errors: ErrorDetail[] = [];
    entries.forEach((e, i) => {
      for (const c of e.from)
        if (!oldCodes.has(c))
          errors.push({
            field: `entries.${i}.from`,
            key: 'criteria_mapping_unknown_code',
            params: { code: c, which: 'bộ chỉ số năm trước' },
          });
      for (const c of e.to)
        if (!newCodes.has(c))
          errors.push({
            field: `entries.${i}.to`,
            key: 'criteria_mapping_unknown_code',
            params: { code: c, which: 'bộ chỉ số mới' },
          });
    });
    if (errors.length) throw new AppError('invalid', 'validation_failed', {}, errors);
    const now = deps.clock.now();
    await repo.saveMapping(tx, target.based_on_id, id, entries, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'criteria.mapping.save',
        entity: 'criteria_set',
        entityId: id,
        unitId: target.owner_unit_id,
        after: { entries: entries.length },
      },
      now,
    );
    return { fromSetId: target.based_on_id, saved: true, entries };
  });
}

/** The bundled sets the app ships, for the "create from template" list. */
export function listBundledSets() {
  return BUNDLED_CRITERIA_SETS.map((b) => ({
    id: b.id,
    name: b.name,
    unitKind: b.unitKind,
    year: b.year,
    surveyMaxHundredths: b.surveyMaxHundredths,
    description: b.description,
  }));
}

export { DEFAULT_PAR_BANDS };
