/**
 * Logic of the SIPAS screens that lives in the browser: the keys of fast paper entry, the next
 * paper serial, the questions of a form in entry order, a live sample target while transactions are
 * typed, ranks of the per-element view, and the points of the trend chart.
 */
import { rankUnits } from '@domain/scoring/index.ts';
import {
  NO_ANSWER,
  scaleQuestions,
  type Questionnaire,
  type ScaleQuestion,
} from '@domain/sipas/questionnaire.ts';
import { sampleSize, type SampleSize } from '@domain/sipas/sample.ts';

/** What a key typed on an answer box means: a level, "no answer", or nothing. */
export type KeyAnswer = 1 | 2 | 3 | 4 | 5 | typeof NO_ANSWER;

/**
 * Reads a key typed on an answer box: "1"…"5" (top row or keypad) is a level; "0" is "no answer"
 * when the question allows it. Anything else means nothing.
 */
export function answerFromKey(key: string, allowNoAnswer: boolean): KeyAnswer | null {
  if (key.length !== 1) return null;
  if (key >= '1' && key <= '5') return Number(key) as 1 | 2 | 3 | 4 | 5;
  if (key === '0' && allowNoAnswer) return NO_ANSWER;
  return null;
}

/** A profile option chosen by its position: "1" is the first option. */
export function optionFromKey<T>(key: string, options: readonly T[]): T | null {
  if (key.length !== 1 || key < '1' || key > '9') return null;
  return options[Number(key) - 1] ?? null;
}

/**
 * The serial the next paper form probably carries: the trailing number of the last one plus one,
 * keeping its zeros ("QK-2022-009" → "QK-2022-010"); "" when the last one ends without a number.
 */
export function nextSerial(last: string): string {
  const match = /^(.*?)(\d+)$/.exec(last.trim());
  if (!match) return '';
  const [, prefix = '', digits = ''] = match;
  const next = String(Number(digits) + 1);
  return `${prefix}${next.padStart(digits.length, '0')}`;
}

/** One answer box of the paper form, in the order the paper prints them. */
export interface EntryQuestion {
  question: ScaleQuestion;
  elementId: string | null;
  elementName: string | null;
}

/** The scale questions of a questionnaire in entry order (elements, then the overall question). */
export function entryQuestions(questionnaire: Questionnaire): EntryQuestion[] {
  return scaleQuestions(questionnaire).map(({ question, elementId }) => ({
    question,
    elementId,
    elementName: questionnaire.elements.find((e) => e.id === elementId)?.name ?? null,
  }));
}

/** Required questions left empty, by id, in form order. */
export function missingAnswers(
  questions: readonly EntryQuestion[],
  answers: Readonly<Record<string, KeyAnswer | undefined>>,
): string[] {
  return questions
    .filter((q) => q.question.required && answers[q.question.id] === undefined)
    .map((q) => q.question.id);
}

/**
 * Reads a count of transactions typed in a table cell ("1.250", "1250", " 80 "): a whole number,
 * or null for an empty cell; undefined when the text is not a count.
 */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/[.\s]/g, '');
  if (trimmed === '') return null;
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The sample target for a count typed so far, or null when it cannot be computed. */
export function liveSample(
  transactions: number | null | undefined,
  marginOfError: number,
): SampleSize | null {
  if (transactions === null || transactions === undefined) return null;
  try {
    return sampleSize(transactions, marginOfError);
  } catch {
    return null;
  }
}

/** Reads a margin of error typed in percent ("5", "5,5") as hundredths of a percent (500, 550). */
export function parseMarginPercent(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || 0);
  return value > 0 && value < 10_000 ? value : null;
}

/** The competition rank of each unit on one published value (hundredths); null values unranked. */
export function ranksOf(
  entries: readonly { id: string; hundredths: number | null }[],
): Map<string, number> {
  const ranked = rankUnits(
    entries.flatMap((e) => (e.hundredths === null ? [] : [{ id: e.id, value: e.hundredths }])),
  );
  return new Map(ranked.map((r) => [r.id, r.rank]));
}

/** One point of the trend chart: a campaign, its period end and its published index. */
export interface TrendPoint {
  campaignId: number;
  label: string;
  periodEnd: string;
  hundredths: number | null;
  text: string;
}

/** Trend points ordered by period end (oldest first), only those with a value. */
export function trendPoints(points: readonly TrendPoint[]): TrendPoint[] {
  return points
    .filter((p) => p.hundredths !== null)
    .sort((a, b) =>
      a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : a.campaignId - b.campaignId,
    );
}

/** Percent hundredths as a bar length of 0–100. */
export const barPercent = (hundredths: number | null | undefined): number =>
  hundredths === null || hundredths === undefined
    ? 0
    : Math.max(0, Math.min(100, hundredths / 100));
