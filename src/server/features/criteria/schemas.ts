/** Request and response shapes of criteria sets. */
import { z } from 'zod';
import { idNumber } from '../../http/schemas.ts';
import { DOCUMENT_TYPES } from '../evidence/schemas.ts';
import type { NodeInput } from './service.ts';

const band = z
  .object({
    label: z.string().trim().min(1).max(60),
    fromPercent: z.number().int().min(0).max(100_000),
    toPercent: z.number().int().min(0).max(100_000).nullable(),
    toInclusive: z.boolean().optional(),
  })
  .strict();

export const setMetaBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    year: z.number().int().min(2000).max(2100),
    unitKind: z.string().trim().min(1).max(40),
    description: z.string().max(5000).default(''),
    surveyMaxHundredths: z.number().int().min(0).max(100_000).nullable().default(null),
    bands: z.array(band).min(1).max(20),
  })
  .strict();

export const createSetBody = setMetaBody
  .extend({
    ownerUnitId: idNumber.nullable().default(null),
    bundledId: z.string().max(100).optional(),
  })
  .strict();

export const updateSetBody = setMetaBody.extend({ version: idNumber }).strict();

const nodeShape = z.object({
  id: idNumber.nullable().default(null),
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'field_format')
    .max(40),
  title: z.string().trim().min(1).max(2000),
  maxHundredths: z.number().int().min(0).max(10_000_000),
  ruleText: z.string().max(2000).nullable().default(null),
  notApplicable: z.enum(['exclude', 'zero']).nullable().default(null),
  kind: z.enum(['normal', 'bonus', 'penalty']).nullable().default(null),
  guidance: z.string().max(10_000).nullable().default(null),
  evidence: z.string().max(10_000).nullable().default(null),
  agency: z.string().max(300).nullable().default(null),
  source: z.string().max(2000).nullable().default(null),
  toBeConfirmed: z.boolean().default(false),
  // What the automatic checks of this node's evidence expect (the year is the campaign's).
  evidenceRequirement: z
    .object({
      kind: z.enum(DOCUMENT_TYPES).exclude(['photo']).optional(),
      mustBeSigned: z.boolean().optional(),
      deadline: z.iso.date().optional(),
      // What a signing day other than the issue day costs (default: the points are at risk).
      signingDateDiffers: z.enum(['problem', 'warning']).optional(),
    })
    .strict()
    .nullable()
    .default(null),
});

export const nodeInput: z.ZodType<NodeInput, z.input<typeof nodeShape> & { children?: unknown[] }> =
  nodeShape.extend({
    children: z.lazy(() => z.array(nodeInput).max(500)).default([]),
  }) as unknown as z.ZodType<NodeInput, z.input<typeof nodeShape> & { children?: unknown[] }>;

export const saveTreeBody = z
  .object({ version: idNumber, nodes: z.array(nodeInput).max(500) })
  .strict();

export const copyBody = z
  .object({ year: z.number().int().min(2000).max(2100), name: z.string().trim().min(1).max(300) })
  .strict();

export const mappingEntry = z
  .object({
    kind: z.enum(['kept', 'renamed', 'merged', 'split', 'removed', 'added']),
    from: z.array(z.string().max(40)).max(50),
    to: z.array(z.string().max(40)).max(50),
  })
  .strict();
export const mappingBody = z.object({ entries: z.array(mappingEntry).max(5000) }).strict();

export const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitKind: z.string().max(40).optional(),
});
