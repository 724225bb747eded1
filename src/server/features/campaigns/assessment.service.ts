/**
 * A unit's assessment in a campaign: the self-assessment sheet and its autosave, submit, withdraw
 * and reopen; round-1 scoring with the appraiser's queue and the chair's progress view;
 * explanations; round-2 decisions; approval, reopening of a result and publication. Every state
 * change goes through the domain's `transition`; every save checks the entry's version, so the
 * later of two writers gets a 409 naming who saved first.
 */
import type { Actor } from '../../../domain/access.ts';
import {
  checkExplanation,
  checkRound1Entry,
  checkRound2Decision,
  checkSelfEntry,
  round1Findings,
  selfAssessmentProgress,
  undecidedFindings,
  type EntryProblem,
  type Round1Entry,
  type Round2Decision,
  type SelfAssessmentEntry,
} from '../../../domain/campaign/assessment.ts';
import { isAssigned } from '../../../domain/campaign/setup.ts';
import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentEvent,
  type AssessmentStatus,
} from '../../../domain/campaign/workflow.ts';
import {
  NOT_APPLICABLE_INPUT,
  ruleInputs,
  type RuleInputValues,
  type ScoringRule,
} from '../../../domain/scoring/rules.ts';
import { compiledTreeOf, type EnteredScore } from '../../../domain/scoring/tree.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { queueCampaignScan } from '../notifications/scan-queue.ts';
import type { NodeView } from '../criteria/service.ts';
import {
  actionsOn,
  canReadAssessment,
  canSeeAppraisal,
  isStaffFor,
  staffScope,
  worksOnUnit,
} from './policy.ts';
import { requireCoverage } from './coverage.service.ts';
import * as repo from './repository.ts';
import {
  applyTransition,
  auditActor,
  commitTransition,
  loadCampaign,
  participantOf,
  presentParticipant,
  treeFor,
  userIdOf,
  type LoadedCampaign,
} from './service.ts';

// ---------------------------------------------------------------------------------------------
// Entries as the domain sees them

const selfScoreOf = (e: repo.EntryRow): EnteredScore | undefined =>
  e.self_na ? 'na' : (e.self_score_hundredths ?? undefined);

/** Self-assessment entries (those entered through the form). */
export function selfEntriesOf(rows: repo.EntryRow[]): SelfAssessmentEntry[] {
  return rows
    .filter((e) => e.self_inputs !== null)
    .map((e) => ({
      code: e.node_code,
      inputs: e.self_inputs ?? {},
      ...(e.self_explanation ? { explanation: e.self_explanation } : {}),
      evidence: e.self_evidence.map((id) => ({ id: String(id), title: '' })),
    }));
}

/** Self scores by code, whether entered through the form or imported. */
export function selfScoresOf(rows: repo.EntryRow[]): Map<string, EnteredScore> {
  const map = new Map<string, EnteredScore>();
  for (const e of rows) {
    const s = selfScoreOf(e);
    if (s !== undefined) map.set(e.node_code, s);
  }
  return map;
}

export function round1Of(rows: repo.EntryRow[]): Round1Entry[] {
  return rows.flatMap((e) =>
    e.round1_na || e.round1_score_hundredths !== null
      ? [
          {
            code: e.node_code,
            score: e.round1_na ? ('na' as const) : (e.round1_score_hundredths ?? 0),
            ...(e.round1_reason ? { reason: e.round1_reason } : {}),
            needsExplanation: e.round1_needs_explanation,
            appraiserUserId: e.round1_by ?? 0,
          },
        ]
      : [],
  );
}

export function round2Of(rows: repo.EntryRow[]): Round2Decision[] {
  return rows.flatMap((e) =>
    e.round2_disposition
      ? [
          {
            code: e.node_code,
            disposition: e.round2_disposition,
            ...(e.round2_score_hundredths !== null ? { score: e.round2_score_hundredths } : {}),
            reason: e.round2_reason ?? '',
            appraiserUserId: e.round2_by ?? 0,
          },
        ]
      : [],
  );
}

