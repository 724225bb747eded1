/**
 * What the campaign set-up and workflow routes answer: a campaign, its participants with what the
 * reader may do on each, its sets and assignments, the outcome of workflow actions (one unit,
 * several units, every unit), a score file's preview and import, the survey points; and the bodies
 * of a campaign's form and of an action on several units. Served and validated through these
 * schemas and read by the web app as types.
 */
import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../../domain/campaign/workflow.ts';
import { isIsoDate } from '../../domain/scoring/rules.ts';
import { bandInput, classBand } from './criteria.ts';
import { idNumber } from './fields.ts';

export const campaignStatus = z.enum(['setup', 'open', 'closed']);
export const campaignPhase = z.enum([
  'setup',
  'self_assessment',
  'round1',
  'explanations',
  'round2',
  'approval',
  'closed',
]);
export const assessmentStatus = z.enum(ASSESSMENT_STATUSES);
export const assessmentEventType = z.enum([
  'saveDraft',
  'submit',
  'withdraw',
  'reopen',
  'scoreRound1',
  'closeRound1',
  'explain',
  'lockExplanations',
  'decideRound2',
  'approve',
  'reopenResult',
  'publish',
]);

/** The five deadlines, as calendar days ("2026-03-31"). */
export const deadlines = z.object({
  selfAssessment: z.string(),
  round1: z.string(),
  explanations: z.string(),
  round2: z.string(),
  publication: z.string(),
});

/** Where the survey points of a campaign come from. */
export const surveySource = z.enum(['entered', 'imported', 'sipas']);

/** A campaign's own fields and the phase its deadlines put it in today. */
export const campaign = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  status: campaignStatus,
  phase: campaignPhase,
  phaseLabel: z.string(),
  deadlines,
  surveySource,
  bands: z.array(classBand).nullable(),
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  /** The appraising agency; null: the owner unit appraises. */
  appraisingUnitId: z.number().nullable(),
  appraisingUnitName: z.string().nullable(),
  appraisingUnitCode: z.string().nullable(),
  version: z.number(),
  openedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const campaignList = z.object({
  items: z.array(campaign.extend({ participants: z.number() })),
});

/** Why a unit's self-assessment was reopened, and until when. */
export const reopenNote = z.object({
  reason: z.string(),
  byUserId: z.number(),
  at: z.string(),
  until: z.string().nullable(),
});

/** A unit taking part and where its assessment stands. */
export const participant = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  status: assessmentStatus,
  statusLabel: z.string(),
  reopened: reopenNote.nullable(),
  version: z.number(),
});

/** An action the unit's state allows but refused to this reader now (a deadline, a lock). */
export const refusedAction = z.object({
  event: assessmentEventType,
  code: z.string(),
  message: z.string(),
});

/** A participant as the campaign page lists it for its reader. */
export const participantForReader = participant.extend({
  possibleActions: z.array(assessmentEventType),
  refusedActions: z.array(refusedAction),
  /** Criteria the appraisers asked the unit to explain (empty when the reader may not see them). */
  explanationRequested: z.array(z.string()),
  /** Why the approved result was reopened, while it is decided again. */
  resultReopened: z
    .object({ reason: z.string(), at: z.string(), byName: z.string().nullable() })
    .nullable(),
});

export const campaignCriteriaSet = z.object({
  unitKind: z.string(),
  criteriaSetId: z.number(),
  name: z.string(),
  surveyMaxHundredths: z.number().nullable(),
  bands: z.array(classBand).nullable(),
  /** The bands the kind's results use: the campaign's, else the set's, else the defaults. */
  bandsInUse: z.array(classBand).readonly(),
  maxHundredths: z.number(),
});

export const assignment = z.object({
  userId: z.number(),
  username: z.string(),
  fullName: z.string(),
  nodeCodes: z.array(z.string()),
  unitKind: z.string().nullable(),
});

