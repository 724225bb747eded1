/**
 * A campaign's results: the final score of every node, rolled up by the scoring engine, plus the
 * survey points, the index, the class, the rank within the unit kind and per criterion, every
 * lost point with its reason, and the self / round 1 / final comparison of one unit.
 *
 * Final score of a node (DOMAIN.md §1, workflow steps 2–5): round 2 where it decided a round-1
 * finding, else round 1, else the self-assessed score. Round 2's dispositions:
 * - addressed: the new score;
 * - defended (the explanation is accepted): the unit's self-assessed score is restored, capped at
 *   the max (a self-assessed N/A is restored as N/A);
 * - still open: the round-1 score stands.
 * A round-2 decision without a round-1 entry is ignored and reported (round 2 never starts a fresh
 * list).
 *
 * Decisions to confirm with the product owner:
 * - A unit whose survey points are not in yet gets an index over the appraised part alone
 *   (`surveyMissing`, `provisional: true`), not 0 survey points; publication waits for them.
 * - Survey points above the survey max are capped and reported.
 * - Per-criterion ranks compare points (as seed 004 prints "11,99/12 điểm, xếp hạng 1"); a
 *   criterion that is entirely N/A for a unit leaves that unit out of its ranking.
 * - Units are ranked and classed within their unit kind on the published two-decimal index
 *   (index.ts; ADR 25).
 *
 * Speed: the tree is compiled once per criteria set and the roll-up buffers are reused across
 * units, so 3,321 units × 120 nodes is a few milliseconds of arithmetic.
 */
import { divRoundHalfUp, formatScaled, type Ratio } from '../scoring/decimal.ts';
import {
  classify,
  computeIndex,
  DEFAULT_PAR_BANDS,
  largestRemainderShares,
  rankPerCriterion,
  rankUnits,
  surveyPointsFromIndex,
  type ClassBand,
  type IndexValue,
} from '../scoring/index.ts';
import { assertNever } from '../scoring/rules.ts';
import {
  compiledTreeOf,
  createRollUpBuffers,
  NOT_APPLICABLE,
  NOT_ENTERED,
  rollUpCompiled,
  type CompiledTree,
  type EnteredScore,
  type RollUpBuffers,
} from '../scoring/tree.ts';
import type { Round1Entry, Round2Decision, Round2Disposition } from './assessment.ts';
import {
  criteriaSetFor,
  type CampaignCriteriaSet,
  type CampaignSetup,
  type UnitKind,
} from './setup.ts';

/** Survey points for one unit: entered or imported points, or a SIPAS index to convert. */
export type SurveyInput =
  | { source: 'entered' | 'imported'; pointsHundredths: number }
  /** Index as hundredths of a percent (9337 = 93,37 %) or an exact ratio (25/40). */
  | { source: 'sipas'; index: number | Ratio };

/** Everything scored for one unit. */
export interface UnitAssessment {
  unitId: string;
  unitKind: UnitKind;
  /** Self-assessed scores by code (selfAssessmentProgress(...).scores). */
  self: ReadonlyMap<string, EnteredScore>;
  round1: readonly Round1Entry[];
  round2: readonly Round2Decision[];
  survey?: SurveyInput | null;
}

/** Which step the final score of a node comes from. */
export type FinalSource = 'self' | 'round1' | 'round2';

/** The final entry of one node. */
export interface FinalEntry {
  score: EnteredScore;
  source: FinalSource;
  /** Why points were lost: round 2's reason where it decided, else round 1's; null for self. */
  reason: string | null;
  disposition: Round2Disposition | null;
}

/**
 * The final entry of a node from its self score, round-1 entry and round-2 decision (see the
 * module header); null when nothing was entered. A decision without a round-1 entry is ignored.
 */
