/**
 * SIPAS use-cases for staff: questionnaires (CRUD, JSON import/export), survey campaigns (CRUD with
 * units and sample targets), who may read which unit's answers, the indexes with their formulas,
 * the seed-000 table, progress against targets, suggestions, and the survey points a unit's index
 * becomes in the PAR index. The methodology itself is in src/domain/sipas/.
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import {
  DEFAULT_QUESTIONNAIRE,
  exportQuestionnaire,
  importQuestionnaire,
  validateQuestionnaire,
  isSatisfactionLevel,
  type Questionnaire,
  type SatisfactionLevel,
} from '../../../domain/sipas/questionnaire.ts';
import {
  OVERALL_METHOD_LABELS,
  progressKey,
  sampleProgress,
  sampleTargets,
  validateSipasParams,
  type OverallMethod,
  type SampleProgress,
  type SampleTarget,
} from '../../../domain/sipas/sample.ts';
import {
  computeSipasIndexes,
  fieldLevelTable,
  satisfiedLevelsLabel,
  scopeIndexes,
  sipasSurveyPoints,
  type SipasSurveyPoints,
  type SubmissionAnswers,
} from '../../../domain/sipas/indexes.ts';
import type { AnswerValue } from '../../../domain/sipas/questionnaire.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { exportQuestionnaireXlsx, importQuestionnaireXlsx } from './questionnaire-xlsx.ts';
import * as repo from './repository.ts';

/** The first four bytes of a zip archive, hence of an .xlsx workbook. */
const ZIP_SIGNATURE = 0x04034b50;

/** Channels a campaign may accept answers through. */
export const CHANNELS = [
  'web',
  'qr',
  'dossier_link',
  'paper',
  'kiosk',
  'offline',
  'import',
] as const;
export type Channel = (typeof CHANNELS)[number];

// ---------------------------------------------------------------------------------------------
// Questionnaires

export interface QuestionnaireView {
  id: number;
  code: string;
  version: string;
  name: string;
  inUse: boolean;
  document: Questionnaire;
  updatedAt: string;
}

function presentQuestionnaire(row: repo.QuestionnaireRow): QuestionnaireView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    inUse: row.campaign_count > 0,
    document: row.document as Questionnaire,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function requireSipasManager(actor: Actor): void {
  const scope = scopeOf(actor, 'sipas.manage');
  if (scope !== null && scope.length === 0) throw new AppError('forbidden', 'forbidden');
}

function questionnaireProblems(problems: { path: string; message: string }[]): AppError {
  return new AppError(
    'invalid',
    'sipas_questionnaire_invalid',
    { count: problems.length },
    problems.slice(0, 200).map((p) => ({
      field: p.path === '' ? 'document' : `document.${p.path}`,
      key: 'sipas_problem',
      params: { message: p.message },
    })),
  );
}

/** Every questionnaire; any user who manages surveys somewhere may read them. */
export async function listQuestionnaires(deps: Deps, actor: Actor): Promise<QuestionnaireView[]> {
  requireSipasManager(actor);
  return (await repo.listQuestionnaires(deps.db)).map(presentQuestionnaire);
}

export async function getQuestionnaire(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const row = await repo.findQuestionnaire(deps.db, id);
  if (!row) throw notFound('entity_sipas_questionnaire');
  return presentQuestionnaire(row);
}

/** Checks a questionnaire document (untrusted JSON) and returns it typed. */
function readDocument(document: unknown): Questionnaire {
  const problems = validateQuestionnaire(document);
  if (problems.length > 0) throw questionnaireProblems(problems);
  // Round-trip through the importer so unknown keys are dropped.
  const parsed = importQuestionnaire(JSON.stringify(document));
  if (!parsed.ok) throw questionnaireProblems(parsed.problems);
  return parsed.questionnaire;
}

/** Stores a new questionnaire version (its id and version come from the document). */
export async function createQuestionnaire(
  deps: Deps,
  actor: Actor,
  document: unknown,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const q = readDocument(document);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (await repo.findQuestionnaireByCode(tx, q.id, q.version)) {
      throw new AppError('conflict', 'sipas_questionnaire_taken', {
        code: q.id,
        version: q.version,
      });
    }
    const id = await repo.insertQuestionnaire(
      tx,
      { code: q.id, version: q.version, name: q.name, document: q, createdBy: actor.userId },
      now,
    );
    await audit(tx, actor, 'sipas.questionnaire.create', 'sipas_questionnaire', id, null, now, {
      code: q.id,
      version: q.version,
    });
    return presentQuestionnaire((await repo.findQuestionnaire(tx, id))!);
  });
}

