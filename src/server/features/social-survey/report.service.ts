/** The sociological survey: progress per unit and group, and the campaign report's part. */
import type { Actor } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import * as repo from './repository.ts';
import type { Loaded } from './shared.ts';
import { computeAll } from './points.service.ts';
import { requireSurvey } from './shared.ts';
// --- progress -------------------------------------------------------------------------------

/** Answers per unit and group against the links sent and the rules' sample sizes. */
export async function surveyProgress(deps: Deps, actor: Actor, campaignId: number) {
  const loaded = await requireSurvey(deps.db, actor, campaignId);
  const [units, counts] = await Promise.all([
    repo.findParticipantUnits(deps.db, campaignId),
    repo.progressCounts(deps.db, loaded.survey.id),
  ]);
  return {
    status: loaded.survey.status,
    units: units.map((u) => {
      const q = loaded.questionnaires.find((x) => x.unit_kind === u.unit_kind);
      const groups = q?.design.groups ?? [];
      return {
        unitId: u.unit_id,
        unitCode: u.unit_code,
        unitName: u.unit_name,
        unitKind: u.unit_kind,
        invited: counts
          .filter((x) => x.unit_id === u.unit_id)
          .reduce((sum, x) => sum + x.invited, 0),
        linksUsed: counts
          .filter((x) => x.unit_id === u.unit_id)
          .reduce((sum, x) => sum + x.used, 0),
        groups: groups.map((g) => {
          const c = counts.find((x) => x.unit_id === u.unit_id && x.group_code === g.code);
          const sample = q!.design.rules
            .filter((r) => r.group === g.code)
            .reduce((s, r) => Math.max(s, r.sampleSize), 0);
          return {
            group: g.code,
            name: g.name,
            responses: c?.responses ?? 0,
            invited: c?.invited ?? 0,
            linksUsed: c?.used ?? 0,
            sampleSize: sample,
          };
        }),
      };
    }),
  };
}

// --- the campaign report --------------------------------------------------------------------

/** What the campaign report says of the survey, per unit. */
export interface SurveyReportPart {
  provisional: boolean;
  units: {
    unitId: number;
    unitName: string;
    unitKind: string;
    pointsHundredths: number | null;
    maxHundredths: number | null;
    nodes: { title: string; pointsHundredths: number | null; maxHundredths: number }[];
    groups: { name: string; responses: number }[];
  }[];
}

/**
 * The survey's part of the campaign report (seed 004): every participating unit's survey points
 * with each node's points, and the responses per respondent group — the numbers of
 * `GET …/social-survey/results`, provisional while the survey is open. Null when the campaign has
 * no survey or it is still a draft. The caller has checked who may draft the report.
 */
export async function surveyReportPart(
  deps: Deps,
  campaignId: number,
): Promise<SurveyReportPart | null> {
  const [campaign, survey] = await Promise.all([
    repo.findCampaignView(deps.db, campaignId),
    repo.findSurveyByCampaign(deps.db, campaignId),
  ]);
  if (!campaign || !survey || survey.status === 'draft') return null;
  const loaded: Loaded = {
    campaign,
    survey,
    questionnaires: await repo.findQuestionnaires(deps.db, survey.id),
  };
  const computed = await computeAll(deps, deps.db, loaded, null);
  const counts = await repo.progressCounts(deps.db, survey.id);
  return {
    provisional: survey.status !== 'closed',
    units: computed.map(({ unit, points }) => {
      const design = loaded.questionnaires.find((q) => q.unit_kind === unit.unit_kind)?.design;
      return {
        unitId: unit.unit_id,
        unitName: unit.unit_name,
        unitKind: unit.unit_kind,
        pointsHundredths: points?.pointsHundredths ?? null,
        maxHundredths:
          points?.maxHundredths ?? design?.nodes.reduce((s, n) => s + n.maxHundredths, 0) ?? null,
        nodes: (design?.nodes ?? []).map((n) => ({
          title: n.title,
          pointsHundredths: points?.nodes.find((x) => x.code === n.code)?.pointsHundredths ?? null,
          maxHundredths: n.maxHundredths,
        })),
        groups: (design?.groups ?? []).map((g) => ({
          name: g.name,
          responses:
            counts.find((c) => c.unit_id === unit.unit_id && c.group_code === g.code)?.responses ??
            0,
        })),
      };
    }),
  };
}
