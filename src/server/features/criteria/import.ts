/** Creating a draft set from a parsed workbook, shared by the API and the CLI. */
import type { Actor } from '../../../domain/access.ts';
import { DEFAULT_PAR_BANDS } from '../../../domain/scoring/index.ts';
import type { Deps } from '../../deps.ts';
import { createCriteriaSet, type NodeInput, type SetMeta } from './service.ts';

/** Saves an imported workbook as a new draft set; fields missing from it get defaults. */
export async function importCriteriaSetFromXlsx(
  deps: Deps,
  actor: Actor,
  parsed: { meta: Partial<SetMeta>; nodes: NodeInput[] },
  options: { filename: string; ownerUnitId: number | null },
): Promise<number> {
  const year = parsed.meta.year ?? deps.clock.now().getFullYear();
  return createCriteriaSet(deps, actor, {
    name: parsed.meta.name ?? options.filename.replace(/\.xlsx$/i, ''),
    year,
    unitKind: parsed.meta.unitKind ?? 'commune',
    description: parsed.meta.description ?? '',
    surveyMaxHundredths: parsed.meta.surveyMaxHundredths ?? null,
    bands: parsed.meta.bands ?? [...DEFAULT_PAR_BANDS],
    ownerUnitId: options.ownerUnitId,
    nodes: parsed.nodes,
    origin: `xlsx:${options.filename}`,
  });
}
