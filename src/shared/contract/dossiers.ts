/**
 * What some dossier routes answer: import sources, class bands and Circular 01 readings per
 * province, rates over quarters; and the bodies the dossier routes take (ratings, the province's
 * bands and reading of Circular 01, its postal catalogue, its officials). Served through these
 * schemas and read by the web app as types.
 */
import { z } from 'zod';
import { METHOD_OPTIONS } from '../../domain/dossiers/config.ts';
import { classBand } from './criteria.ts';
import { idNumber } from './fields.ts';

export const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const unitName = z.object({ id: z.number(), name: z.string() });

export const rateKey = z.enum([
  'on-time-or-early',
  'late',
  'online-full',
  'online-partial',
  'online-payment',
  'postal-procedures',
  'postal-dossiers',
]);

/** One rate of a unit or an area: numerator of denominator, its percent and target. */
export const rate = z.object({
  key: rateKey,
  label: z.string(),
  basis: z.string(),
  basisKey: z.enum([
    'decided',
    'all',
    'payment',
    'postal-catalogue-procedures',
    'postal-catalogue-dossiers',
    'no-postal-catalogue',
  ]),
  num: z.number(),
  den: z.number(),
  percent: z.number().nullable(),
  text: z.string(),
  target: z
    .object({
      minPercent: z.number(),
      text: z.string(),
      met: z.boolean().nullable(),
      source: z.string(),
    })
    .nullable(),
  codes: z.array(z.string()).optional(),
});

export const rates = z.record(rateKey, rate);

