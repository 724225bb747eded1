/**
 * Asking for a campaign's notification scan (a job of kind `notification.scan`, run by
 * scan-job.ts): what the campaigns' use-cases call, in their transaction, when an action may
 * change what someone must be told (a deadline moved, the campaign opened, a unit's round moved, a
 * result published, a reminder sent). One queued job per campaign; it imports only the job runner,
 * so the campaigns can use it without depending on the notifications' service.
 */
import type { Queryable } from '../../infra/db.ts';
import { enqueueJob } from '../../infra/jobs.ts';

export const NOTIFICATION_SCAN = 'notification.scan';

/** Queues a scan of the campaign, joining the one already queued (not one already running). */
export async function queueCampaignScan(
  q: Queryable,
  now: Date,
  campaignId: number,
): Promise<void> {
  await enqueueJob(
    q,
    now,
    NOTIFICATION_SCAN,
    { campaignId },
    { dedupeKey: `${NOTIFICATION_SCAN}:campaign:${campaignId}`, maxAttempts: 1 },
  );
}
