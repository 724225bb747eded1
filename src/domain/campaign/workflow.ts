/**
 * The campaign phases and the per-unit assessment workflow as a state machine: statuses, events,
 * the transition table as data, and one pure `transition` that checks the campaign status, the
 * state, who acts (role on the unit, appraiser assignment) and when (deadlines against a given
 * `now`). It returns the new state and a record for the audit log, or a typed refusal with a
 * stable code, the exact reason and its parameters (from which the server words it in the user's
 * language) and the Vietnamese message.
 *
 * Workflow (DOMAIN.md §1): self-assessment → round-1 appraisal → explanations → round-2 appraisal
 * → council approval → publication. Decisions to confirm with the product owner:
 * - A date deadline lasts to the end of that day in Vietnam time.
 * - Appraisal starts only after the self-assessment deadline, so a unit's right to withdraw until
 *   the deadline never collides with an appraiser's work.
 * - The standing agency may reopen a unit's self-assessment (reason required, optional new
 *   deadline) until round 1 starts on it; after that the self scores stay as submitted.
 * - Closing round 1, approving and reopening a result are the council chair's; publishing is the
 *   standing agency's; a system administrator has no workflow role (separation of duties).
 * - Explanations are locked by the unit before the deadline, or by the standing agency or the
 *   chair after it (an unanswered finding then has no explanation).
 * - Approval needs every round-1 finding decided; only an approved, unpublished result reopens.
 */
import { hasRoleOn, type Actor, type Role } from '../access.ts';
import { assertNever } from '../scoring/rules.ts';
import {
  DEADLINE_LABELS,
  isAssigned,
  isPastDeadline,
  type CampaignDeadlines,
  type CampaignSetup,
  type CampaignUnit,
} from './setup.ts';

// ---------------------------------------------------------------------------------------------
// Campaign phases

/** The phase a campaign is in, from its status and deadlines. */
export type CampaignPhase =
  'setup' | 'self_assessment' | 'round1' | 'explanations' | 'round2' | 'approval' | 'closed';

/** Vietnamese names of the phases. */
export const CAMPAIGN_PHASE_LABELS: Readonly<Record<CampaignPhase, string>> = {
  setup: 'Đang thiết lập',
  self_assessment: 'Tự đánh giá, chấm điểm',
  round1: 'Thẩm định vòng 1',
  explanations: 'Giải trình',
  round2: 'Thẩm định vòng 2',
  approval: 'Hội đồng phê duyệt, công bố',
  closed: 'Đã kết thúc',
};

// Each deadline ends the phase named beside it.
const PHASE_BY_DEADLINE: readonly [keyof CampaignDeadlines, CampaignPhase][] = [
  ['selfAssessment', 'self_assessment'],
  ['round1', 'round1'],
  ['explanations', 'explanations'],
  ['round2', 'round2'],
];

/**
 * The campaign's phase at `now`: by status first, then the first deadline not yet passed. Units
 * may be behind or ahead of it (a reopened unit); their own status is the assessment state.
 */
export function campaignPhase(
  campaign: Pick<CampaignSetup, 'status' | 'deadlines'>,
  now: Date,
): CampaignPhase {
  switch (campaign.status) {
    case 'setup':
      return 'setup';
    case 'closed':
      return 'closed';
    case 'open':
      for (const [key, phase] of PHASE_BY_DEADLINE) {
        if (!isPastDeadline(campaign.deadlines[key], now)) return phase;
      }
      return 'approval';
    default:
      return assertNever(campaign.status);
  }
}

// ---------------------------------------------------------------------------------------------
// Assessment states and events

/** Where one unit's assessment stands. */
export const ASSESSMENT_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'reopened',
  'round1_in_progress',
  'round1_closed',
  'explaining',
  'explanations_locked',
  'round2_in_progress',
  'approved',
  'published',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Vietnamese names of the statuses. */