/** One campaign as its page shows it to the reader. */
export const campaignDetail = z.object({
  campaign,
  criteriaSets: z.array(campaignCriteriaSet),
  assignments: z.array(assignment),
  participants: z.array(participantForReader),
  canManage: z.boolean(),
});

export const participantsAdded = z.object({
  added: z.number(),
  participants: z.array(participant),
});

/** Appraiser accounts that may be assigned, with what each holds now. */
export const appraiserAccounts = z.object({
  items: z.array(
    z.object({
      userId: z.number(),
      username: z.string(),
      fullName: z.string(),
      unitId: z.number().nullable(),
      unitName: z.string().nullable(),
      assignedNodeCodes: z.array(z.string()),
    }),
  ),
});

/** A workflow action on one unit: the unit's new state. */
export const unitActionOutcome = z.object({ participant });

/** An action on several units: what was done and what was refused, unit by unit. */
export const bulkOutcome = z.object({
  action: z.enum(['approve', 'publish', 'reopen', 'remind']),
  done: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      status: assessmentStatus,
      reminded: z.number().optional(),
    }),
  ),
  refused: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), code: z.string(), message: z.string() }),
  ),
});

/** An action on every unit in the right state: how many were done, and each refusal. */
export const allUnitsOutcome = z.object({
  done: z.number(),
  refused: z.array(z.object({ unitId: z.number(), unitName: z.string(), message: z.string() })),
});

// The bodies of a campaign's form and of an action on several units.

const deadline = z.string().trim().min(10).max(40);

const deadlinesInput = z
  .object({
    selfAssessment: deadline,
    round1: deadline,
    explanations: deadline,
    round2: deadline,
    publication: deadline,
  })
  .strict();

const campaignSetInput = z
  .object({
    unitKind: z.string().trim().min(1).max(40),
    criteriaSetId: idNumber,
    surveyMaxHundredths: z.number().int().min(0).max(100_000).nullable().optional(),
    bands: z.array(bandInput).min(1).max(20).nullable().optional(),
  })
  .strict();

const campaignFields = {
  name: z.string().trim().min(1).max(300),
  year: z.number().int().min(2000).max(2100),
  deadlines: deadlinesInput,
  surveySource: surveySource.default('entered'),
  bands: z.array(bandInput).min(1).max(20).nullable().default(null),
  // The appraising agency's unit; null: the owner unit; absent on an edit: unchanged.
  appraisingUnitId: idNumber.nullable().optional(),
};

export const campaignCreateBody = z
  .object({
    ...campaignFields,
    ownerUnitId: idNumber.nullable().default(null),
    criteriaSets: z.array(campaignSetInput).min(1).max(20),
  })
  .strict();

/** The campaign's form saved again; its sets are sent only while in set-up (absent: unchanged). */
export const campaignUpdateBody = z
  .object({
    ...campaignFields,
    version: idNumber,
    criteriaSets: z.array(campaignSetInput).min(1).max(20).optional(),
  })
  .strict();

/** The decision a result is published by: its number and symbol ("125/QĐ-UBND") and its date. */
export const decisionFields = {
  decisionNumber: z.string().trim().min(1).max(100).optional(),
  decisionDate: z
    .string()
    .refine((v) => isIsoDate(v), 'field_format')
    .optional(),
};

export const bulkAction = z.enum(['approve', 'publish', 'reopen', 'remind']);

/** An action on several units at once. */
export const bulkBody = z
  .object({
    action: bulkAction,
    unitIds: z.array(idNumber).min(1).max(2000),
    reason: z.string().max(5000).optional(),
    until: z.string().max(40).nullable().optional(),
    ...decisionFields,
  })
  .strict();

// The bodies of a campaign's participants and assignments, a unit's entries at each step and the
// workflow's actions, as the routes validate them.

export const participantsBody = z
  .object({
    unitIds: z.array(idNumber).max(10_000).optional(),
    unitCodes: z.array(z.string().trim().min(1).max(32)).max(10_000).optional(),
  })
  .strict();

