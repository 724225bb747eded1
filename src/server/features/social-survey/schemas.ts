/** Path and query shapes of the sociological survey's routes; bodies and answers are in the contract. */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';

export const campaignParam = z.object({ id: idText });
export const kindParam = z.object({ id: idText, unitKind: z.string().trim().min(1).max(32) });
export const tokenParam = z.object({ token: z.string().min(10).max(200) });

export const respondentParam = z.object({ id: idText, respondentId: idText });
export const respondentListQuery = z.object({
  group: z.string().trim().min(1).max(32).optional(),
  unitId: idText.optional(),
  ...paging,
});