export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  not_started: 'Chưa tự chấm',
  draft: 'Đang tự chấm',
  submitted: 'Đã nộp tự chấm',
  reopened: 'Được mở lại để tự chấm',
  round1_in_progress: 'Đang thẩm định vòng 1',
  round1_closed: 'Đã chốt thẩm định vòng 1',
  explaining: 'Đang giải trình',
  explanations_locked: 'Đã chốt giải trình',
  round2_in_progress: 'Đang thẩm định vòng 2',
  approved: 'Hội đồng đã phê duyệt',
  published: 'Đã công bố',
};

// How far along the workflow a status is; 'reopened' sits with 'draft' (the unit edits again).
const STAGE: Readonly<Record<AssessmentStatus, number>> = {
  not_started: 0,
  draft: 1,
  reopened: 1,
  submitted: 2,
  round1_in_progress: 3,
  round1_closed: 4,
  explaining: 5,
  explanations_locked: 6,
  round2_in_progress: 7,
  approved: 8,
  published: 9,
};

/** The standing agency's reopening of a self-assessment. */
export interface ReopenNote {
  reason: string;
  byUserId: number;
  /** ISO instant. */
  at: string;
  /** New deadline for this unit (date or instant); null: until round 1 starts. */
  until: string | null;
}

/** One unit's assessment state. */
export interface AssessmentState {
  status: AssessmentStatus;
  /** Set while a reopening lets the unit edit after the deadline; cleared when round 1 starts. */
  reopened: ReopenNote | null;
}

/** The state of a unit that has not started. */
export const INITIAL_ASSESSMENT_STATE: AssessmentState = Object.freeze({
  status: 'not_started',
  reopened: null,
});

/** Something a user does to a unit's assessment. */
export type AssessmentEvent =
  | { type: 'saveDraft' }
  /** `blockingProblems`: problems from selfAssessmentProgress that stop a submission. */
  | { type: 'submit'; blockingProblems: number }
  | { type: 'withdraw' }
  | { type: 'reopen'; reason: string; until?: string | null }
  | { type: 'scoreRound1'; nodeCode: string }
  | { type: 'closeRound1' }
  /** `findings`: codes of the round-1 findings (see round1Findings). */
  | { type: 'explain'; nodeCode: string; findings: readonly string[] }
  | { type: 'lockExplanations' }
  | { type: 'decideRound2'; nodeCode: string; findings: readonly string[] }
  /** `undecidedFindings`: round-1 findings without a round-2 decision. */
  | { type: 'approve'; undecidedFindings: number }
  | { type: 'reopenResult'; reason: string }
  | { type: 'publish' };

export type AssessmentEventType = AssessmentEvent['type'];

/** Stable codes of a refusal; the server maps them to HTTP statuses once. */
export type RefusalCode =
  | 'campaign_not_open'
  | 'forbidden'
  | 'invalid_state'
  | 'locked'
  | 'too_early'
  | 'deadline_passed'
  | 'not_assigned'
  | 'no_finding'
  | 'reason_required'
  | 'incomplete';

/** The exact reason of a refusal, finer than its code: one sentence each in the catalogues. */
export type RefusalReason =
  | 'campaign_not_open'
  | 'campaign_closed'
  | 'forbidden'
  | 'locked'
  | 'locked_withdraw_first'
  | 'invalid_state'
  | 'self_deadline_passed'
  | 'incomplete_submission'
  | 'reason_required'
  | 'reopen_until_passed'
  | 'appraisal_too_early'
  | 'not_assigned'
  | 'no_finding_round2'
  | 'deadline_passed'
  | 'no_finding_explain'
  | 'explanations_deadline_passed'
  | 'explanations_locked_by_staff'
  | 'explanations_too_early'
  | 'undecided_findings';

/** What a refusal's sentence names: the action, the unit's status, a deadline, a criterion, a count. */
export interface RefusalParams {
  event?: AssessmentEventType;
  status?: AssessmentStatus;
  deadline?: keyof CampaignDeadlines;
  nodeCode?: string;
  count?: number;
}

