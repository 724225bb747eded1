/**
 * A unit's survey points from the tally of its answers (counts per group, question and level),
 * exactly: per question and group the share of favourable answers among valid ones, or the mean
 * value on the scale (as the design says); per question the groups' shares weighted by the groups'
 * weights (groups without a valid answer left out); per node the mean of its questions' shares;
 * node points = node max × that share, half-up to hundredths; the unit's survey points = the sum
 * of its nodes' points. A node whose source is 'sipas' takes node max × the unit's SIPAS index.
 * Shares are kept as exact fractions of big integers until the one rounding to hundredths, and
 * every number comes with the counts and the formula behind it.
 */
import { formatPoints, formatScaled, type Ratio } from '../scoring/decimal.ts';
import type { SurveyDesign } from './design.ts';

/** Answers of one unit, group, question and level. */
export interface TallyRow {
  unitId: number;
  group: string;
  question: string;
  level: string;
  count: number;
}

/** An exact non-negative fraction of big integers. */
interface Frac {
  n: bigint;
  d: bigint;
}

const ZERO: Frac = { n: 0n, d: 1n };
const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};
const frac = (n: bigint, d: bigint): Frac => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const add = (a: Frac, b: Frac): Frac => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const scale = (a: Frac, k: bigint): Frac => frac(a.n * k, a.d);
const divide = (a: Frac, k: bigint): Frac => frac(a.n, a.d * k);
/** round(a × k), half up (a ≥ 0). */
const roundTimes = (a: Frac, k: bigint): number => Number((2n * a.n * k + a.d) / (2n * a.d));

/** A share as a percent with two decimals, in hundredths of a percent (82,35 % → 8235). */
const percentHundredths = (a: Frac): number => roundTimes(a, 10000n);

/** What one group answered to one question about one unit. */
export interface GroupFigure {
  group: string;
  weight: number;
  /** Every answer recorded, excluded levels included. */
  answers: number;
  excluded: number;
  valid: number;
  /** Favourable answers (method 'favourable'). */
  favourable: number;
  /** Sum of the valid answers' values in hundredths of a percent (method 'mean'). */
  valueSumHundredths: number;
  /** The group's share in hundredths of a percent; null without a valid answer. */
  shareHundredths: number | null;
  /** "favourable / valid" or "sum / valid". */
  formula: string | null;
}

/** One question about one unit: its groups and their weighted share. */
export interface QuestionFigure {
  question: string;
  groups: GroupFigure[];
  shareHundredths: number | null;
  formula: string | null;
}

/** One survey node of one unit. */
export interface NodeFigure {
  code: string;
  title: string;
  source: 'questions' | 'sipas';
  maxHundredths: number;
  questions: string[];
  shareHundredths: number | null;
  pointsHundredths: number | null;
  formula: string | null;
}

/** A unit's survey points with everything behind them. */
export interface UnitSurveyPoints {
  unitId: number;
  /** The sum of the nodes' points; null while a node has no valid answer. */
  pointsHundredths: number | null;
  maxHundredths: number;
  nodes: NodeFigure[];
  questions: QuestionFigure[];
}

const pct = (h: number) => `${formatScaled(h, 2)} %`;

interface Cell {
  answers: number;
  excluded: number;
  valid: number;
  favourable: number;
  valueSum: number;
}

/** Counts per unit → group → question, from the tally (rows of levels off the scale are ignored). */
function cellsOf(
  design: SurveyDesign,
  tally: Iterable<TallyRow>,
): Map<number, Map<string, Map<string, Cell>>> {
  const value = new Map(design.scale.levels.map((l) => [l.code, l.valueHundredths]));
  const excluded = new Set(design.scale.excluded.map((l) => l.code));
  const favourable = new Set(design.scale.favourable);
  const out = new Map<number, Map<string, Map<string, Cell>>>();
  for (const row of tally) {
    let byGroup = out.get(row.unitId);
    if (!byGroup) out.set(row.unitId, (byGroup = new Map()));
    let byQuestion = byGroup.get(row.group);
    if (!byQuestion) byGroup.set(row.group, (byQuestion = new Map()));
    let cell = byQuestion.get(row.question);
    if (!cell)
      byQuestion.set(
        row.question,
        (cell = { answers: 0, excluded: 0, valid: 0, favourable: 0, valueSum: 0 }),
      );
    const v = value.get(row.level);
    if (v !== undefined) {
      cell.answers += row.count;
      cell.valid += row.count;
      cell.valueSum += v * row.count;
      if (favourable.has(row.level)) cell.favourable += row.count;
    } else if (excluded.has(row.level)) {
      cell.answers += row.count;
      cell.excluded += row.count;
    }
  }
  return out;
}

