/**
 * Use-cases of a campaign's data set-up beyond its form: who may manage it, the survey points of
 * every participating unit, and taking them from a SIPAS campaign (points = the unit kind's survey
 * maximum × the unit's satisfaction index), written in one transaction with its audit entry and
 * the recomputed results. Score files are read and imported by import.ts.
 */
import type { Actor } from '../../../domain/access.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { surveyPointsForUnit } from '../sipas/service.ts';
import { canManageCampaign } from './policy.ts';
import * as repo from './repository.ts';
import { recomputeResults } from './results.service.ts';
import { findSurveyPoints } from './setup-repository.ts';
import { auditActor, userIdOf } from './service.ts';

/** The campaign, when the actor may manage it (and, to write, it is not closed). */
export async function manageableCampaign(
  deps: Deps,
  actor: Actor,
  id: number,
  write: boolean,
): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(deps.db, id);
  if (!row) throw new AppError('not_found', 'not_found', { what: '@entity_campaign' });
  if (!canManageCampaign(actor, row.owner_unit_path)) throw new AppError('forbidden', 'forbidden');
  if (write && row.status === 'closed')
    throw new AppError('conflict', 'campaign_closed', { name: row.name });
  return row;
}

export interface UnitSurveyPoints {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  surveyMaxHundredths: number | null;
  pointsHundredths: number | null;
  source: string | null;
}

/** The survey points of every participating unit, with the maximum of its unit kind's set. */
export async function campaignSurveyPoints(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ surveySource: string; items: UnitSurveyPoints[] }> {
  const row = await manageableCampaign(deps, actor, id, false);
  const [participants, sets, points] = await Promise.all([
    repo.findParticipants(deps.db, row.id),
    repo.findCampaignSets(deps.db, row.id),
    findSurveyPoints(deps.db, row.id),
  ]);
  const byParticipant = new Map(points.map((p) => [p.participant_id, p]));
  return {
    surveySource: row.survey_source,
    items: participants.map((p) => {
      const set = sets.find((s) => s.unit_kind === p.unit_kind);
      const saved = byParticipant.get(p.id);
      return {
        unitId: p.unit_id,
        unitCode: p.unit_code,
        unitName: p.unit_name,
        unitKind: p.unit_kind,
        surveyMaxHundredths: set?.survey_max_hundredths ?? null,
        pointsHundredths: saved?.points_hundredths ?? null,
        source: saved?.source ?? null,
      };
    }),
  };
}

/**
 * Takes every participating unit's survey points from a SIPAS campaign, in one transaction with
 * its audit entry, then recomputes the results; the units without answers are named and keep
 * their points. Refused when no unit has answers.
 */
export async function surveyPointsFromSipas(
  deps: Deps,
  actor: Actor,
  id: number,
  sipasCampaignId: number,
): Promise<{ applied: number; withoutAnswers: { unitId: number; unitName: string }[] }> {
  const row = await manageableCampaign(deps, actor, id, true);
  const [participants, sets] = await Promise.all([
    repo.findParticipants(deps.db, row.id),
    repo.findCampaignSets(deps.db, row.id),
  ]);
  const computed: { participantId: number; unitId: number; points: number }[] = [];
  const withoutAnswers: { unitId: number; unitName: string }[] = [];
  for (const p of participants) {
    const max = sets.find((s) => s.unit_kind === p.unit_kind)?.survey_max_hundredths ?? null;
    if (max === null) continue;
    const result = await surveyPointsForUnit(deps, sipasCampaignId, p.unit_id, max);
    if (result === null) withoutAnswers.push({ unitId: p.unit_id, unitName: p.unit_name });
    else computed.push({ participantId: p.id, unitId: p.unit_id, points: result.points });
  }
  if (computed.length === 0 && participants.length > 0)
    throw new AppError('invalid', 'campaign_survey_no_sipas_answers');
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    for (const c of computed)
      await repo.saveSurveyPoints(
        tx,
        row.id,
        c.participantId,
        c.points,
        'sipas',
        userIdOf(actor),
        now,
      );
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.survey.sipas',
        entity: 'campaign',
        entityId: row.id,
        unitId: row.owner_unit_id,
        after: {
          sipasCampaignId,
          units: computed.map((c) => ({ unitId: c.unitId, pointsHundredths: c.points })),
        },
      },
      now,
    );
    await recomputeResults(tx, row.id, now);
  });
  return { applied: computed.length, withoutAnswers };
}