export function resolveFinal(
  self: EnteredScore | undefined,
  round1: Round1Entry | undefined,
  round2: Round2Decision | undefined,
  maxHundredths: number,
): FinalEntry | null {
  if (round1 !== undefined && round2 !== undefined) {
    // An empty round-2 reason leaves round 1's as the reason the points are (still) lost.
    const reason = nonEmpty(round2.reason) ?? nonEmpty(round1.reason);
    switch (round2.disposition) {
      case 'addressed':
        return {
          score: clampScore(round2.score ?? 0, maxHundredths),
          source: 'round2',
          reason,
          disposition: 'addressed',
        };
      case 'defended':
        // Without a self score there is nothing to restore: the round-1 score stands.
        return {
          score:
            self === undefined
              ? round1.score
              : self === 'na'
                ? 'na'
                : clampScore(self, maxHundredths),
          source: 'round2',
          reason,
          disposition: 'defended',
        };
      case 'still_open':
        return { score: round1.score, source: 'round2', reason, disposition: 'still_open' };
      default:
        return assertNever(round2.disposition);
    }
  }
  if (round1 !== undefined) {
    return {
      score: round1.score,
      source: 'round1',
      reason: nonEmpty(round1.reason),
      disposition: null,
    };
  }
  if (self !== undefined) return { score: self, source: 'self', reason: null, disposition: null };
  return null;
}

const nonEmpty = (text: string | null | undefined): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text;

function clampScore(score: number, max: number): number {
  if (!Number.isSafeInteger(score) || score < 0) return 0;
  return score > max ? max : score;
}

/** A point lost at a node: max − final, with its reason. */
export interface LostPoint {
  code: string;
  title: string;
  /** Effective max (after N/A exclusions). */
  max: number;
  final: number;
  lost: number;
  /** null when nothing was entered for the node. */
  source: FinalSource | null;
  /** Round 2's reason where it decided, else round 1's; null when self-assessed or missing. */
  reason: string | null;
  /** Round 1's reason, kept when round 2 decided (still open: why the points are still lost). */
  round1Reason: string | null;
  disposition: Round2Disposition | null;
}

/** A top-level criterion's score and rank among units of the same kind. */
export interface CriterionResult {
  code: string;
  title: string;
  score: number;
  max: number;
  /** Bonus and penalty points of the criterion's bonus and penalty nodes (outside its max). */
  bonus: number;
  penalty: number;
  /** null when the criterion is entirely N/A for the unit. */
  rank: number | null;
}

/**
 * A bonus or penalty node (the top of a bonus or penalty subtree): its points outside the max,
 * signed (+50 for a bonus of 0,50, −100 for a penalty of 1,00), and its cap.
 */
export interface AdjustmentResult {
  code: string;
  title: string;
  kind: 'bonus' | 'penalty';
  points: number;
  cap: number;
}

/** A problem found while computing a unit's result. */
export interface ResultProblem {
  code: string;
  message: string;
}

/** One unit's result. */
export interface UnitResult {
  unitId: string;
  unitKind: UnitKind;
  criteriaSetId: string;
  /** Appraised total (bonus and penalty applied, capped at the max) and its effective max. */
  appraisedHundredths: number;
  maxAppraisedHundredths: number;
  /** null when the set has no survey part. */
  surveyHundredths: number | null;
  maxSurveyHundredths: number | null;
  /** The set has a survey part but this unit's survey points are not in yet. */
  surveyMissing: boolean;
  /**
   * Provisional (tạm tính): the survey points are not in yet, so the index is over the appraised
   * part alone, on the appraised max; never a final result.
   */
  provisional: boolean;
  /** null when nothing counts (every criterion excluded as N/A): no index, class or rank. */
  index: IndexValue | null;
  classLabel: string | null;
  /** Rank by index among ranked units of the same kind (ties share a rank); null without index. */
  rank: number | null;
  unitsRanked: number;
  criteria: CriterionResult[];
  /** Bonus and penalty nodes with their signed points (in the total, outside the max). */
  adjustments: AdjustmentResult[];
  lostPoints: LostPoint[];
  /** Leaves with no entry at any step (scored 0). */
  missing: string[];
  problems: ResultProblem[];
}

