/**
 * fast-check generators shared by the scoring property tests: rules in their canonical data form,
 * raw (possibly invalid) inputs, monotone band rules, and criteria trees with leaf scores.
 * Test support only; nothing in the app imports it.
 */
import fc from 'fast-check';
import type {
  BonusRule,
  DeductionRule,
  InputValue,
  NotApplicablePolicy,
  PenaltyRule,
  ProportionalRule,
  RateBand,
  RuleInputValues,
  ScoringRule,
  TimelinessRule,
} from './rules.ts';
import type { CriteriaNode, EnteredScore, NodeKind } from './tree.ts';

const points = fc.integer({ min: 0, max: 100_000 });
const positivePoints = fc.integer({ min: 1, max: 100_000 });
const percent = fc.integer({ min: 0, max: 10_000 });

const isoDate = fc
  .date({
    min: new Date(Date.UTC(1990, 0, 1)),
    max: new Date(Date.UTC(2100, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const naPolicy = fc.option(fc.constantFrom<NotApplicablePolicy>('exclude', 'zero'), {
  nil: undefined,
});

// Canonical rules leave optional fields out rather than set them to undefined, as parsing does.
function withOptional<T extends object>(base: T, extras: Partial<T>): T {
  const out = { ...base };
  for (const key of Object.keys(extras) as (keyof T)[]) {
    const value = extras[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const band: fc.Arbitrary<RateBand> = fc
  .record({
    fromPercent: percent,
    to: fc.oneof(percent, fc.constant(null), fc.constant(10_000)),
    inclusive: fc.boolean(),
    points,
  })
  .map(({ fromPercent, to, inclusive, points: p }) =>
    to === 10_000 && inclusive
      ? { fromPercent, toPercent: to, toInclusive: true, points: p }
      : { fromPercent, toPercent: to, points: p },
  );

/** Any rule in canonical data form (optional fields absent, not undefined); not necessarily valid. */
export const arbRule: fc.Arbitrary<ScoringRule> = fc
  .tuple(
    fc.oneof(
      fc.constant<ScoringRule>({ type: 'judgement' }),
      fc.constant<ScoringRule>({ type: 'yes_no' }),
      fc
        .array(band, { minLength: 1, maxLength: 5 })
        .map((bands): ScoringRule => ({ type: 'bands', bands })),
      fc
        .option(positivePoints, { nil: undefined })
        .map((step): ScoringRule =>
          withOptional<ProportionalRule>({ type: 'proportional' }, { step }),
        ),
      fc
        .record({ perIncident: points, floor: fc.option(points, { nil: undefined }) })
        .map(({ perIncident, floor }): ScoringRule =>
          withOptional<DeductionRule>({ type: 'deduction', perIncident }, { floor }),
        ),
      fc
        .record({
          deadline: isoDate,
          latePoints: points,
          lateUntil: fc.option(isoDate, { nil: undefined }),
        })
        .map(({ deadline, latePoints, lateUntil }): ScoringRule =>
          withOptional<TimelinessRule>({ type: 'timeliness', deadline, latePoints }, { lateUntil }),
        ),
      fc
        .record({
          type: fc.constantFrom('bonus' as const, 'penalty' as const),
          perItem: points,
          cap: fc.option(points, { nil: undefined }),
        })
        .map(({ type, perItem, cap }): ScoringRule =>
          withOptional<BonusRule | PenaltyRule>({ type, perItem }, { cap }),
        ),
    ),
    naPolicy,
  )
  .map(([rule, notApplicable]) => withOptional(rule, { notApplicable }));

const anyValue: fc.Arbitrary<InputValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -1000, max: 200_000 }),
  fc.boolean(),
  isoDate,
  fc.constant('31/12/2021'),
  fc.record({
    numerator: fc.integer({ min: -5, max: 2000 }),
    denominator: fc.integer({ min: -5, max: 2000 }),
  }),
);

/** Raw values for every key any rule reads, mostly well-typed, sometimes wrong or missing. */
export const arbInputs: fc.Arbitrary<RuleInputValues> = fc.record({
  score: fc.oneof(fc.integer({ min: 0, max: 100_000 }), anyValue),
  achieved: fc.oneof(fc.boolean(), anyValue),
  rate: fc.oneof(
    fc.record({ numerator: fc.nat(2000), denominator: fc.integer({ min: 1, max: 2000 }) }),
    anyValue,
  ),
  incidents: fc.oneof(fc.nat(50), anyValue),
  items: fc.oneof(fc.nat(50), anyValue),
  issuedOn: fc.oneof(isoDate, fc.constant(null), anyValue),
  notApplicable: fc.oneof(fc.constant(undefined), fc.boolean(), anyValue),
});

/** A well-formed band rule whose points never decrease as the rate rises, with its max. */
export const arbMonotoneBands: fc.Arbitrary<{ rule: ScoringRule; max: number }> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 5 }),
    increments: fc.array(fc.nat(300), { minLength: 6, maxLength: 6 }),
    openTop: fc.boolean(),
  })
  .map(({ cuts, increments, openTop }) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b)];
    let p = 0;
    const bands: RateBand[] = bounds.map((from, i) => {
      p += increments[i] ?? 0;
      const next = bounds[i + 1];
      if (next !== undefined) return { fromPercent: from, toPercent: next, points: p };
      return openTop
        ? { fromPercent: from, toPercent: null, points: p }
        : { fromPercent: from, toPercent: 10_000, toInclusive: true, points: p };
    });
    return { rule: { type: 'bands', bands }, max: Math.max(p, 1) };
  });

