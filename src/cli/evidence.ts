/**
 * The `parindex evidence` commands: `recheck <unit code>` reads every document of a unit's evidence
 * library again, through the same job runner as uploads (ADR 37), and draws the batch's progress on
 * the terminal until it is done.
 */
import type { Actor } from '../domain/access.ts';
import type { Deps } from '../server/deps.ts';
import { drainEvidenceChecks } from '../server/features/evidence/check.service.ts';
import {
  getEvidenceRecheck,
  startEvidenceRecheck,
} from '../server/features/evidence/recheck.service.ts';
import { findUnitsByCodes } from '../server/features/units/service.ts';
import { startJobs } from '../server/jobs.ts';
import { createProgressBar } from './progress.ts';

const RECHECK_USAGE = 'Cách dùng: parindex evidence recheck <mã đơn vị>';
const POLL_MS = 250;

/** Runs one `parindex evidence …` command; `usage` builds the error printed with exit code 2. */
export async function runEvidenceCommand(
  deps: Deps,
  actor: Actor,
  sub: string | undefined,
  args: string[],
  usage: (message: string) => Error,
): Promise<void> {
  if (sub !== 'recheck') throw usage(RECHECK_USAGE);
  const [code] = args;
  if (!code || args.length > 1) throw usage(RECHECK_USAGE);
  const unit = (await findUnitsByCodes(deps.db, [code])).get(code);
  if (!unit) throw usage(`Không tìm thấy đơn vị có mã «${code}».`);
  // The checks are jobs (ADR 37): this process runs them while it draws the progress.
  await startJobs(deps);
  const { started, batch } = await startEvidenceRecheck(deps, actor, unit.id);
  if (!started)
    console.log(`Đơn vị «${unit.name}» đang có một lượt đọc lại chưa xong; theo dõi lượt đó.`);
  const bar = createProgressBar('tệp đã đọc lại');
  let progress = batch;
  bar.update(progress.checked, progress.total);
  while (!progress.done) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    progress = await getEvidenceRecheck(deps, actor, batch.id);
    bar.update(progress.checked, progress.total);
  }
  await drainEvidenceChecks(deps);
  const n = (v: number) => v.toLocaleString('vi-VN');
  console.log(
    `Đã đọc lại ${n(progress.total)} tệp của «${unit.name}»: ${n(progress.total - progress.unreadable)} tệp đọc được, ${n(progress.unreadable)} tệp không đọc được.`,
  );
}
