/**
 * The per-unit assessment workflow: the whole path from a blank self-assessment to publication,
 * and each refusal a user can meet (deadline, lock, role, assignment, reason, finding).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access.ts';
import {
  AGENCY,
  APPRAISER,
  APPRAISER_7,
  at,
  CAMPAIGN,
  CHAIR,
  KIM_PHUONG,
  OFFICER,
  actorWith,
} from './test-factories.ts';
import {
  ASSESSMENT_STATUSES,
  campaignPhase,
  eventsFrom,
  INITIAL_ASSESSMENT_STATE,
  TRANSITIONS,
  transition,
  type AssessmentEvent,
  type AssessmentState,
  type AssessmentStatus,
  type TransitionResult,
} from './workflow.ts';

const BEFORE = at('2023-01-10');
const AFTER_SELF = at('2023-01-20');
const AFTER_ROUND1 = at('2023-02-20');
const AFTER_EXPLANATIONS = at('2023-03-05');
const AFTER_ROUND2 = at('2023-03-20');

function run(state: AssessmentState, event: AssessmentEvent, actor: Actor, now: Date) {
  return transition(state, event, { campaign: CAMPAIGN, unit: KIM_PHUONG, actor, now });
}

function ok(result: TransitionResult): AssessmentState {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
  return result.state;
}

const state = (status: AssessmentStatus): AssessmentState => ({ status, reopened: null });

describe('the assessment workflow', () => {
  it('goes from a blank self-assessment to a published result', () => {
    let s = INITIAL_ASSESSMENT_STATE;
    s = ok(run(s, { type: 'saveDraft' }, OFFICER, BEFORE));
    expect(s.status).toBe('draft');
    s = ok(run(s, { type: 'submit', blockingProblems: 0 }, OFFICER, BEFORE));
    expect(s.status).toBe('submitted');
    s = ok(run(s, { type: 'scoreRound1', nodeCode: '2.3' }, APPRAISER, AFTER_SELF));
    expect(s.status).toBe('round1_in_progress');
    s = ok(run(s, { type: 'scoreRound1', nodeCode: '7.2' }, APPRAISER_7, AFTER_SELF));
    s = ok(run(s, { type: 'closeRound1' }, CHAIR, AFTER_ROUND1));
    expect(s.status).toBe('round1_closed');
    const findings = ['2.3'];
    s = ok(run(s, { type: 'explain', nodeCode: '2.3', findings }, OFFICER, AFTER_ROUND1));
    expect(s.status).toBe('explaining');
    s = ok(run(s, { type: 'lockExplanations' }, OFFICER, AFTER_ROUND1));
    expect(s.status).toBe('explanations_locked');
    s = ok(
      run(s, { type: 'decideRound2', nodeCode: '2.3', findings }, APPRAISER, AFTER_EXPLANATIONS),
    );
    expect(s.status).toBe('round2_in_progress');
    s = ok(run(s, { type: 'approve', undecidedFindings: 0 }, CHAIR, AFTER_ROUND2));
    expect(s.status).toBe('approved');
    s = ok(run(s, { type: 'publish' }, AGENCY, AFTER_ROUND2));
    expect(s.status).toBe('published');
  });

  it('records who acted, as which role, when, and why', () => {
    const result = run(
      state('submitted'),
      { type: 'reopen', reason: 'Sai sót số liệu' },
      AGENCY,
      AFTER_SELF,
    );
    expect(result).toMatchObject({
      ok: true,
      state: {
        status: 'reopened',
        reopened: { reason: 'Sai sót số liệu', byUserId: 21, until: null },
      },
      record: {
        event: 'reopen',
        from: 'submitted',
        to: 'reopened',
        byUserId: 21,
        role: 'standing_agency',
        at: '2023-01-20T02:00:00.000Z',
        reason: 'Sai sót số liệu',
      },
    });
  });

  it('lets the unit withdraw and edit until the deadline, then locks it', () => {
    const submitted = state('submitted');
    expect(run(submitted, { type: 'saveDraft' }, OFFICER, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'locked', message: expect.stringContaining('hãy rút lại để sửa') },
    });
    const withdrawn = ok(run(submitted, { type: 'withdraw' }, OFFICER, BEFORE));
    expect(withdrawn.status).toBe('draft');
    expect(run(withdrawn, { type: 'saveDraft' }, OFFICER, AFTER_SELF)).toMatchObject({
      ok: false,
      refusal: { code: 'deadline_passed' },
    });
    expect(run(submitted, { type: 'withdraw' }, OFFICER, AFTER_SELF)).toMatchObject({
      ok: false,
      refusal: { code: 'deadline_passed' },
    });
  });

  it('counts the whole deadline day in Vietnam time', () => {
    const draft = state('draft');
    expect(run(draft, { type: 'saveDraft' }, OFFICER, at('2023-01-15', '23:59')).ok).toBe(true);
    expect(run(draft, { type: 'saveDraft' }, OFFICER, at('2023-01-16', '00:00'))).toMatchObject({
      refusal: { code: 'deadline_passed' },
    });
  });

  it('refuses a submission with blocking problems', () => {
    expect(
      run(state('draft'), { type: 'submit', blockingProblems: 3 }, OFFICER, BEFORE),
    ).toMatchObject({
      ok: false,
      refusal: {
        code: 'incomplete',
        message: 'Bản tự chấm còn 3 nội dung chưa hoàn thành; chưa nộp được',
      },
    });
  });

  it('after the deadline only the standing agency reopens one unit, with a reason', () => {
    const submitted = state('submitted');
    expect(run(submitted, { type: 'reopen', reason: '  ' }, AGENCY, AFTER_SELF)).toMatchObject({
      ok: false,
      refusal: { code: 'reason_required', message: 'Phải nêu lý do mở lại' },
    });
    expect(run(submitted, { type: 'reopen', reason: 'x' }, OFFICER, AFTER_SELF)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    const reopened = ok(
      run(submitted, { type: 'reopen', reason: 'Bổ sung minh chứng' }, AGENCY, AFTER_SELF),
    );
    expect(reopened.status).toBe('reopened');
    const edited = ok(run(reopened, { type: 'saveDraft' }, OFFICER, AFTER_SELF));
    expect(edited.status).toBe('reopened');
    const resubmitted = ok(
      run(edited, { type: 'submit', blockingProblems: 0 }, OFFICER, AFTER_SELF),
    );
    // A withdrawal after a reopening goes back to the reopened state, not to an expired draft.
    expect(ok(run(resubmitted, { type: 'withdraw' }, OFFICER, AFTER_SELF)).status).toBe('reopened');
  });

  it('holds a reopened unit to its new deadline when one is given', () => {
    const reopened = ok(
      run(
        state('draft'),
        { type: 'reopen', reason: 'Gia hạn', until: '2023-01-25' },
        AGENCY,
        AFTER_SELF,
      ),
    );
    expect(run(reopened, { type: 'saveDraft' }, OFFICER, at('2023-01-25', '20:00')).ok).toBe(true);
    expect(run(reopened, { type: 'saveDraft' }, OFFICER, at('2023-01-26'))).toMatchObject({
      refusal: { code: 'deadline_passed' },
    });
    expect(
      run(
        state('draft'),
        { type: 'reopen', reason: 'Gia hạn', until: '2023-01-18' },
        AGENCY,
        AFTER_SELF,
      ),
    ).toMatchObject({ refusal: { code: 'deadline_passed' } });
  });

  it('no longer reopens a self-assessment once round 1 has started', () => {
    expect(
      run(state('round1_in_progress'), { type: 'reopen', reason: 'x' }, AGENCY, AFTER_SELF),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'locked' },
    });
  });

  it('lets an appraiser score only the nodes assigned to them, after the self-assessment deadline', () => {
    const submitted = state('submitted');
    expect(
      run(submitted, { type: 'scoreRound1', nodeCode: '7.2' }, APPRAISER, AFTER_SELF),
    ).toMatchObject({
      ok: false,
      refusal: {
        code: 'not_assigned',
        message: 'Tài khoản không được phân công thẩm định tiêu chí 7.2',
      },
    });
    expect(
      run(submitted, { type: 'scoreRound1', nodeCode: '2.3' }, APPRAISER, BEFORE),
    ).toMatchObject({
      refusal: { code: 'too_early' },
    });
    expect(
      run(submitted, { type: 'scoreRound1', nodeCode: '2.3' }, APPRAISER, AFTER_ROUND1),
    ).toMatchObject({
      refusal: { code: 'deadline_passed' },
    });
    expect(
      run(submitted, { type: 'scoreRound1', nodeCode: '2.3' }, OFFICER, AFTER_SELF),
    ).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    const outside = actorWith(31, 'appraiser', '/2/');
    expect(
      run(submitted, { type: 'scoreRound1', nodeCode: '2.3' }, outside, AFTER_SELF),
    ).toMatchObject({
      refusal: { code: 'forbidden' },
    });
  });

  it('refuses a round-2 decision without a round-1 finding', () => {
    const locked = state('explanations_locked');
    expect(
      run(
        locked,
        { type: 'decideRound2', nodeCode: '2.2', findings: ['2.3'] },
        APPRAISER,
        AFTER_EXPLANATIONS,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'no_finding' } });
    expect(
      run(
        state('round1_closed'),
        { type: 'explain', nodeCode: '2.2', findings: ['2.3'] },
        OFFICER,
        AFTER_ROUND1,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'no_finding' } });
  });

  it('locks explanations by the unit before the deadline, by the agency or chair after it', () => {
    const explaining = state('explaining');
    expect(
      run(explaining, { type: 'lockExplanations' }, OFFICER, AFTER_EXPLANATIONS),
    ).toMatchObject({
      refusal: { code: 'deadline_passed' },
    });
    expect(run(explaining, { type: 'lockExplanations' }, AGENCY, AFTER_ROUND1)).toMatchObject({
      refusal: { code: 'too_early' },
    });
    expect(
      ok(run(explaining, { type: 'lockExplanations' }, CHAIR, AFTER_EXPLANATIONS)).status,
    ).toBe('explanations_locked');
    expect(
      run(
        explaining,
        { type: 'explain', nodeCode: '2.3', findings: ['2.3'] },
        OFFICER,
        AFTER_EXPLANATIONS,
      ),
    ).toMatchObject({
      refusal: { code: 'deadline_passed' },
    });
  });

  it('approves only when every finding is decided; reopening a result needs the chair and a reason', () => {
    const deciding = state('round2_in_progress');
    expect(
      run(deciding, { type: 'approve', undecidedFindings: 2 }, CHAIR, AFTER_ROUND2),
    ).toMatchObject({
      refusal: { code: 'incomplete' },
    });
    expect(
      run(deciding, { type: 'approve', undecidedFindings: 0 }, AGENCY, AFTER_ROUND2),
    ).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    const approved = state('approved');
    expect(
      run(
        approved,
        { type: 'decideRound2', nodeCode: '2.3', findings: ['2.3'] },
        APPRAISER,
        AFTER_EXPLANATIONS,
      ),
    ).toMatchObject({
      refusal: { code: 'locked' },
    });
    expect(run(approved, { type: 'reopenResult', reason: '' }, CHAIR, AFTER_ROUND2)).toMatchObject({
      refusal: { code: 'reason_required' },
    });
    expect(
      run(approved, { type: 'reopenResult', reason: 'Sai sót' }, AGENCY, AFTER_ROUND2),
    ).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    expect(
      ok(run(approved, { type: 'reopenResult', reason: 'Sai sót cộng điểm' }, CHAIR, AFTER_ROUND2))
        .status,
    ).toBe('round2_in_progress');
    expect(
      run(state('published'), { type: 'reopenResult', reason: 'x' }, CHAIR, AFTER_ROUND2),
    ).toMatchObject({
      refusal: { code: 'locked' },
    });
  });

  it('tells an action that comes too soon from one that comes too late', () => {
    expect(
      run(INITIAL_ASSESSMENT_STATE, { type: 'closeRound1' }, CHAIR, AFTER_ROUND1),
    ).toMatchObject({
      refusal: { code: 'invalid_state' },
    });
    expect(run(state('published'), { type: 'saveDraft' }, OFFICER, BEFORE)).toMatchObject({
      refusal: { code: 'locked' },
    });
  });

  it('does nothing while the campaign is being set up or after it closed', () => {
    const context = { unit: KIM_PHUONG, actor: OFFICER, now: BEFORE };
    expect(
      transition(
        INITIAL_ASSESSMENT_STATE,
        { type: 'saveDraft' },
        { ...context, campaign: { ...CAMPAIGN, status: 'setup' } },
      ),
    ).toMatchObject({ refusal: { code: 'campaign_not_open' } });
    expect(
      transition(
        INITIAL_ASSESSMENT_STATE,
        { type: 'saveDraft' },
        { ...context, campaign: { ...CAMPAIGN, status: 'closed' } },
      ),
    ).toMatchObject({ refusal: { code: 'locked' } });
  });

  it('gives a system administrator no workflow role', () => {
    const admin = actorWith(1, 'system_admin', null);
    for (const type of ['saveDraft', 'closeRound1', 'publish'] as const) {
      const status = Object.keys(TRANSITIONS[type].edges)[0] as AssessmentStatus;
      expect(run(state(status), { type }, admin, AFTER_ROUND2)).toMatchObject({
        refusal: { code: 'forbidden' },
      });
    }
  });

  it('has a table whose edges only name known statuses, and reaches every status', () => {
    const reached = new Set<AssessmentStatus>(['not_started']);
    for (const rule of Object.values(TRANSITIONS)) {
      for (const [from, to] of Object.entries(rule.edges)) {
        expect(ASSESSMENT_STATUSES).toContain(from);
        expect(ASSESSMENT_STATUSES).toContain(to);
        reached.add(to);
      }
    }
    expect([...reached].sort()).toEqual([...ASSESSMENT_STATUSES].sort());
    expect(eventsFrom('submitted')).toEqual(['withdraw', 'reopen', 'scoreRound1']);
    expect(eventsFrom('published')).toEqual([]);
  });
});

describe('campaign phases', () => {
  it('follows the status, then the first deadline not yet passed', () => {
    expect(campaignPhase({ ...CAMPAIGN, status: 'setup' }, BEFORE)).toBe('setup');
    expect(campaignPhase(CAMPAIGN, BEFORE)).toBe('self_assessment');
    expect(campaignPhase(CAMPAIGN, AFTER_SELF)).toBe('round1');
    expect(campaignPhase(CAMPAIGN, AFTER_ROUND1)).toBe('explanations');
    expect(campaignPhase(CAMPAIGN, AFTER_EXPLANATIONS)).toBe('round2');
    expect(campaignPhase(CAMPAIGN, AFTER_ROUND2)).toBe('approval');
    expect(campaignPhase({ ...CAMPAIGN, status: 'closed' }, BEFORE)).toBe('closed');
  });
});