/** Class counts and shares of one unit kind. */
export interface ClassShare {
  label: string;
  count: number;
  /** Tenths of a percent, adding up to 1000 (largest remainder): 823 = 82,3 %. */
  shareTenths: number;
  shareText: string;
}

/** Summary of one unit kind: averages and class shares. */
export interface KindSummary {
  unitKind: UnitKind;
  units: number;
  /** Mean appraised points, half-up to hundredths (seed 004: 58,70 of 70). */
  averageAppraisedHundredths: number;
  maxAppraisedHundredths: number;
  /** Mean of the published indexes (units with one), half-up to hundredths of a percent. */
  averageIndexHundredths: number;
  classes: ClassShare[];
  /** Units in no band. */
  unclassified: number;
}

/** The results of a campaign. */
export interface CampaignResults {
  /** Ordered by unit kind, then rank, then unit id: independent of the input order. */
  units: UnitResult[];
  summaries: KindSummary[];
  /** Units that could not be scored (no criteria set for their kind). */
  problems: { unitId: string; message: string }[];
}

/** What computeResults needs from the campaign. */
export type ResultsCampaign = Pick<CampaignSetup, 'criteriaSets' | 'bands'>;

interface Prepared {
  set: CampaignCriteriaSet;
  compiled: CompiledTree;
  buffers: RollUpBuffers;
  entries: Int32Array;
  finals: (FinalEntry | null)[];
  round1Reasons: (string | null)[];
  bands: readonly ClassBand[];
}

/**
 * The class bands of a unit kind in a campaign: the campaign's own (for this kind, else for the
 * whole campaign), else those of its criteria set, else the defaults.
 */
export function bandsFor<
  S extends Pick<CampaignCriteriaSet, 'unitKind' | 'bands' | 'setBands'>,
  C extends Pick<ResultsCampaign, 'bands'>,
>(set: S, campaign: C): readonly ClassBand[] {
  if (set.bands && set.bands.length > 0) return set.bands;
  if (campaign.bands.length > 0) return campaign.bands;
  if (set.setBands && set.setBands.length > 0) return set.setBands;
  return DEFAULT_PAR_BANDS;
}

function prepare(set: CampaignCriteriaSet, campaign: ResultsCampaign): Prepared {
  const compiled = compiledTreeOf(set.tree);
  return {
    set,
    compiled,
    buffers: createRollUpBuffers(compiled),
    entries: new Int32Array(compiled.size),
    finals: new Array<FinalEntry | null>(compiled.size).fill(null),
    round1Reasons: new Array<string | null>(compiled.size).fill(null),
    bands: bandsFor(set, campaign),
  };
}

const toEntry = (score: EnteredScore): number =>
  score === 'na' ? NOT_APPLICABLE : Number.isSafeInteger(score) && score >= 0 ? score : 0;

/**
 * Fills `prepared.entries` and `prepared.finals` with the final entry of every node of one unit
 * and returns the problems (unknown codes, round-2 decisions without a round-1 entry).
 */
function fillFinals(prepared: Prepared, unit: UnitAssessment): ResultProblem[] {
  const { compiled, entries, finals, round1Reasons } = prepared;
  const problems: ResultProblem[] = [];
  entries.fill(NOT_ENTERED);
  finals.fill(null);
  round1Reasons.fill(null);
  const indexOf = (code: string): number | undefined => {
    const i = compiled.indexByCode.get(code);
    if (i === undefined)
      problems.push({ code, message: `Mã “${code}” không có trong bộ tiêu chí` });
    return i;
  };
  const round1 = new Map<number, Round1Entry>();
  for (const entry of unit.round1) {
    const i = indexOf(entry.code);
    if (i !== undefined && !round1.has(i)) round1.set(i, entry);
  }
  const round2 = new Map<number, Round2Decision>();
  for (const decision of unit.round2) {
    const i = indexOf(decision.code);
    if (i === undefined || round2.has(i)) continue;
    if (!round1.has(i)) {
      problems.push({
        code: decision.code,
        message: 'Kết luận vòng 2 không có kết luận vòng 1 tương ứng nên không được tính',
      });
      continue;
    }
    round2.set(i, decision);
  }
  const touched = new Set<number>(round1.keys());
  for (const code of unit.self.keys()) {
    const i = indexOf(code);
    if (i !== undefined) touched.add(i);
  }
  for (const i of touched) {
    const code = compiled.codes[i] ?? '';
    const r1 = round1.get(i);
    const final = resolveFinal(unit.self.get(code), r1, round2.get(i), compiled.max[i] ?? 0);
    if (final === null) continue;
    finals[i] = final;
    entries[i] = toEntry(final.score);
    round1Reasons[i] = r1?.reason ?? null;
  }
  return problems;
}

