/**
 * Campaign results through the scoring engine: seed 000's 58,25 (Trung bình), seed 002's lost
 * points with their reasons across self / round 1 / round 2, seed 004's 17 communes on a 70 + 30
 * scheme (14 Tốt, 1 Khá, 2 Trung bình = 82,3 / 5,9 / 11,8 %), properties, and speed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAR_2025_COMMUNE_TEMPLATE } from '../scoring/bundled-sets.ts';
import { formatPoints, toHundredths } from '../scoring/decimal.ts';
import { DEFAULT_PAR_BANDS } from '../scoring/index.ts';
import { arbScoredTree, leavesOf } from '../scoring/test-arbitraries.ts';
import type { EnteredScore } from '../scoring/tree.ts';
import type { Round1Entry, Round2Decision, Round2Disposition } from './assessment.ts';
import {
  bandsFor,
  compareRounds,
  computeResults,
  resolveFinal,
  type SurveyInput,
  type UnitAssessment,
} from './results.ts';
import type { CampaignCriteriaSet } from './setup.ts';
import { CAMPAIGN, COMMUNE_SET } from './test-factories.ts';

const campaign = { criteriaSets: [COMMUNE_SET], bands: DEFAULT_PAR_BANDS };

const unit = (
  unitId: string,
  self: [string, EnteredScore][],
  round1: Round1Entry[] = [],
  round2: Round2Decision[] = [],
): UnitAssessment => ({ unitId, unitKind: 'commune', self: new Map(self), round1, round2 });

describe('seed 000: xã Quy Kỳ / Kim Phượng 2022', () => {
  const criteria = ['6', '6', '5', '13,5', '9', '3', '6,25', '9,5'];
  const seed000 = unit(
    'kim-phuong',
    criteria.map((s, i) => [String(i + 1), toHundredths(s)]),
  );

  it('adds 6; 6; 5; 13,5; 9; 3; 6,25; 9,5 to 58,25 of 100, "Trung bình"', () => {
    const { units, problems } = computeResults(campaign, [seed000]);
    expect(problems).toEqual([]);
    const [result] = units;
    expect(result).toMatchObject({
      unitId: 'kim-phuong',
      appraisedHundredths: 5825,
      maxAppraisedHundredths: 10000,
      surveyHundredths: null,
      surveyMissing: false,
      index: { hundredths: 5825, text: '58,25' },
      classLabel: 'Trung bình',
      rank: 1,
      unitsRanked: 1,
      missing: [],
    });
    expect(result?.criteria.map((c) => `${formatPoints(c.score)}/${formatPoints(c.max)}`)).toEqual([
      '6,00/10,00',
      '6,00/7,00',
      '5,00/20,00',
      '13,50/20,00',
      '9,00/10,00',
      '3,00/5,00',
      '6,25/12,00',
      '9,50/16,00',
    ]);
    // Criterion-level entries: the points lost are reported per criterion, 41,75 in all.
    expect(result?.lostPoints.reduce((a, l) => a + l.lost, 0)).toBe(4175);
    expect(result?.lostPoints.map((l) => l.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
});

describe('seed 002: xã Phượng Tiến, self vs round 1 vs round 2', () => {
  const R22 =
    'Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.';
  const R23 =
    'Không có văn bản QPPL, chỉ có văn bản hành chính thông thường nên việc công khai văn bản QPPL trên trang thông tin điện tử của xã còn ít.';
  const R72 = 'Kế hoạch chuyển đổi số chưa đầy đủ nội dung';
  const self: [string, EnteredScore][] = [
    ['2.2', 150],
    ['2.3', 200],
    ['7.2', 50],
  ];
  const round1: Round1Entry[] = [
    { code: '2.2', score: 100, reason: R22, appraiserUserId: 31 },
    { code: '2.3', score: 150, reason: R23, appraiserUserId: 31 },
    { code: '7.2', score: 50, reason: R72, appraiserUserId: 32 },
  ];

  it('loses 0,5 at 2.2 and 2.3 and 1 at 7.2, each with the appraiser’s reason', () => {
    const [result] = computeResults(campaign, [unit('phuong-tien', self, round1)]).units;
    const lost = (code: string) => result?.lostPoints.find((l) => l.code === code);
    expect(lost('2.2')).toMatchObject({
      max: 150,
      final: 100,
      lost: 50,
      source: 'round1',
      reason: R22,
    });
    expect(lost('2.3')).toMatchObject({ max: 200, final: 150, lost: 50, reason: R23 });
    expect(lost('7.2')).toMatchObject({ max: 150, final: 50, lost: 100, reason: R72 });
    // Leaves nobody entered are lost too, without a reason.
    expect(lost('2.1')).toMatchObject({ lost: 50, source: null, reason: null });
  });

  it('compares self, round 1 and the final score node by node, parents rolled up', () => {
    const round2: Round2Decision[] = [
      {
        code: '2.2',
        disposition: 'still_open',
        reason: 'Chưa có báo cáo rà soát',
        appraiserUserId: 31,
      },
      { code: '2.3', disposition: 'defended', reason: 'Giải trình hợp lý', appraiserUserId: 31 },
    ];
    const { nodes, problems } = compareRounds(
      COMMUNE_SET,
      unit('phuong-tien', self, round1, round2),
    );
    expect(problems).toEqual([]);
    const row = (code: string) => {
      const n = nodes.find((x) => x.code === code);
      return n && [n.self.score, n.afterRound1.score, n.final.score, n.final.max, n.lost, n.reason];
    };
    expect(row('2.2')).toEqual([150, 100, 100, 150, 50, 'Chưa có báo cáo rà soát']);
    expect(row('2.3')).toEqual([200, 150, 200, 200, 0, 'Giải trình hợp lý']);
    expect(row('7.2')).toEqual([50, 50, 50, 150, 100, R72]);
    expect(row('2')).toEqual([350, 250, 300, 700, 400, null]);
    expect(nodes.find((n) => n.code === '2.3')?.round2?.disposition).toBe('defended');
    expect(nodes[0]).toMatchObject({ code: '', depth: 0, isLeaf: false });
  });

  it('keeps round 1’s reason beside round 2’s when a finding stays open', () => {
    const round2: Round2Decision[] = [
      { code: '2.2', disposition: 'still_open', reason: 'Chưa khắc phục', appraiserUserId: 31 },
      {
        code: '2.3',
        disposition: 'addressed',
        score: 175,
        reason: 'Đã bổ sung',
        appraiserUserId: 31,
      },
    ];
    const [result] = computeResults(campaign, [unit('pt', self, round1, round2)]).units;
    expect(result?.lostPoints.find((l) => l.code === '2.2')).toMatchObject({
      lost: 50,
      source: 'round2',
      disposition: 'still_open',
      reason: 'Chưa khắc phục',
      round1Reason: R22,
    });
    expect(result?.lostPoints.find((l) => l.code === '2.3')).toMatchObject({
      final: 175,
      lost: 25,
      disposition: 'addressed',
    });
  });

  it('ignores and reports a round-2 decision without a round-1 entry', () => {
    const stray: Round2Decision = {
      code: '1.4',
      disposition: 'addressed',
      score: 150,
      reason: 'x',
      appraiserUserId: 31,
    };
    const [result] = computeResults(campaign, [unit('pt', self, round1, [stray])]).units;
    expect(result?.problems).toEqual([
      {
        code: '1.4',
        message: 'Kết luận vòng 2 không có kết luận vòng 1 tương ứng nên không được tính',
      },
    ]);
    expect(result?.lostPoints.find((l) => l.code === '1.4')).toMatchObject({ lost: 150 });
  });
});

describe('resolveFinal: round 2 > round 1 > self', () => {
  const r1: Round1Entry = { code: 'x', score: 100, reason: 'r1', appraiserUserId: 1 };
  const r2 = (disposition: Round2Disposition, score?: number): Round2Decision => ({
    code: 'x',
    disposition,
    reason: 'r2',
    appraiserUserId: 1,
    ...(score === undefined ? {} : { score }),
  });
  it('applies each disposition', () => {
    expect(resolveFinal(150, r1, r2('addressed', 120), 200)?.score).toBe(120);
    expect(resolveFinal(250, r1, r2('defended'), 200)?.score).toBe(200); // capped at max
    expect(resolveFinal('na', r1, r2('defended'), 200)?.score).toBe('na');
    expect(resolveFinal(undefined, r1, r2('defended'), 200)?.score).toBe(100);
    expect(resolveFinal(150, r1, r2('still_open'), 200)).toEqual({
      score: 100,
      source: 'round2',
      reason: 'r2',
      disposition: 'still_open',
    });
    expect(resolveFinal(150, r1, undefined, 200)?.source).toBe('round1');
    expect(resolveFinal(150, undefined, r2('addressed', 10), 200)?.source).toBe('self');
    expect(resolveFinal(undefined, undefined, undefined, 200)).toBeNull();
  });
});

describe('seed 004: 17 communes on 70 appraised + 30 survey points', () => {
  const set: CampaignCriteriaSet = {
    id: PAR_2025_COMMUNE_TEMPLATE.id,
    unitKind: 'commune',
    tree: PAR_2025_COMMUNE_TEMPLATE.tree,
    surveyMaxHundredths: PAR_2025_COMMUNE_TEMPLATE.surveyMaxHundredths,
  };
  const areas = PAR_2025_COMMUNE_TEMPLATE.tree.children.filter((c) => c.code !== '9');
  // Fills the eight areas in order up to their max, so the appraised total is exactly `total`.
  const spread = (total: string): [string, EnteredScore][] => {
    let left = toHundredths(total);
    const entries: [string, EnteredScore][] = areas.map((a) => {
      const s = Math.min(left, a.maxHundredths);
      left -= s;
      return [a.code, s];
    });
    return [...entries, ['9.1', 0], ['9.2', 0]];
  };
  const commune = (id: string, appraised: string, survey: SurveyInput): UnitAssessment => ({
    ...unit(id, spread(appraised)),
    survey,
  });
  const points = (p: string): SurveyInput => ({
    source: 'entered',
    pointsHundredths: toHundredths(p),
  });
  const communes: UnitAssessment[] = [
    ...Array.from({ length: 12 }, (_, i) =>
      commune(`xa-${String(i + 1).padStart(2, '0')}`, '61,14', points('27')),
    ),
    commune('xa-13', '61,14', { source: 'sipas', index: 9337 }),
    commune('xa-14', '61,08', { source: 'imported', pointsHundredths: 2700 }),
    commune('xa-15', '52', points('20')),
    commune('xa-16', '45', points('15')),
    commune('xa-17', '45', points('15')),
  ];
  const results = computeResults({ criteriaSets: [set], bands: DEFAULT_PAR_BANDS }, communes);

  it('classifies 14 Tốt, 1 Khá, 2 Trung bình = 82,3 / 5,9 / 11,8 %, averaging 58,70 of 70', () => {
    const [summary] = results.summaries;
    expect(summary?.units).toBe(17);
    expect(formatPoints(summary?.averageAppraisedHundredths ?? 0)).toBe('58,70');
    expect(formatPoints(summary?.maxAppraisedHundredths ?? 0)).toBe('70,00');
    expect(summary?.classes.map((c) => `${c.label} ${c.count} = ${c.shareText}`)).toEqual([
      'Tốt 14 = 82,3 %',
      'Khá 1 = 5,9 %',
      'Trung bình 2 = 11,8 %',
      'Yếu 0 = 0,0 %',
    ]);
    expect(summary?.unclassified).toBe(0);
  });

  it('adds survey points (a SIPAS index of 93,37 % gives 28,01 of 30) and ranks within the kind', () => {
    const byId = new Map(results.units.map((r) => [r.unitId, r]));
    expect(byId.get('xa-13')).toMatchObject({
      surveyHundredths: 2801,
      index: { text: '89,15' },
      rank: 1,
    });
    expect(byId.get('xa-01')).toMatchObject({ index: { text: '88,14' }, rank: 2, unitsRanked: 17 });
    expect(byId.get('xa-12')?.rank).toBe(2);
    expect(byId.get('xa-14')).toMatchObject({ index: { text: '88,08' }, rank: 14 });
    expect(byId.get('xa-15')).toMatchObject({
      index: { text: '72,00' },
      classLabel: 'Khá',
      rank: 15,
    });
    expect(byId.get('xa-16')).toMatchObject({ classLabel: 'Trung bình', rank: 16 });
    expect(byId.get('xa-17')?.rank).toBe(16);
    expect(results.units.map((r) => r.unitId).slice(0, 3)).toEqual(['xa-13', 'xa-01', 'xa-02']);
  });

  it('ranks per criterion (top-level normal criteria only)', () => {
    const r = results.units.find((u) => u.unitId === 'xa-16');
    expect(r?.criteria.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(r?.criteria[0]).toMatchObject({ code: '1', score: 700, rank: 1 });
    // 45 points fill areas 1–6 (7+7+12+6+9+4), leaving area 7 at 0: last with xa-17.
    expect(r?.criteria[6]).toMatchObject({ code: '7', score: 0, rank: 16 });
  });

  it('indexes a unit without survey points over the appraised part and flags it', () => {
    const { units } = computeResults({ criteriaSets: [set], bands: DEFAULT_PAR_BANDS }, [
      unit('xa-01', spread('56')),
    ]);
    expect(units[0]).toMatchObject({
      surveyMissing: true,
      surveyHundredths: null,
      index: { text: '80,00' },
    });
  });

  it('caps survey points above the survey max and says so', () => {
    const [r] = computeResults({ criteriaSets: [set], bands: DEFAULT_PAR_BANDS }, [
      commune('xa-01', '56', points('31')),
    ]).units;
    expect(r?.surveyHundredths).toBe(3000);
    expect(r?.problems[0]?.message).toContain('vượt điểm tối đa');
  });

  it('reports a unit whose kind has no criteria set', () => {
    const res = computeResults(campaign, [{ ...unit('so-1', []), unitKind: 'department' }]);
    expect(res.units).toEqual([]);
    expect(res.problems).toEqual([
      { unitId: 'so-1', message: 'Chưa có bộ chỉ số cho loại đơn vị “department”' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const arbUnitOnTree = arbScoredTree.chain(({ tree, scores }) => {
  const leaves = leavesOf(tree);
  const step = fc.record({
    r1: fc.option(fc.oneof(fc.nat(3_000), fc.constant<EnteredScore>('na')), { nil: undefined }),
    r2: fc.option(
      fc.record({
        disposition: fc.constantFrom<Round2Disposition>('addressed', 'defended', 'still_open'),
        score: fc.nat(3_000),
      }),
      { nil: undefined },
    ),
  });
  return fc.tuple(...leaves.map(() => step)).map((steps) => {
    const round1: Round1Entry[] = [];
    const round2: Round2Decision[] = [];
    leaves.forEach((leaf, i) => {
      const s = steps[i];
      if (s?.r1 === undefined) return;
      round1.push({ code: leaf.code, score: s.r1, reason: 'r1', appraiserUserId: 1 });
      if (s.r2) {
        round2.push({
          code: leaf.code,
          disposition: s.r2.disposition,
          reason: 'r2',
          appraiserUserId: 1,
          ...(s.r2.disposition === 'addressed' ? { score: s.r2.score } : {}),
        });
      }
    });
    const set: CampaignCriteriaSet = {
      id: 's',
      unitKind: 'commune',
      tree,
      surveyMaxHundredths: null,
    };
    return { set, unit: unit('u', [...scores], round1, round2) };
  });
});

describe('properties', () => {
  it('never gives a node a final score above its max', () => {
    fc.assert(
      fc.property(arbUnitOnTree, ({ set, unit: u }) => {
        const { nodes } = compareRounds(set, u);
        for (const n of nodes) {
          expect(n.final.score).toBeLessThanOrEqual(n.final.max);
          expect(n.lost).toBeGreaterThanOrEqual(0);
        }
        const [r] = computeResults({ criteriaSets: [set], bands: [] }, [u]).units;
        expect(r?.appraisedHundredths).toBeLessThanOrEqual(r?.maxAppraisedHundredths ?? -1);
        for (const l of r?.lostPoints ?? []) {
          expect(l.final).toBeLessThan(l.max);
          expect(l.lost).toBe(l.max - l.final);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never changes the round-1 score when round 2 leaves a finding open', () => {
    fc.assert(
      fc.property(arbUnitOnTree, ({ set, unit: u }) => {
        const { nodes } = compareRounds(set, u);
        for (const d of u.round2) {
          if (d.disposition !== 'still_open') continue;
          const r1 = u.round1.find((e) => e.code === d.code);
          expect(resolveFinal(u.self.get(d.code), r1, d, 100_000)?.score).toBe(r1?.score);
          const n = nodes.find((x) => x.code === d.code);
          expect(n?.final.score).toBe(n?.afterRound1.score);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same results whatever the order of the units', () => {
    const leaves = leavesOf(COMMUNE_SET.tree).filter((l) => l.rule?.type === 'judgement');
    const arbUnits = fc
      .uniqueArray(
        fc.record({
          id: fc.stringMatching(/^[a-z]{1,4}$/),
          scores: fc.array(fc.nat(1_000), { minLength: leaves.length, maxLength: leaves.length }),
          cut: fc.nat(leaves.length),
        }),
        { selector: (u) => u.id, minLength: 1, maxLength: 12 },
      )
      .map((list) =>
        list.map((u) =>
          unit(
            u.id,
            leaves
              .slice(0, u.cut)
              .map((l, i): [string, EnteredScore] => [l.code, u.scores[i] ?? 0]),
            u.cut > 3
              ? [{ code: leaves[0]?.code ?? '', score: 0, reason: 'r', appraiserUserId: 31 }]
              : [],
          ),
        ),
      );
    fc.assert(
      fc.property(
        arbUnits.chain((units) =>
          fc.tuple(fc.constant(units), fc.shuffledSubarray(units, { minLength: units.length })),
        ),
        ([units, shuffled]) => {
          expect(computeResults(campaign, shuffled)).toEqual(computeResults(campaign, units));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('speed', () => {
  it('computes 3,321 communes × 106 nodes well within a second or two', () => {
    const leaves = leavesOf(COMMUNE_SET.tree);
    const units: UnitAssessment[] = Array.from({ length: 3321 }, (_, u) =>
      unit(
        `xa-${u}`,
        leaves.map((l, i): [string, EnteredScore] => [
          l.code,
          ((l.maxHundredths * ((u + i) % 5)) / 4) | 0,
        ]),
        leaves
          .filter((_, i) => i % 10 === u % 10)
          .map((l) => ({
            code: l.code,
            score: 0,
            reason: 'Thiếu minh chứng',
            appraiserUserId: 31,
          })),
      ),
    );
    const start = performance.now();
    const results = computeResults({ ...campaign, bands: CAMPAIGN.bands }, units);
    const elapsed = performance.now() - start;
    expect(results.units).toHaveLength(3321);
    expect(results.summaries[0]?.classes.reduce((a, c) => a + c.count, 0)).toBe(3321);
    expect(elapsed).toBeLessThan(3_000);
  });
});

describe('class bands of a unit kind', () => {
  const five = [
    { label: 'Xuất sắc', fromPercent: 9000, toPercent: null },
    { label: 'Tốt', fromPercent: 8000, toPercent: 9000 },
    { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
    { label: 'Trung bình', fromPercent: 5000, toPercent: 6500 },
    { label: 'Yếu', fromPercent: 0, toPercent: 5000 },
  ];
  const own = [
    { label: 'Đạt', fromPercent: 5000, toPercent: null },
    { label: 'Chưa đạt', fromPercent: 0, toPercent: 5000 },
  ];
  const set = {
    id: '1',
    unitKind: 'commune',
    tree: PAR_2025_COMMUNE_TEMPLATE.tree,
    surveyMaxHundredths: 3000,
  };

  it('are the campaign’s own, else its criteria set’s, else the defaults', () => {
    const labels = (bands: readonly { label: string }[]) => bands.map((b) => b.label);
    // A campaign created from a set with five classes classes on those five.
    expect(labels(bandsFor({ ...set, setBands: five }, { criteriaSets: [], bands: [] }))).toEqual(
      labels(five),
    );
    expect(labels(bandsFor({ ...set, setBands: five }, { criteriaSets: [], bands: own }))).toEqual([
      'Đạt',
      'Chưa đạt',
    ]);
    expect(
      labels(bandsFor({ ...set, setBands: five, bands: own }, { criteriaSets: [], bands: [] })),
    ).toEqual(['Đạt', 'Chưa đạt']);
    expect(labels(bandsFor(set, { criteriaSets: [], bands: [] }))).toEqual(
      labels(DEFAULT_PAR_BANDS),
    );
  });
});
