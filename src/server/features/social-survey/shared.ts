/** What the survey's use-cases share: loading the campaign and survey an actor may manage, and the status check. */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../domain/access.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { canManageCampaign } from '../campaigns/policy.ts';
import * as repo from './repository.ts';

export const MAX_PROBLEMS = 200;

/** The token of a personal link: 24 random bytes, URL-safe; only its SHA-256 is stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Loaded {
  campaign: repo.CampaignView;
  survey: repo.SurveyRow;
  questionnaires: repo.QuestionnaireRow[];
}

export async function requireCampaign(db: Queryable, actor: Actor, campaignId: number) {
  const campaign = await repo.findCampaignView(db, campaignId);
  if (!campaign) throw notFound('entity_campaign');
  if (!canManageCampaign(actor, campaign.owner_unit_path))
    throw new AppError('forbidden', 'forbidden');
  return campaign;
}

export async function requireSurvey(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  lock = false,
): Promise<Loaded> {
  const campaign = await requireCampaign(db, actor, campaignId);
  const survey = await repo.findSurveyByCampaign(db, campaignId, lock);
  if (!survey) throw notFound('entity_social_survey');
  return { campaign, survey, questionnaires: await repo.findQuestionnaires(db, survey.id) };
}

export function requireStatus(survey: repo.SurveyRow, allowed: repo.SurveyRow['status'][]) {
  if (!allowed.includes(survey.status))
    throw new AppError('conflict', 'survey_wrong_status', {
      status: `@survey_status_${survey.status}`,
    });
}
