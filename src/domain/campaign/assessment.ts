/**
 * Checks of what users enter in a campaign, node by node, and the progress of a self-assessment:
 * - self-assessment: the rule's inputs scored by the engine (scoreNode), N/A only where the node
 *   or its rule allows it, evidence or else a written explanation;
 * - round 1: a score within the node's max, a reason for every lost point, assigned nodes only;
 * - explanations: one per round-1 finding, with text;
 * - round 2: a decision on an existing round-1 finding, with a reason, and a new score within the
 *   max when the finding is addressed.
 *
 * Decisions to confirm with the product owner:
 * - A round-1 finding is a node the appraiser scored below the unit's own score (or whose N/A the
 *   appraiser changed), or flagged "needs explanation". A node scored the same as the unit's own
 *   lost score (seed 002's 7.2: self 0,5, appraised 0,5) keeps its reason but is not a finding:
 *   the unit did not claim those points, so there is nothing to explain or decide.
 * - Appraisers score leaves directly (no rule inputs) in both rounds; a self-assessment always
 *   goes through the rule's inputs (for a judgement rule the input is the score itself).
 * - Every leaf of a self-assessment needs evidence or an explanation, whatever its score.
 */
import { formatPoints } from '../scoring/decimal.ts';
import { NOT_APPLICABLE_INPUT, scoreNode, type RuleInputValues } from '../scoring/rules.ts';
import {
  compiledTreeOf,
  effectiveNotApplicable,
  rollUp,
  type CompiledTree,
  type CriteriaNode,
  type EnteredScore,
} from '../scoring/tree.ts';
import { isAssigned, type AppraiserAssignment, type UnitKind } from './setup.ts';

/** A reference to a stored evidence document (tài liệu kiểm chứng). */
export interface EvidenceRef {
  id: string;
  title: string;
}

/** What a unit officer enters for one leaf. */
export interface SelfAssessmentEntry {
  code: string;
  /** The rule's inputs (ruleInputs); `notApplicable: true` marks the node N/A. */
  inputs: RuleInputValues;
  /** Required when there is no evidence. */
  explanation?: string;
  evidence?: readonly EvidenceRef[];
}

/** An appraiser's round-1 score for one leaf. */
export interface Round1Entry {
  code: string;
  score: EnteredScore;
  /** Required whenever points are lost (score below the max, or N/A scored 0). */
  reason?: string;
  /** Asks the unit to explain even when the score is not below its own. */
  needsExplanation?: boolean;
  appraiserUserId: number;
}

/** The unit's answer to one round-1 finding. */
export interface ExplanationEntry {
  code: string;
  text: string;
  evidence?: readonly EvidenceRef[];
}

/** How round 2 settles a round-1 finding. */
export type Round2Disposition = 'addressed' | 'defended' | 'still_open';

/** Vietnamese names of the round-2 dispositions. */
export const ROUND2_DISPOSITION_LABELS: Readonly<Record<Round2Disposition, string>> = {
  addressed: 'Đã khắc phục',
  defended: 'Giải trình được chấp nhận',
  still_open: 'Giữ kết quả vòng 1',
};

/** A round-2 decision on one round-1 finding. */
export interface Round2Decision {
  code: string;
  disposition: Round2Disposition;
  /** The new score; required for (and only for) 'addressed'. */
  score?: number;
  reason: string;
  appraiserUserId: number;
}

/** Stable codes of entry problems. */
export type EntryIssue =
  | 'unknown_node'
  | 'not_leaf'
  | 'duplicate'
  | 'invalid_input'
  | 'above_max'
  | 'not_applicable_not_allowed'
  | 'explanation_required'
  | 'reason_required'
  | 'text_required'
  | 'score_required'
  | 'score_not_allowed'
  | 'self_score_missing'
  | 'not_assigned'
  | 'no_finding';

/** A problem with one entry, located at a node and a field. */
export interface EntryProblem {
  code: string;
  issue: EntryIssue;
  /** The input key or field: 'score', 'rate', 'explanation', 'reason', … */
  field: string;
  message: string;
}

