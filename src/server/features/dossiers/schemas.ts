/**
 * Path and query shapes of the dossier-handling evaluation and the answers the contract does not
 * hold; every body is declared in src/shared/contract/dossiers.ts.
 */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';
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

export const historyQuery = z.object({
  unitId: idText,
  period,
  quarters: z.coerce.number().int().min(1).max(12).default(4),
});

export const bandsQuery = z.object({ unitId: idText });

export const postalCatalogueQuery = z.object({ unitId: idText });

export const postalCatalogueView = contract.postalCatalogue;

export const officialsQuery = z.object({ unitId: idText });

export const officialDeleteQuery = z.object({
  unitId: idText,
  code: z.string().trim().min(1).max(1_000),
});