/** A saved import source and its column mapping. */
export const importSource = z.object({
  id: z.number(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  headers: z.array(z.string()),
  updatedAt: z.string(),
});
export const importSourceList = z.object({ items: z.array(importSource) });

export const ratesHistory = z.object({
  unit: unitRef,
  items: z.array(z.object({ period: z.string(), dossiers: z.number(), rates })),
});

export const bandSettings = z.object({
  unit: unitRef,
  presets: z.array(
    z.object({ id: z.string(), name: z.string(), bands: z.array(classBand).readonly() }),
  ),
  defaultPresetId: z.string(),
  effectivePresetId: z.string(),
  chosenOn: unitName.nullable(),
  canChange: z.boolean(),
});

const divisor = z.enum(['evaluated', 'scored']);
const fewIndicators = z.enum(['full-max', 'scored-max', 'not-classed']);
const dueWithoutTime = z.enum(['end-of-day', 'start-of-day']);
export const methodValues = z.object({ divisor, fewIndicators, dueWithoutTime });

/** How the province reads Circular 01 where its text leaves a choice. */
export const methodView = z.object({
  values: methodValues,
  setOn: unitName.nullable(),
  isDefault: z.boolean(),
});

export const methodSettings = methodView.extend({
  unit: unitRef,
  defaults: methodValues,
  options: z.object({
    divisor: z.array(divisor).readonly(),
    fewIndicators: z.array(fewIndicators).readonly(),
    dueWithoutTime: z.array(dueWithoutTime).readonly(),
  }),
  canChange: z.boolean(),
});

export type RateKey = z.infer<typeof rateKey>;
export type Rate = z.infer<typeof rate>;
export type Rates = z.infer<typeof rates>;
export type ImportSource = z.infer<typeof importSource>;
export type RatesHistory = z.infer<typeof ratesHistory>;
export type BandSettings = z.infer<typeof bandSettings>;
export type MethodValues = z.infer<typeof methodValues>;
export type MethodView = z.infer<typeof methodView>;
export type MethodSettings = z.infer<typeof methodSettings>;

/** The one-stop officials a unit names (seed 003's annex prints their names, not their codes). */
export const dossierOfficials = z.object({
  unit: unitRef,
  officials: z.array(z.object({ code: z.string(), fullName: z.string() })),
  /** Officials' codes found in the unit's dossiers that have no name yet (at most 200). */
  unnamedCodes: z.array(z.string()),
  canEdit: z.boolean(),
});
export type DossierOfficials = z.infer<typeof dossierOfficials>;

/** One dossier as the list, the quarterly view's late dossiers and a dossier's page show it. */
export const dossier = z.object({
  code: z.string(),
  unit: unitRef,
  officialCode: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  field: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  completionRequests: z.number().nullable(),
  agenciesInvolved: z.number().nullable(),
  channel: z.string(),
  onlinePayment: z.boolean().nullable(),
  returnedByPost: z.boolean().nullable(),
  status: z.string(),
  period: z.string(),
  timeliness: z.string(),
  points: z.array(z.number().nullable()),
  total: z.number(),
  rating: z
    .object({ channel: z.string().nullable(), ratings: z.array(z.number().nullable()) })
    .nullable(),
  importedCitizenRatings: z.array(z.number().nullable()).nullable(),
});

/** One of Circular 01's nine indicators over a group of dossiers (hundredths, one decimal). */
export const indicatorScore = z.object({
  id: z.number(),
  name: z.string(),
  score: z.number().nullable(),
  text: z.string(),
  scoredDossiers: z.number(),
});

/** A group's evaluation, with its own states for "no dossiers" and "not scored" (never zero). */
export const evaluation = z.discriminatedUnion('state', [
  z.object({ state: z.literal('no-dossiers'), label: z.string() }),
  z.object({ state: z.literal('not-scored'), label: z.string(), dossiers: z.number() }),
  z.object({
    state: z.literal('scored'),
    dossiers: z.number(),
    indicators: z.array(indicatorScore),
    total: z.number(),
    max: z.number(),
    text: z.string(),
    percent: z.number(),
    className: z.string().nullable(),
    notScored: z.array(z.number()),
  }),
]);

/** How many units fall in a class, or in one of the two states. */
export const classCount = z.object({
  label: z.string(),
  count: z.number(),
  kind: z.enum(['class', 'unclassified', 'no-dossiers', 'not-scored']),
});

const bandPreset = z.object({
  id: z.string(),
  name: z.string(),
  bands: z.array(classBand).readonly(),
});

/** Which postal catalogue the figures used: the unit it is set on and how many procedures. */
const postalCatalogueUsed = z
  .object({ setOnUnitId: z.number(), procedures: z.number() })
  .nullable();

/** A district's or province's quarter: units by class, officials, rates and late dossiers. */
export const quarterView = z.object({
  unit: unitRef,
  period: z.string(),
  bands: bandPreset,
  method: methodView,
  groups: z.array(
    z.object({
      kind: z.string(),
      summary: z.string(),
      counts: z.array(classCount),
      rows: z.array(
        z.object({
          unitId: z.number(),
          unitCode: z.string(),
          unitName: z.string(),
          label: z.string(),
          evaluation,
          rates,
          /** Dossiers of units with no postal catalogue: left out of both postal rates. */
          withoutPostalCatalogue: z.number(),
        }),
      ),
    }),
  ),
  area: z.object({
    dossiers: z.number(),
    evaluation,
    rates,
    withoutPostalCatalogue: z.number(),
  }),
  officials: z.array(
    z.object({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      officialCode: z.string(),
      /** The official's name when the unit recorded it, else null. */
      officialName: z.string().nullable(),
      evaluation,
      rates,
    }),
  ),
  postalCatalogue: postalCatalogueUsed,
  /** The late list: its total, the moment it is read at, one page and the next page's cursor. */
  late: z.object({
    total: z.number(),
    asOf: z.string(),
    items: z.array(dossier),
    nextCursor: z.string().nullable(),
  }),
});

/** One unit's quarter and each of its one-stop officials. */
export const unitResult = z.object({
  unit: unitRef,
  period: z.string(),
  method: methodView,
  evaluation,
  rates,
  postalCatalogue: postalCatalogueUsed,
  officials: z.array(z.object({ officialCode: z.string(), evaluation, rates })),
});

const fieldNeed = z.object({ field: z.string(), label: z.string() });

/** The Decision 766 dashboard over a unit's subtree in a quarter (points in hundredths). */
export const dashboard766 = z.object({
  unit: unitRef,
  period: z.string(),
  dossiers: z.number(),
  dashboard: z.object({
    groups: z.array(
      z.object({
        key: z.enum(['publicity', 'progress', 'digitisation', 'online-services', 'satisfaction']),
        name: z.string(),
        max: z.number(),
        indicators: z.array(
          z.object({
            key: z.string(),
            name: z.string(),
            max: z.number(),
            points: z.number().nullable(),
            rate: z.object({ num: z.number(), den: z.number() }).nullable(),
            rateText: z.string().nullable(),
            usedFields: z.array(z.string()),
            missingFields: z.array(fieldNeed),
          }),
        ),
        points: z.number().nullable(),
        computedMax: z.number(),
        complete: z.boolean(),
        text: z.string(),
        usedFields: z.array(z.string()),
        missingFields: z.array(fieldNeed),
      }),
    ),
    points: z.number(),
    computedMax: z.number(),
    max: z.number(),
    averageHandlingHoursTenths: z.number().nullable(),
  }),
});

export type Dossier = z.infer<typeof dossier>;
export type Evaluation = z.infer<typeof evaluation>;
export type IndicatorScore = z.infer<typeof indicatorScore>;
export type QuarterView = z.infer<typeof quarterView>;
export type UnitResult = z.infer<typeof unitResult>;
export type Dashboard766 = z.infer<typeof dashboard766>;

/** A refused row of a dossier file: its row, column and what is wrong. */
export const rowProblem = z.object({ row: z.number(), column: z.string(), message: z.string() });

/** Which product field each column of a file feeds (field → the file's header). */
const columnMapping = z.record(z.string(), z.string());

/** What the import would read from a file: its columns, the mapping and the first rows checked. */
export const importPreview = z.object({
  fileKind: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  source: z.object({ name: z.string(), savedMapping: columnMapping }).nullable(),
  mapping: columnMapping,
  mappingFrom: z.enum(['given', 'saved', 'names']),
  layoutChanged: z.boolean(),
  missingHeaders: z.array(z.string()),
  unmappedRequired: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number(),
      ok: z.boolean(),
      dossier: z
        .object({
          code: z.string(),
          unitCode: z.string(),
          unitName: z.string(),
          receivedAt: z.string(),
          channel: z.string(),
          period: z.string(),
          timeliness: z.string(),
          points: z.array(z.number().nullable()),
        })
        .nullable(),
      problems: z.array(rowProblem),
    }),
  ),
});

