import { emptyTally, RATE_BASIS_TEXT } from '@domain/dossiers/aggregate.ts';
import { DEFAULT_DOSSIER_CONFIG } from '@domain/dossiers/config.ts';
import { dashboard766 } from '@domain/dossiers/dashboard.ts';
import { DOSSIER_COLUMN_LABELS } from '@domain/dossiers/dossier.ts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en as enCatalogue } from '../../i18n/en.ts';
import { vi as viCatalogue } from '../../i18n/vi.ts';
import {
  basisText,
  columnLabel,
  dashboardText,
  parseQuick,
  summaryLine,
  type ClassCount,
} from './logic.ts';

describe('quick entry of a paper rating form', () => {
  it('reads nine digits in question order', () => {
    expect(parseQuick('212121212')).toEqual([2, 1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it('leaves dashed and missing questions blank', () => {
    expect(parseQuick('2-0')).toEqual([2, null, 0, null, null, null, null, null, null]);
  });

  it('refuses other characters and a tenth answer', () => {
    expect(parseQuick('3')).toBeNull();
    expect(parseQuick('2 2')).toBeNull();
    expect(parseQuick('2222222222')).toBeNull();
  });
});

describe('texts the server sends in Vietnamese, shown in the user’s language', () => {
  let vi: TFunction;
  let en: TFunction;
  beforeAll(async () => {
    const make = async (lng: 'vi' | 'en') => {
      const instance = i18next.createInstance();
      await instance.init({
        resources: { vi: { translation: viCatalogue }, en: { translation: enCatalogue } },
        lng,
        interpolation: { escapeValue: false },
      });
      return instance.t;
    };
    vi = await make('vi');
    en = await make('en');
  });

  const seed003: ClassCount[] = [
    { label: 'Xuất sắc', count: 7, kind: 'class' },
    { label: 'Tốt', count: 4, kind: 'class' },
    { label: 'Trung bình', count: 1, kind: 'class' },
    { label: 'Chưa thực hiện chấm điểm', count: 2, kind: 'not-scored' },
  ];

  it('writes the summary line of seed 003 word for word in Vietnamese, and in English', () => {
    expect(summaryLine(vi, seed003, 'vi')).toBe(
      '07 đơn vị đạt loại Xuất sắc; 04 đơn vị đạt loại Tốt; 01 đơn vị đạt loại Trung bình; 02 chưa thực hiện việc chấm điểm',
    );
    expect(summaryLine(en, seed003, 'en')).toBe(
      'rated Xuất sắc: 7; rated Tốt: 4; rated Trung bình: 1; not scored yet: 2',
    );
  });

  it('keeps the Vietnamese of the quarterly report for the basis of every rate', () => {
    for (const [key, text] of Object.entries(RATE_BASIS_TEXT)) {
      expect(basisText(vi, { basis: text, basisKey: key })).toBe(text);
      expect(basisText(en, { basis: text, basisKey: key })).not.toBe(text);
    }
    const rate = { basis: RATE_BASIS_TEXT.decided, basisKey: 'decided' };
    expect(basisText(en, rate)).toBe('of the dossiers with a result and a due date');
  });

  it('names every dossier column as the import template does, and in English', () => {
    for (const [column, label] of Object.entries(DOSSIER_COLUMN_LABELS)) {
      expect(columnLabel(vi, column)).toBe(label);
      expect(columnLabel(en, column)).not.toBe(label);
    }
    expect(columnLabel(en, 'citizenRating3')).toBe('Citizen’s rating – indicator 3');
  });

  it('names the groups, items and missing fields of the 766 dashboard in both languages', () => {
    const dash = dashboard766(emptyTally(true), DEFAULT_DOSSIER_CONFIG);
    const texts = dash.groups.flatMap((g) => [
      ['groups', g.key, g.name] as const,
      ...g.indicators.map((i) => ['items', i.key, i.name] as const),
      ...g.missingFields.map((f) => ['fields', f.field, f.label] as const),
    ]);
    expect(texts.some(([part, key]) => part === 'fields' && key === 'noData')).toBe(true);
    for (const [part, key, text] of texts) {
      expect(dashboardText(vi, part, key, '?')).toBe(text);
      expect(dashboardText(en, part, key, text)).not.toBe(text);
    }
  });
});
