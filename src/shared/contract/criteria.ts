/**
 * What the criteria-set routes answer: sets, their trees and the bundled templates. The server
 * serialises its answers through these schemas and documents them in the OpenAPI document; the web
 * app imports their types (`import type`), so both sides read one declaration.
 */
import { z } from 'zod';
import { OFFICIAL_DOCUMENT_KINDS } from '../../domain/documents/official-document.ts';

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
