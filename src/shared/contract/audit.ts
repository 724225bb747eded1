/**
 * What the audit-log route answers: entries newest first, each with who did what on which record
 * of which unit, the record before and after. Served through this schema, read by the web app as
 * types.
 */
import { z } from 'zod';
import { jsonValue } from './json.ts';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  before: jsonValue,
  after: jsonValue,
});

export const auditList = z.object({
  items: z.array(auditEntry),
  nextBefore: z.number().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditList>;
