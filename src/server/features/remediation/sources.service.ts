/**
 * Where a remediation plan or a supervision starts from: the campaigns in which the unit (or a
 * unit that merged into it) took part, and that campaign's scorecard of the unit — its baseline
 * and the sub-criteria that lost points.
 */
import type { Actor } from '../../../domain/access.ts';
import { planItemsFrom } from '../../../domain/remediation/plan.ts';
import { getScorecard } from '../campaigns/results.service.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import { unitFor } from './shared.ts';

/** Campaigns in which the unit (or a unit that merged into it) took part. */
export async function resultSources(deps: Deps, actor: Actor, unitId: number) {
  const unit = await unitFor(deps.db, actor, unitId, 'remediation.read');
  const ids = await repo.unitAndPredecessors(deps.db, unit.id);
  const rows = await repo.campaignsOfUnits(deps.db, ids);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    sources: rows.map((r) => ({
      campaignId: r.campaign_id,
      campaignName: r.name,
      year: r.year,
      unitId: r.unit_id,
      unitName: r.unit_name,
      status: r.status,
      predecessor: r.unit_id !== unit.id,
    })),
  };
}

/** The unit scored in the campaign for this unit: itself or a predecessor. */
export async function sourceUnit(
  db: Queryable,
  unit: repo.UnitBrief,
  campaignId: number,
  chosen: number | null | undefined,
): Promise<repo.UnitBrief> {
  const candidates = await repo.participatingUnits(
    db,
    campaignId,
    await repo.unitAndPredecessors(db, unit.id),
  );
  if (chosen !== undefined && chosen !== null) {
    const found = candidates.find((c) => c.id === chosen);
    if (!found)
      throw new AppError('invalid', 'remediation_source_not_related', { unit: unit.name });
    return found;
  }
  if (candidates.length === 0)
    throw new AppError('invalid', 'remediation_no_results', { unit: unit.name });
  if (candidates.length > 1)
    throw new AppError('invalid', 'remediation_choose_source', {
      units: candidates.map((c) => c.name).join(', '),
    });
  return candidates[0]!;
}

export type Scorecard = Awaited<ReturnType<typeof getScorecard>>;

export async function scorecardOf(deps: Deps, actor: Actor, campaignId: number, unitId: number) {
  const card = await getScorecard(deps, actor, campaignId, unitId);
  // A plan starts from appraised results, never from a self-assessment the reader sees alone.
  if (card.result === null || card.result.stage !== 'final')
    throw new AppError('invalid', 'remediation_no_results', { unit: card.unit.unitName });
  return card;
}

export function baselineOf(card: Scorecard): repo.Baseline {
  const r = card.result!;
  return {
    campaignName: card.campaign.name,
    campaignYear: card.campaign.year,
    sourceUnitName: card.unit.unitName,
    appraisedHundredths: r.appraisedHundredths,
    maxAppraisedHundredths: r.maxAppraisedHundredths,
    surveyHundredths: r.surveyHundredths,
    maxSurveyHundredths: r.maxSurveyHundredths,
    indexHundredths: r.indexHundredths,
    classLabel: r.classLabel,
    rank: r.rank,
    unitsRanked: r.unitsRanked ?? 0,
  };
}

/** The sub-criteria that lost points, with self and appraised scores, most lost first. */
export function lostItemsOf(card: Scorecard) {
  const nodes = new Map(card.nodes.map((n) => [n.code, n]));
  return planItemsFrom(
    card.lostPoints.map((l) => {
      const n = nodes.get(l.code);
      return {
        code: l.code,
        title: l.title,
        max: l.max,
        self: n ? n.self.score : null,
        appraised: l.final,
        lost: l.lost,
        reason: l.reason,
        round1Reason: l.round1Reason === l.reason ? null : l.round1Reason,
      };
    }),
  );
}