const problemDetails = (problems: EntryProblem[]) =>
  problems.map((p) => ({
    field: p.field,
    key: 'campaign_problem' as const,
    params: { message: p.message },
  }));

function conflictError(code: string, current: repo.EntryRow | undefined): AppError {
  const at = current
    ? new Date(current.updated_at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
    : '';
  return new AppError('conflict', 'campaign_entry_conflict', {
    code,
    by: current?.updated_by_name ?? 'người khác',
    at,
  });
}

/**
 * Checks that every evidence id is a document of the unit's own library (400 naming each wrong
 * one), then records which documents support the node at this step.
 */
async function linkEvidence(
  tx: Queryable,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  code: string,
  step: 'self' | 'explanation',
  ids: number[],
): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await repo.findUnitEvidenceIds(tx, p.unit_id, unique);
  const wrong = ids.flatMap((id, i) => (found.has(id) ? [] : [{ id, i }]));
  if (wrong.length)
    throw new AppError(
      'invalid',
      'validation_failed',
      {},
      wrong.map(({ id, i }) => ({
        field: `evidence.${i}`,
        key: 'campaign_evidence_not_in_library',
        params: { id, unit: p.unit_name },
      })),
    );
  await repo.replaceEvidenceRefs(
    tx,
    { campaignId: c.row.id, participantId: p.id, code },
    step,
    unique,
  );
}

/** Loads campaign, participant (locked) and the unit's entries for a write. */
async function forWrite(tx: Queryable, actor: Actor, campaignId: number, unitId: number) {
  const c = await loadCampaign(tx, campaignId);
  const p = await participantOf(tx, campaignId, unitId, true);
  // Who works on neither side of this unit is refused before its state or versions are told.
  if (!worksOnUnit(actor, p.unit_path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: p.unit_name });
  const entries = await repo.findEntries(tx, [p.id]);
  return { c, p, entries, tree: treeFor(c, p.unit_kind, p.unit_name).tree };
}

async function saveStep(
  tx: Queryable,
  actor: Actor,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  code: string,
  version: number,
  patch: repo.EntryPatch,
  now: Date,
  action: string,
  before: unknown,
): Promise<number> {
  const saved = await repo.saveEntry(
    tx,
    { campaignId: c.row.id, participantId: p.id, code },
    version,
    patch,
    userIdOf(actor),
    now,
  );
  if (saved === null) throw conflictError(code, await repo.findEntry(tx, p.id, code));
  await appendAuditEntry(
    tx,
    {
      ...auditActor(actor),
      action,
      entity: 'campaign_entry',
      entityId: `${p.id}:${code}`,
      unitId: p.unit_id,
      before,
      after: { campaignId: c.row.id, code, ...patch },
    },
    now,
  );
  return saved;
}

// ---------------------------------------------------------------------------------------------
// The sheet

interface SheetNode {
  code: string;
  title: string;
  maxHundredths: number;
  kind: string;
  guidance: string | null;
  evidenceExpected: string | null;
  isLeaf: boolean;
  inputs: ReturnType<typeof ruleInputs>;
  assignedToMe: boolean;
  entry: ReturnType<typeof presentEntry> | null;
  children: SheetNode[];
}

