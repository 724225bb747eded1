/**
 * What some dossier routes answer: import sources, class bands and Circular 01 readings per
 * province, rates over quarters. Served through these schemas and read by the web app as types.
 */
import { z } from 'zod';
import { classBand } from './criteria.ts';

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