export const assignmentsBody = z
  .object({
    assignments: z
      .array(
        z
          .object({
            userId: idNumber.optional(),
            username: z.string().trim().min(1).max(100).optional(),
            nodeCodes: z.array(z.string().trim().max(40)).min(1).max(500),
            unitKind: z.string().trim().max(40).nullable().optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

const inputValueSent = z.union([
  z.number(),
  z.boolean(),
  z.string().max(40),
  z.null(),
  z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(0) }).strict(),
]);

const evidenceIds = z.array(idNumber).max(100).default([]);

export const selfEntryBody = z
  .object({
    version: z.number().int().min(0),
    inputs: z.record(z.string().max(40), inputValueSent),
    explanation: z.string().max(20_000).nullable().optional(),
    evidence: evidenceIds,
  })
  .strict();

export const round1Body = z
  .object({
    version: z.number().int().min(0),
    scoreHundredths: z.number().int().min(0).max(10_000_000).nullable(),
    notApplicable: z.boolean().optional(),
    reason: z.string().max(20_000).nullable().optional(),
    needsExplanation: z.boolean().optional(),
  })
  .strict();

export const explanationBody = z
  .object({ version: z.number().int().min(0), text: z.string().max(20_000), evidence: evidenceIds })
  .strict();

export const round2Body = z
  .object({
    version: z.number().int().min(0),
    disposition: z.enum(['addressed', 'defended', 'still_open']),
    scoreHundredths: z.number().int().min(0).max(10_000_000).nullable().optional(),
    reason: z.string().max(20_000),
  })
  .strict();

export const actionBody = z
  .object({
    reason: z.string().max(5000).optional(),
    until: z.string().max(40).nullable().optional(),
    version: idNumber.optional(),
    ...decisionFields,
  })
  .strict()
  .default({});

/** Publishing every approved result at once, by one decision. */
export const publishAllBody = z.object(decisionFields).strict().default({});

/** A unit's survey points typed in. */
export const surveyPointsBody = z
  .object({ pointsHundredths: z.number().int().min(0).max(10_000_000) })
  .strict();

/** The council chair accepts the self score of sub-criteria no appraiser is assigned to. */
export const acceptSelfScoresBody = z
  .object({
    codes: z.array(z.string().trim().min(1).max(50)).min(1).max(500),
    reason: z.string().max(5000),
  })
  .strict();

/** Taking the survey points from a SIPAS campaign's index. */
export const surveyFromSipasBody = z.object({ sipasCampaignId: idNumber }).strict();

export type ParticipantsInput = z.input<typeof participantsBody>;
export type AssignmentsInput = z.input<typeof assignmentsBody>;
export type SelfEntryInput = z.input<typeof selfEntryBody>;
export type Round1Input = z.input<typeof round1Body>;
export type ExplanationInput = z.input<typeof explanationBody>;
export type Round2Input = z.input<typeof round2Body>;
export type UnitActionInput = z.input<typeof actionBody>;
export type PublishAllInput = z.input<typeof publishAllBody>;
export type SurveyPointsInput = z.input<typeof surveyPointsBody>;
export type AcceptSelfScoresInput = z.input<typeof acceptSelfScoresBody>;
export type SurveyFromSipasInput = z.input<typeof surveyFromSipasBody>;

// What the set-up page reads: a score file's preview and import, the survey points of the units.

/** What an import of a score file writes (or would write). */
export const importSummary = z.object({
  rows: z.number(),
  scores: z.number(),
  survey: z.number(),
  unitsAdded: z.number(),
  units: z.number(),
});

/** A row of a score file, as read. */
export const scoreFileRow = z.object({
  row: z.number(),
  unit_code: z.string(),
  node_code: z.string(),
  self: z.string(),
  round1: z.string(),
  round2: z.string(),
  reason: z.string(),
});

export const scorePreview = z.object({
  totalRows: z.number(),
  rows: z.array(scoreFileRow),
  problems: z.array(
    z.object({
      row: z.number().optional(),
      column: z.string().optional(),
      field: z.string().optional(),
      message: z.string(),
    }),
  ),
  /** What the import would write; null when the file has problems. */
  summary: importSummary.nullable(),
});

/** A participating unit's survey points and the most its set allows. */
export const surveyRow = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  surveyMaxHundredths: z.number().nullable(),
  pointsHundredths: z.number().nullable(),
  source: z.string().nullable(),
});

export const surveyPoints = z.object({
  surveySource: z.string(),
  items: z.array(surveyRow),
});

export const surveyFromSipas = z.object({
  applied: z.number(),
  withoutAnswers: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
});

export type SurveySource = z.infer<typeof surveySource>;
export type CampaignInput = z.input<typeof campaignCreateBody>;
export type CampaignUpdateInput = z.input<typeof campaignUpdateBody>;
export type BulkAction = z.infer<typeof bulkAction>;
export type BulkRequest = z.input<typeof bulkBody>;
export type ImportSummary = z.infer<typeof importSummary>;
export type ScoreFileRow = z.infer<typeof scoreFileRow>;
export type ScorePreview = z.infer<typeof scorePreview>;
export type SurveyRow = z.infer<typeof surveyRow>;
export type SurveyPoints = z.infer<typeof surveyPoints>;
export type SurveyFromSipas = z.infer<typeof surveyFromSipas>;

export type Campaign = z.infer<typeof campaign>;
export type CampaignPhase = z.infer<typeof campaignPhase>;
export type Deadlines = z.infer<typeof deadlines>;
export type Participant = z.infer<typeof participantForReader>;
export type ReopenNote = z.infer<typeof reopenNote>;
export type Assignment = z.infer<typeof assignment>;
export type CampaignDetail = z.infer<typeof campaignDetail>;
export type BulkOutcome = z.infer<typeof bulkOutcome>;

/** A problem with one entry, at a node and a field. */
export const entryProblem = z.object({
  code: z.string(),
  issue: z.string(),
  field: z.string(),
  message: z.string(),
});

/** A self-assessment entry saved: its score ('na': not applicable), the working, its problems. */
export const selfSaved = z.object({
  code: z.string(),
  version: z.number(),
  score: z.union([z.number(), z.literal('na')]).nullable(),
  working: z.string(),
  problems: z.array(entryProblem),
  status: assessmentStatus,
});

/** An appraisal step saved on one criterion: its new version and the unit's state. */
export const entrySaved = z.object({
  code: z.string(),
  version: z.number(),
  status: assessmentStatus,
});

/** A unit's survey points as typed in (hundredths). */
export const surveyPointsSaved = z.object({ unitId: z.number(), pointsHundredths: z.number() });

export type SelfSaved = z.infer<typeof selfSaved>;
export type EntryProblem = z.infer<typeof entryProblem>;

const unitNamed = z.object({ unitId: z.number(), unitCode: z.string(), unitName: z.string() });

/** A self score the council chair accepted for a criterion no appraiser holds, and why. */
export const acceptedSelfScore = z.object({
  reason: z.string(),
  by: z.string().nullable(),
  byUserId: z.number().nullable(),
  at: z.string(),
});

/** Criteria without an appraiser, per unit kind, and for which units their self score stands. */
export const coverage = z.object({
  complete: z.boolean(),
  mayAccept: z.boolean(),
  kinds: z.array(
    z.object({
      unitKind: z.string(),
      unappraised: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          maxHundredths: z.number(),
          acceptedFor: z.array(unitNamed.extend(acceptedSelfScore.shape)),
          waitingFor: z.array(unitNamed),
        }),
      ),
    }),
  ),
});

