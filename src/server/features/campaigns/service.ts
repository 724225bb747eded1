/**
 * Campaign set-up use-cases (create, edit, add units, assign appraisers, open) and what every
 * other campaign use-case shares: loading a campaign as the domain's `CampaignSetup`, mapping the
 * workflow's refusals to application errors, and moving a unit's state through `transition`.
 */
import type { Actor } from '../../../domain/access.ts';
import { permissionsOf } from '../../../domain/access.ts';
import {
  validateCampaign,
  deadlineEnd,
  DEADLINE_ORDER,
  type AppraiserAssignment,
  type CampaignDeadlines,
  type CampaignSetup,
  type CampaignUnit,
} from '../../../domain/campaign/setup.ts';
import {
  ASSESSMENT_STATUS_LABELS,
  CAMPAIGN_PHASE_LABELS,
  campaignPhase,
  transition,
  type AssessmentEvent,
  type AssessmentStatus,
  type Refusal,
  type TransitionRecord,
} from '../../../domain/campaign/workflow.ts';
import { validateClassBands, type ClassBand } from '../../../domain/scoring/index.ts';
import { bandsFor } from '../../../domain/campaign/results.ts';
import { validateTree, type CriteriaNode } from '../../../domain/scoring/tree.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { queueCampaignScan } from '../notifications/scan-queue.ts';
import {
  buildTree,
  findNodes,
  findSet,
  freezeSet,
  toDomainTree,
  type NodeView,
} from '../criteria/service.ts';
import { findUnit, findUnits, findUnitsByCodes } from '../units/service.ts';
import {
  actionsOn,
  canManageCampaign,
  canReadAssessment,
  canSeeAppraisal,
  runsCampaign,
  seesParticipant,
} from './policy.ts';
import type { LoadedCampaign } from './loaded-campaign.ts';
import { refusalKey, refusalParams } from './refusals.ts';
import * as repo from './repository.ts';

/** What other features read of the campaigns' rows (the home page's tasks), through this service. */
export {
  findEntries,
  findParticipants,
  listCampaigns as listCampaignRows,
  type CampaignRow,
} from './repository.ts';

export const auditActor = (actor: Actor) => ({
  actorId: actor.userId > 0 ? actor.userId : null,
  actorName: actor.username,
});
export const userIdOf = (actor: Actor): number | null => (actor.userId > 0 ? actor.userId : null);

export type { LoadedCampaign } from './loaded-campaign.ts';

export function deadlinesOf(row: repo.CampaignRow): CampaignDeadlines {
  return {
    selfAssessment: row.deadline_self_assessment,
    round1: row.deadline_round1,
    explanations: row.deadline_explanations,
    round2: row.deadline_round2,
    publication: row.deadline_publication,
  };
}

export function toDomainAssignments(rows: repo.AssignmentRow[]): AppraiserAssignment[] {
  return rows.map((a) => ({
    userId: a.user_id,
    nodeCodes: a.node_codes,
    ...(a.unit_kind ? { unitKind: a.unit_kind } : {}),
  }));
}

/** Loads a campaign with its sets and assignments; 404 when missing. */
export async function loadCampaign(
  db: Queryable,
  id: number,
  options: { lock?: boolean; units?: CampaignUnit[] } = {},
): Promise<LoadedCampaign> {
  const row = await repo.findCampaign(db, id, options.lock ?? false);
  if (!row) throw notFound('entity_campaign');
  const sets = await repo.findCampaignSets(db, id);
  const trees = new Map<string, { tree: CriteriaNode; nodes: NodeView[] }>();
  for (const s of sets) {
    const nodes = buildTree(await findNodes(db, s.criteria_set_id));
    trees.set(s.unit_kind, { tree: toDomainTree(s.set_name, nodes), nodes });
  }
  const assignments = await repo.findAssignments(db, id);
  const setup: CampaignSetup = {
    id: String(row.id),
    year: row.year,
    name: row.name,
    status: row.status,
    units: options.units ?? [],
    criteriaSets: sets.map((s) => ({
      id: String(s.criteria_set_id),
      unitKind: s.unit_kind,
      tree: trees.get(s.unit_kind)!.tree,
      surveyMaxHundredths: s.survey_max_hundredths,
      ...(s.bands ? { bands: s.bands } : {}),
      ...(s.set_bands && s.set_bands.length > 0 ? { setBands: s.set_bands } : {}),
    })),
    deadlines: deadlinesOf(row),
    surveySource: row.survey_source,
    bands: row.bands ?? [],
    assignments: toDomainAssignments(assignments),
  };
  return { row, sets, trees, assignments, setup };
}