/** A self-assessment entry after checking: its score, how it was computed, its problems. */
export interface CheckedSelfEntry {
  code: string;
  /** null when the inputs do not give a score. */
  score: EnteredScore | null;
  /** The engine's working, e.g. "6/9 = 66,7 % → 1,00 điểm (1,50 × 6/9)". */
  working: string;
  problems: EntryProblem[];
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Finds a leaf by code, or the problem of not finding one. */
function leafAt(
  compiled: CompiledTree,
  code: string,
): { ok: true; index: number; node: CriteriaNode } | { ok: false; problem: EntryProblem } {
  const index = compiled.indexByCode.get(code);
  const node = index === undefined ? undefined : compiled.nodes[index];
  if (index === undefined || node === undefined || index === 0) {
    return {
      ok: false,
      problem: {
        code,
        issue: 'unknown_node',
        field: 'code',
        message: `Mã “${code}” không có trong bộ tiêu chí`,
      },
    };
  }
  if (compiled.isLeaf[index] !== 1) {
    return {
      ok: false,
      problem: {
        code,
        issue: 'not_leaf',
        field: 'code',
        message: `Tiêu chí ${code} có tiêu chí con; chấm điểm ở các tiêu chí con`,
      },
    };
  }
  return { ok: true, index, node };
}

/**
 * Checks one self-assessment entry against its node: scores it from the rule's inputs, allows N/A
 * only where the node or its rule says how it counts, and asks for an explanation without evidence.
 */
export function checkSelfEntry(tree: CriteriaNode, entry: SelfAssessmentEntry): CheckedSelfEntry {
  const compiled = compiledTreeOf(tree);
  const found = leafAt(compiled, entry.code);
  if (!found.ok) return { code: entry.code, score: null, working: '', problems: [found.problem] };
  const { node } = found;
  const problems: EntryProblem[] = [];
  const add = (issue: EntryIssue, field: string, message: string): void => {
    problems.push({ code: entry.code, issue, field, message });
  };

  let score: EnteredScore | null = null;
  let working = '';
  const na = entry.inputs[NOT_APPLICABLE_INPUT];
  if (na === true) {
    const policy = effectiveNotApplicable(node);
    if (policy === undefined) {
      add(
        'not_applicable_not_allowed',
        NOT_APPLICABLE_INPUT,
        'Tiêu chí này không được đánh giá là “không áp dụng”',
      );
    } else {
      score = 'na';
      working =
        policy === 'exclude'
          ? 'Không áp dụng → loại khỏi cả điểm đạt và điểm tối đa'
          : `Không áp dụng → 0,00 điểm (vẫn tính điểm tối đa ${formatPoints(node.maxHundredths)})`;
    }
  } else if (!node.rule) {
    add('invalid_input', 'rule', 'Tiêu chí chưa có quy tắc chấm điểm');
  } else {
    // The node's own N/A policy may differ from the rule's; N/A was handled above.
    const { [NOT_APPLICABLE_INPUT]: _na, ...rest } = entry.inputs;
    const result = scoreNode(node.rule, node.maxHundredths, rest);
    if (result.ok) {
      score = result.score;
      working = result.explanation;
    } else {
      const value = entry.inputs[result.input];
      const above = typeof value === 'number' && value > node.maxHundredths;
      add(above ? 'above_max' : 'invalid_input', result.input, result.message);
    }
  }

  if ((entry.evidence ?? []).length === 0 && blank(entry.explanation)) {
    add(
      'explanation_required',
      'explanation',
      'Chưa có tài liệu kiểm chứng: phải giải trình lý do',
    );
  }
  return { code: entry.code, score, working, problems };
}

/** Where a self-assessment stands: leaves done, what is left, points so far, problems. */
export interface SelfAssessmentProgress {
  leavesTotal: number;
  /** Leaves with a score and no problem. */
  leavesDone: number;
  /** Codes of leaves without an entry, in tree order. */
  leavesLeft: string[];
  /** Codes of leaves whose entry has problems, in tree order. */
  leavesWithProblems: string[];
  problems: EntryProblem[];
  /** Roll-up of the scores entered so far (missing leaves count 0), and its effective max. */
  pointsEntered: number;
  maxHundredths: number;
  /** What stops a submission: leaves left plus problems. 0 means it may be submitted. */
  blockingProblems: number;
  /** Scores by code, ready for the results (only entries that gave a score). */
  scores: Map<string, EnteredScore>;
}

/** Checks every entry of a self-assessment and counts what is done and what is left. */
export function selfAssessmentProgress(
  tree: CriteriaNode,
  entries: readonly SelfAssessmentEntry[],
): SelfAssessmentProgress {
  const compiled = compiledTreeOf(tree);
  const problems: EntryProblem[] = [];
  const scores = new Map<string, EnteredScore>();
  const entered = new Set<string>();
  const withProblems = new Set<string>();
  for (const entry of entries) {
    if (entered.has(entry.code)) {
      problems.push({
        code: entry.code,
        issue: 'duplicate',
        field: 'code',
        message: `Tiêu chí ${entry.code} được nhập hai lần`,
      });
      withProblems.add(entry.code);
      continue;
    }
    entered.add(entry.code);
    const checked = checkSelfEntry(tree, entry);
    problems.push(...checked.problems);
    if (checked.problems.length > 0) withProblems.add(entry.code);
    if (checked.score !== null) scores.set(entry.code, checked.score);
  }
  const leavesLeft: string[] = [];
  const leavesWithProblems: string[] = [];
  let leavesDone = 0;
  for (const i of compiled.leaves) {
    const code = compiled.codes[i] ?? '';
    if (!entered.has(code)) leavesLeft.push(code);
    else if (withProblems.has(code)) leavesWithProblems.push(code);
    else if (scores.has(code)) leavesDone++;
  }
  const rolled = rollUp(tree, scores);
  return {
    leavesTotal: compiled.leaves.length,
    leavesDone,
    leavesLeft,
    leavesWithProblems,
    problems,
    pointsEntered: rolled.total,
    maxHundredths: rolled.max,
    blockingProblems: leavesLeft.length + problems.length,
    scores,
  };
}

/** Who appraises: the account, the unit kind, and the campaign's assignments. */
export interface AppraisalContext {
  assignments: readonly AppraiserAssignment[];
  unitKind: UnitKind;
}

// Points lost by a score: below the max, or N/A that still counts its max (policy 'zero').
function losesPoints(compiled: CompiledTree, index: number, score: EnteredScore): boolean {
  const max = compiled.max[index] ?? 0;
  if (score === 'na') return compiled.naPolicy[index] !== 1 && max > 0;
  return score < max;
}

/** Checks one round-1 entry: a leaf assigned to the appraiser, a score within [0, max], a reason for lost points. */
export function checkRound1Entry(
  tree: CriteriaNode,
  entry: Round1Entry,
  context: AppraisalContext,
): EntryProblem[] {
  const compiled = compiledTreeOf(tree);
  const found = leafAt(compiled, entry.code);
  if (!found.ok) return [found.problem];
  const problems: EntryProblem[] = [];
  const add = (issue: EntryIssue, field: string, message: string): void => {
    problems.push({ code: entry.code, issue, field, message });
  };
  if (!isAssigned(context.assignments, entry.appraiserUserId, context.unitKind, entry.code)) {
    add('not_assigned', 'code', `Tài khoản không được phân công thẩm định tiêu chí ${entry.code}`);
  }
  const max = compiled.max[found.index] ?? 0;
  if (entry.score === 'na') {
    if (compiled.naPolicy[found.index] === 0) {
      add(
        'not_applicable_not_allowed',
        'score',
        'Tiêu chí này không được đánh giá là “không áp dụng”',
      );
    }
  } else if (!Number.isSafeInteger(entry.score) || entry.score < 0) {
    add(
      'invalid_input',
      'score',
      'Điểm thẩm định phải là số không âm, tối đa hai chữ số thập phân',
    );
  } else if (entry.score > max) {
    add(
      'above_max',
      'score',
      `Điểm thẩm định ${formatPoints(entry.score)} vượt điểm tối đa ${formatPoints(max)}`,
    );
  }
  if (losesPoints(compiled, found.index, entry.score) && blank(entry.reason)) {
    add(
      'reason_required',
      'reason',
      'Điểm thẩm định thấp hơn điểm tối đa: phải ghi lý do mất điểm',
    );
  }
  return problems;
}

/** Checks a whole round 1: every entry, and no node scored twice. */
export function checkRound1(
  tree: CriteriaNode,
  entries: readonly Round1Entry[],
  context: AppraisalContext,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.code)) {
      problems.push({
        code: entry.code,
        issue: 'duplicate',
        field: 'code',
        message: `Tiêu chí ${entry.code} được thẩm định hai lần`,
      });
      continue;
    }
    seen.add(entry.code);
    problems.push(...checkRound1Entry(tree, entry, context));
  }
  return problems;
}

