/** The postal-service catalogue: reading it, and the seed 001 rate computed against it. */
import { describe, expect, it } from 'vitest';
import {
  addDossier,
  createDossierAccumulator,
  quarterView,
  ratesOfTally,
  type PostalCatalogue,
} from './aggregate.ts';
import { DEFAULT_DOSSIER_CONFIG } from './config.ts';
import type { Dossier } from './dossier.ts';
import { readCatalogue, splitPastedCatalogue } from './postal-catalogue.ts';

const T0 = Date.UTC(2024, 0, 10, 1, 0); // 10/01/2024 08:00 (+07)
const DAY = 86_400_000;

function dossier(code: string, over: Partial<Dossier> = {}): Dossier {
  return {
    code,
    procedureCode: 'P1',
    procedureName: '',
    field: '',
    unitCode: 'U1',
    officialCode: null,
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

describe('reading a pasted catalogue', () => {
  it('takes the code first and the name after a tab, semicolon, comma or spaces; skips a header', () => {
    const rows = splitPastedCatalogue(
      [
        'Mã TTHC\tTên thủ tục',
        '1.001193\tĐăng ký khai sinh',
        '',
        '2.000635; Chứng thực bản sao từ bản chính',
        '1.004946, Đăng ký kết hôn, có yếu tố nước ngoài',
        '  1.003583   Xác nhận tình trạng hôn nhân',
        'BXD-01',
      ].join('\n'),
    );
    const { procedures, problems } = readCatalogue(rows);
    expect(problems).toEqual([]);
    expect(procedures).toEqual([
      { code: '1.001193', name: 'Đăng ký khai sinh' },
      { code: '2.000635', name: 'Chứng thực bản sao từ bản chính' },
      { code: '1.004946', name: 'Đăng ký kết hôn, có yếu tố nước ngoài' },
      { code: '1.003583', name: 'Xác nhận tình trạng hôn nhân' },
      { code: 'BXD-01', name: null },
    ]);
  });

  it('lists every bad row with its line number: missing, malformed and repeated codes', () => {
    const { procedures, problems } = readCatalogue([
      { row: 2, code: '1.001193', name: 'Khai sinh' },
      { row: 3, code: null, name: 'Tên không có mã' },
      { row: 4, code: 'mã#5', name: null },
      { row: 5, code: '1.001193 ', name: 'Lặp lại' },
    ]);
    expect(problems).toEqual([
      { row: 3, column: 'code', kind: 'code-missing' },
      { row: 4, column: 'code', kind: 'code-invalid', value: 'mã#5' },
      { row: 5, column: 'code', kind: 'code-duplicate', code: '1.001193', firstRow: 2 },
    ]);
    expect(procedures).toHaveLength(1);
  });

  it('treats a malformed first row as a mistake unless it reads like a header', () => {
    expect(readCatalogue([{ row: 1, code: 'khai#sinh', name: null }]).problems).toHaveLength(1);
    // A name pasted without its code is not taken for one.
    expect(readCatalogue(splitPastedCatalogue('1.001193\nKhai sinh')).problems).toEqual([
      { row: 2, column: 'code', kind: 'code-invalid', value: 'Khai' },
    ]);
    expect(splitPastedCatalogue('\tKhai sinh')).toEqual([
      { row: 1, code: null, name: 'Khai sinh' },
    ]);
    expect(readCatalogue([{ row: 1, code: 'STT', name: null }]).problems).toEqual([]);
  });
});

describe('procedures offered by post that had postal dossiers (seed 001: at least 25 %)', () => {
  // Four procedures in the catalogue; only P1 had a dossier received by post.
  const catalogue = ['P1', 'P2', 'P3', 'P4'];
  const list = [
    dossier('A', { procedureCode: 'P1', channel: 'postal' }),
    dossier('B', { procedureCode: 'P1' }),
    dossier('C', { procedureCode: 'P2' }),
    dossier('D', { procedureCode: 'P9', returnedByPost: true }),
  ];

  it('gives 1 of 4 procedures = 25,0 %, meeting the target', () => {
    const acc = createDossierAccumulator(DEFAULT_DOSSIER_CONFIG);
    for (const d of list) addDossier(acc, d);
    const tally = acc.periods.get('2024-Q1')?.get('U1')?.tally;
    if (tally === undefined) throw new Error('no tally');
    const rates = ratesOfTally(tally, DEFAULT_DOSSIER_CONFIG, new Set(catalogue));
    expect(rates['postal-procedures']).toMatchObject({
      num: 1,
      den: 4,
      percent: 2500,
      text: '25,0 %',
      basis: 'trên số TTHC trong danh mục bưu chính công ích',
      target: { text: '≥ 25 %', met: true },
    });
    // D's procedure is not in the catalogue: its postal return does not count.
    expect(rates['postal-dossiers']).toMatchObject({ num: 1, den: 3, text: '33,3 %' });
    const none = ratesOfTally(tally, DEFAULT_DOSSIER_CONFIG, null);
    expect(none['postal-procedures']).toMatchObject({
      text: 'Không có dữ liệu',
      target: { met: null },
    });
    // Without a catalogue both postal rates leave the unit out (nothing to measure against).
    expect(none['postal-dossiers']).toMatchObject({
      num: 0,
      den: 0,
      percent: null,
      basisKey: 'no-postal-catalogue',
    });
  });

  it('counts an area per catalogue: a procedure once, whichever unit had the postal dossier', () => {
    const acc = createDossierAccumulator(DEFAULT_DOSSIER_CONFIG);
    for (const d of list) addDossier(acc, d);
    addDossier(acc, dossier('E', { unitCode: 'U2', procedureCode: 'P1', channel: 'postal' }));
    addDossier(acc, dossier('F', { unitCode: 'U3', procedureCode: 'Q1', channel: 'postal' }));
    addDossier(acc, dossier('G', { unitCode: 'U4', procedureCode: 'P1', channel: 'postal' }));
    const otherProvince = ['Q1', 'Q2'];
    const units = [{ code: 'U1' }, { code: 'U2' }, { code: 'U3' }, { code: 'U4' }];
    const byUnit: PostalCatalogue = {
      byUnit: { U1: catalogue, U2: catalogue, U3: otherProvince },
    };
    const view = quarterView(acc, '2024-Q1', units, byUnit);
    // P1 (U1 and U2) of 4, Q1 of 2; U4 is under no catalogue and left out.
    expect(view.rates['postal-procedures']).toMatchObject({ num: 2, den: 6, text: '33,3 %' });
    expect(view.rates['postal-dossiers']).toMatchObject({ num: 3, den: 5 });
    const without = quarterView(acc, '2024-Q1', units);
    expect(without.rates['postal-procedures'].percent).toBeNull();
    expect(without.rates['postal-dossiers']).toMatchObject({ num: 0, den: 0, percent: null });
  });
});