/** The tree of a unit kind's set; 400 when the campaign has none for it. */
export function treeFor(
  c: LoadedCampaign,
  unitKind: string,
  unitName = '',
): { tree: CriteriaNode; nodes: NodeView[] } {
  const t = c.trees.get(unitKind);
  if (!t)
    throw new AppError('invalid', 'campaign_unit_kind_missing', { unit: unitName, kind: unitKind });
  return t;
}

/**
 * A workflow refusal as an application error: its code, a fitting status, and its sentence as a
 * catalogue reference with its parameters (worded in the request's language when presented).
 */
export function refusalError(refusal: Refusal): AppError {
  const kind =
    refusal.code === 'forbidden' || refusal.code === 'not_assigned'
      ? 'forbidden'
      : refusal.code === 'reason_required' || refusal.code === 'no_finding'
        ? 'invalid'
        : 'conflict';
  return new AppError(kind, `workflow_${refusal.code}`, {
    ...refusalParams(refusal),
    message: `@${refusalKey(refusal)}`,
  });
}

/** Runs the domain transition for a participant or throws its refusal. */
export function applyTransition(
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  event: AssessmentEvent,
  actor: Actor,
  now: Date,
): {
  state: { status: AssessmentStatus; reopened: repo.ParticipantRow['reopened'] };
  record: TransitionRecord;
} {
  const result = transition({ status: p.status as AssessmentStatus, reopened: p.reopened }, event, {
    campaign: c.setup,
    unit: { id: String(p.unit_id), kind: p.unit_kind, path: p.unit_path },
    actor,
    now,
  });
  if (!result.ok) throw refusalError(result.refusal);
  return { state: result.state, record: result.record };
}

/** Writes a participant's new state when it changed (version-checked) and audits the transition. */
export async function commitTransition(
  tx: Queryable,
  actor: Actor,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  outcome: ReturnType<typeof applyTransition>,
  now: Date,
  audit: { always: boolean; extra?: Record<string, unknown> },
): Promise<void> {
  const changed =
    outcome.state.status !== p.status ||
    JSON.stringify(outcome.state.reopened) !== JSON.stringify(p.reopened);
  if (changed) {
    if (
      !(await repo.updateParticipantState(tx, p.id, p.version, outcome.state, userIdOf(actor), now))
    )
      throw new AppError('conflict', 'conflict');
  }
  if (changed || audit.always) {
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: `campaign.${outcome.record.event}`,
        entity: 'campaign_participant',
        entityId: p.id,
        unitId: p.unit_id,
        before: { status: p.status },
        after: { ...outcome.record, campaignId: c.row.id, ...audit.extra },
      },
      now,
    );
  }
}

/** A participant of a campaign by unit id; 404 when the unit does not take part. */
export async function participantOf(
  tx: Queryable,
  campaignId: number,
  unitId: number,
  lock = false,
): Promise<repo.ParticipantRow> {
  const p = await repo.findParticipant(tx, campaignId, unitId, lock);
  if (!p) throw notFound('entity_campaign_unit');
  return p;
}

// ---------------------------------------------------------------------------------------------
// Presenting

