/**
 * SIPAS survey campaigns for staff: CRUD with units and sample targets, each in one transaction with
 * its audit entry; who may manage a campaign and read which unit's answers; the campaign context
 * (row and questionnaire) every use-case loads, cached a few seconds per database.
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import { isSatisfactionLevel, type Questionnaire } from '../../../domain/sipas/questionnaire.ts';
import {
  OVERALL_METHOD_LABELS,
  validateSipasParams,
  type OverallMethod,
} from '../../../domain/sipas/sample.ts';
import { satisfiedLevelsLabel } from '../../../domain/sipas/indexes.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import { cacheKeyOf, type Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import { audit } from './audit.ts';
import { CHANNELS } from '../../../shared/contract/sipas.ts';

export { CHANNELS };
export type Channel = (typeof CHANNELS)[number];

/** A campaign with what every use-case needs: its questionnaire and units. */
export interface CampaignContext {
  row: repo.CampaignRow;
  questionnaire: Questionnaire;
  units: repo.CampaignUnitRow[];
}

/** Loads a campaign with its questionnaire and units, or null. */
export async function loadCampaignContext(
  db: Queryable,
  id: number,
): Promise<CampaignContext | null> {
  const row = await repo.findCampaign(db, id);
  if (!row) return null;
  const [q, units] = await Promise.all([
    repo.findQuestionnaire(db, row.questionnaire_id),
    repo.listCampaignUnits(db, id),
  ]);
  if (!q) return null;
  return { row, questionnaire: q.document as Questionnaire, units };
}

export async function requireContext(db: Queryable, id: number): Promise<CampaignContext> {
  const ctx = await loadCampaignContext(db, id);
  if (!ctx) throw notFound('entity_sipas_campaign');
  return ctx;
}

/** May the actor manage the campaign (its owner's subtree)? */
export function canManageCampaign(actor: Actor, ctx: { row: repo.CampaignRow }): boolean {
  return can(actor, 'sipas.manage', ctx.row.owner_path);
}

/**
 * The campaign units whose answers the actor may read: null = all (the campaign's managers),
 * otherwise the units under the actor's SIPAS grants. Throws 403 when none.
 */
export function readableUnitIds(actor: Actor, ctx: CampaignContext): number[] | null {
  if (canManageCampaign(actor, ctx)) return null;
  const ids = ctx.units
    .filter((u) => can(actor, 'sipas.manage', u.path) || can(actor, 'sipas.enter', u.path))
    .map((u) => u.unit_id);
  if (ids.length === 0) throw new AppError('forbidden', 'forbidden');
  return ids;
}

/** Narrows the readable units to one unit when asked; 403 when it is not readable. */
export function unitFilter(
  actor: Actor,
  ctx: CampaignContext,
  unitId: number | undefined,
): number[] | null {
  const readable = readableUnitIds(actor, ctx);
  if (unitId === undefined) return readable;
  const unit = ctx.units.find((u) => u.unit_id === unitId);
  if (!unit) {
    throw new AppError('invalid', 'sipas_unit_not_in_campaign', { unit: String(unitId) }, [
      { field: 'unit', key: 'sipas_unit_not_in_campaign', params: { unit: String(unitId) } },
    ]);
  }
  if (readable !== null && !readable.includes(unitId)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return [unitId];
}

export interface CampaignInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  status: 'setup' | 'open' | 'closed';
  ownerUnitId: number | null;
  questionnaireId: number;
  fields: { id: string; name: string }[];
  channels: Channel[];
  satisfiedLevels: number[];
  overallMethod: OverallMethod;
  marginOfError: number;
  units: { unitId: number; transactions: Record<string, number> }[];
}

function presentCampaign(ctx: CampaignContext, targets: repo.TargetRow[], responses: number) {
  const r = ctx.row;
  const levels = r.satisfied_levels.filter(isSatisfactionLevel);
  return {
    id: r.id,
    name: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    ownerUnitId: r.owner_unit_id,
    ownerName: r.owner_name,
    questionnaireId: r.questionnaire_id,
    questionnaireCode: ctx.questionnaire.id,
    questionnaireVersion: ctx.questionnaire.version,
    fields: r.fields,
    channels: r.channels,
    satisfiedLevels: levels,
    satisfiedLabel: satisfiedLevelsLabel(levels),
    overallMethod: r.overall_method,
    overallMethodLabel: OVERALL_METHOD_LABELS[r.overall_method],
    marginOfError: r.margin_of_error,
    units: ctx.units.map((u) => ({
      unitId: u.unit_id,
      code: u.code,
      name: u.name,
      transactions: Object.fromEntries(
        targets.filter((t) => t.unit_id === u.unit_id).map((t) => [t.field_id, t.transactions]),
      ),
    })),
    responses,
    version: r.version,
  };
}

