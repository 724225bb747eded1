/**
 * Year over year through lineage: seed 000 (xã Kim Phượng's 2022 result of 58,25 against xã Quy
 * Kỳ's 65 of 2021 = 89,6 %), and the rule for several predecessors.
 */
import { describe, expect, it } from 'vitest';
import { toHundredths } from '../scoring/decimal.ts';
import {
  MAX_HOPS,
  yearOverYearWithLineage,
  type LineageLink,
  type PreviousResult,
} from './history.ts';
import { computeResults } from './results.ts';
import { COMMUNE_SET } from './test-factories.ts';
import { DEFAULT_PAR_BANDS } from '../scoring/index.ts';

const prev = (unitId: string, index: string, rank: number | null, max = '100'): PreviousResult => ({
  unitId,
  year: 2021,
  indexHundredths: toHundredths(index),
  maxHundredths: toHundredths(max),
  rank,
  unitsRanked: 19,
});
const previous = (...list: PreviousResult[]) => new Map(list.map((p) => [p.unitId, p]));
const link = (
  predecessorId: string,
  successorId: string,
  mergeType: 'full' | 'partial' = 'full',
): LineageLink => ({ predecessorId, successorId, mergeType });
const current = (unitId: string, index: string, rank: number) => ({
  unitId,
  index: { hundredths: toHundredths(index) },
  rank,
});

describe('seed 000: xã Kim Phượng shows xã Quy Kỳ’s past', () => {
  it('compares 2022’s 58,25 with Quy Kỳ’s 65 of 2021: 89,6 %', () => {
    const criteria = ['6', '6', '5', '13,5', '9', '3', '6,25', '9,5'];
    const { units } = computeResults({ criteriaSets: [COMMUNE_SET], bands: DEFAULT_PAR_BANDS }, [
      {
        unitId: 'kim-phuong',
        unitKind: 'commune',
        self: new Map(criteria.map((s, i) => [String(i + 1), toHundredths(s)])),
        round1: [],
        round2: [],
      },
    ]);
    const [history] = yearOverYearWithLineage(units, previous(prev('quy-ky', '65', 7)), [
      link('quy-ky', 'kim-phuong'),
    ]);
    expect(history).toMatchObject({
      unitId: 'kim-phuong',
      source: 'lineage',
      previousValue: 6500,
      previousRank: 7,
      previousYear: 2021,
      comparison: { ratioText: '89,6 %', differenceText: '-6,75' },
      rankChange: 6,
      usedUnitIds: ['quy-ky'],
      candidates: [{ unitId: 'quy-ky', relation: 'full', hops: 1 }],
    });
  });
});

describe('several predecessors', () => {
  const merged = [current('moi', '70', 2)];

  it('uses a unit’s own previous result first and still lists its predecessors', () => {
    const [h] = yearOverYearWithLineage(
      merged,
      previous(prev('moi', '80', 1), prev('cu', '60', 5)),
      [link('cu', 'moi')],
    );
    expect(h).toMatchObject({
      source: 'own',
      previousValue: 8000,
      usedUnitIds: ['moi'],
      candidates: [
        { unitId: 'moi', relation: 'own' },
        { unitId: 'cu', relation: 'full' },
      ],
    });
  });

  it('prefers a full merge over a partial one, then the largest previous max, then the smallest id', () => {
    const links = [link('b', 'moi', 'partial'), link('c', 'moi'), link('a', 'moi')];
    const [h] = yearOverYearWithLineage(
      merged,
      previous(prev('a', '60', 4), prev('b', '90', 1), prev('c', '50', 9, '130')),
      links,
    );
    expect(h?.usedUnitIds).toEqual(['c']);
    expect(h?.candidates.map((c) => `${c.unitId}:${c.relation}`)).toEqual([
      'c:full',
      'a:full',
      'b:partial',
    ]);
    const [equalMax] = yearOverYearWithLineage(
      merged,
      previous(prev('a', '60', 4), prev('c', '50', 9)),
      links,
    );
    expect(equalMax).toMatchObject({ usedUnitIds: ['a'], previousValue: 6000, previousRank: 4 });
  });

  it('uses partial predecessors only when no full one has a result', () => {
    const [h] = yearOverYearWithLineage(merged, previous(prev('b', '90', 1)), [
      link('a', 'moi'),
      link('b', 'moi', 'partial'),
    ]);
    expect(h).toMatchObject({ source: 'lineage', usedUnitIds: ['b'], previousValue: 9000 });
  });

  it('averages the preferred group under the "mean" rule, with no previous rank', () => {
    const [h] = yearOverYearWithLineage(
      merged,
      previous(prev('a', '60', 4), prev('c', '65,01', 3), prev('b', '90', 1)),
      [link('a', 'moi'), link('c', 'moi'), link('b', 'moi', 'partial')],
      'mean',
    );
    expect(h).toMatchObject({
      usedUnitIds: ['a', 'c'],
      previousValue: 6251, // (60 + 65,01) / 2 = 62,505 → 62,51
      previousRank: null,
      rankChange: null,
      comparison: { ratioText: '112,0 %' },
    });
  });

  it('walks back through units without a result, a path being full only when every link is', () => {
    const [h] = yearOverYearWithLineage(
      merged,
      previous(prev('goc', '75', 2), prev('xa', '55', 8)),
      [
        link('trung-gian', 'moi'),
        link('goc', 'trung-gian', 'partial'),
        link('ben', 'moi'),
        link('xa', 'ben'),
      ],
    );
    expect(h?.candidates.map((c) => `${c.unitId}:${c.relation}:${c.hops}`)).toEqual([
      'xa:full:2',
      'goc:partial:2',
    ]);
  });

  it('survives cycles and stops after MAX_HOPS links', () => {
    const chain = Array.from({ length: MAX_HOPS + 1 }, (_, i) =>
      link(`u${i + 1}`, i === 0 ? 'moi' : `u${i}`),
    );
    const far = `u${MAX_HOPS + 1}`;
    const cyclic = [...chain, link('moi', 'u1')];
    const [h] = yearOverYearWithLineage(merged, previous(prev(far, '70', 1)), cyclic);
    expect(h).toMatchObject({
      source: 'none',
      previousValue: null,
      comparison: null,
      candidates: [],
    });
    const [near] = yearOverYearWithLineage(merged, previous(prev(`u${MAX_HOPS}`, '70', 1)), cyclic);
    expect(near?.candidates[0]?.hops).toBe(MAX_HOPS);
  });

  it('reports no comparison for a unit without any past', () => {
    expect(yearOverYearWithLineage(merged, new Map(), [])[0]).toMatchObject({
      source: 'none',
      usedUnitIds: [],
    });
  });
});