function presentEntry(e: repo.EntryRow, showAppraisal: boolean, working: string | null) {
  return {
    version: e.version,
    self: {
      inputs: e.self_inputs,
      score: e.self_na ? null : e.self_score_hundredths,
      notApplicable: e.self_na,
      working,
      explanation: e.self_explanation,
      evidence: e.self_evidence,
      at: e.self_at ? new Date(e.self_at).toISOString() : null,
    },
    round1:
      showAppraisal && (e.round1_score_hundredths !== null || e.round1_na)
        ? {
            score: e.round1_na ? null : e.round1_score_hundredths,
            notApplicable: e.round1_na,
            reason: e.round1_reason,
            needsExplanation: e.round1_needs_explanation,
            byUserId: e.round1_by,
            at: e.round1_at ? new Date(e.round1_at).toISOString() : null,
          }
        : null,
    explanation:
      e.explanation_text !== null
        ? {
            text: e.explanation_text,
            evidence: e.explanation_evidence,
            at: e.explanation_at ? new Date(e.explanation_at).toISOString() : null,
          }
        : null,
    round2:
      showAppraisal && e.round2_disposition
        ? {
            disposition: e.round2_disposition,
            score: e.round2_score_hundredths,
            reason: e.round2_reason,
            byUserId: e.round2_by,
            at: e.round2_at ? new Date(e.round2_at).toISOString() : null,
          }
        : null,
    updatedAt: new Date(e.updated_at).toISOString(),
    updatedBy: e.updated_by_name ?? null,
  };
}

/** A unit's sheet: the tree with max and rule inputs, its entries, progress and possible actions. */
export async function getSheet(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  locale: Locale = 'vi',
) {
  const c = await loadCampaign(deps.db, campaignId);
  const p = await participantOf(deps.db, campaignId, unitId);
  if (!canReadAssessment(actor, p.unit_path, p.status))
    throw new AppError('forbidden', 'forbidden_unit', { unit: p.unit_name });
  const { tree, nodes } = treeFor(c, p.unit_kind, p.unit_name);
  const entries = await repo.findEntries(deps.db, [p.id]);
  const byCode = new Map(entries.map((e) => [e.node_code, e]));
  const showAppraisal = canSeeAppraisal(actor, p.unit_path, p.status);
  const progress = selfAssessmentProgress(tree, selfEntriesOf(entries));
  const findings = round1Findings(selfScoresOf(entries), round1Of(entries));
  const build = (list: NodeView[]): SheetNode[] =>
    list.map((n) => {
      const e = byCode.get(n.code);
      const leaf = n.children.length === 0;
      const working =
        e && e.self_inputs
          ? checkSelfEntry(tree, {
              code: n.code,
              inputs: e.self_inputs,
              evidence: e.self_evidence.map((id) => ({ id: String(id), title: '' })),
              ...(e.self_explanation ? { explanation: e.self_explanation } : {}),
            }).working
          : null;
      return {
        code: n.code,
        title: n.title,
        maxHundredths: n.maxHundredths,
        kind: n.kind ?? 'normal',
        guidance: n.guidance,
        evidenceExpected: n.evidence,
        isLeaf: leaf,
        inputs: leaf && n.rule ? ruleInputs(n.rule as ScoringRule, n.maxHundredths) : [],
        assignedToMe: isAssigned(c.setup.assignments, actor.userId, p.unit_kind, n.code),
        entry: e ? presentEntry(e, showAppraisal, working) : null,
        children: build(n.children),
      };
    });
  return {
    campaign: { id: c.row.id, name: c.row.name, year: c.row.year, deadlines: c.setup.deadlines },
    participant: presentParticipant(p),
    maxHundredths: tree.maxHundredths,
    nodes: build(nodes),
    progress: {
      leavesTotal: progress.leavesTotal,
      leavesDone: progress.leavesDone,
      leavesLeft: progress.leavesLeft,
      leavesWithProblems: progress.leavesWithProblems,
      problems: progress.problems,
      pointsEntered: progress.pointsEntered,
      maxHundredths: progress.maxHundredths,
      blockingProblems: progress.blockingProblems,
    },
    findings: showAppraisal ? findings : [],
    ...actionsOn(c, p, actor, deps.clock.now(), findings, locale),
  };
}

// ---------------------------------------------------------------------------------------------
// Self-assessment

export interface SelfEntryInput {
  version: number;
  inputs: RuleInputValues;
  explanation?: string | null | undefined;
  evidence?: number[] | undefined;
}