export type ImportPreview = z.infer<typeof importPreview>;
export type RowProblem = z.infer<typeof rowProblem>;

/** A dossier import job as its screen follows it: progress, counts, refused rows, the outcome. */
export const importJob = z.object({
  id: z.number(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'interrupted']),
  source: z.string().nullable(),
  fileName: z.string(),
  fileKind: z.string(),
  rowsTotal: z.number().nullable(),
  rowsDone: z.number(),
  inserted: z.number(),
  updated: z.number(),
  problemRows: z.number(),
  problems: z.array(rowProblem),
  problemsListed: z.number(),
  periods: z.record(z.string(), z.number()).nullable(),
  message: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** An interrupted job whose file is still kept: it can be run again (ADR 23). */
  canRetry: z.boolean(),
  /** The job that ran this interrupted one again. */
  retriedBy: z.number().nullable(),
});

/** What the receipt carries for the citizen's online rating of a dossier. */
export const ratingReceipt = z.object({
  code: z.string(),
  unit: unitRef,
  procedureName: z.string().nullable(),
  secret: z.string(),
  link: z.string(),
  qrSvg: z.string(),
  rated: z.boolean(),
});

/** The postal-service catalogue that applies to a unit (its own or its nearest ancestor's). */
export const postalCatalogue = z.object({
  unit: unitRef,
  setOn: z.object({ id: z.number(), name: z.string(), updatedAt: z.string() }).nullable(),
  inherited: z.boolean(),
  procedures: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  canEdit: z.boolean(),
});

export type ImportJob = z.infer<typeof importJob>;
export type RatingReceipt = z.infer<typeof ratingReceipt>;
export type PostalCatalogue = z.infer<typeof postalCatalogue>;

// The bodies of the dossier routes, as they validate them.

const ratingValue = z.number().min(0).max(100).nullable();

export const counterRatingBody = z
  .object({
    ratings: z.array(ratingValue).length(9),
    comment: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

export const onlineRatingBody = z
  .object({
    code: z.string().trim().min(1).max(100),
    /** The citizen's secret printed on the receipt (ADR 21); dashes and spaces are ignored. */
    secret: z.string().trim().min(1).max(40),
    ratings: z.array(ratingValue).length(9),
    comment: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

export const bandsBody = z
  .object({ unitId: idNumber, presetId: z.string().trim().min(1).max(60) })
  .strict();

/** How the province reads Circular 01 where its text leaves a choice, chosen for its unit. */
export const methodBody = z
  .object({
    unitId: idNumber,
    divisor: z.enum(METHOD_OPTIONS.divisor as ['evaluated', 'scored']),
    fewIndicators: z.enum(
      METHOD_OPTIONS.fewIndicators as ['full-max', 'scored-max', 'not-classed'],
    ),
    dueWithoutTime: z.enum(METHOD_OPTIONS.dueWithoutTime as ['end-of-day', 'start-of-day']),
  })
  .strict();

/** Pasted lines: one procedure code per line, its name after a tab, semicolon or comma. */
export const postalCatalogueBody = z
  .object({ unitId: idNumber, text: z.string().max(2_000_000) })
  .strict();

/** One official named by the unit; the code and name are checked by the domain's rules. */
export const officialBody = z
  .object({
    unitId: idNumber,
    code: z.string().max(1_000),
    fullName: z.string().max(1_000),
  })
  .strict();

export type CounterRatingInput = z.input<typeof counterRatingBody>;
export type OnlineRatingInput = z.input<typeof onlineRatingBody>;
export type BandsInput = z.input<typeof bandsBody>;
export type MethodInput = z.input<typeof methodBody>;
export type PostalCatalogueInput = z.input<typeof postalCatalogueBody>;
export type OfficialInput = z.input<typeof officialBody>;
