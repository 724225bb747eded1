/** The sociological survey: set-up, questionnaires per unit kind and the survey's status. */
import type { Actor } from '../../../domain/access.ts';
import { validateDesign, type SurveyDesign } from '../../../domain/social-survey/design.ts';
import { formatPoints } from '../../../domain/scoring/decimal.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { recomputeResults } from '../campaigns/results.service.ts';
import { auditActor, userIdOf } from '../campaigns/service.ts';
import * as repo from './repository.ts';
import { flowPoints } from './points.service.ts';
import { requireCampaign, requireStatus, requireSurvey } from './shared.ts';

/** The survey as the standing agency sees it: status, questionnaires per unit kind. */
export async function getSurvey(deps: Deps, actor: Actor, campaignId: number) {
  const { campaign, survey, questionnaires } = await requireSurvey(deps.db, actor, campaignId);
  return present(
    campaign,
    survey,
    questionnaires,
    await repo.findCampaignKinds(deps.db, campaignId),
  );
}

function present(
  campaign: repo.CampaignView,
  survey: repo.SurveyRow,
  questionnaires: repo.QuestionnaireRow[],
  kinds: repo.CampaignKind[],
) {
  return {
    id: survey.id,
    campaignId: campaign.id,
    campaignName: campaign.name,
    status: survey.status,
    sipasCampaignId: survey.sipas_campaign_id,
    closedAt: survey.closed_at ? new Date(survey.closed_at).toISOString() : null,
    unitKinds: kinds.map((k) => {
      const q = questionnaires.find((x) => x.unit_kind === k.unit_kind);
      return {
        unitKind: k.unit_kind,
        criteriaSetId: k.criteria_set_id,
        criteriaSetName: k.set_name,
        surveyMaxHundredths: k.survey_max_hundredths,
        questionnaire: q ? { version: q.version, design: q.design } : null,
      };
    }),
  };
}

/** Starts the survey of a campaign (standing agency); one per campaign. */
export async function createSurvey(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: { sipasCampaignId?: number | null | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const campaign = await requireCampaign(tx, actor, campaignId);
    if (campaign.status === 'closed')
      throw new AppError('conflict', 'campaign_closed', { name: campaign.name });
    if (await repo.findSurveyByCampaign(tx, campaignId))
      throw new AppError('conflict', 'survey_exists');
    const now = deps.clock.now();
    const survey = await repo.insertSurvey(tx, {
      campaignId,
      sipasCampaignId: input.sipasCampaignId ?? null,
      by: userIdOf(actor),
      now,
    });
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.create',
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { campaignId, sipasCampaignId: survey.sipas_campaign_id },
      },
      now,
    );
    return present(campaign, survey, [], await repo.findCampaignKinds(tx, campaignId));
  });
}

function designProblems(design: SurveyDesign, max: number | null, prefix: string): ErrorDetail[] {
  return validateDesign(design, max).map((p) => {
    const params = { ...p.params };
    // Points are shown as points (30), not as hundredths (3000).
    for (const k of ['sum', 'max'])
      if (typeof params[k] === 'number') params[k] = formatPoints(params[k] as number);
    return {
      field: `${prefix}${p.field}`,
      key: p.key as ErrorDetail['key'],
      ...(p.params ? { params } : {}),
    };
  });
}

/**
 * Saves the questionnaire of one unit kind (a draft survey only), checked against the criteria set
 * the campaign uses for that kind. `version`: null for the first save, else the version read.
 */
export async function saveQuestionnaire(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitKind: string,
  input: { design: SurveyDesign; version: number | null },
) {
  return deps.db.transaction(async (tx) => {
    const { campaign, survey } = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(survey, ['draft']);
    const kind = (await repo.findCampaignKinds(tx, campaignId)).find(
      (k) => k.unit_kind === unitKind,
    );
    if (!kind)
      throw new AppError('invalid', 'survey_unit_kind_not_in_campaign', { kind: unitKind });
    const problems = designProblems(input.design, kind.survey_max_hundredths, 'design.');
    if (problems.length > 0)
      throw new AppError('invalid', 'survey_design_invalid', { count: problems.length }, problems);
    const now = deps.clock.now();
    const version = await repo.saveQuestionnaire(tx, {
      surveyId: survey.id,
      unitKind,
      criteriaSetId: kind.criteria_set_id,
      design: input.design,
      expectedVersion: input.version,
      by: userIdOf(actor),
      now,
    });
    if (version === null) throw new AppError('conflict', 'conflict');
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.questionnaire.save',
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { unitKind, version, criteriaSetId: kind.criteria_set_id },
      },
      now,
    );
    return { unitKind, version };
  });
}

/** Opens (draft → open) or closes (open → closed) the survey; closing makes its points final. */
export async function changeSurveyStatus(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  to: 'open' | 'closed',
) {
  return deps.db.transaction(async (tx) => {
    const { campaign, survey, questionnaires } = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(survey, [to === 'open' ? 'draft' : 'open']);
    if (to === 'open') {
      const kinds = await repo.findCampaignKinds(tx, campaignId);
      const missing = kinds.filter(
        (k) =>
          k.survey_max_hundredths !== null &&
          !questionnaires.some((q) => q.unit_kind === k.unit_kind),
      );
      if (missing.length > 0)
        throw new AppError('conflict', 'survey_questionnaire_missing', {
          kinds: missing.map((k) => k.unit_kind).join(', '),
        });
    }
    const now = deps.clock.now();
    await repo.updateSurveyStatus(tx, survey.id, to, now);
    const updated = { ...survey, status: to };
    const points = await flowPoints(
      deps,
      tx,
      { campaign, survey: updated, questionnaires },
      null,
      actor,
      now,
    );
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: `social_survey.${to === 'open' ? 'open' : 'close'}`,
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { status: to, unitsWithPoints: points },
      },
      now,
    );
    if (to === 'closed') await recomputeResults(tx, campaignId, now);
    return { status: to, unitsWithPoints: points };
  });
}