/**
 * The round-1 findings the unit may explain and round 2 must decide: nodes scored below the
 * unit's own score (or whose N/A status the appraiser changed), or flagged "needs explanation".
 * Codes in the order of the entries.
 */
export function round1Findings(
  selfScores: ReadonlyMap<string, EnteredScore>,
  round1: readonly Round1Entry[],
): string[] {
  const findings: string[] = [];
  const seen = new Set<string>();
  for (const entry of round1) {
    if (seen.has(entry.code)) continue;
    seen.add(entry.code);
    const own = selfScores.get(entry.code);
    const appraised = entry.score;
    let below: boolean;
    if (own === undefined) below = true;
    else if (own === 'na' || appraised === 'na') below = own !== appraised;
    else below = appraised < own;
    if (below || entry.needsExplanation === true) findings.push(entry.code);
  }
  return findings;
}

/** Checks an explanation: it answers an existing round-1 finding and has text. */
export function checkExplanation(
  entry: ExplanationEntry,
  findings: readonly string[],
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!findings.includes(entry.code)) {
    problems.push({
      code: entry.code,
      issue: 'no_finding',
      field: 'code',
      message: `Tiêu chí ${entry.code} không có kết luận thẩm định vòng 1 cần giải trình`,
    });
  }
  if (blank(entry.text)) {
    problems.push({
      code: entry.code,
      issue: 'text_required',
      field: 'text',
      message: 'Chưa nhập nội dung giải trình',
    });
  }
  return problems;
}

