/**
 * Use-cases on imported dossiers: read them within the actor's unit scope, record the citizen's
 * rating form (staff entry of the paper form, or the public online form; one per dossier), and the
 * quarterly results. Results are the domain core's (art. 15 Circular 01): the database sums the
 * stored per-indicator points by unit and official (GROUP BY), the sums become the core's tallies,
 * and the core evaluates, classifies and computes rates against targets.
 *
 * One module per concern; callers import this one:
 * - dossier-list.service.ts: a dossier, the lists, the dossiers and procedures behind a rate;
 * - ratings.service.ts: the rating forms (counter, online) and the receipt's rating link;
 * - figures.service.ts: the accumulator and an area's figures the results are computed from;
 * - quarter.service.ts: the quarterly view, a unit's result, the 766 dashboard, rates over quarters;
 * - quarter-export.service.ts: the quarterly view as a workbook;
 * - settings.service.ts: the class bands and the readings of Circular 01 per province;
 * - shared.ts: what they share (period, configuration with bands, a readable unit).
 * The import runs in import-job.ts; the officials and postal catalogues have their own services.
 */
import { scopeOf, type Actor } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import * as repo from './repository.ts';

export * from './dossier-list.service.ts';
export * from './ratings.service.ts';
export { loadAccumulator } from './figures.service.ts';
export {
  getQuarterView,
  getUnitResult,
  getDashboard766,
  quarterBefore,
  getRatesHistory,
} from './quarter.service.ts';
export * from './quarter-export.service.ts';
export {
  effectiveBands,
  getBandSettings,
  chooseBands,
  effectiveMethod,
  getMethodSettings,
  saveMethodSettings,
  methodSentences,
  methodLines,
  type EffectiveMethod,
  type MethodView,
} from './settings.service.ts';
export { configWithBands } from './shared.ts';

/** Import sources with their saved mappings. */
export async function listImportSources(deps: Deps, actor: Actor) {
  if (scopeOf(actor, 'dossier.import')?.length === 0) throw new AppError('forbidden', 'forbidden');
  return (await repo.listSources(deps.db)).map((s) => ({
    id: s.id,
    name: s.name,
    mapping: s.mapping,
    headers: s.headers,
    updatedAt: new Date(s.updated_at).toISOString(),
  }));
}
