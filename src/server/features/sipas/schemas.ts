/** Path and query shapes of the SIPAS routes; their bodies and answers are in the shared contract. */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';

export const campaignIdParam = z.object({ campaignId: idText });
export const tokenParam = z.object({ token: z.string().min(10).max(200) });

export const formQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
});

export const indexesQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
});

export const responsesQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
  suggestions: z.enum(['true', 'false']).default('false'),
  q: z.string().max(200).optional(),
  ...paging,
});

export const surveyPointsQuery = z.object({
  surveyMax: z.coerce.number().int().min(0).max(100_000),
});