/** Imports a questionnaire from its JSON export. */
export async function importQuestionnaireJson(
  deps: Deps,
  actor: Actor,
  json: string,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const parsed = importQuestionnaire(json);
  if (!parsed.ok) throw questionnaireProblems(parsed.problems);
  return createQuestionnaire(deps, actor, parsed.questionnaire);
}

/**
 * Imports a questionnaire file as a new version: an Excel workbook or a JSON export, told apart by
 * the content (never by the file's name). Nothing is saved unless the whole file is right.
 */
export async function importQuestionnaireFile(
  deps: Deps,
  actor: Actor,
  content: Buffer,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  if (content.length >= 4 && content.readUInt32LE(0) === ZIP_SIGNATURE) {
    return createQuestionnaire(deps, actor, await importQuestionnaireXlsx(content));
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return importQuestionnaireJson(deps, actor, text);
  throw new AppError('unsupported', 'sipas_questionnaire_file_type');
}

/** The Excel export of a questionnaire, read back unchanged by the import. */
export async function exportQuestionnaireXlsxFile(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ filename: string; content: Buffer }> {
  const q = await getQuestionnaire(deps, actor, id);
  return {
    filename: `${q.code}-${q.version}.xlsx`,
    content: await exportQuestionnaireXlsx(q.document),
  };
}

/** The JSON export of a questionnaire, read back unchanged by the import. */
export async function exportQuestionnaireJson(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ filename: string; json: string }> {
  const q = await getQuestionnaire(deps, actor, id);
  return {
    filename: `${q.code}-${q.version}.json`,
    json: exportQuestionnaire(q.document),
  };
}

/** Replaces a questionnaire that no campaign uses yet (a used one is frozen: make a new version). */
export async function updateQuestionnaire(
  deps: Deps,
  actor: Actor,
  id: number,
  document: unknown,
): Promise<QuestionnaireView> {
  requireSipasManager(actor);
  const q = readDocument(document);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.findQuestionnaire(tx, id);
    if (!row) throw notFound('entity_sipas_questionnaire');
    if (row.campaign_count > 0) {
      throw new AppError('conflict', 'sipas_questionnaire_in_use', {
        code: row.code,
        version: row.version,
      });
    }
    const other = await repo.findQuestionnaireByCode(tx, q.id, q.version);
    if (other && other.id !== id) {
      throw new AppError('conflict', 'sipas_questionnaire_taken', {
        code: q.id,
        version: q.version,
      });
    }
    await repo.updateQuestionnaire(
      tx,
      id,
      { code: q.id, version: q.version, name: q.name, document: q },
      now,
    );
    await audit(tx, actor, 'sipas.questionnaire.update', 'sipas_questionnaire', id, null, now, {
      code: q.id,
      version: q.version,
    });
    return presentQuestionnaire((await repo.findQuestionnaire(tx, id))!);
  });
}

export async function deleteQuestionnaire(deps: Deps, actor: Actor, id: number): Promise<void> {
  requireSipasManager(actor);
  await deps.db.transaction(async (tx) => {
    const row = await repo.findQuestionnaire(tx, id);
    if (!row) throw notFound('entity_sipas_questionnaire');
    if (row.campaign_count > 0) {
      throw new AppError('conflict', 'sipas_questionnaire_in_use', {
        code: row.code,
        version: row.version,
      });
    }
    await repo.deleteQuestionnaire(tx, id);
    await audit(
      tx,
      actor,
      'sipas.questionnaire.delete',
      'sipas_questionnaire',
      id,
      null,
      deps.clock.now(),
      { code: row.code, version: row.version },
    );
  });
}

