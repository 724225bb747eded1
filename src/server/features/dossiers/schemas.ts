/** Request and response shapes of the dossier-handling evaluation. */
import { z } from 'zod';
import { METHOD_OPTIONS } from '../../../domain/dossiers/config.ts';
import { idNumber, idText, paging } from '../../http/schemas.ts';
import * as contract from '../../../shared/contract/dossiers.ts';

export const RATE_KEYS = [
  'on-time-or-early',
  'late',
  'online-full',
  'online-partial',
  'online-payment',
  'postal-procedures',
  'postal-dossiers',
] as const;

export const period = z.string().regex(/^\d{4}-Q[1-4]$/, 'field_format');

export const codeParam = z.object({ code: z.string().trim().min(1).max(100) });

export const dossierListQuery = z.object({
  unitId: idText.optional(),
  period: period.optional(),
  officialCode: z.string().trim().max(100).optional(),
  q: z.string().trim().max(100).optional(),
  /** `overdue`: the late list (finished late, or unfinished and past due now). */
  timeliness: z.enum(['early', 'on-time', 'late', 'pending', 'no-due-date', 'overdue']).optional(),
  ...paging,
});

export const rateParams = z.object({ key: z.enum(RATE_KEYS) });

export const rateDossiersQuery = z.object({
  unitId: idText,
  /** The area whose view shows the figure (default: the unit); the unit's subtree is counted. */
  within: idText.optional(),
  /** `own`: the unit's own desk (its result alone), not its subtree. */
  scope: z.enum(['subtree', 'own']).default('subtree'),
  period,
  officialCode: z.string().trim().max(100).optional(),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  ...paging,
});

export const quarterQuery = z.object({
  unitId: idText,
  period,
  bands: z.string().max(60).optional(),
});

/**
 * The quarterly view: of a unit, or without one of the whole country (national readers); its late
 * list a page at a time (`lateLimit` dossiers, after `lateCursor`, the `nextCursor` of a page).
 */
export const quarterViewQuery = quarterQuery.extend({
  unitId: idText.optional(),
  lateLimit: z.coerce.number().int().min(1).max(500).optional(),
  lateCursor: z.string().max(400).optional(),
});

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

export const ratingReceiptBody = contract.ratingReceipt;

export const jobBody = contract.importJob;

export const dossierBody = contract.dossier;

export const dossierList = z.object({ items: z.array(dossierBody), total: z.number() });

export const procedureList = z.object({
  items: z.array(
    z.object({
      catalogueUnitId: z.number(),
      code: z.string(),
      name: z.string().nullable(),
      dossiers: z.number(),
      postal: z.number(),
    }),
  ),
  total: z.number(),
});

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

export const historyQuery = z.object({
  unitId: idText,
  period,
  quarters: z.coerce.number().int().min(1).max(12).default(4),
});

export const bandsQuery = z.object({ unitId: idText });

export const bandsBody = z
  .object({ unitId: idNumber, presetId: z.string().trim().min(1).max(60) })
  .strict();

export const postalCatalogueQuery = z.object({ unitId: idText });

/** Pasted lines: one procedure code per line, its name after a tab, semicolon or comma. */
export const postalCatalogueBody = z
  .object({ unitId: idNumber, text: z.string().max(2_000_000) })
  .strict();

export const postalCatalogueView = contract.postalCatalogue;

export const officialsQuery = z.object({ unitId: idText });

/** One official named by the unit; the code and name are checked by the domain's rules. */
export const officialBody = z
  .object({
    unitId: idNumber,
    code: z.string().max(1_000),
    fullName: z.string().max(1_000),
  })
  .strict();

export const officialDeleteQuery = z.object({
  unitId: idText,
  code: z.string().trim().min(1).max(1_000),
});