export type AcceptedSelfScore = z.infer<typeof acceptedSelfScore>;
export type Coverage = z.infer<typeof coverage>;

/** A value typed into a scoring rule's input: a number, a yes/no, a text, or a rate. */
export const inputValue = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.null(),
  z.object({ numerator: z.number(), denominator: z.number() }),
]);
export const round2Disposition = z.enum(['addressed', 'defended', 'still_open']);
/** Evidence cited by an entry: documents of the unit's library (ids) or links. */
const evidenceRefs = z.array(z.union([z.number(), z.string()]));

/** One criterion's entry at every step: self score, round 1, explanation, round 2. */
export const entry = z.object({
  version: z.number(),
  self: z.object({
    inputs: z.record(z.string(), inputValue.optional()).nullable(),
    score: z.number().nullable(),
    notApplicable: z.boolean(),
    working: z.string().nullable(),
    explanation: z.string().nullable(),
    evidence: evidenceRefs,
    at: z.string().nullable(),
  }),
  round1: z
    .object({
      score: z.number().nullable(),
      notApplicable: z.boolean(),
      reason: z.string().nullable(),
      needsExplanation: z.boolean(),
      byUserId: z.number().nullable(),
      at: z.string().nullable(),
    })
    .nullable(),
  explanation: z
    .object({ text: z.string(), evidence: evidenceRefs, at: z.string().nullable() })
    .nullable(),
  round2: z
    .object({
      disposition: round2Disposition,
      score: z.number().nullable(),
      reason: z.string().nullable(),
      byUserId: z.number().nullable(),
      at: z.string().nullable(),
    })
    .nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

/** One criterion of one unit in the appraiser's queue. */
export const queueItem = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  status: assessmentStatus,
  code: z.string(),
  title: z.string(),
  maxHundredths: z.number(),
  version: z.number(),
  /** Scored (round 1) or decided (round 2) already. */
  done: z.boolean(),
  /** The unit's round is under way. */
  unitInProgress: z.boolean(),
  entry: entry.nullable(),
});

