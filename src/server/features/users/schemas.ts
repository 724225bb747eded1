/** Query and path shapes of user administration; its bodies and answers are in the shared contract. */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';

export const userListQuery = z.object({ q: z.string().trim().max(100).optional(), ...paging });

export const grantParams = z.object({
  id: idText,
  grantId: idText,
});