/** The default questionnaire's row, stored on first use (the demo and new campaigns use it). */
export async function ensureDefaultQuestionnaire(tx: Queryable, now: Date): Promise<number> {
  const found = await repo.findQuestionnaireByCode(
    tx,
    DEFAULT_QUESTIONNAIRE.id,
    DEFAULT_QUESTIONNAIRE.version,
  );
  if (found) return found.id;
  return repo.insertQuestionnaire(
    tx,
    {
      code: DEFAULT_QUESTIONNAIRE.id,
      version: DEFAULT_QUESTIONNAIRE.version,
      name: DEFAULT_QUESTIONNAIRE.name,
      document: DEFAULT_QUESTIONNAIRE,
      createdBy: null,
    },
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// Campaigns

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

async function requireContext(db: Queryable, id: number): Promise<CampaignContext> {
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
function unitFilter(
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
  Map<number, { at: number; ctx: CampaignContext | null }>
>();

/** A campaign context from the short-lived cache (public paths only). */
export async function cachedCampaignContext(
  deps: Deps,
  id: number,
): Promise<CampaignContext | null> {
  let cache = contextCache.get(deps.db);
  if (!cache) contextCache.set(deps.db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && now - hit.at < CACHE_MS) return hit.ctx;
  const ctx = await loadCampaignContext(deps.db, id);
  cache.set(id, { at: now, ctx });
  return ctx;
}

/** Drops a campaign from the cache after a change. */
export function forgetCampaign(deps: Deps, id: number): void {
  contextCache.get(deps.db)?.delete(id);
}

// ---------------------------------------------------------------------------------------------
// Indexes, table, progress, suggestions

function satisfiedLevelsOf(row: repo.CampaignRow): SatisfactionLevel[] {
  return row.satisfied_levels.filter(isSatisfactionLevel);
}

function toSubmissions(rows: repo.AnswerRow[]): SubmissionAnswers[] {
  return rows.map((r) => ({
    unitId: String(r.unit_id),
    fieldId: r.field_id,
    answers: r.answers as Record<string, AnswerValue>,
  }));
}

/** Sample targets and progress per unit and field (only the readable units). */
async function progressOf(
  db: Queryable,
  ctx: CampaignContext,
  unitIds: number[] | null,
): Promise<{ targets: SampleTarget[]; progress: SampleProgress[] }> {
  const [targets, counts] = await Promise.all([
    repo.listTargets(db, ctx.row.id),
    repo.countByUnitField(db, ctx.row.id),
  ]);
  const visible = targets.filter((t) => unitIds === null || unitIds.includes(t.unit_id));
  const computed = sampleTargets(
    visible.map((t) => ({
      unitId: String(t.unit_id),
      fieldId: t.field_id,
      transactions: t.transactions,
    })),
    ctx.row.margin_of_error,
  );
  const collected = new Map(counts.map((c) => [progressKey(String(c.unit_id), c.field_id), c.n]));
  return { targets: computed, progress: sampleProgress(computed, collected) };
}

/** Every index of a campaign for the units the actor may read, with formulas. */
export async function campaignIndexes(
  deps: Deps,
  actor: Actor,
  id: number,
  filter: { unitId?: number | undefined; fieldId?: string | undefined },
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = unitFilter(actor, ctx, filter.unitId);
  const fieldId = filter.fieldId ?? null;
  const [rows, progress] = await Promise.all([
    repo.listAnswers(deps.db, id, unitIds, fieldId),
    progressOf(deps.db, ctx, unitIds),
  ]);
  const submissions = toSubmissions(rows);
  const levels = satisfiedLevelsOf(ctx.row);
  const params = {
    satisfiedLevels: levels,
    overallMethod: ctx.row.overall_method,
    fields: ctx.row.fields,
  };
  const indexes = computeSipasIndexes(ctx.questionnaire, submissions, params);
  const unitName = (uid: string) => ctx.units.find((u) => String(u.unit_id) === uid)?.name ?? uid;
  // The usual alternatives side by side, so a reader sees how the choice of levels matters.
  const alternatives = ([[4], [4, 5]] as SatisfactionLevel[][]).map((satisfiedLevels) => {
    const scope = scopeIndexes(ctx.questionnaire, submissions, {
      satisfiedLevels,
      overallMethod: ctx.row.overall_method,
    });
    return {
      satisfiedLevels,
      satisfiedLabel: satisfiedLevelsLabel(satisfiedLevels),
      overallShare: scope.overallShare,
      elementMean: scope.elementMean,
      published: scope.published.index,
    };
  });
  return {
    campaignId: id,
    unitId: filter.unitId ?? null,
    fieldId,
    satisfiedLevels: levels,
    satisfiedLabel: indexes.satisfiedLabel,
    overallMethod: ctx.row.overall_method,
    overallMethodLabel: OVERALL_METHOD_LABELS[ctx.row.overall_method],
    all: indexes.all,
    byUnit: indexes.byUnit.map((u) => ({
      unitId: Number(u.unitId),
      name: unitName(u.unitId),
      indexes: u.indexes,
    })),
    byField: indexes.byField,
    byUnitField: indexes.byUnitField.map((u) => ({
      unitId: Number(u.unitId),
      fieldId: u.fieldId,
      indexes: u.indexes,
    })),
    table: fieldLevelTable(ctx.questionnaire, submissions, params),
    alternatives,
    progress: progress.progress.map((p, i) => ({
      ...p,
      unitId: Number(p.unitId),
      transactions: progress.targets[i]?.transactions ?? 0,
      sampleFormula: progress.targets[i]?.formula ?? '',
    })),
  };
}

export type CampaignIndexesView = Awaited<ReturnType<typeof campaignIndexes>>;

/** Answers (with suggestions) of the readable units, newest first, searchable. */
export async function listCampaignResponses(
  deps: Deps,
  actor: Actor,
  id: number,
  filter: {
    unitId?: number | undefined;
    fieldId?: string | undefined;
    suggestionsOnly: boolean;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = unitFilter(actor, ctx, filter.unitId);
  const result = await repo.listResponses(deps.db, id, unitIds, {
    fieldId: filter.fieldId ?? null,
    suggestionsOnly: filter.suggestionsOnly,
    q: filter.q?.trim() ? filter.q.trim() : null,
    limit: filter.limit,
    offset: filter.offset,
  });
  return {
    total: result.total,
    items: result.items.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: ctx.units.find((u) => u.unit_id === r.unit_id)?.name ?? String(r.unit_id),
      fieldId: r.field_id,
      channel: r.channel,
      answers: r.answers,
      profile: r.profile,
      suggestion: r.suggestion,
      clientId: r.client_id,
      dossierCode: r.dossier_code,
      paperSerial: r.paper_serial,
      receivedAt: new Date(r.received_at).toISOString(),
    })),
  };
}

/**
 * The PAR survey points of one unit from a SIPAS campaign: survey max × the unit's published index
 * (the campaign feature reads this; null when the unit has no valid answer). No actor: the caller
 * has authorised the read.
 */
export async function surveyPointsForUnit(
  deps: Pick<Deps, 'db'>,
  sipasCampaignId: number,
  unitId: number,
  surveyMaxHundredths: number,
): Promise<SipasSurveyPoints | null> {
  const ctx = await requireContext(deps.db, sipasCampaignId);
  const rows = await repo.listAnswers(deps.db, sipasCampaignId, [unitId], null);
  const scope = scopeIndexes(ctx.questionnaire, toSubmissions(rows), {
    satisfiedLevels: satisfiedLevelsOf(ctx.row),
    overallMethod: ctx.row.overall_method,
  });
  return sipasSurveyPoints(surveyMaxHundredths, scope.published.index);
}

/** Survey points of every readable unit of a campaign, for a given survey max. */
export async function surveyPoints(
  deps: Deps,
  actor: Actor,
  id: number,
  surveyMaxHundredths: number,
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = readableUnitIds(actor, ctx);
  const rows = await repo.listAnswers(deps.db, id, unitIds, null);
  const submissions = toSubmissions(rows);
  const params = {
    satisfiedLevels: satisfiedLevelsOf(ctx.row),
    overallMethod: ctx.row.overall_method,
  };
  return {
    surveyMaxHundredths,
    items: ctx.units
      .filter((u) => unitIds === null || unitIds.includes(u.unit_id))
      .map((u) => {
        const scope = scopeIndexes(
          ctx.questionnaire,
          submissions.filter((s) => s.unitId === String(u.unit_id)),
          params,
        );
        return {
          unitId: u.unit_id,
          name: u.name,
          index: scope.published.index,
          points: sipasSurveyPoints(surveyMaxHundredths, scope.published.index),
        };
      }),
  };
}

async function audit(
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

export { audit as appendSipasAudit, requireContext };