/** A page of the appraiser's queue. */
export const queuePage = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(queueItem),
});

/** Round-1 progress per appraiser, the units in scope and how many are in each state. */
export const round1Progress = z.object({
  appraisers: z.array(
    z.object({
      userId: z.number(),
      username: z.string(),
      fullName: z.string(),
      nodeCodes: z.array(z.string()),
      scored: z.number(),
      total: z.number(),
    }),
  ),
  units: z.array(participant),
  statusCounts: z.record(z.string(), z.number()),
});

export type InputValue = z.infer<typeof inputValue>;
export type Disposition = z.infer<typeof round2Disposition>;
export type Entry = z.infer<typeof entry>;
export type QueueItem = z.infer<typeof queueItem>;
export type QueuePage = z.infer<typeof queuePage>;
export type Round1Progress = z.infer<typeof round1Progress>;

/**
 * A top-level criterion of a result: its score over its max and its rank among the units of the
 * kind; `adjustmentText` is the signed bonus and penalty points counted in it outside its max
 * ("+0,50"), null when none.
 */
export const criterionResult = z.object({
  code: z.string(),
  title: z.string(),
  score: z.number(),
  max: z.number(),
  rank: z.number().nullable(),
  bonus: z.number(),
  penalty: z.number(),
  adjustmentText: z.string().nullable(),
});

/** A bonus or penalty node with its signed points. */
export const adjustment = z.object({
  code: z.string(),
  title: z.string(),
  kind: z.enum(['bonus', 'penalty']),
  points: z.number(),
  pointsText: z.string(),
  cap: z.number(),
});

/** A decision to publish a result without its survey points. */
export const publishedWithoutSurvey = z.object({
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});

/** The published results of a campaign, as anyone may read them. */
export const publicResults = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      totalHundredths: z.number(),
      totalText: z.string(),
      maxTotalHundredths: z.number(),
      maxTotalText: z.string(),
      /** The survey points are not in yet, or come from a survey still open: tạm tính. */
      provisional: z.boolean(),
      surveyHundredths: z.number().nullable(),
      indexHundredths: z.number().nullable(),
      indexText: z.string().nullable(),
      classLabel: z.string().nullable(),
      classBand: classBand.nullable(),
      rank: z.number().nullable(),
      unitsRanked: z.number().nullable(),
      criteria: z.array(criterionResult),
      adjustments: z.array(adjustment),
      /** Published while provisional: the recorded decision and its reason. */
      publishedWithoutSurvey: publishedWithoutSurvey.nullable(),
      /** The decision the result was published by, when recorded. */
      decision: z.object({ number: z.string().nullable(), date: z.string().nullable() }).nullable(),
    }),
  ),
});