/** Saves one leaf of the self-assessment (autosave), refusing a stale version with a 409. */
export async function saveSelfEntry(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  code: string,
  input: SelfEntryInput,
) {
  return deps.db.transaction(async (tx) => {
    const { c, p, entries, tree } = await forWrite(tx, actor, campaignId, unitId);
    const now = deps.clock.now();
    const outcome = applyTransition(c, p, { type: 'saveDraft' }, actor, now);
    const evidence = input.evidence ?? [];
    const checked = checkSelfEntry(tree, {
      code,
      inputs: input.inputs,
      evidence: evidence.map((id) => ({ id: String(id), title: '' })),
      ...(input.explanation ? { explanation: input.explanation } : {}),
    });
    // Missing evidence is shown in the progress, not refused: the form saves as the user types.
    const refused = checked.problems.filter((pr) => pr.issue !== 'explanation_required');
    if (refused.length)
      throw new AppError('invalid', 'campaign_entry_invalid', { code }, problemDetails(refused));
    const before = entries.find((e) => e.node_code === code);
    const version = await saveStep(
      tx,
      actor,
      c,
      p,
      code,
      input.version,
      {
        self_inputs: input.inputs,
        self_score_hundredths: checked.score === 'na' ? null : checked.score,
        self_na: checked.score === 'na' || input.inputs[NOT_APPLICABLE_INPUT] === true,
        self_explanation: input.explanation ?? null,
        self_evidence: evidence.map(String),
        self_by: userIdOf(actor),
        self_at: now,
      },
      now,
      'campaign.self.save',
      before ? { score: before.self_score_hundredths, na: before.self_na } : null,
    );
    await linkEvidence(tx, c, p, code, 'self', evidence);
    await commitTransition(tx, actor, c, p, outcome, now, { always: false });
    return {
      code,
      version,
      score: checked.score,
      working: checked.working,
      problems: checked.problems,
      status: outcome.state.status,
    };
  });
}

/** The workflow actions on a unit, with what the transition needs computed from its entries. */
export type UnitAction =
  | 'submit'
  | 'withdraw'
  | 'reopen'
  | 'closeRound1'
  | 'lockExplanations'
  | 'approve'
  | 'reopenResult'
  | 'publish';

/** Fires one workflow action on a unit (submit, withdraw, reopen, close round 1, lock, approve, reopen result, publish). */
export async function actOnUnit(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  action: UnitAction,
  input: {
    reason?: string | undefined;
    until?: string | null | undefined;
    version?: number | undefined;
    decisionNumber?: string | undefined;
    decisionDate?: string | undefined;
  } = {},
) {
  return deps.db.transaction(async (tx) => {
    const { c, p, entries, tree } = await forWrite(tx, actor, campaignId, unitId);
    if (input.version !== undefined && input.version !== p.version)
      throw new AppError('conflict', 'conflict');
    const now = deps.clock.now();
    const outcome = applyTransition(c, p, eventFor(action, tree, entries, input), actor, now);
    if (action === 'closeRound1' || action === 'approve') await requireCoverage(tx, c, p, action);
    if (action === 'publish') await checkSurveyBeforePublishing(tx, actor, c, p, input, now);
    await commitTransition(tx, actor, c, p, outcome, now, { always: true });
    // What the unit and its appraisers must be told may have changed.
    await queueCampaignScan(tx, now, campaignId);
    // The decision it is published by, shown on the public page (recorded with the publication).
    if (action === 'publish')
      await repo.setPublicationDecision(
        tx,
        p.id,
        input.decisionNumber ?? null,
        input.decisionDate ?? null,
      );
    const updated = await participantOf(tx, campaignId, unitId);
    return { participant: presentParticipant(updated) };
  });
}

/**
 * A result is published final only with its survey points: while they are not in (the result is
 * provisional), publishing needs a recorded decision to publish without them, with its reason
 * (audited in the same transaction).
 */