export type CampaignView = ReturnType<typeof presentCampaign>;

/** Campaigns the actor manages or has units in. */
export async function listCampaigns(deps: Deps, actor: Actor) {
  const manage = scopeOf(actor, 'sipas.manage');
  const enter = scopeOf(actor, 'sipas.enter');
  const unitScope = manage === null || enter === null ? null : [...manage, ...enter];
  if (unitScope !== null && unitScope.length === 0) return { items: [] };
  const rows = await repo.listCampaigns(deps.db, manage, unitScope);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      status: r.status,
      ownerName: r.owner_name,
      canManage: can(actor, 'sipas.manage', r.owner_path),
    })),
  };
}

export async function getCampaign(deps: Deps, actor: Actor, id: number): Promise<CampaignView> {
  const ctx = await requireContext(deps.db, id);
  readableUnitIds(actor, ctx);
  const [targets, responses] = await Promise.all([
    repo.listTargets(deps.db, id),
    repo.countResponses(deps.db, id),
  ]);
  return presentCampaign(ctx, targets, responses);
}

async function checkCampaignInput(
  tx: Queryable,
  actor: Actor,
  input: CampaignInput,
): Promise<{ ownerPath: string | null }> {
  const details: ErrorDetail[] = [];
  const fail = (field: string, message: string): void => {
    details.push({ field, key: 'sipas_problem', params: { message } });
  };
  let ownerPath: string | null = null;
  if (input.ownerUnitId !== null) {
    const [owner] = await repo.findUnitsByIds(tx, [input.ownerUnitId]);
    if (!owner) throw notFound('entity_unit');
    ownerPath = owner.path;
  }
  if (!can(actor, 'sipas.manage', ownerPath)) throw new AppError('forbidden', 'forbidden');
  const q = await repo.findQuestionnaire(tx, input.questionnaireId);
  if (!q) fail('questionnaireId', 'Không tìm thấy mẫu phiếu khảo sát');
  const levels = input.satisfiedLevels.filter(isSatisfactionLevel);
  for (const p of validateSipasParams({
    questionnaireId: q?.code ?? '-',
    questionnaireVersion: q?.version ?? '-',
    fields: input.fields,
    marginOfError: input.marginOfError,
    satisfiedLevels: levels.length === input.satisfiedLevels.length ? levels : [],
    overallMethod: input.overallMethod,
    surveyMaxHundredths: null,
  })) {
    fail(p.path, p.message);
  }
  if (input.periodStart > input.periodEnd) fail('periodEnd', 'Ngày kết thúc trước ngày bắt đầu');
  if (new Set(input.channels).size !== input.channels.length)
    fail('channels', 'Một hình thức được chọn hai lần');
  const unitIds = input.units.map((u) => u.unitId);
  if (new Set(unitIds).size !== unitIds.length) fail('units', 'Một đơn vị được chọn hai lần');
  const found = await repo.findUnitsByIds(tx, unitIds);
  const fieldIds = new Set(input.fields.map((f) => f.id));
  input.units.forEach((u, i) => {
    const unit = found.find((f) => f.id === u.unitId);
    if (!unit) {
      fail(`units[${i}].unitId`, `Không tìm thấy đơn vị mã số ${u.unitId}`);
      return;
    }
    if (ownerPath !== null && !unit.path.startsWith(ownerPath))
      fail(`units[${i}].unitId`, `Đơn vị «${unit.name}» không thuộc phạm vi của cơ quan chủ trì`);
    for (const [fieldId, n] of Object.entries(u.transactions)) {
      if (!fieldIds.has(fieldId))
        fail(
          `units[${i}].transactions.${fieldId}`,
          `Lĩnh vực «${fieldId}» không có trong đợt khảo sát`,
        );
      if (!Number.isSafeInteger(n) || n < 0)
        fail(`units[${i}].transactions.${fieldId}`, 'Số giao dịch phải là số nguyên không âm');
    }
  });
  if (details.length > 0)
    throw new AppError('invalid', 'sipas_campaign_invalid', { count: details.length }, details);
  return { ownerPath };
}

function campaignWrite(input: CampaignInput): repo.CampaignWrite {
  return {
    name: input.name.trim(),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    status: input.status,
    ownerUnitId: input.ownerUnitId,
    questionnaireId: input.questionnaireId,
    fields: input.fields.map((f) => ({ id: f.id, name: f.name.trim() })),
    channels: input.channels,
    satisfiedLevels: [...new Set(input.satisfiedLevels)].sort((a, b) => a - b),
    overallMethod: input.overallMethod,
    marginOfError: input.marginOfError,
  };
}