/** Why a transition was refused: a stable code, the exact reason with its parameters, and the
 * Vietnamese sentence (the same as the server catalogue's for that reason). */
export interface Refusal {
  code: RefusalCode;
  reason: RefusalReason;
  params: RefusalParams;
  message: string;
}

/** What the audit log keeps of an accepted transition. */
export interface TransitionRecord {
  event: AssessmentEventType;
  from: AssessmentStatus;
  to: AssessmentStatus;
  byUserId: number;
  role: Role;
  /** ISO instant. */
  at: string;
  reason: string | null;
  nodeCode: string | null;
}

/** The outcome of a transition. */
export type TransitionResult =
  { ok: true; state: AssessmentState; record: TransitionRecord } | { ok: false; refusal: Refusal };

/** A row of the transition table. */
export interface TransitionRule {
  label: string;
  /** Status before → status after. */
  edges: Readonly<Partial<Record<AssessmentStatus, AssessmentStatus>>>;
  /** Roles that may fire it, on the unit or above it. */
  roles: readonly Role[];
  /** The deadline after which it is refused; null: no deadline. */
  deadline: keyof CampaignDeadlines | null;
}

const UNIT_ROLES: readonly Role[] = ['unit_officer', 'unit_head'];

/** The transition table: which event moves which status to which, by whom, until when. */
export const TRANSITIONS: Readonly<Record<AssessmentEventType, TransitionRule>> = {
  saveDraft: {
    label: 'Lưu bản tự chấm',
    edges: { not_started: 'draft', draft: 'draft', reopened: 'reopened' },
    roles: UNIT_ROLES,
    deadline: 'selfAssessment',
  },
  submit: {
    label: 'Nộp bản tự chấm',
    edges: { draft: 'submitted', reopened: 'submitted' },
    roles: UNIT_ROLES,
    deadline: 'selfAssessment',
  },
  withdraw: {
    label: 'Rút lại bản tự chấm',
    // Back to 'reopened' instead when the submission followed a reopening (see transition).
    edges: { submitted: 'draft' },
    roles: UNIT_ROLES,
    deadline: 'selfAssessment',
  },
  reopen: {
    label: 'Mở lại tự chấm cho đơn vị',
    edges: { not_started: 'reopened', draft: 'reopened', submitted: 'reopened' },
    roles: ['standing_agency'],
    deadline: null,
  },
  scoreRound1: {
    label: 'Chấm thẩm định vòng 1',
    edges: { submitted: 'round1_in_progress', round1_in_progress: 'round1_in_progress' },
    roles: ['appraiser'],
    deadline: 'round1',
  },
  closeRound1: {
    label: 'Chốt thẩm định vòng 1',
    edges: { round1_in_progress: 'round1_closed' },
    roles: ['council_chair'],
    deadline: null,
  },
  explain: {
    label: 'Giải trình',
    edges: { round1_closed: 'explaining', explaining: 'explaining' },
    roles: UNIT_ROLES,
    deadline: 'explanations',
  },
  lockExplanations: {
    label: 'Chốt giải trình',
    edges: { round1_closed: 'explanations_locked', explaining: 'explanations_locked' },
    // The unit locks before the deadline; the others only after it (checked in transition).
    roles: [...UNIT_ROLES, 'standing_agency', 'council_chair'],
    deadline: null,
  },
  decideRound2: {
    label: 'Thẩm định vòng 2',
    edges: { explanations_locked: 'round2_in_progress', round2_in_progress: 'round2_in_progress' },
    roles: ['appraiser'],
    deadline: 'round2',
  },
  approve: {
    label: 'Hội đồng phê duyệt kết quả',
    edges: { explanations_locked: 'approved', round2_in_progress: 'approved' },
    roles: ['council_chair'],
    deadline: null,
  },
  reopenResult: {
    label: 'Mở lại kết quả đã phê duyệt',
    edges: { approved: 'round2_in_progress' },
    roles: ['council_chair'],
    deadline: null,
  },
  publish: {
    label: 'Công bố kết quả',
    edges: { approved: 'published' },
    roles: ['standing_agency'],
    deadline: null,
  },
};

