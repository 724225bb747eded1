/**
 * Checks of self-assessment entries, progress, round-1 entries, explanations and round-2
 * decisions, on the bundled Thái Nguyên commune set (seed 002's items 2.2, 2.3 and 7.2).
 */
import { describe, expect, it } from 'vitest';
import { toHundredths } from '../scoring/decimal.ts';
import {
  checkExplanation,
  checkRound1,
  checkRound1Entry,
  checkRound2,
  checkRound2Decision,
  checkSelfEntry,
  round1Findings,
  selfAssessmentProgress,
  undecidedFindings,
  type Round1Entry,
  type Round2Decision,
  type SelfAssessmentEntry,
} from './assessment.ts';
import { CAMPAIGN, COMMUNE_SET } from './test-factories.ts';

const tree = COMMUNE_SET.tree;
const evidence = [{ id: 'ev-1', title: 'Kế hoạch số 87/KH-UBND' }];
const appraisal = { assignments: CAMPAIGN.assignments, unitKind: 'commune' };

describe('self-assessment entries', () => {
  it('scores a leaf from its rule inputs with the engine’s working', () => {
    const checked = checkSelfEntry(tree, {
      code: '5.2',
      inputs: { rate: { numerator: 6, denominator: 9 } },
      evidence,
    });
    expect(checked).toMatchObject({ score: 100, problems: [] });
    expect(checked.working).toContain('6/9 = 66,7 %');
  });

  it('refuses an entered score above the max', () => {
    const checked = checkSelfEntry(tree, { code: '2.2', inputs: { score: 200 }, evidence });
    expect(checked.score).toBeNull();
    expect(checked.problems).toEqual([
      {
        code: '2.2',
        issue: 'above_max',
        field: 'score',
        message: '“Điểm chấm” 2,00 vượt điểm tối đa 1,50',
      },
    ]);
  });

  it('asks for an explanation where there is no evidence', () => {
    const without: SelfAssessmentEntry = { code: '2.3', inputs: { score: 200 } };
    expect(checkSelfEntry(tree, without).problems).toMatchObject([
      { issue: 'explanation_required', field: 'explanation' },
    ]);
    expect(
      checkSelfEntry(tree, { ...without, explanation: 'Văn bản lưu tại UBND xã' }).problems,
    ).toEqual([]);
  });

  it('allows N/A only where the node or its rule says how it counts', () => {
    const na = { notApplicable: true };
    expect(checkSelfEntry(tree, { code: '4.2.4', inputs: na, evidence })).toMatchObject({
      score: 'na',
      problems: [],
    });
    expect(checkSelfEntry(tree, { code: '2.2', inputs: na, evidence })).toMatchObject({
      score: null,
      problems: [{ issue: 'not_applicable_not_allowed' }],
    });
    // A node-level policy is enough even when the rule itself has none.
    const withNodePolicy = {
      ...tree,
      children: tree.children.map((c) =>
        c.code === '1'
          ? {
              ...c,
              children: c.children.map((n) =>
                n.code === '1.4' ? { ...n, notApplicable: 'zero' as const } : n,
              ),
            }
          : c,
      ),
    };
    expect(checkSelfEntry(withNodePolicy, { code: '1.4', inputs: na, evidence })).toMatchObject({
      score: 'na',
      problems: [],
    });
  });

  it('refuses unknown codes and parents', () => {
    expect(checkSelfEntry(tree, { code: '9.9', inputs: {}, evidence }).problems).toMatchObject([
      { issue: 'unknown_node' },
    ]);
    expect(checkSelfEntry(tree, { code: '2', inputs: {}, evidence }).problems).toMatchObject([
      { issue: 'not_leaf' },
    ]);
  });

  it('names the missing input', () => {
    expect(checkSelfEntry(tree, { code: '1.1.1', inputs: {}, evidence }).problems).toMatchObject([
      { issue: 'invalid_input', field: 'issuedOn' },
    ]);
  });
});

describe('self-assessment progress', () => {
  it('counts leaves done and left, points entered, and what blocks a submission', () => {
    const progress = selfAssessmentProgress(tree, [
      { code: '2.2', inputs: { score: 150 }, evidence },
      { code: '2.3', inputs: { score: 200 }, evidence },
      { code: '7.2', inputs: { score: 50 } }, // no evidence, no explanation
      { code: '2.3', inputs: { score: 100 }, evidence }, // twice
    ]);
    expect(progress.leavesTotal).toBe(83);
    expect(progress.leavesDone).toBe(1);
    expect(progress.leavesLeft).toHaveLength(80);
    expect(progress.leavesLeft[0]).toBe('1.1.1');
    expect(progress.leavesWithProblems).toEqual(['2.3', '7.2']);
    expect(progress.pointsEntered).toBe(toHundredths('4'));
    expect(progress.maxHundredths).toBe(toHundredths('100'));
    expect(progress.blockingProblems).toBe(80 + 2);
    expect(progress.scores.get('7.2')).toBe(50);
  });
});