/** Two rates a ≤ b (as exact ratios), each as {numerator, denominator}. */
export const arbOrderedRates = (allowAbove100: boolean) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 500 }),
      fc.nat(500),
      fc.integer({ min: 1, max: 500 }),
      fc.nat(500),
    )
    .map(([d1, n1, d2, n2]) => {
      const a = { numerator: allowAbove100 ? n1 : Math.min(n1, d1), denominator: d1 };
      const b = { numerator: allowAbove100 ? n2 : Math.min(n2, d2), denominator: d2 };
      return a.numerator * b.denominator <= b.numerator * a.denominator
        ? ([a, b] as const)
        : ([b, a] as const);
    });

interface Shape {
  leafMax?: number;
  na?: NotApplicablePolicy;
  children: Shape[];
}

const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape; leaf: Shape; group: Shape }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('group')),
  leaf: fc
    .record({ leafMax: fc.integer({ min: 1, max: 1_000 }), na: naPolicy })
    .map(({ leafMax, na }) => withOptional<Shape>({ leafMax, children: [] }, { na })),
  group: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((children) => ({ children })),
})).node;

/** Builds a valid tree from a shape: parent max = sum of children, codes follow the prefix rule. */
function build(s: Shape, code: string, title: string): CriteriaNode {
  if (s.children.length === 0) {
    const node: CriteriaNode = {
      code,
      title,
      maxHundredths: s.leafMax ?? 100,
      rule: { type: 'judgement' },
      children: [],
    };
    if (s.na) node.notApplicable = s.na;
    return node;
  }
  const children = s.children.map((c, i) =>
    build(c, code === '' ? String(i + 1) : `${code}.${i + 1}`, `${title}.${i + 1}`),
  );
  return {
    code,
    title,
    maxHundredths: children.reduce((a, c) => a + c.maxHundredths, 0),
    children,
  };
}

/** Leaves of a tree in pre-order. */
export function leavesOf(tree: CriteriaNode): CriteriaNode[] {
  if (tree.children.length === 0) return [tree];
  return tree.children.flatMap(leavesOf);
}

/** A valid normal tree (at least one criterion) with an entry for every leaf: a score ≤ max or 'na'. */
export const arbScoredTree: fc.Arbitrary<{
  tree: CriteriaNode;
  scores: Map<string, EnteredScore>;
}> = fc
  .array(shape, { minLength: 1, maxLength: 6 })
  .map((criteria) => build({ children: criteria }, '', 'Bộ'))
  .chain((tree) => {
    const leaves = leavesOf(tree);
    return fc
      .tuple(
        ...leaves.map((l) =>
          fc.oneof(fc.integer({ min: 0, max: l.maxHundredths }), fc.constant<EnteredScore>('na')),
        ),
      )
      .map((values) => ({ tree, scores: new Map(leaves.map((l, i) => [l.code, values[i] ?? 0])) }));
  });

/** A tree with bonus and penalty leaves added under the root and random parent caps. */
export const arbTreeWithAdjustments = arbScoredTree.chain(({ tree, scores }) =>
  fc
    .record({
      bonusCap: fc.integer({ min: 1, max: 500 }),
      penaltyCap: fc.integer({ min: 1, max: 500 }),
      bonus: fc.nat(800),
      penalty: fc.nat(800),
      rootCut: fc.nat(2_000),
    })
    .map(({ bonusCap, penaltyCap, bonus, penalty, rootCut }) => {
      const adjustment = (code: string, kind: NodeKind, cap: number): CriteriaNode => ({
        code,
        title: code,
        maxHundredths: cap,
        kind,
        rule: kind === 'bonus' ? { type: 'bonus', perItem: 50 } : { type: 'penalty', perItem: 50 },
        children: [],
      });
      const withAdj: CriteriaNode = {
        ...tree,
        maxHundredths: Math.max(0, tree.maxHundredths - rootCut),
        children: [
          ...tree.children,
          adjustment('B', 'bonus', bonusCap),
          adjustment('P', 'penalty', penaltyCap),
        ],
      };
      const all = new Map(scores);
      all.set('B', bonus);
      all.set('P', penalty);
      return { tree: withAdj, scores: all };
    }),
);
