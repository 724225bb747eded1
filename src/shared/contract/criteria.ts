/**
 * What the criteria-set routes answer and take: sets, their trees, the bundled templates, a set's
 * own fields, a tree to save and the mapping to last year's set. The server validates the bodies
 * and serialises its answers through these schemas and documents them in the OpenAPI document; the
 * web app imports their types (`import type`), so both sides read one declaration.
 */
import { z } from 'zod';
import type { NodeEvidenceRequirement } from '../../domain/documents/findings.ts';
import { OFFICIAL_DOCUMENT_KINDS } from '../../domain/documents/official-document.ts';
import { DOCUMENT_TYPES } from './evidence.ts';
import { idNumber } from './fields.ts';

export const setStatus = z.enum(['draft', 'frozen']);
export const nodeKind = z.enum(['normal', 'bonus', 'penalty']);
export const notApplicablePolicy = z.enum(['exclude', 'zero']);

/** A class band of a set: "Xuất sắc" from 90 %. */
export const classBand = z.object({
  label: z.string(),
  fromPercent: z.number(),
  toPercent: z.number().nullable(),
  toInclusive: z.boolean().optional(),
});

/** A set's own fields. */
export const criteriaSet = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  unitKind: z.string(),
  description: z.string(),
  surveyMaxHundredths: z.number().nullable(),
  bands: z.array(classBand),
  status: setStatus,
  basedOnId: z.number().nullable(),
  origin: z.string().nullable(),
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  frozenAt: z.string().nullable(),
});

/** One row of the list: the set with its node count and the total of its criteria. */
export const criteriaSetSummary = criteriaSet.extend({
  canManage: z.boolean(),
  nodeCount: z.number(),
  maxHundredths: z.number(),
});

/** What the automatic checks expect of a node's evidence (the year is the campaign's). */
export const evidenceRequirement = z.object({
  kind: z.enum(OFFICIAL_DOCUMENT_KINDS).optional(),
  mustBeSigned: z.boolean().optional(),
  deadline: z.string().optional(),
  signingDateDiffers: z.enum(['problem', 'warning']).optional(),
});

const ruleBase = { notApplicable: notApplicablePolicy.optional() };

/** How a leaf is scored, as the engine reads it (its text form is `ruleText`). */
export const scoringRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('judgement'), ...ruleBase }),
  z.object({ type: z.literal('yes_no'), ...ruleBase }),
  z.object({
    type: z.literal('bands'),
    ...ruleBase,
    bands: z.array(
      z.object({
        fromPercent: z.number(),
        toPercent: z.number().nullable(),
        toInclusive: z.boolean().optional(),
        points: z.number(),
      }),
    ),
  }),
  z.object({ type: z.literal('proportional'), ...ruleBase, step: z.number().optional() }),
  z.object({
    type: z.literal('deduction'),
    ...ruleBase,
    perIncident: z.number(),
    floor: z.number().optional(),
  }),
  z.object({
    type: z.literal('timeliness'),
    ...ruleBase,
    deadline: z.string(),
    latePoints: z.number(),
    lateUntil: z.string().optional(),
  }),
  z.object({
    type: z.literal('bonus'),
    ...ruleBase,
    perItem: z.number(),
    cap: z.number().optional(),
  }),
  z.object({
    type: z.literal('penalty'),
    ...ruleBase,
    perItem: z.number(),
    cap: z.number().optional(),
  }),
]);

/** A node as the server reads it, with its children. */
export interface NodeView {
  id: number;
  code: string;
  title: string;
  maxHundredths: number;
  ruleText: string | null;
  rule: z.infer<typeof scoringRule> | null;
  notApplicable: z.infer<typeof notApplicablePolicy> | null;
  kind: z.infer<typeof nodeKind> | null;
  guidance: string | null;
  evidence: string | null;
  agency: string | null;
  source: string | null;
  toBeConfirmed: boolean;
  evidenceRequirement: z.infer<typeof evidenceRequirement> | null;
  copiedFromId: number | null;
  children: NodeView[];
}

export const nodeView: z.ZodType<NodeView> = z
  .object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    maxHundredths: z.number(),
    ruleText: z.string().nullable(),
    rule: scoringRule.nullable(),
    notApplicable: notApplicablePolicy.nullable(),
    kind: nodeKind.nullable(),
    guidance: z.string().nullable(),
    evidence: z.string().nullable(),
    agency: z.string().nullable(),
    source: z.string().nullable(),
    toBeConfirmed: z.boolean(),
    evidenceRequirement: evidenceRequirement.nullable(),
    copiedFromId: z.number().nullable(),
    get children() {
      return z.array(nodeView);
    },
  })
  .meta({ id: 'CriteriaNode' });

