/** Request and response shapes of the unit tree. */
import { z } from 'zod';
import { idNumber, idText, isoDate, paging } from '../../http/schemas.ts';

export const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,32}$/, 'field_format');

export const unitBody = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.number().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  parentName: z.string().nullable(),
  childCount: z.number(),
  version: z.number(),
});

export const unitListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parentId: z.union([z.literal('root'), idText]).optional(),
  kind: z.string().max(40).optional(),
  current: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const unitList = z.object({ items: z.array(unitBody), total: z.number() });

export const unitDetail = z.object({
  unit: unitBody,
  ancestors: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  permissions: z.object({ manage: z.boolean(), readAudit: z.boolean() }),
});

const unitFields = {
  code: unitCode,
  name: z.string().trim().min(1).max(200),
  kind: z.string().min(1).max(40),
  parentId: idNumber.nullable(),
  validFrom: isoDate.nullable().default(null),
  validTo: isoDate.nullable().default(null),
};

export const createUnitBody = z.object(unitFields).strict();
export const updateUnitBody = z.object({ ...unitFields, version: idNumber }).strict();

const lineageStep = unitBody.extend({
  mergeType: z.enum(['full', 'partial']),
  effectiveDate: z.string().nullable(),
  generation: z.number(),
  viaId: z.number(),
});

export const lineageBody = z.object({
  unit: unitBody,
  predecessors: z.array(lineageStep),
  successors: z.array(lineageStep),
});

export const addLineageBody = z
  .object({
    predecessorId: idNumber,
    successorId: idNumber,
    mergeType: z.enum(['full', 'partial']),
    effectiveDate: isoDate.nullable().default(null),
  })
  .strict();

/** A merger link named in the path: predecessor, then successor. */
export const lineageParams = z.object({
  predecessorId: idText,
  successorId: idText,
});

/** Why a link is corrected or removed: kept in the audit log. */
const lineageReason = z.string().trim().min(1).max(2000);

export const updateLineageBody = z
  .object({
    mergeType: z.enum(['full', 'partial']),
    effectiveDate: isoDate.nullable().default(null),
    reason: lineageReason,
  })
  .strict();

export const removeLineageBody = z.object({ reason: lineageReason }).strict();

export const lineageLink = z.object({
  predecessorId: z.number(),
  successorId: z.number(),
  mergeType: z.enum(['full', 'partial']),
  effectiveDate: z.string().nullable(),
});

export const unitKindsBody = z.object({
  items: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
});

export const importResult = z.object({ imported: z.number() });