/** Who acts, on which unit of which campaign, and when. */
export interface TransitionContext {
  campaign: Pick<CampaignSetup, 'status' | 'deadlines' | 'assignments'>;
  unit: Pick<CampaignUnit, 'id' | 'kind' | 'path'>;
  actor: Actor;
  now: Date;
}

const refuse = (
  code: RefusalCode,
  reason: RefusalReason,
  params: RefusalParams,
  message: string,
): TransitionResult => ({ ok: false, refusal: { code, reason, params, message } });

/** The events the table allows from a status, whoever acts; for showing the possible actions. */
export function eventsFrom(status: AssessmentStatus): AssessmentEventType[] {
  return (Object.keys(TRANSITIONS) as AssessmentEventType[]).filter(
    (type) => TRANSITIONS[type].edges[status] !== undefined,
  );
}

/**
 * Applies an event to a unit's assessment state: checks the campaign is open, the status allows
 * the event, the actor holds a role for it on the unit (and, for appraisers, is assigned the
 * node), the deadline, and the event's own data (reason, findings, completeness).
 */
export function transition(
  state: AssessmentState,
  event: AssessmentEvent,
  context: TransitionContext,
): TransitionResult {
  const { campaign, unit, actor, now } = context;
  const rule = TRANSITIONS[event.type];
  if (campaign.status === 'setup') {
    return refuse('campaign_not_open', 'campaign_not_open', {}, 'Đợt đánh giá chưa mở');
  }
  if (campaign.status === 'closed') {
    return refuse('locked', 'campaign_closed', {}, 'Đợt đánh giá đã kết thúc; không thể thay đổi');
  }

  let to = rule.edges[state.status];
  if (to === undefined) return refuseByState(state.status, event.type);

  const role = rule.roles.find((r) => hasRoleOn(actor, r, unit.path));
  if (role === undefined) {
    return refuse(
      'forbidden',
      'forbidden',
      { event: event.type },
      `Tài khoản không có quyền “${rule.label.toLowerCase()}” ở đơn vị này`,
    );
  }

  const selfDeadlinePassed = isPastDeadline(campaign.deadlines.selfAssessment, now);
  // A reopening replaces the self-assessment deadline for this unit with its own (or none).
  const selfOpen = (): boolean =>
    state.reopened !== null
      ? state.reopened.until === null || !isPastDeadline(state.reopened.until, now)
      : !selfDeadlinePassed;

  let reason: string | null = null;
  let nodeCode: string | null = null;
  let reopened = state.reopened;

  switch (event.type) {
    case 'saveDraft':
    case 'submit':
    case 'withdraw':
      if (!selfOpen()) {
        return refuse(
          'deadline_passed',
          'self_deadline_passed',
          {},
          'Đã hết hạn tự đánh giá, chấm điểm; chỉ cơ quan thường trực mới mở lại được cho đơn vị',
        );
      }
      if (event.type === 'submit' && event.blockingProblems > 0) {
        return refuse(
          'incomplete',
          'incomplete_submission',
          { count: event.blockingProblems },
          `Bản tự chấm còn ${event.blockingProblems} nội dung chưa hoàn thành; chưa nộp được`,
        );
      }
      if (event.type === 'withdraw' && state.reopened !== null) to = 'reopened';
      break;
    case 'reopen':
    case 'reopenResult': {
      reason = event.reason.trim();
      if (reason === '') {
        return refuse('reason_required', 'reason_required', {}, 'Phải nêu lý do mở lại');
      }
      if (event.type === 'reopen') {
        const until = event.until ?? null;
        if (until !== null && isPastDeadline(until, now)) {
          return refuse('deadline_passed', 'reopen_until_passed', {}, 'Hạn mới cho đơn vị đã qua');
        }
        reopened = { reason, byUserId: actor.userId, at: now.toISOString(), until };
      }
      break;
    }
    case 'scoreRound1':
    case 'decideRound2': {
      nodeCode = event.nodeCode;
      if (event.type === 'scoreRound1' && !selfDeadlinePassed) {
        return refuse(
          'too_early',
          'appraisal_too_early',
          {},
          'Chưa hết hạn tự đánh giá, chấm điểm; đơn vị còn có thể rút lại để sửa nên chưa thẩm định',
        );
      }
      if (!isAssigned(campaign.assignments, actor.userId, unit.kind, event.nodeCode)) {
        return refuse(
          'not_assigned',
          'not_assigned',
          { nodeCode: event.nodeCode },
          `Tài khoản không được phân công thẩm định tiêu chí ${event.nodeCode}`,
        );
      }
      if (event.type === 'decideRound2' && !event.findings.includes(event.nodeCode)) {
        return refuse(
          'no_finding',
          'no_finding_round2',
          { nodeCode: event.nodeCode },
          `Tiêu chí ${event.nodeCode} không có kết luận thẩm định vòng 1 để xem xét lại; vòng 2 chỉ xét các kết luận của vòng 1`,
        );
      }
      reopened = null;
      const deadline = rule.deadline;
      if (deadline !== null && isPastDeadline(campaign.deadlines[deadline], now)) {
        return refuse(
          'deadline_passed',
          'deadline_passed',
          { deadline },
          `Đã qua ${DEADLINE_LABELS[deadline].toLowerCase()}`,
        );
      }
      break;
    }
    case 'explain':
      nodeCode = event.nodeCode;
      if (!event.findings.includes(event.nodeCode)) {
        return refuse(
          'no_finding',
          'no_finding_explain',
          { nodeCode: event.nodeCode },
          `Tiêu chí ${event.nodeCode} không có kết luận thẩm định vòng 1 cần giải trình`,
        );
      }
      if (isPastDeadline(campaign.deadlines.explanations, now)) {
        return refuse(
          'deadline_passed',
          'explanations_deadline_passed',
          {},
          'Đã hết hạn giải trình',
        );
      }
      break;
    case 'lockExplanations': {
      const passed = isPastDeadline(campaign.deadlines.explanations, now);
      const byUnit = UNIT_ROLES.includes(role);
      if (byUnit && passed) {
        return refuse(
          'deadline_passed',
          'explanations_locked_by_staff',
          {},
          'Đã hết hạn giải trình; cơ quan thường trực hoặc Chủ tịch Hội đồng chốt giải trình',
        );
      }
      if (!byUnit && !passed) {
        return refuse(
          'too_early',
          'explanations_too_early',
          {},
          'Chưa hết hạn giải trình; đơn vị còn đang giải trình',
        );
      }
      break;
    }
    case 'approve':
      if (event.undecidedFindings > 0) {
        return refuse(
          'incomplete',
          'undecided_findings',
          { count: event.undecidedFindings },
          `Còn ${event.undecidedFindings} kết luận vòng 1 chưa được thẩm định vòng 2`,
        );
      }
      break;
    case 'closeRound1':
    case 'publish':
      break;
    default:
      return assertNever(event);
  }

  return {
    ok: true,
    state: { status: to, reopened },
    record: {
      event: event.type,
      from: state.status,
      to,
      byUserId: actor.userId,
      role,
      at: now.toISOString(),
      reason,
      nodeCode,
    },
  };
}

