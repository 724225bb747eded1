/**
 * `parindex jobs` on the suite's database: `list` shows the jobs with their state in words,
 * `show` one job in full, `cancel` a queued job, and a bad status or id is refused with usage.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../server/config.ts';
import type { Deps } from '../server/deps.ts';
import { fixedClock } from '../server/infra/clock.ts';
import { enqueueJob, getJob } from '../server/infra/jobs.ts';
import { migrate } from '../server/infra/migrate.ts';
import { createStorage } from '../server/infra/storage.ts';
import { openTestDb } from '../server/test-support/harness.ts';
import { runJobsCommand } from './jobs.ts';

let deps: Deps;
let drop: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestDb();
  drop = opened.drop;
  await migrate(opened.db);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  deps = {
    db: opened.db,
    clock: fixedClock(new Date('2026-03-02T02:00:00.000Z')),
    config,
    storage: createStorage(config),
  };
}, 120_000);
afterAll(async () => {
  await deps?.jobs?.stop();
  await deps?.db.close();
  await drop?.();
});

class Usage extends Error {}

async function output(sub: string, args: string[] = []): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  try {
    await runJobsCommand(deps, sub, args, (m) => new Usage(m));
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('parindex jobs', () => {
  it('lists, shows and cancels jobs, in words', async () => {
    expect(await output('list')).toBe('Không có việc nào.');
    const now = deps.clock.now();
    const a = await enqueueJob(deps.db, now, 'some.kind', { unit: 7 });
    const b = await enqueueJob(deps.db, now, 'some.kind', {});
    const list = (await output('list')).split('\n');
    expect(list).toHaveLength(3);
    expect(list[1]).toMatch(new RegExp(`^\\s*${b.id}\\s+Đang chờ\\s+0/3\\s+.*some\\.kind$`));
    expect(list[2]).toMatch(new RegExp(`^\\s*${a.id}\\s+Đang chờ`));
    expect(await output('cancel', [String(a.id)])).toBe(`Đã hủy việc ${a.id}.`);
    expect((await getJob(deps.db, a.id))!.status).toBe('cancelled');
    expect(await output('list', ['--status', 'cancelled'])).toContain('Đã hủy');
    expect((await output('list', ['--status', 'cancelled'])).split('\n')).toHaveLength(2);
    const shown = await output('show', [String(a.id)]);
    expect(shown).toMatch(/Trạng thái\s+Đã hủy/);
    expect(shown).toMatch(/Dữ liệu\s+\{"unit":7\}/);
    expect(await output('cancel', [String(a.id)])).toContain('đã kết thúc (Đã hủy)');
  });

  it('refuses an unknown status, a bad id and a missing job', async () => {
    await expect(
      runJobsCommand(deps, 'list', ['--status', 'done'], (m) => new Usage(m)),
    ).rejects.toThrow(/Trạng thái «done» không có/);
    await expect(runJobsCommand(deps, 'show', ['abc'], (m) => new Usage(m))).rejects.toThrow(
      /Mã việc «abc» không hợp lệ/,
    );
    await expect(runJobsCommand(deps, 'show', ['999999'], (m) => new Usage(m))).rejects.toThrow(
      /Không có việc mã 999999/,
    );
    await expect(runJobsCommand(deps, 'nope', [], (m) => new Usage(m))).rejects.toThrow(
      /Cách dùng: parindex jobs/,
    );
  });
});
