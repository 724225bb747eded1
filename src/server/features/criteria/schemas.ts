/** The list query of criteria sets; every body is declared in src/shared/contract/criteria.ts. */
import { z } from 'zod';

export const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitKind: z.string().max(40).optional(),
});