export type CriterionResult = z.infer<typeof criterionResult>;
export type Adjustment = z.infer<typeof adjustment>;
export type PublishedWithoutSurvey = z.infer<typeof publishedWithoutSurvey>;
export type PublicResults = z.infer<typeof publicResults>;

/** One unit's stored result as every view shows it (`status` empty when unknown). */
export const unitResult = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  status: z.string(),
  appraisedHundredths: z.number(),
  maxAppraisedHundredths: z.number(),
  surveyHundredths: z.number().nullable(),
  maxSurveyHundredths: z.number().nullable(),
  totalHundredths: z.number(),
  totalText: z.string(),
  /** The appraised max alone while the result is provisional. */
  maxTotalHundredths: z.number(),
  maxTotalText: z.string(),
  /** The survey points are not in yet, or come from a survey still open: tạm tính. */
  provisional: z.boolean(),
  indexHundredths: z.number().nullable(),
  indexText: z.string().nullable(),
  classLabel: z.string().nullable(),
  classBand: classBand.nullable(),
  rank: z.number().nullable(),
  unitsRanked: z.number().nullable(),
  criteria: z.array(criterionResult),
  adjustments: z.array(adjustment),
});

/** Last year's result of the unit (its own, or of the units it came from), and the change. */
export const previousResult = z.object({
  year: z.number().nullable(),
  source: z.enum(['own', 'lineage', 'none']),
  indexHundredths: z.number().nullable(),
  indexText: z.string().nullable(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  ratioText: z.string().nullable(),
  ratioTenths: z.number().nullable(),
  differenceText: z.string().nullable(),
  fromUnits: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
});

const scoreMax = z.object({ score: z.number(), max: z.number() });
const signedPoints = z.object({ points: z.number(), text: z.string() });

/** A point lost on a node, and why. */
export const lostPoint = z.object({
  code: z.string(),
  title: z.string(),
  max: z.number(),
  final: z.number(),
  lost: z.number(),
  source: z.enum(['self', 'round1', 'round2']).nullable(),
  reason: z.string().nullable(),
  round1Reason: z.string().nullable(),
  disposition: round2Disposition.nullable(),
});

/** A unit's scorecard: every node self vs round 1 vs final, every lost point with its reason. */
export const scorecard = z.object({
  campaign,
  unit: z.object({
    unitId: z.number(),
    unitCode: z.string(),
    unitName: z.string(),
    unitKind: z.string(),
    status: z.string(),
  }),
  /** 'self': the appraisal is not open to this reader yet; the scores are self-assessed. */
  stage: z.enum(['self', 'final']),
  result: unitResult.extend({ stage: z.enum(['self', 'final']) }).nullable(),
  previous: previousResult.nullable(),
  nodes: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      depth: z.number(),
      isLeaf: z.boolean(),
      kind: z.enum(['normal', 'bonus', 'penalty']),
      cap: z.number().nullable(),
      self: scoreMax,
      afterRound1: scoreMax,
      final: scoreMax,
      selfPoints: signedPoints.nullable(),
      afterRound1Points: signedPoints.nullable(),
      finalPoints: signedPoints.nullable(),
      lost: z.number(),
      reason: z.string().nullable(),
      round1Reason: z.string().nullable(),
      disposition: round2Disposition.nullable(),
      /** No appraiser was assigned to this sub-criterion: the chair accepted the self score. */
      selfScoreAccepted: acceptedSelfScore.nullable(),
    }),
  ),
  lostPoints: z.array(lostPoint).readonly(),
  /** Published while provisional: the recorded decision and its reason. */
  publishedWithoutSurvey: publishedWithoutSurvey.nullable(),
});