/** What a round-2 decision is checked against. */
export interface Round2Context extends AppraisalContext {
  findings: readonly string[];
  selfScores: ReadonlyMap<string, EnteredScore>;
}

/**
 * Checks a round-2 decision: it decides an existing round-1 finding (round 2 never starts a fresh
 * list), by an assigned appraiser, with a reason; 'addressed' needs a new score within the max;
 * 'defended' needs a self-assessed score to restore.
 */
export function checkRound2Decision(
  tree: CriteriaNode,
  decision: Round2Decision,
  context: Round2Context,
): EntryProblem[] {
  const compiled = compiledTreeOf(tree);
  const problems: EntryProblem[] = [];
  const add = (issue: EntryIssue, field: string, message: string): void => {
    problems.push({ code: decision.code, issue, field, message });
  };
  if (!context.findings.includes(decision.code)) {
    add(
      'no_finding',
      'code',
      `Tiêu chí ${decision.code} không có kết luận thẩm định vòng 1; vòng 2 chỉ xét các kết luận của vòng 1`,
    );
    return problems;
  }
  const index = compiled.indexByCode.get(decision.code);
  const max = index === undefined ? 0 : (compiled.max[index] ?? 0);
  if (!isAssigned(context.assignments, decision.appraiserUserId, context.unitKind, decision.code)) {
    add(
      'not_assigned',
      'code',
      `Tài khoản không được phân công thẩm định tiêu chí ${decision.code}`,
    );
  }
  if (blank(decision.reason))
    add('reason_required', 'reason', 'Phải ghi lý do của kết luận vòng 2');
  switch (decision.disposition) {
    case 'addressed': {
      const s = decision.score;
      if (s === undefined) add('score_required', 'score', 'Đã khắc phục: phải nhập điểm mới');
      else if (!Number.isSafeInteger(s) || s < 0) {
        add('invalid_input', 'score', 'Điểm mới phải là số không âm, tối đa hai chữ số thập phân');
      } else if (s > max) {
        add(
          'above_max',
          'score',
          `Điểm mới ${formatPoints(s)} vượt điểm tối đa ${formatPoints(max)}`,
        );
      }
      break;
    }
    case 'defended':
    case 'still_open':
      if (decision.score !== undefined) {
        add('score_not_allowed', 'score', 'Chỉ nhập điểm mới khi kết luận là đã khắc phục');
      }
      if (decision.disposition === 'defended' && !context.selfScores.has(decision.code)) {
        add(
          'self_score_missing',
          'disposition',
          'Đơn vị không tự chấm tiêu chí này nên không có điểm để khôi phục',
        );
      }
      break;
    default: {
      const unknown: { disposition?: unknown } = decision;
      add('invalid_input', 'disposition', `Kết luận “${String(unknown.disposition)}” không hợp lệ`);
    }
  }
  return problems;
}

/** Checks a whole round 2: every decision, and no finding decided twice. */
export function checkRound2(
  tree: CriteriaNode,
  decisions: readonly Round2Decision[],
  context: Round2Context,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const seen = new Set<string>();
  for (const decision of decisions) {
    if (seen.has(decision.code)) {
      problems.push({
        code: decision.code,
        issue: 'duplicate',
        field: 'code',
        message: `Kết luận vòng 1 ở tiêu chí ${decision.code} được quyết định hai lần`,
      });
      continue;
    }
    seen.add(decision.code);
    problems.push(...checkRound2Decision(tree, decision, context));
  }
  return problems;
}

/** Round-1 findings without a round-2 decision, in the findings' order (approval needs none). */
export function undecidedFindings(
  findings: readonly string[],
  decisions: readonly Round2Decision[],
): string[] {
  const decided = new Set(decisions.map((d) => d.code));
  return findings.filter((code) => !decided.has(code));
}
