/**
 * The citizen's rating form of a dossier (one per dossier): staff entry of the paper form, the
 * public online form checked against the receipt's secret and rate-limited per address, and what
 * the receipt carries for the online rating (secret, link, QR code).
 */
import { can, type Actor } from '../../../domain/access.ts';
import {
  DEFAULT_DOSSIER_CONFIG,
  INDICATOR_IDS,
  type DossierEvaluationConfig,
} from '../../../domain/dossiers/config.ts';
import { formatPointsCompact } from '../../../domain/scoring/decimal.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { hitRateCounter } from '../auth/service.ts';
import { getDossier, presentDossier, type DossierView } from './dossier-list.service.ts';
import { deriveDossier, dossierFromDb } from './import.ts';
import * as repo from './repository.ts';
import {
  formatRatingSecret,
  ratingKey,
  ratingLink,
  ratingLinkQrSvg,
  ratingSecretMatches,
  ratingSecretOf,
} from './rating-secret.ts';
import { effectiveMethod } from './settings.service.ts';
import { configWithBands, notFoundDossier } from './shared.ts';

/** Online ratings accepted per address per minute. */
export const PUBLIC_RATINGS_PER_MINUTE = 10;

/** Ratings as entered (points, e.g. 2 or 1.5; null = not rated) to hundredths, checked. */
function ratingsToHundredths(
  ratings: readonly (number | null)[],
  config: DossierEvaluationConfig,
): (number | null)[] {
  const out = INDICATOR_IDS.map((id) => {
    const v = ratings[id - 1];
    if (v === null || v === undefined) return null;
    const h = Math.round(v * 100);
    if (!Number.isFinite(v) || h < config.scale.min || h > config.scale.max) {
      throw new AppError('invalid', 'dossier_rating_invalid', {
        indicator: id,
        min: formatPointsCompact(config.scale.min),
        max: formatPointsCompact(config.scale.max),
      });
    }
    return h;
  });
  if (out.every((v) => v === null)) throw new AppError('invalid', 'dossier_rating_empty');
  return out;
}

async function recordRating(
  deps: Deps,
  actor: Actor | null,
  input: {
    code: string;
    channel: 'counter-form' | 'online';
    ratings: readonly (number | null)[];
    comment: string | null;
    /** Called with the dossier found (or none) before anything else is checked. */
    check?: (row: repo.DossierDbRow | undefined) => void;
  },
): Promise<DossierView> {
  const ratings = ratingsToHundredths(input.ratings, DEFAULT_DOSSIER_CONFIG);
  return deps.db.transaction(async (tx) => {
    const row = await repo.findDossier(tx, input.code);
    input.check?.(row);
    if (!row) throw notFoundDossier();
    // Its timeliness is read as its province reads a due date without a time.
    const config = configWithBands(
      undefined,
      (await effectiveMethod(tx, { path: row.unit_path })).method,
    );
    if (actor !== null && !can(actor, 'dossier.import', row.unit_path)) {
      throw new AppError('forbidden', 'forbidden_unit', { unit: row.unit_name });
    }
    // One rating per dossier: a form, or citizen ratings that came with the import.
    if (row.form_ratings !== null || row.citizen_ratings !== null) {
      throw new AppError('conflict', 'dossier_already_rated', { code: row.code });
    }
    const now = deps.clock.now();
    const inserted = await repo.insertRating(
      tx,
      {
        code: row.code,
        channel: input.channel,
        ratings,
        comment: input.comment,
        userId: actor?.userId ?? null,
      },
      now,
    );
    if (!inserted) throw new AppError('conflict', 'dossier_already_rated', { code: row.code });
    const dossier = dossierFromDb({ ...row, form_ratings: ratings });
    await repo.updateDerived(tx, row.code, deriveDossier(dossier, config), now);
    await appendAuditEntry(
      tx,
      {
        actorId: actor?.userId ?? null,
        actorName: actor?.username ?? 'public',
        action: 'dossier.rate',
        entity: 'dossier',
        entityId: row.code,
        unitId: row.unit_id,
        after: { channel: input.channel, ratings },
      },
      now,
    );
    return presentDossier((await repo.findDossier(tx, row.code)) as repo.DossierDbRow);
  });
}

/** Staff enter the paper form handed out with the receipt (Mẫu phiếu 4). */
export async function enterCounterRating(
  deps: Deps,
  actor: Actor,
  code: string,
  input: { ratings: readonly (number | null)[]; comment?: string | null | undefined },
): Promise<DossierView> {
  return recordRating(deps, actor, {
    code,
    channel: 'counter-form',
    ratings: input.ratings,
    comment: input.comment ?? null,
  });
}

/**
 * The public online form (Mẫu phiếu 5) by dossier code and the citizen's secret from the receipt
 * (ADR 21); rate-limited per address. An unknown code and a wrong secret get the same answer,
 * after the same work, so codes cannot be probed; only the right secret learns that the dossier
 * was already rated.
 */
export async function submitOnlineRating(
  deps: Deps,
  address: string,
  input: {
    code: string;
    secret: string;
    ratings: readonly (number | null)[];
    comment?: string | null | undefined;
  },
): Promise<{ code: string }> {
  const now = deps.clock.now();
  const { hits, windowStart } = await hitRateCounter(deps.db, `dossier-rating:${address}`, now, 60);
  if (hits > PUBLIC_RATINGS_PER_MINUTE) {
    const seconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'rate_limited', { seconds });
  }
  const code = input.code.trim();
  const key = await ratingKey(deps.db);
  await recordRating(deps, null, {
    code,
    channel: 'online',
    ratings: input.ratings,
    comment: input.comment ?? null,
    check: (row) => {
      const matches = ratingSecretMatches(key, row?.code ?? code, input.secret);
      if (!row || !matches) {
        throw new AppError('invalid', 'dossier_rating_not_matched', {}, [
          { field: 'secret', key: 'dossier_rating_not_matched' },
        ]);
      }
    },
  });
  return { code };
}

/**
 * What the receipt carries for the citizen's online rating: the secret, the single-use link and
 * its QR code. For those who enter the dossier's paper forms (dossier.import on its unit).
 */
export async function ratingReceipt(deps: Deps, actor: Actor, code: string) {
  const row = await repo.findDossier(deps.db, code);
  if (!row) throw notFoundDossier();
  if (!can(actor, 'dossier.import', row.unit_path)) {
    // Those who may not read the dossier do not learn that it exists.
    await getDossier(deps, actor, code);
    throw new AppError('forbidden', 'forbidden_unit', { unit: row.unit_name });
  }
  const secret = ratingSecretOf(await ratingKey(deps.db), row.code);
  const link = ratingLink(deps.config.publicUrl, row.code, secret);
  return {
    code: row.code,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    procedureName: row.procedure_name,
    secret: formatRatingSecret(secret),
    link,
    qrSvg: await ratingLinkQrSvg(link),
    rated: row.form_ratings !== null || row.citizen_ratings !== null,
  };
}