describe('round 1', () => {
  const entry = (code: string, score: number, reason?: string, userId = 31): Round1Entry => ({
    code,
    score,
    reason,
    appraiserUserId: userId,
  });

  it('needs a reason whenever points are lost (seed 002: 2.2 appraised 1 of 1,5)', () => {
    expect(checkRound1Entry(tree, entry('2.2', 100), appraisal)).toMatchObject([
      { issue: 'reason_required', field: 'reason' },
    ]);
    expect(
      checkRound1Entry(
        tree,
        entry('2.2', 100, 'Không có văn bản QPPL để rà soát, không có báo cáo'),
        appraisal,
      ),
    ).toEqual([]);
    expect(checkRound1Entry(tree, entry('2.2', 150), appraisal)).toEqual([]);
  });

  it('keeps the score within the max and to assigned nodes', () => {
    expect(checkRound1Entry(tree, entry('2.3', 250, 'x'), appraisal)).toMatchObject([
      { issue: 'above_max' },
    ]);
    expect(checkRound1Entry(tree, entry('7.2', 50, 'x'), appraisal)).toMatchObject([
      { issue: 'not_assigned', message: 'Tài khoản không được phân công thẩm định tiêu chí 7.2' },
    ]);
    expect(checkRound1Entry(tree, entry('7.2', 50, 'x', 32), appraisal)).toEqual([]);
    expect(checkRound1(tree, [entry('2.2', 150), entry('2.2', 150)], appraisal)).toMatchObject([
      { issue: 'duplicate' },
    ]);
  });

  it('finds what the unit may explain: scores below its own, and flagged nodes', () => {
    const self = new Map([
      ['2.2', 150],
      ['2.3', 200],
      ['7.2', 50],
      ['1.4', 150],
    ]);
    const findings = round1Findings(self, [
      entry('2.2', 100, 'a'),
      entry('2.3', 150, 'b'),
      entry('7.2', 50, 'c', 32),
      { ...entry('1.4', 150), needsExplanation: true },
    ]);
    expect(findings).toEqual(['2.2', '2.3', '1.4']);
  });
});

describe('explanations and round 2', () => {
  const self = new Map([
    ['2.2', 150],
    ['2.3', 200],
    ['7.2', 50],
  ]);
  const findings = ['2.2', '2.3'];
  const context = { ...appraisal, findings, selfScores: self };
  const decision = (d: Partial<Round2Decision>): Round2Decision => ({
    code: '2.3',
    disposition: 'still_open',
    reason: 'Chưa bổ sung được minh chứng',
    appraiserUserId: 31,
    ...d,
  });

  it('answers findings only, with text', () => {
    expect(checkExplanation({ code: '2.3', text: 'Đã bổ sung' }, findings)).toEqual([]);
    expect(checkExplanation({ code: '7.2', text: ' ' }, findings)).toMatchObject([
      { issue: 'no_finding' },
      { issue: 'text_required' },
    ]);
  });

  it('refuses a decision without a round-1 finding (7.2 was scored as the unit scored it)', () => {
    expect(checkRound2Decision(tree, decision({ code: '7.2' }), context)).toMatchObject([
      { issue: 'no_finding' },
    ]);
  });

  it('needs a reason for every decision and a new score within the max when addressed', () => {
    expect(checkRound2Decision(tree, decision({ reason: '' }), context)).toMatchObject([
      { issue: 'reason_required' },
    ]);
    expect(
      checkRound2Decision(tree, decision({ disposition: 'addressed' }), context),
    ).toMatchObject([{ issue: 'score_required' }]);
    expect(
      checkRound2Decision(tree, decision({ disposition: 'addressed', score: 250 }), context),
    ).toMatchObject([{ issue: 'above_max' }]);
    expect(
      checkRound2Decision(tree, decision({ disposition: 'addressed', score: 200 }), context),
    ).toEqual([]);
    expect(
      checkRound2Decision(tree, decision({ disposition: 'defended', score: 200 }), context),
    ).toMatchObject([{ issue: 'score_not_allowed' }]);
    expect(
      checkRound2Decision(tree, decision({ disposition: 'defended' }), {
        ...context,
        selfScores: new Map(),
      }),
    ).toMatchObject([{ issue: 'self_score_missing' }]);
    expect(checkRound2Decision(tree, decision({ appraiserUserId: 32 }), context)).toMatchObject([
      { issue: 'not_assigned' },
    ]);
  });

  it('decides each finding once and tells which are still undecided', () => {
    const decisions = [decision({}), decision({})];
    expect(checkRound2(tree, decisions, context)).toMatchObject([{ issue: 'duplicate' }]);
    expect(undecidedFindings(findings, decisions)).toEqual(['2.2']);
  });
});
