/** Art. 15 aggregation, seed-003-like quarter, seed-001 targets and streaming properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDossier,
  createDossierAccumulator,
  mergeDossierAccumulatorInto,
  mergeDossierAccumulators,
  officialResults,
  quarterView,
  rateMembership,
  unitResults,
  type DossierAccumulator,
} from './aggregate.ts';
import {
  BANDS_SEED_003,
  DEFAULT_DOSSIER_CONFIG,
  DEFAULT_METHOD,
  validateDossierConfig,
  type DossierEvaluationConfig,
  type MethodSettings,
} from './config.ts';
import { dashboard766 } from './dashboard.ts';
import type { Dossier, DossierChannel } from './dossier.ts';
import { isOverdueUnfinished, scoreDossier, timelinessOf } from './scoring.ts';

const T0 = Date.UTC(2024, 0, 10, 1, 0); // 10/01/2024 08:00 (+07)
const DAY = 86_400_000;

function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    code: 'H1',
    procedureCode: 'P1',
    procedureName: '',
    field: '',
    unitCode: 'U1',
    officialCode: 'CB1',
    receivedAt: T0,
    dueAt: T0 + 2 * DAY,
    finishedAt: T0 + DAY,
    returnedAt: null,
    completionRequests: null,
    agenciesInvolved: null,
    channel: 'counter',
    onlinePayment: null,
    returnedByPost: null,
    status: '',
    citizenRatings: null,
    selfRatings: null,
    ...over,
  };
}

const onlyIndicator1: DossierEvaluationConfig = {
  ...DEFAULT_DOSSIER_CONFIG,
  version: 'test-1',
  ratingFallback: [],
};

describe('configuration', () => {
  it('ships valid defaults and presets', () => {
    expect(validateDossierConfig(DEFAULT_DOSSIER_CONFIG)).toEqual([]);
    expect(validateDossierConfig({ ...DEFAULT_DOSSIER_CONFIG, bands: BANDS_SEED_003 })).toEqual([]);
  });
});

describe('per-dossier scores', () => {
  it('scores timeliness, counts, and ratings, leaving unknowns unscored', () => {
    const s = scoreDossier(
      dossier({
        completionRequests: 1,
        agenciesInvolved: 3,
        citizenRatings: [null, null, null, null, null, null, 200, null, null],
        selfRatings: [null, null, null, null, null, null, 100, 100, null],
      }),
      DEFAULT_DOSSIER_CONFIG,
    );
    expect(s.points).toEqual([200, null, 100, 0, null, null, 200, 100, null]);
    expect(s.sources).toEqual(['data', null, 'data', 'data', null, null, 'citizen', 'self', null]);
    expect(
      scoreDossier(dossier({ finishedAt: T0 + 2 * DAY - 3_600_000 }), DEFAULT_DOSSIER_CONFIG)
        .points[0],
    ).toBe(100);
    expect(
      scoreDossier(dossier({ finishedAt: T0 + 3 * DAY }), DEFAULT_DOSSIER_CONFIG).points[0],
    ).toBe(0);
    expect(
      scoreDossier(dossier({ finishedAt: null }), DEFAULT_DOSSIER_CONFIG).points[0],
    ).toBeNull();
  });
});

describe('a due date without a time', () => {
  // "12/01/2024" without a time is stored as 00:00 that day, Vietnam time.
  const due = Date.UTC(2024, 0, 11, 17, 0);
  const finishedThatMorning = dossier({ dueAt: due, finishedAt: due + 10 * 3_600_000 });

  it('lasts its whole day by default, or ends at its first moment when so read', () => {
    expect(timelinessOf(finishedThatMorning)).toBe('on-time');
    expect(timelinessOf(finishedThatMorning, 'finished', 'start-of-day')).toBe('late');
    const config = {
      ...DEFAULT_DOSSIER_CONFIG,
      method: { ...DEFAULT_METHOD, dueWithoutTime: 'start-of-day' as const },
    };
    expect(scoreDossier(finishedThatMorning, DEFAULT_DOSSIER_CONFIG).points[0]).toBe(100);
    expect(scoreDossier(finishedThatMorning, config).points[0]).toBe(0);
    // A due moment with a time is not touched by the reading.
    const timed = dossier({ dueAt: due + 8 * 3_600_000, finishedAt: due + 10 * 3_600_000 });
    expect(timelinessOf(timed, 'finished', 'end-of-day')).toBe('late');
  });

  it('makes an unfinished dossier overdue once the due day (or moment) has passed', () => {
    const open = dossier({ dueAt: due, finishedAt: null });
    const noon = due + 12 * 3_600_000;
    expect(isOverdueUnfinished(open, noon)).toBe(false);
    expect(isOverdueUnfinished(open, noon, 'finished', 'start-of-day')).toBe(true);
    expect(isOverdueUnfinished(open, due + DAY)).toBe(true);
    expect(isOverdueUnfinished(dossier({ dueAt: due }), due + 2 * DAY)).toBe(false);
  });
});

describe('art. 15 aggregation', () => {
  it('averages to one decimal: 2, 1, 1 over three dossiers gives 1,3', () => {
    const acc = createDossierAccumulator(onlyIndicator1);
    addDossier(acc, dossier({ code: 'a' }));
    addDossier(acc, dossier({ code: 'b', finishedAt: T0 + 2 * DAY }));
    addDossier(acc, dossier({ code: 'c', finishedAt: T0 + 2 * DAY - 60_000 }));
    const [unit] = unitResults(acc);
    expect(unit?.period).toBe('2024-Q1');
    const ev = unit?.evaluation;
    expect(ev?.state).toBe('scored');
    if (ev?.state !== 'scored') return;
    expect(ev.indicators[0]).toMatchObject({ score: 130, text: '1,3', scoredDossiers: 3 });
    expect(ev.indicators[1]).toMatchObject({ score: null, text: 'Chưa chấm' });
    // Scored on one indicator of nine: by default (the Circular's total of nine scores) the total
    // is measured against the nine indicators' maximum.
    expect(ev.text).toBe('1,3/18');
    expect(ev.percent).toBe(722);
    expect(ev.className).toBe('Không đạt');
    expect(ev.notScored).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(officialResults(acc)[0]?.officialCode).toBe('CB1');
  });

  it('classes a unit scored on fewer than nine indicators as its province reads Circular 01', () => {
    const read = (fewIndicators: MethodSettings['fewIndicators']) => {
      const acc = createDossierAccumulator({
        ...onlyIndicator1,
        method: { ...DEFAULT_METHOD, fewIndicators },
      });
      addDossier(acc, dossier({ code: 'a' }));
      addDossier(acc, dossier({ code: 'b', finishedAt: T0 + 2 * DAY }));
      const ev = unitResults(acc)[0]?.evaluation;
      return ev?.state === 'scored' ? [ev.text, ev.className] : null;
    };
    // 2 and 1 average 1,5: of 2 it is 75 % (Tốt), of 18 it is 8,3 % (Không đạt).
    expect(read('scored-max')).toEqual(['1,5/2', 'Tốt']);
    expect(read('full-max')).toEqual(['1,5/18', 'Không đạt']);
    expect(read('not-classed')).toEqual(['1,5/2', null]);
  });

  it('divides an indicator by every evaluated dossier, or by those scored on it', () => {
    const read = (divisor: MethodSettings['divisor']) => {
      const acc = createDossierAccumulator({
        ...DEFAULT_DOSSIER_CONFIG,
        method: { ...DEFAULT_METHOD, divisor },
      });
      // Both on time or early (indicator 1); only the first asked once for completion (ind. 3).
      addDossier(acc, dossier({ code: 'a', completionRequests: 1 }));
      addDossier(acc, dossier({ code: 'b', completionRequests: null }));
      const ev = unitResults(acc)[0]?.evaluation;
      return ev?.state === 'scored' ? ev.indicators[2]?.text : null;
    };
    // Indicator 3: one dossier with 1 point. Over both evaluated dossiers 0,5; over the one scored 1.
    expect(read('evaluated')).toBe('0,5');
    expect(read('scored')).toBe('1');
  });

  it('shows a seed-003-like quarter: 7 Xuất sắc, 4 Tốt, 1 Trung bình, 2 not scored', () => {
    const config: DossierEvaluationConfig = { ...DEFAULT_DOSSIER_CONFIG, bands: BANDS_SEED_003 };
    const acc = createDossierAccumulator(config);
    const ratingsAll = (p: number) => Array.from({ length: 9 }, () => p);
    const units = Array.from({ length: 14 }, (_, i) => ({
      code: `X${String(i + 1).padStart(2, '0')}`,
      name: `Xã ${i + 1}`,
    }));
    units.forEach((u, i) => {
      if (i >= 12) {
        // Dossiers, but no due date and no ratings: nothing to score.
        addDossier(acc, dossier({ code: `${u.code}-1`, unitCode: u.code, dueAt: null }));
        return;
      }
      const p = i < 7 ? 200 : i < 11 ? 150 : 100;
      addDossier(
        acc,
        dossier({
          code: `${u.code}-1`,
          unitCode: u.code,
          dueAt: null,
          completionRequests: null,
          selfRatings: ratingsAll(p),
        }),
      );
    });
    const view = quarterView(acc, '2024-Q1', units);
    expect(view.counts).toEqual([
      { label: 'Xuất sắc', count: 7, kind: 'class' },
      { label: 'Tốt', count: 4, kind: 'class' },
      { label: 'Trung bình', count: 1, kind: 'class' },
      { label: 'Chưa thực hiện chấm điểm', count: 2, kind: 'not-scored' },
    ]);
    expect(view.summary).toBe(
      '07 đơn vị đạt loại Xuất sắc; 04 đơn vị đạt loại Tốt; 01 đơn vị đạt loại Trung bình; 02 chưa thực hiện việc chấm điểm',
    );
    const empty = quarterView(acc, '2024-Q2', units.slice(0, 5));
    expect(empty.counts).toEqual([
      { label: 'Chưa phát sinh hồ sơ', count: 5, kind: 'no-dossiers' },
    ]);
    expect(empty.rows[0]?.evaluation.state).toBe('no-dossiers');
  });
});

describe('rates against seed 001 targets', () => {
  it('keeps numerators, denominators, late codes and target checks', () => {
    const acc = createDossierAccumulator(DEFAULT_DOSSIER_CONFIG);
    const list: Dossier[] = [];
    for (let i = 0; i < 10; i++) {
      const channel: DossierChannel =
        i < 3 ? 'online-full' : i < 5 ? 'online-partial' : i < 7 ? 'postal' : 'counter';
      list.push(
        dossier({
          code: `H${i}`,
          procedureCode: i < 6 ? 'P1' : 'P2',
          channel,
          finishedAt: i === 4 || i === 8 ? T0 + 3 * DAY : T0 + DAY,
          onlinePayment: i < 4 ? i === 0 : null,
        }),
      );
    }
    for (const d of list) addDossier(acc, d);
    const catalogue = { all: ['P1', 'P3', 'P4', 'P5'] };
    const [unit] = unitResults(acc, catalogue);
    const rates = unit?.rates;
    expect(rates?.['on-time-or-early']).toMatchObject({
      num: 8,
      den: 10,
      text: '80,0 %',
      target: { minPercent: 10000, met: false, text: '≥ 100 %' },
    });
    expect(rates?.late).toMatchObject({ num: 2, den: 10, codes: ['H4', 'H8'] });
    expect(rates?.['online-full']).toMatchObject({ num: 3, den: 10 });
    expect(rates?.['online-partial']).toMatchObject({ num: 2, den: 10 });
    expect(rates?.['online-payment']).toMatchObject({
      num: 1,
      den: 4,
      text: '25,0 %',
      target: { minPercent: 3000, met: false },
    });
    expect(rates?.['postal-procedures']).toMatchObject({
      num: 1,
      den: 4,
      target: { minPercent: 2500, met: true },
    });
    expect(rates?.['postal-dossiers']).toMatchObject({
      num: 1,
      den: 6,
      target: { minPercent: 1500, met: true },
    });
    // The dossiers behind each number follow the same rules.
    const catalogueSet = new Set(catalogue.all);
    for (const key of ['on-time-or-early', 'late', 'online-payment', 'postal-dossiers'] as const) {
      const members = list.map((d) => rateMembership(key, d, DEFAULT_DOSSIER_CONFIG, catalogueSet));
      expect(members.filter((m) => m.inNumerator).length).toBe(rates?.[key].num);
      expect(members.filter((m) => m.inDenominator).length).toBe(rates?.[key].den);
    }
    const tally = acc.periods.get('2024-Q1')?.get('U1')?.tally;
    if (tally === undefined) throw new Error('unit U1 missing');
    const dash = dashboard766(tally, DEFAULT_DOSSIER_CONFIG);
    const progress = dash.groups.find((g) => g.key === 'progress');
    expect(progress).toMatchObject({
      points: 1600,
      complete: true,
      text: '16/20',
      usedFields: ['dueAt', 'finishedAt'],
    });
    const publicity = dash.groups.find((g) => g.key === 'publicity');
    expect(publicity).toMatchObject({ points: null, text: 'Chưa đủ dữ liệu', complete: false });
    expect(publicity?.missingFields.map((f) => f.field)).toContain('syncedToNationalPortal');
    expect(dash.max).toBe(10000);
  });
});

const arbDossier = fc
  .record({
    code: fc.string({ minLength: 1, maxLength: 4 }),
    procedureCode: fc.constantFrom('P1', 'P2', 'P3'),
    unitCode: fc.constantFrom('U1', 'U2'),
    officialCode: fc.constantFrom('A', 'B', null),
    receivedAt: fc.integer({ min: T0, max: T0 + 200 * DAY }),
    due: fc.option(fc.integer({ min: 0, max: 10 * DAY })),
    finished: fc.option(fc.integer({ min: 0, max: 10 * DAY })),
    completionRequests: fc.option(fc.integer({ min: 0, max: 4 })),
    agenciesInvolved: fc.option(fc.integer({ min: 0, max: 4 })),
    channel: fc.constantFrom<DossierChannel>('counter', 'online-full', 'online-partial', 'postal'),
    onlinePayment: fc.option(fc.boolean()),
    returnedByPost: fc.option(fc.boolean()),
    citizenRatings: fc.option(
      fc.array(fc.option(fc.integer({ min: 0, max: 200 })), { minLength: 9, maxLength: 9 }),
    ),
    selfRatings: fc.option(
      fc.array(fc.option(fc.integer({ min: 0, max: 200 })), { minLength: 9, maxLength: 9 }),
    ),
  })
  .map(({ due, finished, ...d }) =>
    dossier({
      ...d,
      dueAt: due === null ? null : d.receivedAt + due,
      finishedAt: finished === null ? null : d.receivedAt + finished,
    }),
  );

function feed(list: readonly Dossier[]): DossierAccumulator {
  const acc = createDossierAccumulator(DEFAULT_DOSSIER_CONFIG);
  for (const d of list) addDossier(acc, d);
  return acc;
}

const resultsOf = (acc: DossierAccumulator) => ({
  units: unitResults(acc, { all: ['P1', 'P2'] }),
  officials: officialResults(acc),
});

describe('streaming properties', () => {
  it('gives the same results in any order, or split into chunks and merged', () => {
    fc.assert(
      fc.property(
        fc.array(arbDossier, { maxLength: 40 }),
        fc.array(fc.nat()),
        fc.integer({ min: 1, max: 5 }),
        (list, cuts, chunks) => {
          const expected = resultsOf(feed(list));
          const shuffled =
            fc.sample(
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
              1,
            )[0] ?? [];
          expect(resultsOf(feed(shuffled))).toEqual(expected);
          const size = Math.max(1, Math.ceil(list.length / chunks) + ((cuts[0] ?? 0) % 3));
          const parts: DossierAccumulator[] = [];
          for (let i = 0; i < list.length; i += size) parts.push(feed(list.slice(i, i + size)));
          const merged = parts.reduceRight(
            (acc, part) => mergeDossierAccumulators(part, acc),
            feed([]),
          );
          expect(resultsOf(merged)).toEqual(expected);
          const into = feed([]);
          for (const part of parts.reverse()) mergeDossierAccumulatorInto(into, part);
          expect(resultsOf(into)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every per-dossier and aggregated score within the scale', () => {
    fc.assert(
      fc.property(fc.array(arbDossier, { minLength: 1, maxLength: 30 }), (list) => {
        for (const d of list) {
          for (const p of scoreDossier(d, DEFAULT_DOSSIER_CONFIG).points) {
            if (p !== null) expect(p >= 0 && p <= 200).toBe(true);
          }
        }
        for (const r of unitResults(feed(list))) {
          if (r.evaluation.state !== 'scored') continue;
          for (const i of r.evaluation.indicators)
            if (i.score !== null) expect(i.score >= 0 && i.score <= 200).toBe(true);
          expect(r.evaluation.total).toBeLessThanOrEqual(r.evaluation.max);
        }
      }),
    );
  });
});
