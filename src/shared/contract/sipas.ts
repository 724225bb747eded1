/**
 * What the SIPAS routes answer about a questionnaire: the domain's versioned questionnaire
 * (src/domain/sipas/questionnaire.ts) as forms, the entry screen and the questionnaire list show
 * it, and a response's answers and profile. Served through these schemas, read by the web as types.
 */
import { z } from 'zod';
import { NO_ANSWER } from '../../domain/sipas/questionnaire.ts';
import { jsonValue } from './json.ts';

const elementId = z.enum(['access', 'procedure', 'civil-servant', 'result', 'feedback']);
const profileKey = z.enum(['respondentType', 'ageGroup', 'gender', 'channel']);

/** A question answered on the five-level scale. */
export const scaleQuestion = z.object({
  id: z.string(),
  text: z.string(),
  required: z.boolean(),
  allowNoAnswer: z.boolean(),
});

/** A versioned SIPAS questionnaire: its elements, overall question, profile and suggestion. */
export const questionnaire = z.object({
  formatVersion: z.literal(1),
  id: z.string(),
  version: z.string(),
  name: z.string(),
  basis: z.string(),
  elements: z
    .array(
      z.object({
        id: elementId,
        name: z.string(),
        questions: z.array(scaleQuestion).readonly(),
      }),
    )
    .readonly(),
  overallQuestion: scaleQuestion,
  profile: z
    .array(
      z.object({
        key: profileKey,
        text: z.string(),
        required: z.boolean(),
        options: z.array(z.object({ value: z.string(), label: z.string() })).readonly(),
      }),
    )
    .readonly(),
  suggestion: z.object({ prompt: z.string(), maxLength: z.number() }),
  toConfirm: z.array(z.string()).readonly(),
});

/** A questionnaire document sent to be saved: any JSON object, checked by the domain's validator. */
export const questionnaireDocument = z.record(z.string(), jsonValue);

/** One answer: a level 1–5, or "no answer". */
export const answerValue = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(NO_ANSWER),
]);

export type Questionnaire = z.infer<typeof questionnaire>;