export function presentCampaign(row: repo.CampaignRow, now: Date) {
  const phase = campaignPhase({ status: row.status, deadlines: deadlinesOf(row) }, now);
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    status: row.status,
    phase,
    phaseLabel: CAMPAIGN_PHASE_LABELS[phase],
    deadlines: deadlinesOf(row),
    surveySource: row.survey_source,
    bands: row.bands,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    appraisingUnitId: row.appraising_unit_id,
    appraisingUnitName: row.appraising_unit_name,
    appraisingUnitCode: row.appraising_unit_code,
    version: row.version,
    openedAt: row.opened_at ? new Date(row.opened_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function presentParticipant(p: repo.ParticipantRow) {
  return {
    unitId: p.unit_id,
    unitCode: p.unit_code,
    unitName: p.unit_name,
    unitKind: p.unit_kind,
    status: p.status as AssessmentStatus,
    statusLabel: ASSESSMENT_STATUS_LABELS[p.status as AssessmentStatus],
    reopened: p.reopened,
    version: p.version,
  };
}

/** Lists campaigns (every signed-in user may see which campaigns exist). */
export async function listCampaigns(deps: Deps) {
  const now = deps.clock.now();
  const rows = await repo.listCampaigns(deps.db);
  return { items: rows.map((r) => ({ ...presentCampaign(r, now), participants: r.participants })) };
}

/**
 * One campaign: set-up, sets, assignments, participants and whether the actor may manage it; the
 * assignments and every participant for those who run it, else the participants their grants reach
 * (policy `runsCampaign`). Each participant carries what the actor may do on it and why not, and,
 * for those who may see the unit's appraisal, the criteria the appraisers asked it to explain and why its approved result
 * was reopened (while it is being decided again).
 */
export async function getCampaign(
  deps: Deps,
  actor: Actor,
  id: number,
  db: Queryable = deps.db,
  locale: Locale = 'vi',
) {
  const c = await loadCampaign(db, id);
  const appraising =
    c.row.appraising_unit_id === null ? undefined : await findUnit(db, c.row.appraising_unit_id);
  const runs = runsCampaign(actor, {
    ownerPath: c.row.owner_unit_path,
    appraisingPath: appraising?.path ?? null,
    assignedUserIds: c.assignments.map((a) => a.user_id),
  });
  // Who takes part, how far they are, why they were reopened and who appraises them are for those
  // who run the campaign; anyone else sees the units their grants reach.
  const participants = (await repo.findParticipants(db, id)).filter(
    (p) => runs || seesParticipant(actor, p.unit_path),
  );
  const seesAppraisal = (p: repo.ParticipantRow) =>
    canReadAssessment(actor, p.unit_path, p.status) &&
    canSeeAppraisal(actor, p.unit_path, p.status);
  const requests = await repo.findExplanationRequests(db, id);
  const reopenedResults = await repo.findResultReopenings(
    db,
    participants.filter((p) => p.status === 'round2_in_progress' && seesAppraisal(p)),
  );
  return {
    campaign: presentCampaign(c.row, deps.clock.now()),
    criteriaSets: c.sets.map((s) => ({
      unitKind: s.unit_kind,
      criteriaSetId: s.criteria_set_id,
      name: s.set_name,
      surveyMaxHundredths: s.survey_max_hundredths,
      bands: s.bands,
      // The bands the kind's results use: the campaign's, else the set's, else the defaults.
      bandsInUse: bandsFor(
        c.setup.criteriaSets.find((x) => x.unitKind === s.unit_kind)!,
        c.setup,
      ),
      maxHundredths: c.trees.get(s.unit_kind)?.tree.maxHundredths ?? 0,
    })),
    assignments: (runs ? c.assignments : []).map((a) => ({
      userId: a.user_id,
      username: a.username,
      fullName: a.full_name,
      nodeCodes: a.node_codes,
      unitKind: a.unit_kind,
    })),
    participants: participants.map((p) => ({
      ...presentParticipant(p),
      ...actionsOn(c, p, actor, deps.clock.now(), [], locale),
      explanationRequested: seesAppraisal(p) ? (requests.get(p.id) ?? []) : [],
      resultReopened: reopenedResults.get(p.id) ?? null,
    })),
    canManage: canManageCampaign(actor, c.row.owner_unit_path),
  };
}

// ---------------------------------------------------------------------------------------------
// Set-up

export interface CampaignSetInput {
  unitKind: string;
  criteriaSetId: number;
  /** undefined: the set's own survey share. */
  surveyMaxHundredths?: number | null | undefined;
  bands?: ClassBand[] | null | undefined;
}

export interface CampaignInput {
  name: string;
  year: number;
  ownerUnitId: number | null;
  /** The appraising agency's unit; null: the owner unit appraises; absent on an edit: unchanged. */
  appraisingUnitId?: number | null | undefined;
  deadlines: CampaignDeadlines;
  surveySource: 'entered' | 'imported' | 'sipas';
  bands: ClassBand[] | null;
  criteriaSets: CampaignSetInput[];
}

function checkInput(input: Omit<CampaignInput, 'criteriaSets' | 'ownerUnitId'>): void {
  const errors: ErrorDetail[] = [];
  for (const key of DEADLINE_ORDER) {
    if (Number.isNaN(deadlineEnd(input.deadlines[key])))
      errors.push({
        field: `deadlines.${key}`,
        key: 'field_format',
        params: { field: `deadlines.${key}` },
      });
  }
  if (input.bands)
    for (const m of validateClassBands(input.bands))
      errors.push({ field: 'bands', key: 'campaign_problem', params: { message: m } });
  if (errors.length) throw new AppError('invalid', 'validation_failed', {}, errors);
}

/** Checks, freezes and stores the sets of a campaign (using a set freezes it). */
async function attachSets(
  tx: Queryable,
  campaignId: number,
  sets: CampaignSetInput[],
  now: Date,
): Promise<void> {
  const seen = new Set<string>();
  const values: Parameters<typeof repo.replaceCampaignSets>[2] = [];
  for (const [i, s] of sets.entries()) {
    const set = await findSet(tx, s.criteriaSetId);
    if (!set)
      throw new AppError('invalid', 'not_found', { what: '@entity_criteria_set' }, [
        {
          field: `criteriaSets.${i}.criteriaSetId`,
          key: 'not_found',
          params: { what: '@entity_criteria_set' },
        },
      ]);
    const unitKind = s.unitKind || set.unit_kind;
    if (seen.has(unitKind))
      throw new AppError('invalid', 'validation_failed', {}, [
        {
          field: `criteriaSets.${i}.unitKind`,
          key: 'field_invalid',
          params: { field: `criteriaSets.${i}.unitKind` },
        },
      ]);
    seen.add(unitKind);
    if (set.status === 'draft') {
      const tree = toDomainTree(set.name, buildTree(await findNodes(tx, set.id)));
      const problems = validateTree(tree);
      if (problems.length)
        throw new AppError('invalid', 'campaign_set_has_problems', {
          name: set.name,
          count: problems.length,
        });
      await freezeSet(tx, set.id, now);
    }
    values.push({
      unitKind,
      criteriaSetId: set.id,
      surveyMaxHundredths:
        s.surveyMaxHundredths === undefined ? set.survey_max_hundredths : s.surveyMaxHundredths,
      bands: s.bands ?? null,
    });
  }
  await repo.replaceCampaignSets(tx, campaignId, values);
}

async function ownerPath(
  tx: Queryable,
  actor: Actor,
  ownerUnitId: number | null,
): Promise<{ id: number | null; path: string | null }> {
  let id = ownerUnitId;
  // A provincial agency that names no unit runs the campaign for its own unit.
  if (id === null && !canManageCampaign(actor, null)) {
    id =
      actor.grants.find((g) => permissionsOf(g.role).includes('campaign.manage'))?.unitId ?? null;
  }
  if (id === null) return { id: null, path: null };
  const unit = await findUnit(tx, id);
  if (!unit)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'ownerUnitId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  return { id, path: unit.path };
}

/**
 * Checks the appraising agency named for a campaign: an existing unit, the owner unit or one
 * under it (a national campaign may name any unit). Field errors name `appraisingUnitId`.
 */
async function checkAppraisingUnit(
  tx: Queryable,
  appraisingUnitId: number | null,
  ownerPath: string | null,
): Promise<void> {
  if (appraisingUnitId === null) return;
  const unit = await findUnit(tx, appraisingUnitId);
  if (!unit)
    throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
      { field: 'appraisingUnitId', key: 'not_found', params: { what: '@entity_unit' } },
    ]);
  if (ownerPath !== null && !unit.path.startsWith(ownerPath))
    throw new AppError('invalid', 'campaign_appraising_unit_outside', { unit: unit.name }, [
      {
        field: 'appraisingUnitId',
        key: 'campaign_appraising_unit_outside',
        params: { unit: unit.name },
      },
    ]);
}

