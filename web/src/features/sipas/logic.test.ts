/** The browser-side logic of the SIPAS screens: entry keys, serials, counts, ranks, trend. */
import { DEFAULT_QUESTIONNAIRE } from '@domain/sipas/questionnaire.ts';
import { describe, expect, it } from 'vitest';
import {
  answerFromKey,
  barPercent,
  entryQuestions,
  liveSample,
  missingAnswers,
  nextSerial,
  optionFromKey,
  parseCount,
  parseMarginPercent,
  ranksOf,
  trendPoints,
} from './logic.ts';

describe('paper entry keys', () => {
  it('reads 1–5 as levels and 0 as "no answer" only where the question allows it', () => {
    expect(answerFromKey('5', false)).toBe(5);
    expect(answerFromKey('1', false)).toBe(1);
    expect(answerFromKey('0', true)).toBe('no-answer');
    expect(answerFromKey('0', false)).toBeNull();
    expect(answerFromKey('6', true)).toBeNull();
    expect(answerFromKey('a', true)).toBeNull();
    expect(answerFromKey('Enter', true)).toBeNull();
  });

  it('picks a profile option by its position', () => {
    const options = ['individual', 'organisation'];
    expect(optionFromKey('1', options)).toBe('individual');
    expect(optionFromKey('2', options)).toBe('organisation');
    expect(optionFromKey('3', options)).toBeNull();
    expect(optionFromKey('0', options)).toBeNull();
  });

  it('proposes the next serial, keeping the zeros', () => {
    expect(nextSerial('QK-2022-009')).toBe('QK-2022-010');
    expect(nextSerial('QK-2022-099')).toBe('QK-2022-100');
    expect(nextSerial('A7')).toBe('A8');
    expect(nextSerial('999')).toBe('1000');
    expect(nextSerial('SERIAL')).toBe('');
  });

  it('lists the questions in form order, overall last, and names the missing required ones', () => {
    const questions = entryQuestions(DEFAULT_QUESTIONNAIRE);
    expect(questions[0]?.question.id).toBe('1.1');
    expect(questions[0]?.elementName).toBe('Tiếp cận dịch vụ');
    expect(questions.at(-1)?.question.id).toBe('TQ');
    expect(questions.at(-1)?.elementName).toBeNull();
    const all = Object.fromEntries(questions.map((q) => [q.question.id, 4 as const]));
    expect(missingAnswers(questions, all)).toEqual([]);
    expect(missingAnswers(questions, { ...all, '2.3': undefined, TQ: undefined })).toEqual([
      '2.3',
      'TQ',
    ]);
  });
});

describe('campaign set-up', () => {
  it('reads counts of transactions with Vietnamese grouping', () => {
    expect(parseCount('1.250')).toBe(1250);
    expect(parseCount(' 80 ')).toBe(80);
    expect(parseCount('')).toBeNull();
    expect(parseCount('12,5')).toBeUndefined();
    expect(parseCount('-3')).toBeUndefined();
  });

  it('shows the sample target n = N/(1+N·e²) rounded up as the count is typed', () => {
    // 100 / (1 + 100 × 0,05²) = 80 exactly; 1000 / 3,5 = 285,71… → 286.
    expect(liveSample(100, 500)?.target).toBe(80);
    expect(liveSample(1000, 500)?.target).toBe(286);
    expect(liveSample(1000, 500)?.formula).toContain('286');
    expect(liveSample(null, 500)).toBeNull();
  });

  it('reads a margin of error in percent as hundredths of a percent', () => {
    expect(parseMarginPercent('5')).toBe(500);
    expect(parseMarginPercent('5,5')).toBe(550);
    expect(parseMarginPercent('2.25')).toBe(225);
    expect(parseMarginPercent('0')).toBeNull();
    expect(parseMarginPercent('abc')).toBeNull();
  });
});

describe('index views', () => {
  it('ranks equal values together and skips units without a value', () => {
    const ranks = ranksOf([
      { id: 'a', hundredths: 9343 },
      { id: 'b', hundredths: 9682 },
      { id: 'c', hundredths: 9343 },
      { id: 'd', hundredths: null },
    ]);
    expect(ranks.get('b')).toBe(1);
    expect(ranks.get('a')).toBe(2);
    expect(ranks.get('c')).toBe(2);
    expect(ranks.has('d')).toBe(false);
  });

  it('orders the trend by period and leaves out periods without a value', () => {
    const points = trendPoints([
      { campaignId: 2, label: '2023', periodEnd: '2023-12-31', hundredths: 7000, text: '70,00 %' },
      { campaignId: 1, label: '2022', periodEnd: '2022-12-31', hundredths: 6250, text: '62,50 %' },
      { campaignId: 3, label: '2024', periodEnd: '2024-12-31', hundredths: null, text: '—' },
    ]);
    expect(points.map((p) => p.label)).toEqual(['2022', '2023']);
  });

  it('turns an index into a bar length', () => {
    expect(barPercent(6250)).toBe(62.5);
    expect(barPercent(null)).toBe(0);
    expect(barPercent(12000)).toBe(100);
  });
});
