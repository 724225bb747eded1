import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAR_BANDS } from '../scoring/index.ts';
import {
  compareCodes,
  isOverdue,
  planItemsFrom,
  planProgress,
  targetProgress,
  type LostItem,
  type TaskFacts,
} from './plan.ts';
import { findingPointsText, findingText, orderFindings, type Finding } from './supervision.ts';
import { gainsPerItem, projectFixes, type WhatIfUnit } from './what-if.ts';

const item = (code: string, max: number, appraised: number, reason: string | null = null) =>
  ({
    code,
    title: `Mục ${code}`,
    max,
    self: max,
    appraised,
    lost: max - appraised,
    reason,
    round1Reason: null,
  }) satisfies LostItem;

describe('plan items', () => {
  it('keeps the items that lost points, most lost first, then in criteria order', () => {
    const items = planItemsFrom([
      item('1.10', 100, 50),
      item('1.2', 100, 50),
      item('7.2', 150, 50),
      item('3', 200, 200),
      item('1.2', 100, 0),
    ]);
    expect(items.map((i) => `${i.code}:${i.lost}`)).toEqual(['7.2:100', '1.2:50', '1.10:50']);
  });

  it('orders codes numerically', () => {
    expect(['2', '1.10', '1.2', '10', '1'].sort(compareCodes)).toEqual([
      '1',
      '1.2',
      '1.10',
      '2',
      '10',
    ]);
  });
});

describe('follow-up', () => {
  const task = (over: Partial<TaskFacts>): TaskFacts => ({
    id: 'x',
    code: '2.2',
    responsibleId: 'a',
    deadline: '2023-06-30',
    status: 'not_started',
    ...over,
  });

  it('flags a task overdue only after its deadline and while it is open', () => {
    expect(isOverdue(task({}), '2023-06-30')).toBe(false);
    expect(isOverdue(task({}), '2023-07-01')).toBe(true);
    expect(isOverdue(task({ status: 'done' }), '2023-07-01')).toBe(false);
    expect(isOverdue(task({ status: 'cancelled' }), '2023-07-01')).toBe(false);
    expect(isOverdue(task({ deadline: null }), '2099-01-01')).toBe(false);
  });

  it('counts progress per criterion and per official; cancelled tasks do not count', () => {
    const p = planProgress(
      [
        task({ id: '1', code: '2.2', status: 'done' }),
        task({ id: '2', code: '2.3', responsibleId: 'b' }),
        task({ id: '3', code: '7.2', status: 'cancelled' }),
        task({ id: '4', code: null, responsibleId: null, status: 'in_progress' }),
      ],
      '2023-07-01',
    );
    expect(p.overall).toMatchObject({ total: 4, done: 1, overdue: 2, doneTenths: 333 });
    expect(p.byCriterion.map((c) => [c.key, c.done, c.total, c.doneTenths])).toEqual([
      ['2', 1, 2, 500],
      ['7', 0, 1, null],
      ['', 0, 1, 0],
    ]);
    expect(p.byOfficial.find((o) => o.key === 'a')).toMatchObject({ total: 2, done: 1 });
  });

  it('measures a target against its rate', () => {
    expect(targetProgress({ metric: null, targetPercent: 8500, currentPercent: null })).toEqual({
      progressTenths: null,
      met: null,
    });
    expect(targetProgress({ metric: null, targetPercent: 3000, currentPercent: 1500 })).toEqual({
      progressTenths: 500,
      met: false,
    });
    expect(targetProgress({ metric: null, targetPercent: 8500, currentPercent: 9337 })).toEqual({
      progressTenths: 1000,
      met: true,
    });
  });
});

