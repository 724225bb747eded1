/**
 * Request shapes of remediation plans and supervisions besides their bodies (those are declared
 * in src/shared/contract/remediation.ts): the list query.
 */
import { z } from 'zod';
import { idText } from '../../http/schemas.ts';

export const listQuery = z.object({ unitId: idText.optional() });
