/** The sociological survey: every unit's survey points, and their flow into the campaign's results. */
import type { Actor } from '../../../domain/access.ts';
import { type SurveyDesign } from '../../../domain/social-survey/design.ts';
import {
  computeSurveyPoints,
  type TallyRow,
  type UnitSurveyPoints,
} from '../../../domain/social-survey/points.ts';
import { type Ratio } from '../../../domain/scoring/decimal.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { applyComputedSurveyPoints } from '../campaigns/results.service.ts';
import { userIdOf } from '../campaigns/service.ts';
import { surveyPointsForUnit } from '../sipas/service.ts';
import * as repo from './repository.ts';
import type { Loaded } from './shared.ts';
import { requireSurvey } from './shared.ts';
// --- points ---------------------------------------------------------------------------------

/** SIPAS indexes of the units (published, two decimals: the existing rule), for nodes fed by SIPAS. */
async function sipasIndexes(
  deps: { db: Queryable },
  sipasCampaignId: number | null,
  designs: SurveyDesign[],
  unitIds: number[],
): Promise<Map<number, Ratio | null>> {
  const out = new Map<number, Ratio | null>();
  if (sipasCampaignId === null || !designs.some((d) => d.nodes.some((n) => n.source === 'sipas')))
    return out;
  for (const unitId of unitIds) {
    // Points for a max of 100 points are the index in hundredths of a percent.
    const r = await surveyPointsForUnit(deps, sipasCampaignId, unitId, 10000);
    out.set(unitId, r === null ? null : { num: r.points, den: 10000 });
  }
  return out;
}

/** Every participating unit's survey points with what is behind them (units of `only`, or all). */
export async function computeAll(
  deps: { db: Queryable },
  db: Queryable,
  loaded: Loaded,
  only: number[] | null,
): Promise<{ unit: repo.ParticipantUnit; points: UnitSurveyPoints | null }[]> {
  const units = (await repo.findParticipantUnits(db, loaded.campaign.id)).filter(
    (u) => only === null || only.includes(u.unit_id),
  );
  const tally = await repo.tallyAnswers(db, loaded.survey.id, only);
  const byKind = new Map<string, TallyRow[]>();
  const kindOf = new Map(units.map((u) => [u.unit_id, u.unit_kind]));
  for (const t of tally) {
    const kind = kindOf.get(t.unitId);
    if (kind === undefined) continue;
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(t);
  }
  const sipas = await sipasIndexes(
    deps,
    loaded.survey.sipas_campaign_id,
    loaded.questionnaires.map((q) => q.design),
    units.map((u) => u.unit_id),
  );
  const results = new Map<number, UnitSurveyPoints>();
  for (const q of loaded.questionnaires) {
    const ids = units.filter((u) => u.unit_kind === q.unit_kind).map((u) => u.unit_id);
    for (const r of computeSurveyPoints(
      q.design,
      ids,
      byKind.get(q.unit_kind) ?? [],
      (id) => sipas.get(id) ?? null,
    ))
      results.set(r.unitId, r);
  }
  return units.map((unit) => ({ unit, points: results.get(unit.unit_id) ?? null }));
}

/**
 * Writes the computed survey points of some units (null: all) into the campaign: provisional while
 * the survey is open, final once closed; nothing while it is a draft. Returns how many units got points.
 */
export async function flowPoints(
  deps: { db: Queryable },
  db: Queryable,
  loaded: Loaded,
  only: number[] | null,
  actor: Actor | null,
  now: Date,
): Promise<number> {
  if (loaded.survey.status === 'draft') return 0;
  const computed = await computeAll(deps, db, loaded, only);
  return applyComputedSurveyPoints(db, {
    campaignId: loaded.campaign.id,
    points: computed
      .filter((c) => c.points !== null)
      .map((c) => ({ unitId: c.unit.unit_id, pointsHundredths: c.points!.pointsHundredths })),
    provisional: loaded.survey.status !== 'closed',
    by: actor ? userIdOf(actor) : null,
    now,
  });
}

/**
 * Writes every participating unit's survey points of a campaign's survey into the campaign, as the
 * survey's status says (provisional while open); for a loader working in its own transaction
 * without a request (the demo). Returns how many units got points.
 */
export async function flowSurveyPoints(db: Queryable, campaignId: number, now: Date) {
  const campaign = await repo.findCampaignView(db, campaignId);
  const survey = await repo.findSurveyByCampaign(db, campaignId, true);
  if (!campaign || !survey) return 0;
  const questionnaires = await repo.findQuestionnaires(db, survey.id);
  return flowPoints({ db }, db, { campaign, survey, questionnaires }, null, null, now);
}

/** Every unit's survey points, per node, question and group, with counts and formulas. */
export async function surveyResults(deps: Deps, actor: Actor, campaignId: number) {
  const loaded = await requireSurvey(deps.db, actor, campaignId);
  const computed = await computeAll(deps, deps.db, loaded, null);
  return {
    status: loaded.survey.status,
    provisional: loaded.survey.status !== 'closed',
    units: computed.map(({ unit, points }) => ({
      unitId: unit.unit_id,
      unitCode: unit.unit_code,
      unitName: unit.unit_name,
      unitKind: unit.unit_kind,
      pointsHundredths: points?.pointsHundredths ?? null,
      maxHundredths: points?.maxHundredths ?? null,
      nodes: points?.nodes ?? [],
      questions: points?.questions ?? [],
    })),
  };
}
