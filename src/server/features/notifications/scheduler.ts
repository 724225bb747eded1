/**
 * The deadline scan inside the server process: every PARINDEX_NOTIFY_INTERVAL_MINUTES, and soon
 * after a campaign's workflow moves (a round closed on a unit), one scan at a time. Servers running
 * side by side may each scan: notices are recorded once per person and event, e-mails are claimed.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../deps.ts';
import { runNotificationScan } from './service.ts';

export interface NotificationScheduler {
  /** Asks for a scan of one campaign soon (after its workflow moved). */
  poke(campaignId: number): void;
  /** Waits for the scan in progress, if any. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function createNotificationScheduler(
  deps: Deps,
  log: Pick<FastifyBaseLogger, 'error' | 'info'>,
  options: { intervalMinutes: number; firstDelayMs?: number; pokeDelayMs?: number },
): NotificationScheduler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const pokes = new Set<number>();

  const run = (campaignId?: number) => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const report = await runNotificationScan(
          deps,
          campaignId === undefined ? { overdueTasks: true } : { campaignId },
        );
        if (report.created || report.emailed || report.emailFailed || report.kept)
          log.info({ notifications: report }, 'notification scan');
      } catch (error) {
        log.error({ err: error }, 'notification scan failed');
      }
    });
  };
  const later = (ms: number, work: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      work();
    }, ms);
    t.unref();
    timers.add(t);
  };

  let interval: NodeJS.Timeout | undefined;
  if (options.intervalMinutes > 0) {
    later(options.firstDelayMs ?? 10_000, () => run());
    interval = setInterval(() => run(), options.intervalMinutes * 60_000);
    interval.unref();
  }
  return {
    poke(campaignId) {
      if (stopped || pokes.has(campaignId)) return;
      pokes.add(campaignId);
      later(options.pokeDelayMs ?? 2_000, () => {
        pokes.delete(campaignId);
        run(campaignId);
      });
    },
    drain: () => running,
    async stop() {
      stopped = true;
      if (interval) clearInterval(interval);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await running;
    },
  };
}
