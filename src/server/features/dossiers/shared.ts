/**
 * What the dossier use-cases share: the not-found answer for a dossier, the quarter a period names,
 * the evaluation configuration with chosen class bands, and a unit the actor may read.
 */
import { can, type Actor } from '../../../domain/access.ts';
import {
  BAND_PRESETS,
  DEFAULT_DOSSIER_CONFIG,
  DEFAULT_METHOD,
  type DossierEvaluationConfig,
  type MethodSettings,
} from '../../../domain/dossiers/config.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import * as repo from './repository.ts';

export function notFoundDossier(): AppError {
  return new AppError('not_found', 'not_found', { what: '@entity_dossier' });
}

export const PERIOD = /^(\d{4})-Q([1-4])$/;

export function checkPeriod(period: string): { from: string; to: string } {
  const m = PERIOD.exec(period);
  if (!m) throw new AppError('invalid', 'dossier_bad_period', { period });
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { from, to: end };
}

/** The configuration with the chosen class bands (bands do not change stored points). */
export function configWithBands(
  bandsId: string | undefined,
  method: MethodSettings = DEFAULT_METHOD,
): DossierEvaluationConfig {
  const base =
    method === DEFAULT_METHOD ? DEFAULT_DOSSIER_CONFIG : { ...DEFAULT_DOSSIER_CONFIG, method };
  if (bandsId === undefined) return base;
  const preset = BAND_PRESETS.find((b) => b.id === bandsId);
  if (!preset) throw new AppError('invalid', 'dossier_unknown_bands', { id: bandsId });
  return { ...base, bands: preset };
}

export async function readableUnit(
  deps: Deps,
  actor: Actor,
  unitId: number,
): Promise<repo.UnitRef> {
  const unit = await repo.findUnitRef(deps.db, unitId);
  if (!unit) throw new AppError('not_found', 'not_found', { what: '@entity_unit' });
  if (!can(actor, 'dossier.read', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return unit;
}
