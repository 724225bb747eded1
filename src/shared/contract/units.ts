/**
 * What the unit-tree routes answer and the bodies they take: a unit, a page of units, one unit with
 * its ancestors, its lineage through mergers, the unit kinds. Served through these schemas, read by
 * the web app as types.
 */
import { z } from 'zod';
import { idNumber, isoDate } from './fields.ts';

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

export const lineageStep = unitBody.extend({
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

export const unitKind = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
export const unitKindsBody = z.object({ items: z.array(unitKind) });

export const importResult = z.object({ imported: z.number() });

export type Unit = z.infer<typeof unitBody>;
export type UnitPage = z.infer<typeof unitList>;
export type UnitDetail = z.infer<typeof unitDetail>;
export type UnitKind = z.infer<typeof unitKind>;
export type LineageStep = z.infer<typeof lineageStep>;
export type Lineage = z.infer<typeof lineageBody>;
export type MergerLink = z.infer<typeof lineageLink>;
/** A unit as the web sends it to be added (without `version`) or edited (with it). */
export type UnitInput = z.input<typeof createUnitBody>;
export type UnitUpdateInput = z.input<typeof updateUnitBody>;
export type MergerInput = z.input<typeof addLineageBody>;
export type MergerCorrection = z.input<typeof updateLineageBody>;
export type MergerRemoval = z.input<typeof removeLineageBody>;
