/**
 * National recompute: 3.321 communes and 700 other units (departments), each on a generated
 * 120-node criteria set of its kind with every rule kind (judgement, yes/no, bands, proportional,
 * deduction, timeliness, bonus/penalty, some N/A), inputs from a seeded pseudo-random generator.
 * Timed: compile both trees, score every leaf from its inputs, roll up, index with survey points,
 * classify, rank within kind and rank per criterion. Target: under 1 second.
 *
 * Run with the others (`npm run bench`) or alone (`node --import tsx bench/national-recompute.bench.ts`).
 */
import { pathToFileURL } from 'node:url';
import { formatHundredths } from '../src/domain/format.ts';
import { formatScaled, ratio, type Ratio } from '../src/domain/scoring/decimal.ts';
import {
  classify,
  computeIndex,
  DEFAULT_PAR_BANDS,
  largestRemainderShares,
  rankUnits,
  surveyPointsFromIndex,
  type RankedEntry,
} from '../src/domain/scoring/index.ts';
import {
  computeScore,
  type RuleInputValues,
  type ScoringRule,
} from '../src/domain/scoring/rules.ts';
import {
  compileTree,
  createRollUpBuffers,
  NOT_APPLICABLE,
  NOT_ENTERED,
  rollUpCompiled,
  validateTree,
  type CriteriaNode,
} from '../src/domain/scoring/tree.ts';
import type { BenchModule, BenchResult } from './run.ts';

const COMMUNES = 3321;
const OTHER_UNITS = 700;
const TARGET_MS = 1000;
const SURVEY_MAX = 3000;
const MEASURED_RUNS = 5;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEADLINE = '2024-12-31';
const LATE_UNTIL = '2025-01-31';

function generateRule(rand: () => number, max: number): ScoringRule {
  const pick = rand();
  let rule: ScoringRule;
  if (pick < 0.25) rule = { type: 'judgement' };
  else if (pick < 0.45) rule = { type: 'yes_no' };
  else if (pick < 0.6) {
    rule = {
      type: 'bands',
      bands: [
        { fromPercent: 0, toPercent: 5000, points: 0 },
        { fromPercent: 5000, toPercent: 8000, points: Math.floor(max / 50) * 25 },
        rand() < 0.5
          ? { fromPercent: 8000, toPercent: 10000, toInclusive: true, points: max }
          : { fromPercent: 8000, toPercent: null, points: max },
      ],
    };
  } else if (pick < 0.75)
    rule = rand() < 0.5 ? { type: 'proportional' } : { type: 'proportional', step: 25 };
  else if (pick < 0.85) rule = { type: 'deduction', perIncident: 25 };
  else
    rule = {
      type: 'timeliness',
      deadline: DEADLINE,
      latePoints: Math.floor(max / 50) * 25,
      lateUntil: LATE_UNTIL,
    };
  if (rand() < 0.1) rule.notApplicable = rand() < 0.7 ? 'exclude' : 'zero';
  return rule;
}

/** A 120-node set: root, 8 criteria × 4 sub-criteria with 2–3 leaves (76), and a bonus/penalty content. */
export function generateCriteriaSet(seed: number, title: string): CriteriaNode {
  const rand = prng(seed);
  const criteria: CriteriaNode[] = [];
  let sub = 0;
  for (let c = 1; c <= 8; c++) {
    const subs: CriteriaNode[] = [];
    for (let s = 1; s <= 4; s++, sub++) {
      const leaves: CriteriaNode[] = [];
      const count = sub < 12 ? 3 : 2;
      for (let l = 1; l <= count; l++) {
        const max = 25 * (1 + Math.floor(rand() * 12));
        leaves.push({
          code: `${c}.${s}.${l}`,
          title: `Nội dung ${c}.${s}.${l}`,
          maxHundredths: max,
          rule: generateRule(rand, max),
          children: [],
        });
      }
      subs.push({
        code: `${c}.${s}`,
        title: `Tiêu chí thành phần ${c}.${s}`,
        maxHundredths: sum(leaves),
        children: leaves,
      });
    }
    criteria.push({
      code: String(c),
      title: `Tiêu chí ${c}`,
      maxHundredths: sum(subs),
      children: subs,
    });
  }
  const adjustments: CriteriaNode = {
    code: '9',
    title: 'Điểm thưởng, điểm trừ',
    maxHundredths: 0,
    children: [
      {
        code: '9.1',
        title: 'Điểm thưởng',
        maxHundredths: 200,
        kind: 'bonus',
        rule: { type: 'bonus', perItem: 50 },
        children: [],
      },
      {
        code: '9.2',
        title: 'Điểm trừ',
        maxHundredths: 200,
        kind: 'penalty',
        rule: { type: 'penalty', perItem: 50 },
        children: [],
      },
    ],
  };
  return { code: '', title, maxHundredths: sum(criteria), children: [...criteria, adjustments] };
}

