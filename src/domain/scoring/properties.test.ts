/** Properties that must hold for any data, checked with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRatios, ratio } from './decimal.ts';
import { largestRemainderShares, rankUnits } from './index.ts';
import { formatRuleText, parseRuleText } from './rule-text.ts';
import { computeScore, scoreNode, type ScoringRule } from './rules.ts';
import {
  arbInputs,
  arbMonotoneBands,
  arbOrderedRates,
  arbRule,
  arbScoredTree,
  arbTreeWithAdjustments,
  leavesOf,
} from './test-arbitraries.ts';
import { effectiveNotApplicable, rollUp, type CriteriaNode, type EnteredScore } from './tree.ts';

describe('scores stay within bounds', () => {
  it('no rule scores above its max or below its floor, whatever is entered', () => {
    fc.assert(
      fc.property(arbRule, fc.integer({ min: 0, max: 100_000 }), arbInputs, (rule, max, inputs) => {
        const result = scoreNode(rule, max, inputs);
        expect(computeScore(rule, max, inputs).ok).toBe(result.ok);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        const floor =
          rule.type === 'deduction' && !result.notApplicable ? Math.min(rule.floor ?? 0, max) : 0;
        expect(Number.isSafeInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(floor);
        expect(result.score).toBeLessThanOrEqual(max);
        expect(computeScore(rule, max, inputs)).toMatchObject({ score: result.score });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a better input never lowers a score', () => {
  it('under a band rule whose points rise with the rate', () => {
    fc.assert(
      fc.property(arbMonotoneBands, fc.boolean(), ({ rule, max }, above) => {
        const allowAbove = rule.type === 'bands' && rule.bands.some((b) => b.toPercent === null);
        return fc.assert(
          fc.property(arbOrderedRates(allowAbove && above), ([low, high]) => {
            const a = scoreNode(rule, max, { rate: low });
            const b = scoreNode(rule, max, { rate: high });
            expect(a.ok && b.ok).toBe(true);
            if (a.ok && b.ok) expect(a.score).toBeLessThanOrEqual(b.score);
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 100 },
    );
  });

  it('under a proportional rule, with or without a step', () => {
    const rule = fc.oneof(
      fc.constant<ScoringRule>({ type: 'proportional' }),
      fc.constantFrom(25, 50, 100).map((step): ScoringRule => ({ type: 'proportional', step })),
    );
    fc.assert(
      fc.property(
        rule,
        fc.integer({ min: 1, max: 5_000 }),
        arbOrderedRates(false),
        (r, max, [low, high]) => {
          expect(
            compareRatios(
              ratio(low.numerator, low.denominator),
              ratio(high.numerator, high.denominator),
            ),
          ).toBeLessThanOrEqual(0);
          const a = scoreNode(r, max, { rate: low });
          const b = scoreNode(r, max, { rate: high });
          if (a.ok && b.ok) expect(a.score).toBeLessThanOrEqual(b.score);
          else expect.unreachable('valid rates must score');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

interface Reference {
  score: number;
  max: number;
  bonus: number;
  penalty: number;
  kind: 'normal' | 'bonus' | 'penalty';
  fullMax: number;
}

/** A straightforward recursive roll-up to check the compiled engine against. */
function reference(
  node: CriteriaNode,
  scores: ReadonlyMap<string, EnteredScore>,
  inherited: 'normal' | 'bonus' | 'penalty' = 'normal',
): Reference {
  const kind = node.kind ?? inherited;
  if (node.children.length === 0) {
    const v = scores.get(node.code);
    const excluded = v === 'na' && effectiveNotApplicable(node) === 'exclude';
    const score = typeof v === 'number' ? Math.min(v, node.maxHundredths) : 0;
    return {
      score,
      max: excluded ? 0 : node.maxHundredths,
      bonus: kind === 'bonus' ? score : 0,
      penalty: kind === 'penalty' ? score : 0,
      kind,
      fullMax: node.maxHundredths,
    };
  }
  const parts = node.children.map((c) => reference(c, scores, kind));
  const normal = parts.filter((p) => p.kind === 'normal');
  const removed = normal.reduce((a, p) => a + (p.fullMax - p.max), 0);
  const max = Math.max(0, node.maxHundredths - removed);
  const sum = normal.reduce((a, p) => a + p.score, 0);
  return {
    score: Math.min(Math.max(sum, 0), max),
    max,
    bonus: parts.reduce((a, p) => a + p.bonus, 0),
    penalty: parts.reduce((a, p) => a + p.penalty, 0),
    kind,
    fullMax: node.maxHundredths,
  };
}