/** One set with its tree, the problems the server sees and whether the caller may edit it. */
export const criteriaSetDetail = z.object({
  set: criteriaSet,
  nodes: z.array(nodeView),
  maxHundredths: z.number(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  canEdit: z.boolean(),
});

/** A template shipped with the app. */
export const bundledSet = z.object({
  id: z.string(),
  name: z.string(),
  unitKind: z.enum(['commune', 'department']),
  year: z.number().nullable(),
  surveyMaxHundredths: z.number().nullable(),
  description: z.string(),
});

export const criteriaSetList = z.object({ items: z.array(criteriaSetSummary) });
export const bundledSetList = z.object({ items: z.array(bundledSet), ruleSyntaxHelp: z.string() });

export type SetStatus = z.infer<typeof setStatus>;
export type NodeKindValue = z.infer<typeof nodeKind>;
export type NotApplicableValue = z.infer<typeof notApplicablePolicy>;
export type EvidenceRequirementValue = z.infer<typeof evidenceRequirement>;
export type ClassBand = z.infer<typeof classBand>;
export type CriteriaSet = z.infer<typeof criteriaSet>;
export type CriteriaSetSummary = z.infer<typeof criteriaSetSummary>;
export type CriteriaSetDetail = z.infer<typeof criteriaSetDetail>;
export type BundledSet = z.infer<typeof bundledSet>;
export type CriteriaSetList = z.infer<typeof criteriaSetList>;

/** A class band as a set or a campaign sends it. */
export const bandInput = z
  .object({
    label: z.string().trim().min(1).max(60),
    fromPercent: z.number().int().min(0).max(100_000),
    toPercent: z.number().int().min(0).max(100_000).nullable(),
    toInclusive: z.boolean().optional(),
  })
  .strict();

/** A set's own fields, as the form saves them. */
export const setMetaBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    year: z.number().int().min(2000).max(2100),
    unitKind: z.string().trim().min(1).max(40),
    description: z.string().max(5000).default(''),
    surveyMaxHundredths: z.number().int().min(0).max(100_000).nullable().default(null),
    bands: z.array(bandInput).min(1).max(20),
  })
  .strict();

export const createSetBody = setMetaBody
  .extend({
    ownerUnitId: idNumber.nullable().default(null),
    bundledId: z.string().max(100).optional(),
  })
  .strict();

export const updateSetBody = setMetaBody.extend({ version: idNumber }).strict();

/** A node of a tree as a save reads it; `id` null for a new node. */
export interface NodeInput {
  id: number | null;
  code: string;
  title: string;
  maxHundredths: number;
  ruleText: string | null;
  notApplicable: 'exclude' | 'zero' | null;
  kind: 'normal' | 'bonus' | 'penalty' | null;
  guidance: string | null;
  evidence: string | null;
  agency: string | null;
  source: string | null;
  toBeConfirmed: boolean;
  /** What the automatic checks expect of this node's evidence; null: nothing in particular. */
  evidenceRequirement?: NodeEvidenceRequirement | null;
  children: NodeInput[];
}

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

type NodeSent = z.input<typeof nodeShape> & { children?: unknown[] };

export const nodeInput: z.ZodType<NodeInput, NodeSent> = nodeShape.extend({
  children: z.lazy(() => z.array(nodeInput).max(500)).default([]),
}) as unknown as z.ZodType<NodeInput, NodeSent>;

/** The whole tree, saved with the set's version. */
export const saveTreeBody = z
  .object({ version: idNumber, nodes: z.array(nodeInput).max(500) })
  .strict();

export const mappingKind = z.enum(['kept', 'renamed', 'merged', 'split', 'removed', 'added']);

/** One line of a year-to-year mapping: old codes → new codes. */
export const mappingEntry = z
  .object({
    kind: mappingKind,
    from: z.array(z.string().max(40)).max(50),
    to: z.array(z.string().max(40)).max(50),
  })
  .strict();
export const mappingBody = z.object({ entries: z.array(mappingEntry).max(5000) }).strict();

/** Starting next year's set as a copy of this one. */
export const copyBody = z
  .object({ year: z.number().int().min(2000).max(2100), name: z.string().trim().min(1).max(300) })
  .strict();

/** The mapping to the set this one was copied from: saved, or a proposal not saved yet. */
export const mapping = z.object({
  fromSetId: z.number().nullable(),
  saved: z.boolean(),
  entries: z.array(mappingEntry),
});

export type SetMetaInput = z.input<typeof setMetaBody>;
export type CreateSetInput = z.input<typeof createSetBody>;
export type UpdateSetInput = z.input<typeof updateSetBody>;
export type CopySetInput = z.input<typeof copyBody>;
export type TreeInput = z.input<typeof saveTreeBody>;
export type MappingInput = z.input<typeof mappingBody>;
export type MappingKind = z.infer<typeof mappingKind>;
export type MappingEntry = z.infer<typeof mappingEntry>;
export type Mapping = z.infer<typeof mapping>;