function sum(nodes: readonly CriteriaNode[]): number {
  return nodes.reduce((a, n) => a + n.maxHundredths, 0);
}

const ON_TIME = ['2024-11-15', '2024-12-20', '2024-12-31'];
const LATE = ['2025-01-05', '2025-01-31'];
const TOO_LATE = ['2025-02-10'];

function generateInputs(rand: () => number, rule: ScoringRule, max: number): RuleInputValues {
  if (rule.notApplicable && rand() < 0.1) return { notApplicable: true };
  // Units mostly do well: draws lean towards full marks.
  const good = (): number => 1 - rand() * rand();
  const pickOf = (xs: readonly string[]): string => xs[Math.floor(rand() * xs.length)] ?? DEADLINE;
  switch (rule.type) {
    case 'judgement':
      return { score: Math.floor(good() * max) };
    case 'yes_no':
      return { achieved: rand() < 0.85 };
    case 'bands':
    case 'proportional': {
      const denominator = 1 + Math.floor(rand() * 50);
      const open = rule.type === 'bands' && rule.bands.some((b) => b.toPercent === null);
      return {
        rate: {
          numerator: Math.min(
            Math.round(good() * (open ? denominator * 1.2 : denominator)),
            open ? denominator * 2 : denominator,
          ),
          denominator,
        },
      };
    }
    case 'deduction':
      return { incidents: Math.floor(rand() * rand() * 6) };
    case 'timeliness': {
      const r = rand();
      return {
        issuedOn:
          r < 0.85 ? pickOf(ON_TIME) : r < 0.93 ? pickOf(LATE) : r < 0.96 ? pickOf(TOO_LATE) : null,
      };
    }
    case 'bonus':
    case 'penalty':
      return { items: Math.floor(rand() * 4) };
  }
}

interface UnitGroup {
  kind: string;
  tree: CriteriaNode;
  ids: string[];
  /** Per unit, per leaf (in compiled leaf order): the inputs. */
  inputs: RuleInputValues[][];
  /** Per unit: SIPAS satisfied / respondents. */
  survey: Ratio[];
}

function generateGroup(kind: string, count: number, seed: number): UnitGroup {
  const tree = generateCriteriaSet(seed, `Bộ chỉ số ${kind}`);
  const compiled = compileTree(tree);
  const rand = prng(seed * 7919 + 17);
  const ids: string[] = [];
  const inputs: RuleInputValues[][] = [];
  const survey: Ratio[] = [];
  for (let u = 0; u < count; u++) {
    ids.push(`${kind}-${String(u + 1).padStart(4, '0')}`);
    const unitInputs: RuleInputValues[] = [];
    for (const leaf of compiled.leaves) {
      const node = compiled.nodes[leaf];
      unitInputs.push(node?.rule ? generateInputs(rand, node.rule, node.maxHundredths) : {});
    }
    inputs.push(unitInputs);
    const respondents = 30 + Math.floor(rand() * 300);
    survey.push(ratio(Math.floor(respondents * (0.6 + rand() * 0.4)), respondents));
  }
  return { kind, tree, ids, inputs, survey };
}

interface Recomputed {
  units: number;
  leavesScored: number;
  inputErrors: number;
  checksum: number;
  classes: Map<string, number>;
  ranked: RankedEntry[][];
  criterionRankings: number;
}

