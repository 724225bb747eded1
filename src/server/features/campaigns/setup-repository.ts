/** SQL of the set-up routes that the campaign repository does not already have. */
import type { Queryable } from '../../infra/db.ts';

/** The survey points recorded in a campaign, per participant. */
export async function findSurveyPoints(
  db: Queryable,
  campaignId: number,
): Promise<{ participant_id: number; points_hundredths: number; source: string }[]> {
  return db.query(
    'SELECT participant_id, points_hundredths, source FROM campaign_survey_points WHERE campaign_id = $1',
    [campaignId],
  );
}