/** Creates a campaign in set-up with its criteria sets (frozen by this use). */
export async function createCampaign(
  deps: Deps,
  actor: Actor,
  input: CampaignInput,
): Promise<number> {
  checkInput(input);
  return deps.db.transaction(async (tx) => {
    const owner = await ownerPath(tx, actor, input.ownerUnitId);
    if (!canManageCampaign(actor, owner.path)) throw new AppError('forbidden', 'forbidden');
    await checkAppraisingUnit(tx, input.appraisingUnitId ?? null, owner.path);
    const now = deps.clock.now();
    const id = await repo.insertCampaign(
      tx,
      { ...input, ownerUnitId: owner.id },
      userIdOf(actor),
      now,
    );
    await attachSets(tx, id, input.criteriaSets, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.create',
        entity: 'campaign',
        entityId: id,
        unitId: owner.id,
        after: { ...input, ownerUnitId: owner.id },
      },
      now,
    );
    return id;
  });
}

/** Loads a campaign for a set-up change by someone allowed to manage it. */
async function requireManageable(
  tx: Queryable,
  actor: Actor,
  id: number,
): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(tx, id, true);
  if (!row) throw notFound('entity_campaign');
  if (!canManageCampaign(actor, row.owner_unit_path)) throw new AppError('forbidden', 'forbidden');
  if (row.status === 'closed')
    throw new AppError('conflict', 'campaign_closed', { name: row.name });
  return row;
}