export type UnitResult = z.infer<typeof unitResult>;
export type PreviousResult = z.infer<typeof previousResult>;
export type Scorecard = z.infer<typeof scorecard>;

/** One unit kind's summary: averages and the share of each class. */
export const classSummary = z.object({
  unitKind: z.string(),
  units: z.number(),
  averageIndexHundredths: z.number().nullable(),
  averageIndexText: z.string().nullable(),
  averageAppraisedHundredths: z.number().nullable(),
  averageAppraisedText: z.string().nullable(),
  maxAppraisedHundredths: z.number(),
  /** Units whose result is provisional (survey points not in, or from a survey still open). */
  provisionalUnits: z.number(),
  bands: z.array(classBand).readonly(),
  classes: z.array(
    z.object({
      label: z.string(),
      count: z.number(),
      /** Tenths of a percent, adding up to 1000 (largest remainder). */
      shareTenths: z.number(),
      shareText: z.string(),
    }),
  ),
  unclassified: z.number(),
});

/** The ranking: per kind its summary, then one page of units with last year's result. */
export const results = z.object({
  campaign,
  complete: z.boolean(),
  /** Units after the filters (the ranking may be paged). */
  total: z.number(),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
  summaries: z.array(classSummary),
  units: z.array(unitResult.extend({ previous: previousResult.nullable() })),
});

export type ClassSummary = z.infer<typeof classSummary>;
export type Results = z.infer<typeof results>;

/** The input a scoring rule asks of the unit, as the sheet's form shows it. */
export const ruleInput = z.discriminatedUnion('type', [
  z.object({
    key: z.string(),
    type: z.literal('score'),
    label: z.string(),
    maxHundredths: z.number().nullable(),
  }),
  z.object({
    key: z.string(),
    type: z.literal('boolean'),
    label: z.string(),
    optional: z.boolean(),
  }),
  z.object({
    key: z.string(),
    type: z.literal('rate'),
    label: z.string(),
    numeratorLabel: z.string(),
    denominatorLabel: z.string(),
    allowAbove100: z.boolean(),
  }),
  z.object({ key: z.string(), type: z.literal('count'), label: z.string() }),
  z.object({ key: z.string(), type: z.literal('date'), label: z.string(), nullLabel: z.string() }),
]);

/** A criterion on a unit's sheet, with its rule's inputs, its entry and its children. */
export interface SheetNode {
  code: string;
  title: string;
  maxHundredths: number;
  kind: string;
  guidance: string | null;
  evidenceExpected: string | null;
  isLeaf: boolean;
  inputs: z.infer<typeof ruleInput>[];
  assignedToMe: boolean;
  entry: Entry | null;
  children: SheetNode[];
}

export const sheetNode: z.ZodType<SheetNode> = z
  .object({
    code: z.string(),
    title: z.string(),
    maxHundredths: z.number(),
    kind: z.string(),
    guidance: z.string().nullable(),
    evidenceExpected: z.string().nullable(),
    isLeaf: z.boolean(),
    inputs: z.array(ruleInput),
    assignedToMe: z.boolean(),
    entry: entry.nullable(),
    get children() {
      return z.array(sheetNode);
    },
  })
  .meta({ id: 'SheetNode' });

/** A unit's sheet: the tree with its entries, the progress and what the reader may do now. */
export const sheet = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number(), deadlines }),
  participant,
  maxHundredths: z.number(),
  nodes: z.array(sheetNode),
  progress: z.object({
    leavesTotal: z.number(),
    leavesDone: z.number(),
    leavesLeft: z.array(z.string()),
    leavesWithProblems: z.array(z.string()),
    problems: z.array(entryProblem),
    pointsEntered: z.number(),
    maxHundredths: z.number(),
    blockingProblems: z.number(),
  }),
  findings: z.array(z.string()),
  possibleActions: z.array(assessmentEventType),
  refusedActions: z.array(refusedAction),
});

export type Sheet = z.infer<typeof sheet>;
export type ParticipantState = z.infer<typeof participant>;
