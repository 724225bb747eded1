/**
 * The notification scan as jobs of the job runner (ADR 37), kind `notification.scan`:
 * - a campaign's scan after an action that may change what is due (queued by the campaigns'
 *   use-cases in their transaction, scan-queue.ts), one queued job per campaign, so several actions
 *   in a row ask for one scan; a scan frees its key when it starts, so an action saved meanwhile
 *   is scanned by the next one;
 * - the periodic scan of every open campaign and of the overdue remediation tasks, every
 *   PARINDEX_NOTIFY_INTERVAL_MINUTES (0: none): each one queues the next at the following
 *   boundary of the interval, keyed by that time, so processes sharing a database join one chain
 *   instead of each scanning; a runner starting queues the next one and a scan of its own shortly
 *   after (what came due while no server ran).
 * Scans are idempotent (notices recorded once per person and event, e-mails claimed), so a scan
 * repeated after a failure or a takeover tells nobody twice.
 */
import type { Deps } from '../../deps.ts';
import { enqueueJob, releaseDedupeKey, type JobHandler } from '../../infra/jobs.ts';
import { NOTIFICATION_SCAN } from './scan-queue.ts';
import { runNotificationScan } from './service.ts';

/** A runner's first full scan comes this long after it starts. */
const FIRST_SCAN_DELAY_MS = 10_000;

interface ScanPayload {
  /** One campaign's scan; omitted: every open campaign and the overdue tasks. */
  campaignId?: number;
  /** A scan of the periodic chain, which queues the next one. */
  periodic?: boolean;
}

/** Queues the periodic scan at the next boundary of the interval, unless there is none. */
async function queueNextPeriodicScan(deps: Deps): Promise<void> {
  const intervalMs = deps.config.notifyIntervalMinutes * 60_000;
  if (!(intervalMs > 0)) return;
  const now = deps.clock.now();
  const next = new Date((Math.floor(now.getTime() / intervalMs) + 1) * intervalMs);
  await enqueueJob(deps.db, now, NOTIFICATION_SCAN, { periodic: true } satisfies ScanPayload, {
    dedupeKey: `${NOTIFICATION_SCAN}:periodic:${next.toISOString()}`,
    runAfter: next,
  });
}

export function notificationScanJob(deps: Deps): JobHandler<ScanPayload> {
  return {
    kind: NOTIFICATION_SCAN,
    async run({ id, payload }) {
      if (payload.campaignId !== undefined) {
        // An action saved while this scan runs asks for a scan of its own, queued after this one.
        await releaseDedupeKey(deps.db, id);
        return runNotificationScan(deps, { campaignId: payload.campaignId });
      }
      try {
        return await runNotificationScan(deps, { overdueTasks: true });
      } finally {
        if (payload.periodic) await queueNextPeriodicScan(deps);
      }
    },
    async resume() {
      if (!(deps.config.notifyIntervalMinutes > 0)) return;
      await queueNextPeriodicScan(deps);
      const now = deps.clock.now();
      await enqueueJob(deps.db, now, NOTIFICATION_SCAN, {} satisfies ScanPayload, {
        dedupeKey: `${NOTIFICATION_SCAN}:start`,
        maxAttempts: 1,
        runAfter: new Date(now.getTime() + FIRST_SCAN_DELAY_MS),
      });
    },
  };
}