/** Survey points of one unit within the set's survey max, or null when not in yet. */
function surveyPoints(
  survey: SurveyInput | null | undefined,
  max: number,
  problems: ResultProblem[],
): number | null {
  if (survey === undefined || survey === null) return null;
  switch (survey.source) {
    case 'entered':
    case 'imported': {
      const p = survey.pointsHundredths;
      if (!Number.isSafeInteger(p) || p < 0) {
        problems.push({ code: '', message: 'Điểm điều tra xã hội học không hợp lệ; tính 0' });
        return 0;
      }
      if (p > max) {
        problems.push({
          code: '',
          message: `Điểm điều tra xã hội học vượt điểm tối đa; tính ${formatScaled(max, 2)}`,
        });
        return max;
      }
      return p;
    }
    case 'sipas':
      return Math.min(surveyPointsFromIndex(max, survey.index), max);
    default:
      return assertNever(survey);
  }
}

interface Scored {
  result: UnitResult;
  criterionScores: Map<string, number>;
}

function scoreUnit(prepared: Prepared, unit: UnitAssessment, withLostPoints: boolean): Scored {
  const { set, compiled, buffers, entries, finals, round1Reasons } = prepared;
  const problems = fillFinals(prepared, unit);
  rollUpCompiled(compiled, entries, buffers);
  const appraised = buffers.total[0] ?? 0;
  const maxAppraised = buffers.effectiveMax[0] ?? 0;

  const lostPoints: LostPoint[] = [];
  const missing: string[] = [];
  // A node under an entered ancestor does not count: the ancestor's entry replaced it.
  const hidden = new Uint8Array(compiled.size);
  for (let i = 1; i < compiled.size; i++) {
    const p = compiled.parent[i] ?? 0;
    if (hidden[p] === 1 || entries[p] !== NOT_ENTERED) {
      hidden[i] = 1;
      continue;
    }
    const entered = entries[i] !== NOT_ENTERED;
    if (!entered && compiled.isLeaf[i] !== 1) continue;
    const code = compiled.codes[i] ?? '';
    if (!entered) missing.push(code);
    if (!withLostPoints || compiled.kind[i] !== 0) continue;
    const max = buffers.effectiveMax[i] ?? 0;
    const final = buffers.score[i] ?? 0;
    if (final >= max) continue;
    const entry = finals[i] ?? null;
    lostPoints.push({
      code,
      title: compiled.nodes[i]?.title ?? '',
      max,
      final,
      lost: max - final,
      source: entry?.source ?? null,
      reason: entry?.reason ?? null,
      round1Reason: round1Reasons[i] ?? null,
      disposition: entry?.disposition ?? null,
    });
  }

  const criteria: CriterionResult[] = [];
  const adjustments: AdjustmentResult[] = [];
  const criterionScores = new Map<string, number>();
  // Every bonus or penalty subtree under a normal node (or at the top), with its signed points.
  for (let i = 1; i < compiled.size; i++) {
    const k = compiled.kind[i] ?? 0;
    if (k === 0 || (compiled.kind[compiled.parent[i] ?? 0] ?? 0) !== 0) continue;
    const magnitude = buffers.score[i] ?? 0;
    adjustments.push({
      code: compiled.codes[i] ?? '',
      title: compiled.nodes[i]?.title ?? '',
      kind: k === 1 ? 'bonus' : 'penalty',
      points: k === 1 ? magnitude : -magnitude,
      cap: compiled.max[i] ?? 0,
    });
  }
  for (const i of compiled.topLevel) {
    if (compiled.kind[i] !== 0) continue;
    const code = compiled.codes[i] ?? '';
    const score = buffers.score[i] ?? 0;
    const excluded = buffers.notApplicable[i] === 1 && (buffers.effectiveMax[i] ?? 0) === 0;
    criteria.push({
      code,
      title: compiled.nodes[i]?.title ?? '',
      score,
      max: buffers.effectiveMax[i] ?? 0,
      bonus: buffers.bonus[i] ?? 0,
      penalty: buffers.penalty[i] ?? 0,
      rank: null,
    });
    if (!excluded) criterionScores.set(code, score);
  }

  const surveyMax = set.surveyMaxHundredths;
  const survey = surveyMax === null ? null : surveyPoints(unit.survey, surveyMax, problems);
  const surveyMissing = surveyMax !== null && survey === null;
  const withSurvey = surveyMax !== null && survey !== null;
  let index: IndexValue | null = null;
  if (maxAppraised + (withSurvey ? surveyMax : 0) > 0) {
    index = computeIndex(
      withSurvey
        ? { appraised, maxAppraised, survey, maxSurvey: surveyMax }
        : { appraised, maxAppraised },
    );
  } else {
    problems.push({
      code: '',
      message: 'Không có tiêu chí nào được tính điểm (đều không áp dụng) nên không có chỉ số',
    });
  }
  return {
    criterionScores,
    result: {
      unitId: unit.unitId,
      unitKind: unit.unitKind,
      criteriaSetId: set.id,
      appraisedHundredths: appraised,
      maxAppraisedHundredths: maxAppraised,
      surveyHundredths: survey,
      maxSurveyHundredths: surveyMax,
      surveyMissing,
      provisional: surveyMissing,
      index,
      classLabel: index === null ? null : classify(index.hundredths, prepared.bands),
      rank: null,
      unitsRanked: 0,
      criteria,
      adjustments,
      lostPoints,
      missing,
      problems,
    },
  };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How much computeResults details. */
export interface ComputeOptions {
  /** List every lost point of every unit (default true); a recompute that stores only totals skips it. */
  lostPoints?: boolean;
}

/**
 * Computes every unit's result: final scores, roll-up, survey points, index, class, rank within
 * the unit kind and per criterion, lost points; plus per-kind averages and class shares.
 * Throws a RangeError on a duplicate unit id.
 */
export function computeResults(
  campaign: ResultsCampaign,
  units: readonly UnitAssessment[],
  options: ComputeOptions = {},
): CampaignResults {
  const withLostPoints = options.lostPoints ?? true;
  const preparedByKind = new Map<UnitKind, Prepared>();
  const problems: { unitId: string; message: string }[] = [];
  const seen = new Set<string>();
  const byKind = new Map<UnitKind, Scored[]>();
  for (const unit of units) {
    if (seen.has(unit.unitId)) throw new RangeError(`duplicate unit id: ${unit.unitId}`);
    seen.add(unit.unitId);
    let prepared = preparedByKind.get(unit.unitKind);
    if (!prepared) {
      const set = criteriaSetFor(campaign, unit.unitKind);
      if (!set) {
        problems.push({
          unitId: unit.unitId,
          message: `Chưa có bộ chỉ số cho loại đơn vị “${unit.unitKind}”`,
        });
        continue;
      }
      prepared = prepare(set, campaign);
      preparedByKind.set(unit.unitKind, prepared);
    }
    let list = byKind.get(unit.unitKind);
    if (!list) byKind.set(unit.unitKind, (list = []));
    list.push(scoreUnit(prepared, unit, withLostPoints));
  }

  const results: UnitResult[] = [];
  const summaries: KindSummary[] = [];
  for (const kind of [...byKind.keys()].sort(byId)) {
    const list = byKind.get(kind) ?? [];
    const prepared = preparedByKind.get(kind);
    const ranked = rankUnits(
      list.flatMap((p) =>
        p.result.index === null ? [] : [{ id: p.result.unitId, value: p.result.index.hundredths }],
      ),
    );
    const rankOf = new Map(ranked.map((r) => [r.id, r.rank]));
    const perCriterion = rankPerCriterion(
      list.map((p) => ({ id: p.result.unitId, scores: p.criterionScores })),
    );
    const criterionRank = new Map<string, Map<string, number>>();
    for (const [code, entries] of perCriterion) {
      criterionRank.set(code, new Map(entries.map((e) => [e.id, e.rank])));
    }
    for (const p of list) {
      const r = p.result;
      r.rank = rankOf.get(r.unitId) ?? null;
      r.unitsRanked = ranked.length;
      for (const c of r.criteria) {
        c.rank = p.criterionScores.has(c.code)
          ? (criterionRank.get(c.code)?.get(r.unitId) ?? null)
          : null;
      }
    }
    const sorted = list
      .map((p) => p.result)
      .sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          byId(a.unitId, b.unitId),
      );
    results.push(...sorted);
    summaries.push(summarize(kind, sorted, prepared?.bands ?? DEFAULT_PAR_BANDS));
  }
  return { units: results, summaries, problems };
}