/**
 * Edits a campaign (name, year, deadlines, survey source, bands; its sets and its appraising agency
 * only while in set-up).
 */
export async function updateCampaign(
  deps: Deps,
  actor: Actor,
  id: number,
  input: Omit<CampaignInput, 'ownerUnitId' | 'criteriaSets'> & {
    version: number;
    criteriaSets?: CampaignSetInput[] | undefined;
  },
  locale: Locale = 'vi',
) {
  checkInput(input);
  return deps.db.transaction(async (tx) => {
    const before = await requireManageable(tx, actor, id);
    const now = deps.clock.now();
    if (input.criteriaSets) {
      const current = await repo.findCampaignSets(tx, id);
      const same =
        current.length === input.criteriaSets.length &&
        input.criteriaSets.every((s) =>
          current.some(
            (c) =>
              c.criteria_set_id === s.criteriaSetId &&
              c.unit_kind === s.unitKind &&
              (s.surveyMaxHundredths === undefined ||
                s.surveyMaxHundredths === c.survey_max_hundredths),
          ),
        );
      if (!same) {
        if (before.status !== 'setup')
          throw new AppError('conflict', 'campaign_not_setup', { name: before.name });
        await attachSets(tx, id, input.criteriaSets, now);
      }
    }
    const appraisingUnitId =
      input.appraisingUnitId === undefined ? before.appraising_unit_id : input.appraisingUnitId;
    if (appraisingUnitId !== before.appraising_unit_id) {
      // Who appraises is settled before anyone starts: it changes only while in set-up.
      if (before.status !== 'setup')
        throw new AppError('conflict', 'campaign_appraising_unit_locked', { name: before.name }, [
          {
            field: 'appraisingUnitId',
            key: 'campaign_appraising_unit_locked',
            params: { name: before.name },
          },
        ]);
      await checkAppraisingUnit(tx, appraisingUnitId, before.owner_unit_path);
    }
    const values = { ...input, ownerUnitId: before.owner_unit_id, appraisingUnitId };
    if (!(await repo.updateCampaign(tx, id, input.version, values, userIdOf(actor), now)))
      throw new AppError('conflict', 'conflict');
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.update',
        entity: 'campaign',
        entityId: id,
        unitId: before.owner_unit_id,
        before: {
          name: before.name,
          year: before.year,
          deadlines: deadlinesOf(before),
          appraisingUnitId: before.appraising_unit_id,
        },
        after: { ...input, appraisingUnitId },
      },
      now,
    );
    // Deadlines moved may make a notice due at once (of an open campaign; the scan skips the rest).
    await queueCampaignScan(tx, now, id);
    return getCampaign(deps, actor, id, tx, locale);
  });
}