// The status is outside the event's edges: past them means locked, before them means too soon.
function refuseByState(status: AssessmentStatus, type: AssessmentEventType): TransitionResult {
  const rule = TRANSITIONS[type];
  const stages = Object.keys(rule.edges).map((s) => STAGE[s as AssessmentStatus]);
  const latest = Math.max(...stages);
  const now = ASSESSMENT_STATUS_LABELS[status].toLowerCase();
  if (STAGE[status] > latest) {
    // A submitted self-assessment is only locked until the unit withdraws it.
    const withdrawFirst = status === 'submitted' && type === 'saveDraft';
    const hint = withdrawFirst ? '; hãy rút lại để sửa' : '';
    return refuse(
      'locked',
      withdrawFirst ? 'locked_withdraw_first' : 'locked',
      { event: type, status },
      `Không thể ${rule.label.toLowerCase()}: hồ sơ ${now}${hint}`,
    );
  }
  return refuse(
    'invalid_state',
    'invalid_state',
    { event: type, status },
    `Chưa thể ${rule.label.toLowerCase()}: hồ sơ ${now}`,
  );
}

/** What the possible actions of one user on one unit are computed from. */
export interface PossibleEventsData {
  /** Leaf codes of the unit's criteria set (an appraiser may act when assigned one of them). */
  leafCodes: readonly string[];
  /** Codes of the round-1 findings (see round1Findings). */
  findings: readonly string[];
}