/** Averages and class shares (largest remainder, adding up to 100 %) of one kind's results. */
export function summarize(
  unitKind: UnitKind,
  results: readonly UnitResult[],
  bands: readonly ClassBand[],
): KindSummary {
  const n = results.length;
  const sumAppraised = results.reduce((a, r) => a + r.appraisedHundredths, 0);
  const indexed = results.filter((r) => r.index !== null);
  const sumIndex = indexed.reduce((a, r) => a + (r.index?.hundredths ?? 0), 0);
  const maxAppraised = results.reduce((a, r) => Math.max(a, r.maxAppraisedHundredths), 0);
  const { classes, unclassified } = classShares(
    results.map((r) => r.classLabel),
    bands,
  );
  return {
    unitKind,
    units: n,
    averageAppraisedHundredths: n === 0 ? 0 : divRoundHalfUp(sumAppraised, n),
    maxAppraisedHundredths: maxAppraised,
    averageIndexHundredths: indexed.length === 0 ? 0 : divRoundHalfUp(sumIndex, indexed.length),
    classes,
    unclassified,
  };
}

/**
 * Counts and shares of each band among the given class labels (null: no class). Shares are
 * tenths of a percent by largest remainder over the classified units, so they add up to 100 %.
 */
export function classShares(
  labels: readonly (string | null)[],
  bands: readonly ClassBand[],
): { classes: ClassShare[]; unclassified: number } {
  const tally = new Map<string | null, number>();
  for (const l of labels) tally.set(l, (tally.get(l) ?? 0) + 1);
  return classSharesOfCounts(
    [...tally].map(([label, units]) => ({ label, units })),
    bands,
  );
}

