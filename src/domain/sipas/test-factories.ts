/** Shared test data for the SIPAS core: submissions answering every question on one level. */
import type { SurveySubmission } from './answers.ts';
import {
  DEFAULT_QUESTIONNAIRE,
  scaleQuestions,
  type AnswerValue,
  type Questionnaire,
} from './questionnaire.ts';

let counter = 0;

/** A deterministic UUID v4-shaped id for tests. */
export function testUuid(n = ++counter): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A validated-looking submission answering every scale question with `level`. */
export function uniformSubmission(
  fieldId: string,
  level: AnswerValue,
  options: { unitId?: string; questionnaire?: Questionnaire } = {},
): SurveySubmission {
  const questionnaire = options.questionnaire ?? DEFAULT_QUESTIONNAIRE;
  const answers: Record<string, AnswerValue> = {};
  for (const { question } of scaleQuestions(questionnaire)) answers[question.id] = level;
  return {
    clientId: testUuid(),
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    unitId: options.unitId ?? 'xa-quy-ky',
    fieldId,
    answers,
    profile: { respondentType: 'individual', channel: 'counter' },
    suggestion: null,
    dossierCode: null,
    paperSerial: null,
  };
}

/** Submissions from counts per level: { 5: 1, 4: 5, 3: 1 } → seven submissions. */
export function submissionsFromCounts(
  fieldId: string,
  counts: Partial<Record<1 | 2 | 3 | 4 | 5, number>>,
  unitId?: string,
): SurveySubmission[] {
  const list: SurveySubmission[] = [];
  for (const level of [5, 4, 3, 2, 1] as const) {
    for (let i = 0; i < (counts[level] ?? 0); i++) {
      list.push(uniformSubmission(fieldId, level, unitId === undefined ? {} : { unitId }));
    }
  }
  return list;
}

/** Seed 000 (xã Quy Kỳ 2022): 40 forms, one vote each on the overall question, by field. */
export function seed000Submissions(): SurveySubmission[] {
  return [
    ...submissionsFromCounts('tu-phap-ho-tich', { 5: 0, 4: 10, 3: 4, 2: 0 }),
    ...submissionsFromCounts('lao-dong-tbxh', { 5: 1, 4: 5, 3: 1, 2: 0 }),
    ...submissionsFromCounts('dat-dai', { 5: 0, 4: 6, 3: 6, 2: 0 }),
    ...submissionsFromCounts('cong-an', { 5: 0, 4: 4, 3: 3, 2: 0 }),
  ];
}