/** An event the state allows but this user may not fire now, with the reason. */
export interface RefusedEvent {
  event: AssessmentEventType;
  refusal: Refusal;
}

// Refusals that depend on what the user still has to provide (a reason, a complete sheet, every
// finding decided): the action is possible, the user will be told what is missing when firing it.
const PENDING_INPUT: ReadonlySet<RefusalCode> = new Set(['reason_required', 'incomplete']);
// Refusals not worth a word on a screen: the action is simply not the user's (or has no object).
const NOT_SHOWN: ReadonlySet<RefusalCode> = new Set(['forbidden', 'not_assigned', 'no_finding']);

/**
 * The events THIS actor may fire on this unit now (role on the unit, assignment, deadlines,
 * campaign status), by dry-running `transition` on each event the status allows; plus the events
 * the status allows that are refused to the actor for another reason than their role (a deadline,
 * a lock), with the refusal, so a screen can say why. Node events (score, explain, decide) are
 * possible when one node qualifies.
 */
export function possibleEvents(
  state: AssessmentState,
  context: TransitionContext,
  data: PossibleEventsData,
): { events: AssessmentEventType[]; refused: RefusedEvent[] } {
  const events: AssessmentEventType[] = [];
  const refused: RefusedEvent[] = [];
  const { assignments } = context.campaign;
  const { actor, unit } = context;
  const assigned = (codes: readonly string[]) =>
    codes.find((c) => isAssigned(assignments, actor.userId, unit.kind, c));
  for (const type of eventsFrom(state.status)) {
    let event: AssessmentEvent;
    switch (type) {
      case 'saveDraft':
      case 'withdraw':
      case 'closeRound1':
      case 'lockExplanations':
      case 'publish':
        event = { type };
        break;
      case 'submit':
        event = { type, blockingProblems: 0 };
        break;
      case 'reopen':
      case 'reopenResult':
        event = { type, reason: '' };
        break;
      case 'approve':
        event = { type, undecidedFindings: 0 };
        break;
      case 'scoreRound1':
        event = { type, nodeCode: assigned(data.leafCodes) ?? data.leafCodes[0] ?? '' };
        break;
      case 'decideRound2':
        event = {
          type,
          nodeCode: assigned(data.findings) ?? data.findings[0] ?? '',
          findings: data.findings,
        };
        break;
      case 'explain':
        event = { type, nodeCode: data.findings[0] ?? '', findings: data.findings };
        break;
      default:
        return assertNever(type);
    }
    const result = transition(state, event, context);
    if (result.ok || PENDING_INPUT.has(result.refusal.code)) events.push(type);
    else if (!NOT_SHOWN.has(result.refusal.code))
      refused.push({ event: type, refusal: result.refusal });
  }
  return { events, refused };
}