/** `classShares` from the number of units of each class label (a label may come several times). */
export function classSharesOfCounts(
  labelCounts: readonly { label: string | null; units: number }[],
  bands: readonly ClassBand[],
): { classes: ClassShare[]; unclassified: number } {
  const counts = bands.map((b) =>
    labelCounts.reduce((a, c) => (c.label === b.label ? a + c.units : a), 0),
  );
  const shares = largestRemainderShares(counts, 1);
  const classified = counts.reduce((a, b) => a + b, 0);
  const units = labelCounts.reduce((a, c) => a + c.units, 0);
  return {
    classes: bands.map((b, i) => ({
      label: b.label,
      count: counts[i] ?? 0,
      shareTenths: shares[i] ?? 0,
      shareText: `${formatScaled(shares[i] ?? 0, 1)} %`,
    })),
    unclassified: units - classified,
  };
}

// ---------------------------------------------------------------------------------------------
// Self vs round 1 vs round 2, one unit

/** A node's score and effective max at one step. */
export interface StageValue {
  score: number;
  max: number;
}

/** One node across the steps: self-assessed, after round 1, final (after round 2). */
export interface NodeComparison {
  code: string;
  title: string;
  depth: number;
  isLeaf: boolean;
  /** Roll-ups of the self scores alone, of round 1 over self, and of the final entries. */
  self: StageValue;
  afterRound1: StageValue;
  final: StageValue;
  /** What was entered at the node itself (leaves). */
  selfEntered: EnteredScore | null;
  round1: Round1Entry | null;
  round2: Round2Decision | null;
  /** final.max − final.score for normal nodes; 0 for bonus and penalty nodes. */
  lost: number;
  reason: string | null;
}

