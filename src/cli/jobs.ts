/**
 * The `parindex jobs` commands (ADR 37): `list` shows the latest jobs (`--status`, `--kind`),
 * `show <id>` one job in full, `run [<id>]` runs every ready job (or that one, queued again first
 * when it failed, was interrupted or cancelled) in this process until none is left, and
 * `cancel <id>` cancels one.
 */
import { parseArgs } from 'node:util';
import type { Deps } from '../server/deps.ts';
import { catalogues, translate, type MessageKey } from '../server/i18n/messages.ts';
import {
  cancelJob,
  getJob,
  listJobs,
  requeueJob,
  type Job,
  type JobStatus,
} from '../server/infra/jobs.ts';
import { startJobs } from '../server/jobs.ts';

const USAGE =
  'Cách dùng: parindex jobs list [--status <trạng thái>] [--kind <loại>] | jobs show <id> | jobs run [<id>] | jobs cancel <id>';
const STATUSES: readonly JobStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

const statusName = (s: JobStatus): string => translate('vi', `job_status_${s}` as MessageKey);
/** A kind's name in words when the catalogue has one ("evidence.check" → job_kind_evidence_check). */
export function kindName(kind: string): string {
  const key = `job_kind_${kind.replace(/\./g, '_')}`;
  return key in catalogues.vi ? translate('vi', key as MessageKey) : kind;
}
const when = (iso: string | null): string =>
  iso === null
    ? '—'
    : new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

function idOf(value: string | undefined, usage: (m: string) => Error): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0)
    throw usage(`Mã việc «${value ?? ''}» không hợp lệ. ${USAGE}`);
  return id;
}

function line(job: Job): string {
  return [
    String(job.id).padStart(6),
    statusName(job.status).padEnd(14),
    `${job.attempts}/${job.maxAttempts}`.padEnd(5),
    when(job.createdAt).padEnd(20),
    kindName(job.kind),
  ].join('  ');
}

function details(job: Job): string {
  const rows: [string, string][] = [
    ['Mã việc', String(job.id)],
    ['Loại', `${kindName(job.kind)} (${job.kind})`],
    ['Trạng thái', statusName(job.status) + (job.cancelRequested ? ' (đã yêu cầu hủy)' : '')],
    ['Số lần chạy', `${job.attempts}/${job.maxAttempts}`],
    ['Tạo lúc', when(job.createdAt)],
    ['Chạy sớm nhất lúc', when(job.runAfter)],
    ['Bắt đầu lúc', when(job.startedAt)],
    ['Kết thúc lúc', when(job.finishedAt)],
    ['Tiến trình đang chạy', job.leaseOwner === null ? '—' : String(job.leaseOwner)],
    ['Hạn giữ việc', when(job.leaseExpiresAt)],
    ['Dữ liệu', JSON.stringify(job.payload)],
    ['Tiến độ', job.progress === null ? '—' : JSON.stringify(job.progress)],
    ['Kết quả', job.result === null ? '—' : JSON.stringify(job.result)],
    ['Lỗi', job.error ?? '—'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** Runs one `parindex jobs …` command; `usage` builds the error printed with exit code 2. */
export async function runJobsCommand(
  deps: Deps,
  sub: string | undefined,
  args: string[],
  usage: (message: string) => Error,
): Promise<void> {
  switch (sub) {
    case 'list': {
      const { values } = parseArgs({
        args,
        options: { status: { type: 'string' }, kind: { type: 'string' } },
      });
      const status = values.status as JobStatus | undefined;
      if (status !== undefined && !STATUSES.includes(status))
        throw usage(`Trạng thái «${status}» không có; chọn một trong: ${STATUSES.join(', ')}.`);
      const jobs = await listJobs(deps.db, {
        ...(status ? { status } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
      });
      if (jobs.length === 0) {
        console.log('Không có việc nào.');
        return;
      }
      console.log(
        [
          'Mã'.padStart(6),
          'Trạng thái'.padEnd(14),
          'Lần'.padEnd(5),
          'Tạo lúc'.padEnd(20),
          'Loại',
        ].join('  '),
      );
      for (const job of jobs) console.log(line(job));
      return;
    }
    case 'show': {
      if (args.length !== 1) throw usage(USAGE);
      const job = await getJob(deps.db, idOf(args[0], usage));
      if (!job) throw usage(`Không có việc mã ${args[0]}.`);
      console.log(details(job));
      return;
    }
    case 'cancel': {
      if (args.length !== 1) throw usage(USAGE);
      const id = idOf(args[0], usage);
      const before = await getJob(deps.db, id);
      if (!before) throw usage(`Không có việc mã ${id}.`);
      if (before.status !== 'queued' && before.status !== 'running') {
        console.log(`Việc ${id} đã kết thúc (${statusName(before.status)}): không có gì để hủy.`);
        return;
      }
      const job = (await cancelJob(deps.db, deps.clock.now(), id))!;
      console.log(
        job.status === 'cancelled'
          ? `Đã hủy việc ${id}.`
          : `Đã yêu cầu dừng việc ${id}; việc dừng ở lần báo tiến độ tới.`,
      );
      return;
    }
    case 'run': {
      if (args.length > 1) throw usage(USAGE);
      const runner = await startJobs(deps, { background: false });
      if (args.length === 1) {
        const id = idOf(args[0], usage);
        let job = await getJob(deps.db, id);
        if (!job) throw usage(`Không có việc mã ${id}.`);
        if (job.status === 'failed' || job.status === 'interrupted' || job.status === 'cancelled')
          await requeueJob(deps.db, deps.clock.now(), id);
        else if (job.status !== 'queued') {
          console.log(`Việc ${id} đang ${statusName(job.status).toLowerCase()}: không chạy lại.`);
          return;
        }
        if (!(await runner.runJob(id))) throw usage(`Không chạy được việc ${id} ở tiến trình này.`);
        job = (await getJob(deps.db, id))!;
        console.log(details(job));
        if (job.status !== 'succeeded') process.exitCode = 1;
        return;
      }
      const taken = await runner.takeOver();
      if (taken.requeued.length)
        console.log(`Nhận lại việc của tiến trình đã dừng: ${taken.requeued.join(', ')}`);
      const ran = await runner.runUntilIdle();
      console.log(`Đã chạy ${ran.toLocaleString('vi-VN')} việc; không còn việc nào sẵn sàng.`);
      return;
    }
    default:
      throw usage(USAGE);
  }
}