describe('what-if', () => {
  const unit: WhatIfUnit = {
    id: 'me',
    appraised: 5825,
    maxAppraised: 10000,
    survey: null,
    maxSurvey: null,
  };
  const others = [
    { id: 'a', indexHundredths: 7000 },
    { id: 'b', indexHundredths: 6000 },
  ];

  it('projects index, class and rank when items are fixed', () => {
    const items = [
      { code: '3', lost: 1500 },
      { code: '1', lost: 400 },
    ];
    const none = projectFixes(unit, items, new Set(), others, DEFAULT_PAR_BANDS);
    expect(none.current).toEqual(none.projected);
    expect(none.current).toMatchObject({ indexHundredths: 5825, rank: 3, unitsRanked: 3 });
    const p = projectFixes(unit, items, new Set(['3']), others, DEFAULT_PAR_BANDS);
    expect(p.projected).toMatchObject({ appraised: 7325, indexHundredths: 7325, rank: 1 });
    expect(p.gained).toBe(1500);
    const gains = gainsPerItem(unit, items, others, DEFAULT_PAR_BANDS);
    expect(gains.map((g) => g.code)).toEqual(['3', '1']);
  });

  const scenario = fc.record({
    max: fc.integer({ min: 100, max: 100_000 }),
    share: fc.integer({ min: 0, max: 1000 }),
    items: fc.array(
      fc.record({ code: fc.constantFrom('1', '2', '3', '4.1', '4.2'), lost: fc.nat(5000) }),
      { maxLength: 8 },
    ),
    others: fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 20 }),
    chosen: fc.subarray(['1', '2', '3', '4.1', '4.2']),
    more: fc.subarray(['1', '2', '3', '4.1', '4.2']),
  });

  it('never lowers the index or the rank, never exceeds the max, and more fixes gain no less', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const u: WhatIfUnit = {
          id: 'me',
          appraised: Math.floor((s.max * s.share) / 1000),
          maxAppraised: s.max,
          survey: null,
          maxSurvey: null,
        };
        const others = s.others.map((v, i) => ({ id: `o${i}`, indexHundredths: v }));
        const a = projectFixes(u, s.items, new Set(s.chosen), others, DEFAULT_PAR_BANDS);
        const b = projectFixes(
          u,
          s.items,
          new Set([...s.chosen, ...s.more]),
          others,
          DEFAULT_PAR_BANDS,
        );
        expect(a.projected.indexHundredths).toBeGreaterThanOrEqual(a.current.indexHundredths);
        expect(a.projected.rank).toBeLessThanOrEqual(a.current.rank);
        expect(a.projected.appraised).toBeLessThanOrEqual(u.maxAppraised);
        expect(a.projected.indexHundredths).toBeLessThanOrEqual(10_000);
        expect(b.gained).toBeGreaterThanOrEqual(a.gained);
        expect(b.projected.rank).toBeLessThanOrEqual(a.projected.rank);
        expect(a.projected.unitsRanked).toBe(others.length + 1);
      }),
    );
  });

  it('fixing an item twice in the list counts it once', () => {
    fc.assert(
      fc.property(fc.nat(2000), (lost) => {
        const items = [
          { code: '2', lost },
          { code: '2', lost },
        ];
        const p = projectFixes(unit, items, new Set(['2']), [], DEFAULT_PAR_BANDS);
        expect(p.gained).toBe(Math.min(lost, unit.maxAppraised - unit.appraised));
      }),
    );
  });
});

describe('supervision findings', () => {
  it("words points as seed 002's notice does", () => {
    expect(findingPointsText({ max: 150, self: null, appraised: 100 })).toBe(
      'Điểm tối đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm)',
    );
    expect(findingPointsText({ max: 200, self: 200, appraised: 150 })).toBe(
      'Điểm tối đa 2 điểm, tự chấm 2 điểm, thẩm định 1,5 điểm (thiếu 0,5 điểm)',
    );
    expect(findingPointsText({ max: 150, self: 50, appraised: 50 })).toBe(
      'Điểm tối đa 1,5 điểm, tự chấm 0,5 điểm, thẩm định 0,5 điểm (thiếu 1 điểm)',
    );
    expect(findingPointsText({ max: null, self: null, appraised: null })).toBeNull();
  });

  it('writes a finding line and orders findings by group then code', () => {
    const f: Finding = {
      group: 'fix_now',
      code: '7.2',
      title: 'Xây dựng Chương trình, kế hoạch chuyển đổi số',
      max: 150,
      self: 50,
      appraised: 50,
      reason: 'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
      reference: '',
    };
    expect(findingText(f)).toBe(
      'Mục 7.2: Xây dựng Chương trình, kế hoạch chuyển đổi số: Điểm tối đa 1,5 điểm, tự chấm 0,5 điểm, thẩm định 0,5 điểm (thiếu 1 điểm). Lí do mất điểm: Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
    );
    expect(
      findingText({ ...f, max: null, appraised: null, self: null, reason: 'Không có sáng kiến.' }),
    ).toBe(
      'Mục 7.2: Xây dựng Chương trình, kế hoạch chuyển đổi số: Lí do mất điểm: Không có sáng kiến.',
    );
    const ordered = orderFindings([
      { group: 'improve_gradually', code: '1.1' },
      { group: 'fix_now', code: '2.4' },
      { group: 'check_with_upper', code: '2.3' },
      { group: 'check_with_upper', code: '2.2' },
    ] as const);
    expect(ordered.map((o) => o.code)).toEqual(['2.2', '2.3', '2.4', '1.1']);
  });
});