/**
 * Compares the self-assessment, round 1 and the final result of one unit node by node, in tree
 * order, with every lost point and its reason (the report behind "tự chấm / thẩm định").
 */
export function compareRounds(
  set: CampaignCriteriaSet,
  unit: UnitAssessment,
): { nodes: NodeComparison[]; problems: ResultProblem[] } {
  const prepared = prepare(set, { criteriaSets: [set], bands: set.bands ?? [] });
  const { compiled, finals } = prepared;
  const problems = fillFinals(prepared, unit);
  const finalBuffers = createRollUpBuffers(compiled);
  rollUpCompiled(compiled, prepared.entries, finalBuffers);

  const selfEntries = new Int32Array(compiled.size).fill(NOT_ENTERED);
  const round1Entries = new Int32Array(compiled.size).fill(NOT_ENTERED);
  const round1ByIndex = new Map<number, Round1Entry>();
  const round2ByIndex = new Map<number, Round2Decision>();
  for (const [code, score] of unit.self) {
    const i = compiled.indexByCode.get(code);
    if (i === undefined) continue;
    selfEntries[i] = toEntry(score);
    round1Entries[i] = toEntry(score);
  }
  for (const entry of unit.round1) {
    const i = compiled.indexByCode.get(entry.code);
    if (i === undefined || round1ByIndex.has(i)) continue;
    round1ByIndex.set(i, entry);
    round1Entries[i] = toEntry(entry.score);
  }
  for (const decision of unit.round2) {
    const i = compiled.indexByCode.get(decision.code);
    if (i !== undefined && round1ByIndex.has(i) && !round2ByIndex.has(i))
      round2ByIndex.set(i, decision);
  }
  const selfBuffers = createRollUpBuffers(compiled);
  rollUpCompiled(compiled, selfEntries, selfBuffers);
  const round1Buffers = createRollUpBuffers(compiled);
  rollUpCompiled(compiled, round1Entries, round1Buffers);

  const stage = (b: RollUpBuffers, i: number): StageValue => ({
    score: b.score[i] ?? 0,
    max: b.effectiveMax[i] ?? 0,
  });
  const depth = new Int32Array(compiled.size);
  const nodes: NodeComparison[] = [];
  for (let i = 0; i < compiled.size; i++) {
    const p = compiled.parent[i] ?? -1;
    depth[i] = p < 0 ? 0 : (depth[p] ?? 0) + 1;
    const code = compiled.codes[i] ?? '';
    const final = stage(finalBuffers, i);
    nodes.push({
      code,
      title: compiled.nodes[i]?.title ?? '',
      depth: depth[i] ?? 0,
      isLeaf: compiled.isLeaf[i] === 1,
      self: stage(selfBuffers, i),
      afterRound1: stage(round1Buffers, i),
      final,
      selfEntered: unit.self.get(code) ?? null,
      round1: round1ByIndex.get(i) ?? null,
      round2: round2ByIndex.get(i) ?? null,
      lost: compiled.kind[i] === 0 ? final.max - final.score : 0,
      reason: finals[i]?.reason ?? null,
    });
  }
  return { nodes, problems };
}