async function checkSurveyBeforePublishing(
  tx: Queryable,
  actor: Actor,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  input: { reason?: string | undefined },
  now: Date,
): Promise<void> {
  const set = c.setup.criteriaSets.find((s) => s.unitKind === p.unit_kind);
  if (!set || set.surveyMaxHundredths === null) return;
  const survey = await repo.findSurveyPoints(tx, c.row.id);
  // Points of a sociological survey still open are provisional: not yet the unit's survey points.
  if (survey.some((s) => s.participant_id === p.id && !s.provisional)) return;
  const reason = input.reason?.trim() ?? '';
  if (reason === '')
    throw new AppError('conflict', 'campaign_publish_needs_survey', { unit: p.unit_name });
  await appendAuditEntry(
    tx,
    {
      ...auditActor(actor),
      action: 'campaign.publish_without_survey',
      entity: 'campaign_participant',
      entityId: p.id,
      unitId: p.unit_id,
      after: { campaignId: c.row.id, reason },
    },
    now,
  );
}

function eventFor(
  action: UnitAction,
  tree: ReturnType<typeof treeFor>['tree'],
  entries: repo.EntryRow[],
  input: { reason?: string | undefined; until?: string | null | undefined },
): AssessmentEvent {
  switch (action) {
    case 'submit':
      return {
        type: 'submit',
        blockingProblems: selfAssessmentProgress(tree, selfEntriesOf(entries)).blockingProblems,
      };
    case 'withdraw':
      return { type: 'withdraw' };
    case 'reopen':
      return { type: 'reopen', reason: input.reason ?? '', until: input.until ?? null };
    case 'closeRound1':
      return { type: 'closeRound1' };
    case 'lockExplanations':
      return { type: 'lockExplanations' };
    case 'approve': {
      const findings = round1Findings(selfScoresOf(entries), round1Of(entries));
      return {
        type: 'approve',
        undecidedFindings: undecidedFindings(findings, round2Of(entries)).length,
      };
    }
    case 'reopenResult':
      return { type: 'reopenResult', reason: input.reason ?? '' };
    case 'publish':
      return { type: 'publish' };
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

/** Fires an action on every unit of the campaign where it applies (close round 1, publish…). */
export async function actOnAll(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  action: 'closeRound1' | 'publish' | 'lockExplanations',
  locale: Locale = 'vi',
  decision: { decisionNumber?: string | undefined; decisionDate?: string | undefined } = {},
) {
  const from: Record<typeof action, string[]> = {
    closeRound1: ['round1_in_progress'],
    publish: ['approved'],
    lockExplanations: ['round1_closed', 'explaining'],
  };
  // Only the units the actor works on: the refusals must not list another province's units.
  const all = await repo.findParticipants(deps.db, campaignId);
  const mine = all.filter((p) => worksOnUnit(actor, p.unit_path));
  if (mine.length === 0 && all.length > 0) throw new AppError('forbidden', 'forbidden');
  const participants = mine.filter((p) => from[action].includes(p.status));
  let done = 0;
  const refused: { unitId: number; unitName: string; message: string }[] = [];
  for (const p of participants) {
    try {
      await actOnUnit(deps, actor, campaignId, p.unit_id, action, decision);
      done++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({
        unitId: p.unit_id,
        unitName: p.unit_name,
        message: translate(locale, error.code, error.params),
      });
    }
  }
  return { done, refused };
}

// ---------------------------------------------------------------------------------------------
// Round 1, explanations, round 2

export interface Round1Input {
  version: number;
  scoreHundredths: number | null;
  notApplicable?: boolean | undefined;
  reason?: string | null | undefined;
  needsExplanation?: boolean | undefined;
}

/** Saves an appraiser's round-1 score of one leaf: assigned nodes only, within the max, a reason for lost points. */
export async function saveRound1Entry(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  code: string,
  input: Round1Input,
) {
  return deps.db.transaction(async (tx) => {
    const { c, p, entries, tree } = await forWrite(tx, actor, campaignId, unitId);
    const now = deps.clock.now();
    const outcome = applyTransition(c, p, { type: 'scoreRound1', nodeCode: code }, actor, now);
    const score: EnteredScore | null = input.notApplicable ? 'na' : input.scoreHundredths;
    if (score === null)
      throw new AppError('invalid', 'validation_failed', {}, [
        { field: 'scoreHundredths', key: 'field_required', params: { field: 'scoreHundredths' } },
      ]);
    const problems = checkRound1Entry(
      tree,
      {
        code,
        score,
        ...(input.reason ? { reason: input.reason } : {}),
        needsExplanation: input.needsExplanation ?? false,
        appraiserUserId: actor.userId,
      },
      { assignments: c.setup.assignments, unitKind: p.unit_kind },
    );
    if (problems.length)
      throw new AppError('invalid', 'campaign_entry_invalid', { code }, problemDetails(problems));
    const before = entries.find((e) => e.node_code === code);
    const version = await saveStep(
      tx,
      actor,
      c,
      p,
      code,
      input.version,
      {
        round1_score_hundredths: score === 'na' ? null : score,
        round1_na: score === 'na',
        round1_reason: input.reason?.trim() || null,
        round1_needs_explanation: input.needsExplanation ?? false,
        round1_by: userIdOf(actor),
        round1_at: now,
      },
      now,
      'campaign.round1.save',
      before ? { score: before.round1_score_hundredths, reason: before.round1_reason } : null,
    );
    await commitTransition(tx, actor, c, p, outcome, now, { always: false });
    return { code, version, status: outcome.state.status };
  });
}

/** Saves the unit's explanation of one round-1 finding. */
export async function saveExplanation(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  code: string,
  input: { version: number; text: string; evidence?: number[] | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const { c, p, entries } = await forWrite(tx, actor, campaignId, unitId);
    const now = deps.clock.now();
    const findings = round1Findings(selfScoresOf(entries), round1Of(entries));
    const outcome = applyTransition(
      c,
      p,
      { type: 'explain', nodeCode: code, findings },
      actor,
      now,
    );
    const problems = checkExplanation({ code, text: input.text }, findings);
    if (problems.length)
      throw new AppError('invalid', 'campaign_entry_invalid', { code }, problemDetails(problems));
    const version = await saveStep(
      tx,
      actor,
      c,
      p,
      code,
      input.version,
      {
        explanation_text: input.text.trim(),
        explanation_evidence: (input.evidence ?? []).map(String),
        explanation_by: userIdOf(actor),
        explanation_at: now,
      },
      now,
      'campaign.explanation.save',
      null,
    );
    await linkEvidence(tx, c, p, code, 'explanation', input.evidence ?? []);
    await commitTransition(tx, actor, c, p, outcome, now, { always: false });
    return { code, version, status: outcome.state.status };
  });
}

export interface Round2Input {
  version: number;
  disposition: 'addressed' | 'defended' | 'still_open';
  scoreHundredths?: number | null | undefined;
  reason: string;
}

/** Saves round 2's decision on one round-1 finding. */
export async function saveRound2Decision(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
  code: string,
  input: Round2Input,
) {
  return deps.db.transaction(async (tx) => {
    const { c, p, entries, tree } = await forWrite(tx, actor, campaignId, unitId);
    const now = deps.clock.now();
    const selfScores = selfScoresOf(entries);
    const findings = round1Findings(selfScores, round1Of(entries));
    const outcome = applyTransition(
      c,
      p,
      { type: 'decideRound2', nodeCode: code, findings },
      actor,
      now,
    );
    const decision: Round2Decision = {
      code,
      disposition: input.disposition,
      ...(input.scoreHundredths !== null && input.scoreHundredths !== undefined
        ? { score: input.scoreHundredths }
        : {}),
      reason: input.reason,
      appraiserUserId: actor.userId,
    };
    const problems = checkRound2Decision(tree, decision, {
      assignments: c.setup.assignments,
      unitKind: p.unit_kind,
      findings,
      selfScores,
    });
    if (problems.length)
      throw new AppError('invalid', 'campaign_entry_invalid', { code }, problemDetails(problems));
    const version = await saveStep(
      tx,
      actor,
      c,
      p,
      code,
      input.version,
      {
        round2_disposition: input.disposition,
        round2_score_hundredths: decision.score ?? null,
        round2_reason: input.reason.trim(),
        round2_by: userIdOf(actor),
        round2_at: now,
      },
      now,
      'campaign.round2.save',
      null,
    );
    await commitTransition(tx, actor, c, p, outcome, now, { always: false });
    return { code, version, status: outcome.state.status };
  });
}

// ---------------------------------------------------------------------------------------------
// The appraiser's queue and the chair's progress

const ROUND1_STATUSES = new Set(['submitted', 'round1_in_progress']);
const ROUND2_STATUSES = new Set(['explanations_locked', 'round2_in_progress']);

/** Leaf codes of a set that an appraiser scores. */
function assignedLeaves(c: LoadedCampaign, userId: number, unitKind: string): string[] {
  const t = c.trees.get(unitKind);
  if (!t) return [];
  const compiled = compiledTreeOf(t.tree);
  return Array.from(compiled.leaves, (i) => compiled.codes[i] ?? '').filter((code) =>
    isAssigned(c.setup.assignments, userId, unitKind, code),
  );
}

/**
 * The appraiser's work across units: every assigned leaf of every unit ready for round 1 (or, with
 * `round: 2`, every assigned finding awaiting round 2), paged by the database, with the unit's
 * self score, explanation, evidence and the appraiser's score so far. Each item says whether it is
 * done at this round and whether the unit's round is under way.
 */
export async function appraiserQueue(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  q: {
    round: 1 | 2;
    limit: number;
    offset: number;
    unitId?: number | undefined;
    onlyOpen?: boolean | undefined;
  },
) {
  const c = await loadCampaign(deps.db, campaignId);
  const statuses = q.round === 1 ? ROUND1_STATUSES : ROUND2_STATUSES;
  const inQueue = (await repo.findParticipants(deps.db, campaignId)).filter(
    (p) =>
      statuses.has(p.status) &&
      isStaffFor(actor, p.unit_path) &&
      (q.unitId === undefined || p.unit_id === q.unitId),
  );
  const leavesOf = new Map(
    [...c.trees.keys()].map((kind) => [kind, assignedLeaves(c, actor.userId, kind)]),
  );
  const filter: repo.QueueFilter = {
    round: q.round,
    onlyOpen: q.onlyOpen ?? false,
    leaves: [...leavesOf].flatMap(([kind, codes]) => codes.map((code) => ({ kind, code }))),
  };
  // How many items each unit has: round 1 from the assignment (less what is scored when only the
  // open items are asked), round 2 its findings; counted in one pass over the entries.
  const counted =
    inQueue.length === 0 || (q.round === 1 && !filter.onlyOpen)
      ? new Map<number, number>()
      : await repo.countQueueEntries(deps.db, campaignId, filter);
  const itemsOf = (p: repo.ParticipantRow): number => {
    const assigned = leavesOf.get(p.unit_kind)?.length ?? 0;
    if (q.round === 2) return counted.get(p.id) ?? 0;
    return filter.onlyOpen ? assigned - (counted.get(p.id) ?? 0) : assigned;
  };
  // The units the page spans, and how many items of the first one come before it.
  let total = 0;
  let skip = 0;
  const spanned: repo.ParticipantRow[] = [];
  for (const p of inQueue) {
    const n = itemsOf(p);
    if (n > 0 && total + n > q.offset && total < q.offset + q.limit) {
      if (spanned.length === 0) skip = q.offset - total;
      spanned.push(p);
    }
    total += n;
  }
  const found = await repo.findQueueItems(
    deps.db,
    spanned.map((p) => p.id),
    filter,
  );
  const byParticipant = new Map<number, string[]>();
  for (const i of found) {
    let list = byParticipant.get(i.participant_id);
    if (!list) byParticipant.set(i.participant_id, (list = []));
    list.push(i.code);
  }
  const page = {
    total,
    items: spanned
      .flatMap((p) =>
        (byParticipant.get(p.id) ?? []).map((code) => ({ participant_id: p.id, code })),
      )
      .slice(skip, skip + q.limit),
  };
  const participants = new Map(spanned.map((p) => [p.id, p]));
  const entries = new Map(
    (await repo.findEntriesAt(deps.db, page.items)).map((e) => [
      `${e.participant_id}:${e.node_code}`,
      e,
    ]),
  );
  return {
    total: page.total,
    limit: q.limit,
    offset: q.offset,
    items: page.items.map(({ participant_id, code }) => {
      const p = participants.get(participant_id)!;
      const compiled = compiledTreeOf(c.trees.get(p.unit_kind)!.tree);
      const index = compiled.indexByCode.get(code) ?? 0;
      const e = entries.get(`${participant_id}:${code}`);
      const done =
        q.round === 1
          ? e !== undefined && (e.round1_na || e.round1_score_hundredths !== null)
          : e?.round2_disposition !== null && e?.round2_disposition !== undefined;
      return {
        unitId: p.unit_id,
        unitCode: p.unit_code,
        unitName: p.unit_name,
        status: p.status as AssessmentStatus,
        code,
        title: compiled.nodes[index]?.title ?? '',
        maxHundredths: compiled.max[index] ?? 0,
        version: e?.version ?? 0,
        done,
        unitInProgress: p.status === 'round1_in_progress' || p.status === 'round2_in_progress',
        entry: e ? presentEntry(e, true, null) : null,
      };
    }),
  };
}

/**
 * Round-1 progress per appraiser and unit states, for the council chair and the standing agency:
 * of the campaign's owner, or, on a national campaign, of a province taking part (they see the
 * units of their scope). Counted by the database.
 */
export async function round1Progress(deps: Deps, actor: Actor, campaignId: number) {
  const c = await loadCampaign(deps.db, campaignId);
  const participants = await repo.findParticipants(deps.db, campaignId);
  const scope = isStaffFor(actor, c.row.owner_unit_path) ? null : staffScope(actor);
  const visible =
    scope === null
      ? participants
      : participants.filter((p) => scope.some((path) => p.unit_path.startsWith(path)));
  if (visible.length === 0 && !isStaffFor(actor, c.row.owner_unit_path))
    throw new AppError('forbidden', 'forbidden');
  const users = new Map<number, repo.AssignmentRow>();
  for (const a of c.assignments) if (!users.has(a.user_id)) users.set(a.user_id, a);
  const leaves = [...users.keys()].flatMap((userId) =>
    [...c.trees.keys()].flatMap((kind) =>
      assignedLeaves(c, userId, kind).map((code) => ({ userId, kind, code })),
    ),
  );
  const counts = new Map(
    (
      await repo.countRound1Progress(deps.db, {
        campaignId,
        statuses: [...ROUND1_STATUSES, 'round1_closed'],
        scope,
        leaves,
      })
    ).map((r) => [r.user_id, r]),
  );
  const statusCounts: Record<string, number> = {};
  for (const p of visible) statusCounts[p.status] = (statusCounts[p.status] ?? 0) + 1;
  return {
    appraisers: [...users.values()].map((a) => ({
      userId: a.user_id,
      username: a.username,
      fullName: a.full_name,
      nodeCodes: c.assignments.filter((x) => x.user_id === a.user_id).flatMap((x) => x.node_codes),
      scored: counts.get(a.user_id)?.scored ?? 0,
      total: counts.get(a.user_id)?.total ?? 0,
    })),
    units: visible.map((p) => ({
      ...presentParticipant(p),
      statusLabel: ASSESSMENT_STATUS_LABELS[p.status as AssessmentStatus],
    })),
    statusCounts,
  };
}