/**
 * Survey points of the given units. `sipasIndex` gives a unit's SIPAS satisfaction index for the
 * nodes whose source is 'sipas' (null: no SIPAS answers for the unit).
 */
export function computeSurveyPoints(
  design: SurveyDesign,
  unitIds: readonly number[],
  tally: Iterable<TallyRow>,
  sipasIndex: (unitId: number) => Ratio | null = () => null,
): UnitSurveyPoints[] {
  const cells = cellsOf(design, tally);
  const weight = new Map(design.groups.map((g) => [g.code, g.weight]));
  const maxHundredths = design.nodes.reduce((s, n) => s + n.maxHundredths, 0);
  return unitIds.map((unitId) => {
    const byGroup = cells.get(unitId);
    const exact = new Map<string, Frac | null>();
    const questions: QuestionFigure[] = design.questions.map((q) => {
      let weighted = ZERO;
      let weights = 0n;
      const parts: string[] = [];
      const groups: GroupFigure[] = q.groups.map((g) => {
        const c = byGroup?.get(g)?.get(q.code);
        const cell = c ?? { answers: 0, excluded: 0, valid: 0, favourable: 0, valueSum: 0 };
        const w = weight.get(g) ?? 0;
        let share: Frac | null = null;
        let formula: string | null = null;
        if (cell.valid > 0) {
          share =
            design.method === 'favourable'
              ? frac(BigInt(cell.favourable), BigInt(cell.valid))
              : frac(BigInt(cell.valueSum), BigInt(cell.valid) * 10000n);
          formula =
            design.method === 'favourable'
              ? `${cell.favourable} / ${cell.valid}`
              : `${formatScaled(cell.valueSum, 2)} % / ${cell.valid}`;
          weighted = add(weighted, scale(share, BigInt(w)));
          weights += BigInt(w);
          parts.push(`${w} × ${pct(percentHundredths(share))}`);
        }
        return {
          group: g,
          weight: w,
          answers: cell.answers,
          excluded: cell.excluded,
          valid: cell.valid,
          favourable: cell.favourable,
          valueSumHundredths: cell.valueSum,
          shareHundredths: share === null ? null : percentHundredths(share),
          formula,
        };
      });
      const share = weights === 0n ? null : divide(weighted, weights);
      exact.set(q.code, share);
      return {
        question: q.code,
        groups,
        shareHundredths: share === null ? null : percentHundredths(share),
        formula:
          share === null
            ? null
            : `(${parts.join(' + ')}) / ${weights} = ${pct(percentHundredths(share))}`,
      };
    });
    const nodes: NodeFigure[] = design.nodes.map((n) => {
      if (n.source === 'sipas') {
        const index = sipasIndex(unitId);
        const share = index === null ? null : frac(BigInt(index.num), BigInt(index.den));
        const points = share === null ? null : roundTimes(share, BigInt(n.maxHundredths));
        return {
          code: n.code,
          title: n.title,
          source: n.source,
          maxHundredths: n.maxHundredths,
          questions: [],
          shareHundredths: share === null ? null : percentHundredths(share),
          pointsHundredths: points,
          formula:
            share === null
              ? null
              : `SIPAS: ${formatPoints(n.maxHundredths)} × ${pct(percentHundredths(share))} = ${formatPoints(points!)}`,
        };
      }
      const feeding = design.questions.filter((q) => q.nodes.includes(n.code)).map((q) => q.code);
      const shares = feeding.map((code) => exact.get(code)).filter((s): s is Frac => !!s);
      const share =
        shares.length === 0
          ? null
          : divide(
              shares.reduce((a, b) => add(a, b), ZERO),
              BigInt(shares.length),
            );
      const points = share === null ? null : roundTimes(share, BigInt(n.maxHundredths));
      return {
        code: n.code,
        title: n.title,
        source: n.source,
        maxHundredths: n.maxHundredths,
        questions: feeding,
        shareHundredths: share === null ? null : percentHundredths(share),
        pointsHundredths: points,
        formula:
          share === null
            ? null
            : `${formatPoints(n.maxHundredths)} × (${shares.map((s) => pct(percentHundredths(s))).join(' + ')}) / ${shares.length} = ${formatPoints(points!)}`,
      };
    });
    const complete = nodes.every((n) => n.pointsHundredths !== null);
    return {
      unitId,
      pointsHundredths: complete ? nodes.reduce((s, n) => s + n.pointsHundredths!, 0) : null,
      maxHundredths,
      nodes,
      questions,
    };
  });
}
