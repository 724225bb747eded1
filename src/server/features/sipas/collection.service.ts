/**
 * What the offline field-collection app downloads before going out: every open campaign that
 * accepts offline answers, with its questionnaire, its fields and the units the enumerator may
 * enter answers for. The answers come back through `uploadBatch` (submission.service.ts).
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import type { Questionnaire } from '../../../domain/sipas/questionnaire.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import * as repo from './repository.ts';
import { loadCampaignContext } from './service.ts';

/** One campaign as the field app keeps it on the device. */
export interface CollectionForm {
  campaignId: number;
  campaignName: string;
  periodEnd: string;
  questionnaire: Questionnaire;
  units: { id: number; name: string }[];
  fields: { id: string; name: string }[];
}

/** The forms the actor can collect offline; 403 without any SIPAS entry right. */
export async function listCollectionForms(deps: Deps, actor: Actor): Promise<CollectionForm[]> {
  const manage = scopeOf(actor, 'sipas.manage');
  const enter = scopeOf(actor, 'sipas.enter');
  if (manage !== null && enter !== null && manage.length + enter.length === 0)
    throw new AppError('forbidden', 'forbidden');
  const unitScope = manage === null || enter === null ? null : [...manage, ...enter];
  const rows = await repo.listCampaigns(deps.db, manage, unitScope);
  const forms: CollectionForm[] = [];
  for (const row of rows) {
    if (row.status !== 'open' || !row.channels.includes('offline')) continue;
    const ctx = await loadCampaignContext(deps.db, row.id);
    if (!ctx) continue;
    const units = ctx.units.filter(
      (u) => can(actor, 'sipas.enter', u.path) || can(actor, 'sipas.manage', u.path),
    );
    if (units.length === 0) continue;
    forms.push({
      campaignId: row.id,
      campaignName: row.name,
      periodEnd: row.period_end,
      questionnaire: ctx.questionnaire,
      units: units.map((u) => ({ id: u.unit_id, name: u.name })),
      fields: row.fields,
    });
  }
  return forms;
}