function targetRows(input: CampaignInput) {
  return input.units.flatMap((u) =>
    Object.entries(u.transactions).map(([fieldId, transactions]) => ({
      unitId: u.unitId,
      fieldId,
      transactions,
    })),
  );
}

/** Creates a survey campaign in the actor's scope, with units and transactions per field. */
export async function createCampaign(
  deps: Deps,
  actor: Actor,
  input: CampaignInput,
): Promise<CampaignView> {
  const id = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await checkCampaignInput(tx, actor, input);
    const id = await repo.insertCampaign(tx, campaignWrite(input), actor.userId, now);
    await repo.replaceCampaignUnits(
      tx,
      id,
      input.units.map((u) => u.unitId),
      targetRows(input),
    );
    await audit(tx, actor, 'sipas.campaign.create', 'sipas_campaign', id, input.ownerUnitId, now, {
      name: input.name,
      units: input.units.length,
    });
    return id;
  });
  forgetCampaign(deps, id);
  return getCampaign(deps, actor, id);
}

/** Updates a campaign (optimistic version); its questionnaire cannot change once answered. */
export async function updateCampaign(
  deps: Deps,
  actor: Actor,
  id: number,
  input: CampaignInput & { version: number },
): Promise<CampaignView> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const ctx = await requireContext(tx, id);
    if (!canManageCampaign(actor, ctx)) throw new AppError('forbidden', 'forbidden');
    await checkCampaignInput(tx, actor, input);
    const responses = await repo.countResponses(tx, id);
    if (responses > 0) {
      const answered = await repo.countByUnitField(tx, id);
      const keptUnits = new Set(input.units.map((u) => u.unitId));
      const keptFields = new Set(input.fields.map((f) => f.id));
      if (
        input.questionnaireId !== ctx.row.questionnaire_id ||
        answered.some((a) => !keptUnits.has(a.unit_id) || !keptFields.has(a.field_id))
      ) {
        throw new AppError('conflict', 'sipas_campaign_has_responses', { count: responses });
      }
    }
    if (!(await repo.updateCampaign(tx, id, input.version, campaignWrite(input), now)))
      throw new AppError('conflict', 'conflict');
    await repo.replaceCampaignUnits(
      tx,
      id,
      input.units.map((u) => u.unitId),
      targetRows(input),
    );
    await audit(tx, actor, 'sipas.campaign.update', 'sipas_campaign', id, input.ownerUnitId, now, {
      name: input.name,
      status: input.status,
    });
  });
  forgetCampaign(deps, id);
  return getCampaign(deps, actor, id);
}

/** Deletes a campaign that has no answers yet. */
export async function deleteCampaign(deps: Deps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const ctx = await requireContext(tx, id);
    if (!canManageCampaign(actor, ctx)) throw new AppError('forbidden', 'forbidden');
    const responses = await repo.countResponses(tx, id);
    if (responses > 0)
      throw new AppError('conflict', 'sipas_campaign_has_responses', { count: responses });
    await repo.deleteCampaign(tx, id);
    await audit(
      tx,
      actor,
      'sipas.campaign.delete',
      'sipas_campaign',
      id,
      ctx.row.owner_unit_id,
      deps.clock.now(),
      { name: ctx.row.name },
    );
  });
  forgetCampaign(deps, id);
}

// A short-lived per-database cache of campaign contexts for the public submission path, which
// would otherwise read the campaign, questionnaire and units on every answer. Changes made by
// this process are seen at once (forgetCampaign); other processes see them within CACHE_MS.
const CACHE_MS = 5000;
const contextCache = new WeakMap<
  object,
  Map<string, { at: number; ctx: CampaignContext | null }>
>();

/**
 * A read handle (ADR 51) keeps its entries beside its primary's, apart from them: what a lagging
 * replica read never answers the submission path, and a change forgets both.
 */
const cacheEntry = (deps: Deps, id: number): string => `${deps.db.primary ? 'r' : 'p'}${id}`;

/** A campaign context from the short-lived cache (public paths only). */
export async function cachedCampaignContext(
  deps: Deps,
  id: number,
): Promise<CampaignContext | null> {
  let cache = contextCache.get(cacheKeyOf(deps.db));
  if (!cache) contextCache.set(cacheKeyOf(deps.db), (cache = new Map()));
  const now = Date.now();
  const entry = cacheEntry(deps, id);
  const hit = cache.get(entry);
  if (hit && now - hit.at < CACHE_MS) return hit.ctx;
  const ctx = await loadCampaignContext(deps.db, id);
  cache.set(entry, { at: now, ctx });
  return ctx;
}

/** Drops a campaign from the cache after a change. */
export function forgetCampaign(deps: Deps, id: number): void {
  const cache = contextCache.get(cacheKeyOf(deps.db));
  cache?.delete(`p${id}`);
  cache?.delete(`r${id}`);
}