/** The timed part: everything a "recompute all" button does in the domain engine. */
function recompute(groups: readonly UnitGroup[]): Recomputed {
  let units = 0;
  let leavesScored = 0;
  let inputErrors = 0;
  let checksum = 0;
  let criterionRankings = 0;
  const classes = new Map<string, number>();
  const ranked: RankedEntry[][] = [];
  for (const group of groups) {
    const compiled = compileTree(group.tree);
    const buffers = createRollUpBuffers(compiled);
    const entries = new Int32Array(compiled.size).fill(NOT_ENTERED);
    const leaves = compiled.leaves;
    const rules: ScoringRule[] = [];
    const maxes: number[] = [];
    for (const leaf of leaves) {
      const node = compiled.nodes[leaf];
      if (!node?.rule) throw new Error('leaf without a rule');
      rules.push(node.rule);
      maxes.push(node.maxHundredths);
    }
    const criteria = Array.from(compiled.topLevel).filter((i) => (compiled.max[i] ?? 0) > 0);
    const perCriterion: { id: string; value: number }[][] = criteria.map(() => []);
    const indexEntries: { id: string; value: number }[] = [];
    for (let u = 0; u < group.ids.length; u++) {
      const id = group.ids[u] ?? '';
      const unitInputs = group.inputs[u] ?? [];
      for (let j = 0; j < leaves.length; j++) {
        const result = computeScore(rules[j] as ScoringRule, maxes[j] ?? 0, unitInputs[j] ?? {});
        const leaf = leaves[j] ?? 0;
        if (result.ok) entries[leaf] = result.notApplicable ? NOT_APPLICABLE : result.score;
        else {
          entries[leaf] = NOT_ENTERED;
          inputErrors += 1;
        }
      }
      leavesScored += leaves.length;
      const appraised = rollUpCompiled(compiled, entries, buffers);
      const surveyPoints = surveyPointsFromIndex(SURVEY_MAX, group.survey[u] ?? ratio(0, 1));
      const index = computeIndex({
        appraised,
        maxAppraised: buffers.effectiveMax[0] ?? 0,
        survey: surveyPoints,
        maxSurvey: SURVEY_MAX,
      });
      const label = classify(index.hundredths, DEFAULT_PAR_BANDS) ?? '—';
      classes.set(label, (classes.get(label) ?? 0) + 1);
      indexEntries.push({ id, value: index.hundredths });
      criteria.forEach((c, k) => perCriterion[k]?.push({ id, value: buffers.total[c] ?? 0 }));
      checksum += index.hundredths;
      units += 1;
    }
    ranked.push(rankUnits(indexEntries));
    for (const list of perCriterion) {
      rankUnits(list);
      criterionRankings += 1;
    }
  }
  return { units, leavesScored, inputErrors, checksum, classes, ranked, criterionRankings };
}

const ms = (v: number): string => `${formatHundredths(Math.round(v * 100))} ms`;

function measure(): BenchResult {
  const groups = [generateGroup('xa', COMMUNES, 2025), generateGroup('so', OTHER_UNITS, 2026)];
  const problems = groups.flatMap((g) => validateTree(g.tree));
  const nodes = groups.map((g) => compileTree(g.tree).size);
  const times: number[] = [];
  let last: Recomputed | undefined;
  for (let run = 0; run <= MEASURED_RUNS; run++) {
    const start = performance.now();
    last = recompute(groups);
    times.push(performance.now() - start);
  }
  if (!last) throw new Error('no run');
  const cold = times[0] ?? 0;
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? cold;
  const best = warm[0] ?? cold;
  const labels = [...last.classes.keys()].sort();
  const shares = largestRemainderShares(labels.map((l) => last?.classes.get(l) ?? 0));
  const top = last.ranked[0]?.[0];
  return {
    figures: [
      { label: 'Đơn vị', value: `${last.units} (${COMMUNES} xã + ${OTHER_UNITS} đơn vị khác)` },
      {
        label: 'Nút mỗi bộ tiêu chí',
        value: `${nodes.join(' / ')} (lỗi cấu hình: ${problems.length})`,
      },
      {
        label: 'Tiêu chí lá đã chấm',
        value: `${last.leavesScored} (lỗi dữ liệu nhập: ${last.inputErrors})`,
      },
      { label: 'Xếp hạng theo tiêu chí', value: String(last.criterionRankings) },
      { label: 'Lần đầu (nguội)', value: ms(cold) },
      { label: `Trung vị ${MEASURED_RUNS} lần`, value: ms(median) },
      { label: 'Nhanh nhất', value: ms(best) },
      {
        label: 'Đơn vị mỗi giây',
        value: formatHundredths(Math.round((last.units / median) * 1000) * 100, 0),
      },
      {
        label: 'Xếp loại',
        value: labels
          .map((l, i) => `${l} ${last?.classes.get(l) ?? 0} (${formatScaled(shares[i] ?? 0, 1)} %)`)
          .join(', '),
      },
      { label: 'Đứng đầu (xã)', value: top ? `${top.id}: ${formatScaled(top.value, 2)} %` : '—' },
      { label: 'Tổng kiểm tra', value: String(last.checksum) },
    ],
    target: `under ${TARGET_MS} ms (median)`,
    pass: median < TARGET_MS && problems.length === 0,
  };
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = { name: 'Tính lại toàn quốc (national recompute)', run: measure };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Loaded lazily: a static value import would wait on run.ts's top-level await when run.ts is the entry.
  const { printResult } = await import('./run.ts');
  const result = measure();
  printResult(bench.name, result);
  if (result.pass === false) process.exitCode = 1;
}