/** Adds units by id or code; each must have a criteria set for its kind. */
export async function addParticipants(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { unitIds?: number[] | undefined; unitCodes?: string[] | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    const sets = await repo.findCampaignSets(tx, id);
    const kinds = new Set(sets.map((s) => s.unit_kind));
    const errors: ErrorDetail[] = [];
    const units: { id: number; kind: string }[] = [];
    const accept = (u: { id: number; kind: string; name: string; path: string }, field: string) => {
      if (!kinds.has(u.kind))
        errors.push({
          field,
          key: 'campaign_unit_kind_missing',
          params: { unit: u.name, kind: u.kind },
        });
      else if (row.owner_unit_path && !u.path.startsWith(row.owner_unit_path))
        errors.push({ field, key: 'forbidden_unit', params: { unit: u.name } });
      else units.push({ id: u.id, kind: u.kind });
    };
    const ids = input.unitIds ?? [];
    const found = new Map((await findUnits(tx, ids)).map((u) => [u.id, u]));
    ids.forEach((uid, i) => {
      const u = found.get(uid);
      if (!u)
        errors.push({ field: `unitIds.${i}`, key: 'not_found', params: { what: '@entity_unit' } });
      else accept(u, `unitIds.${i}`);
    });
    const codes = input.unitCodes ?? [];
    const byCode = await findUnitsByCodes(tx, codes);
    codes.forEach((code, i) => {
      const u = byCode.get(code);
      if (!u)
        errors.push({
          field: `unitCodes.${i}`,
          key: 'not_found',
          params: { what: `${'đơn vị'} «${code}»` },
        });
      else accept(u, `unitCodes.${i}`);
    });
    if (errors.length) throw new AppError('invalid', 'validation_failed', {}, errors);
    const now = deps.clock.now();
    const added = await repo.insertParticipants(tx, id, units, userIdOf(actor), now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.participants.add',
        entity: 'campaign',
        entityId: id,
        unitId: row.owner_unit_id,
        after: { unitIds: added },
      },
      now,
    );
    return {
      added: added.length,
      participants: (await repo.findParticipants(tx, id)).map(presentParticipant),
    };
  });
}

/** Removes a unit that has entered nothing yet. */
export async function removeParticipant(
  deps: Deps,
  actor: Actor,
  id: number,
  unitId: number,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    await participantOf(tx, id, unitId);
    if (!(await repo.deleteParticipant(tx, id, unitId))) throw new AppError('conflict', 'conflict');
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.participants.remove',
        entity: 'campaign',
        entityId: id,
        unitId: row.owner_unit_id,
        before: { unitId },
      },
      deps.clock.now(),
    );
  });
}

export interface AssignmentInput {
  userId?: number | undefined;
  username?: string | undefined;
  nodeCodes: string[];
  unitKind?: string | null | undefined;
}

/** Replaces who appraises which criteria; codes must exist in the sets they apply to. */
export async function assignAppraisers(
  deps: Deps,
  actor: Actor,
  id: number,
  input: AssignmentInput[],
  locale: Locale = 'vi',
) {
  return deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    const byName = await repo.findUsersByUsername(
      tx,
      input.flatMap((a) => (a.username ? [a.username] : [])),
    );
    const errors: ErrorDetail[] = [];
    const list = input.flatMap((a, i) => {
      const userId = a.userId ?? (a.username ? byName.get(a.username.toLowerCase()) : undefined);
      if (userId === undefined) {
        errors.push({
          field: `assignments.${i}.${a.username ? 'username' : 'userId'}`,
          key: 'not_found',
          params: { what: '@entity_user' },
        });
        return [];
      }
      return [{ userId, nodeCodes: a.nodeCodes, unitKind: a.unitKind ?? null }];
    });
    if (errors.length) throw new AppError('invalid', 'validation_failed', {}, errors);
    const c = await loadCampaign(tx, id);
    const problems = validateCampaign({
      ...c.setup,
      units: [{ id: 'x', name: 'x', kind: c.setup.criteriaSets[0]?.unitKind ?? '', path: '/' }],
      assignments: list.map((a) => ({
        userId: a.userId,
        nodeCodes: a.nodeCodes,
        ...(a.unitKind ? { unitKind: a.unitKind } : {}),
      })),
    }).filter((p) => p.field.startsWith('assignments'));
    if (problems.length)
      throw new AppError(
        'invalid',
        'validation_failed',
        {},
        problems.map((p) => ({
          field: p.field.replace(/\[(\d+)\]/g, '.$1'),
          key: 'campaign_problem',
          params: { message: p.message },
        })),
      );
    const now = deps.clock.now();
    await repo.replaceAssignments(tx, id, list);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.assign',
        entity: 'campaign',
        entityId: id,
        unitId: row.owner_unit_id,
        after: { assignments: list },
      },
      now,
    );
    return getCampaign(deps, actor, id, tx, locale);
  });
}