describe('roll-up', () => {
  it('equals the sum of its leaves when every parent is worth the sum of its children', () => {
    fc.assert(
      fc.property(arbScoredTree, ({ tree, scores }) => {
        const result = rollUp(tree, scores);
        let sum = 0;
        let excluded = 0;
        for (const leaf of leavesOf(tree)) {
          const v = scores.get(leaf.code);
          if (typeof v === 'number') sum += v;
          else if (effectiveNotApplicable(leaf) === 'exclude') excluded += leaf.maxHundredths;
        }
        expect(result.total).toBe(sum);
        expect(result.max).toBe(tree.maxHundredths - excluded);
        for (const node of result.nodes.values()) {
          expect(node.score).toBeGreaterThanOrEqual(0);
          expect(node.score).toBeLessThanOrEqual(node.max);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('caps each parent at its max and keeps bonus and penalty outside it', () => {
    fc.assert(
      fc.property(arbTreeWithAdjustments, ({ tree, scores }) => {
        const result = rollUp(tree, scores);
        const expected = reference(tree, scores);
        expect(result.nodes.get('')).toMatchObject({
          score: expected.score,
          max: expected.max,
          bonus: expected.bonus,
          penalty: expected.penalty,
        });
        expect(result.total).toBe(
          Math.min(Math.max(0, expected.score + expected.bonus - expected.penalty), expected.max),
        );
        for (const child of tree.children) {
          const ref = reference(child, scores);
          expect(result.nodes.get(child.code)).toMatchObject({ score: ref.score, max: ref.max });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('ranking', () => {
  const entries = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      value: fc.integer({ min: 0, max: 50 }),
    }),
    {
      selector: (e) => e.id,
      maxLength: 40,
    },
  );

  it('depends on the scores alone, not on the order units were entered', () => {
    fc.assert(
      fc.property(
        entries.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(rankUnits(shuffled)).toEqual(rankUnits(list));
        },
      ),
    );
  });

  it('gives each unit one plus the number of units strictly ahead of it', () => {
    fc.assert(
      fc.property(entries, (list) => {
        for (const r of rankUnits(list)) {
          expect(r.rank).toBe(1 + list.filter((e) => e.value > r.value).length);
        }
      }),
    );
  });
});

describe('shares of a whole', () => {
  it('always add up to exactly 100,0 % and stay within one step of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100_000), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0, 1, 2),
        (counts, decimals) => {
          const total = counts.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const d = decimals as 0 | 1 | 2;
          const shares = largestRemainderShares(counts, d);
          const whole = 100 * 10 ** d;
          expect(shares.reduce((a, b) => a + b, 0)).toBe(whole);
          shares.forEach((s, i) => {
            const exact = ((counts[i] ?? 0) * whole) / total;
            expect(s).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(s).toBeLessThanOrEqual(Math.ceil(exact));
          });
        },
      ),
    );
  });
});

describe('rule text', () => {
  it('parseRuleText(formatRuleText(rule)) gives back the same rule', () => {
    fc.assert(
      fc.property(arbRule, (rule) => {
        expect(parseRuleText(formatRuleText(rule))).toEqual({ ok: true, rule });
      }),
      { numRuns: 2000 },
    );
  });
});