/** Opens a campaign after checking its whole set-up (units, sets, deadlines in order, bands, assignments). */
export async function openCampaign(deps: Deps, actor: Actor, id: number, locale: Locale = 'vi') {
  return deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    if (row.status !== 'setup')
      throw new AppError('conflict', 'campaign_not_setup', { name: row.name });
    const participants = await repo.findParticipants(tx, id);
    const c = await loadCampaign(tx, id, {
      units: participants.map((p) => ({
        id: String(p.unit_id),
        name: p.unit_name,
        kind: p.unit_kind,
        path: p.unit_path,
      })),
    });
    const problems = validateCampaign(c.setup);
    if (problems.length) {
      throw new AppError(
        'invalid',
        'campaign_invalid',
        { count: problems.length },
        problems.map((p) => ({
          field: p.field.replace(/\[(\d+)\]/g, '.$1'),
          key: 'campaign_problem',
          params: { message: p.message },
        })),
      );
    }
    const now = deps.clock.now();
    await repo.setCampaignStatus(tx, id, 'open', userIdOf(actor), now);
    // Opening may make a deadline notice due at once.
    await queueCampaignScan(tx, now, id);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.open',
        entity: 'campaign',
        entityId: id,
        unitId: row.owner_unit_id,
        after: { units: participants.length },
      },
      now,
    );
    return getCampaign(deps, actor, id, tx, locale);
  });
}

/** Closes a campaign: nothing changes after this. */
export async function closeCampaign(deps: Deps, actor: Actor, id: number, locale: Locale = 'vi') {
  return deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    const now = deps.clock.now();
    await repo.setCampaignStatus(tx, id, 'closed', userIdOf(actor), now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.close',
        entity: 'campaign',
        entityId: id,
        unitId: row.owner_unit_id,
      },
      now,
    );
    return getCampaign(deps, actor, id, tx, locale);
  });
}

/** Sets a unit's survey points (standing agency), within the set's survey max. */
export async function setSurveyPoints(
  deps: Deps,
  actor: Actor,
  id: number,
  unitId: number,
  points: number,
) {
  return deps.db.transaction(async (tx) => {
    const row = await requireManageable(tx, actor, id);
    const p = await participantOf(tx, id, unitId, true);
    const set = (await repo.findCampaignSets(tx, id)).find((s) => s.unit_kind === p.unit_kind);
    if (!set || set.survey_max_hundredths === null)
      throw new AppError('invalid', 'campaign_survey_not_configured');
    if (points > set.survey_max_hundredths) {
      throw new AppError(
        'invalid',
        'campaign_survey_above_max',
        { points: points / 100, max: set.survey_max_hundredths / 100 },
        [
          {
            field: 'pointsHundredths',
            key: 'campaign_survey_above_max',
            params: { points: points / 100, max: set.survey_max_hundredths / 100 },
          },
        ],
      );
    }
    const now = deps.clock.now();
    await repo.saveSurveyPoints(tx, id, p.id, points, row.survey_source, userIdOf(actor), now);
    await queueCampaignScan(tx, now, id);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.survey.save',
        entity: 'campaign_participant',
        entityId: p.id,
        unitId,
        after: { pointsHundredths: points },
      },
      now,
    );
    return { unitId, pointsHundredths: points };
  });
}

/**
 * Appraiser accounts the standing agency may assign in this campaign (the appraiser role on the
 * owner unit, above it or inside it; any when the campaign is national), with what each is
 * assigned now.
 */
export async function listAppraiserAccounts(deps: Deps, actor: Actor, id: number) {
  const row = await repo.findCampaign(deps.db, id);
  if (!row) throw notFound('entity_campaign');
  if (!canManageCampaign(actor, row.owner_unit_path)) throw new AppError('forbidden', 'forbidden');
  const assigned = await repo.findAssignments(deps.db, id);
  return {
    items: (await repo.findAppraiserAccounts(deps.db, row.owner_unit_path)).map((u) => ({
      userId: u.user_id,
      username: u.username,
      fullName: u.full_name,
      unitId: u.unit_id,
      unitName: u.unit_name,
      assignedNodeCodes: assigned
        .filter((a) => a.user_id === u.user_id)
        .flatMap((a) => a.node_codes),
    })),
  };
}
