/**
 * The `parindex` command line: the same use-cases as the HTTP API, run by an operator on the
 * server. Messages are Vietnamese; exit code 0 on success, 1 on a user error, 2 on bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Actor, type Role } from '../domain/access.ts';
import { loadConfig, ConfigError } from '../server/config.ts';
import { closeDeps, startDeps, type StartupReport } from '../server/bootstrap.ts';
import type { Deps } from '../server/deps.ts';
import { AppError, presentError } from '../server/errors.ts';
import { roleName } from '../server/i18n/messages.ts';
import { createApp } from '../server/http/app.ts';
import { migrate } from '../server/infra/migrate.ts';
import { openDb } from '../server/infra/db.ts';
import {
  anchorFailed,
  describeAnchor,
  describeVerify,
  verifyAudit,
} from '../server/features/audit/service.ts';
import { verifyAnchor, writeCheckpoint } from '../server/features/audit/checkpoints.ts';
import { importUnitsCsv } from '../server/features/units/import.ts';
import { findUnitsByCodes } from '../server/features/units/service.ts';
import { createUser } from '../server/features/users/service.ts';
import { isDemoLoaded, loadDemo } from '../server/demo/demo.ts';
import { loadDemoEvidence } from '../server/demo/evidence-demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../server/demo/demo-units.ts';
import { backupToFile, restoreFromFile } from '../server/infra/backup.ts';
import { createProgressBar } from './progress.ts';
import { getCriteriaSet, type NodeView } from '../server/features/criteria/service.ts';
import { exportCriteriaXlsx, importCriteriaXlsx } from '../server/features/criteria/xlsx.ts';
import { importCriteriaSetFromXlsx } from '../server/features/criteria/import.ts';
import { awaitDossierImport, startDossierImport } from '../server/features/dossiers/import.ts';
import { runCampaignCommand } from './campaign.ts';
import { runJobsCommand } from './jobs.ts';
import { runMailCommand } from './mail.ts';
import { startJobs } from '../server/jobs.ts';
import { runEvidenceCommand } from './evidence.ts';

/** The roles as `--role` takes them, each with its name ("standing_agency   Cơ quan thường trực (Nội vụ)"). */
const ROLE_LIST = ROLES.map((r) => `  ${r.padEnd(18)} ${roleName('vi', r)}`).join('\n');

const countNodes = (nodes: NodeView[]): number =>
  nodes.reduce((n, x) => n + 1 + countNodes(x.children), 0);

/** The operator at the console acts with national administrator rights. */
const CONSOLE_ACTOR: Actor = {
  userId: 0,
  username: 'cli',
  fullName: 'Dòng lệnh',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

const USAGE = `Cách dùng: parindex <lệnh> [tùy chọn]

  serve                         chạy máy chủ và ứng dụng web (PORT, mặc định 3000)
  db migrate                    áp dụng các migration còn thiếu
  user create --username <tên> --full-name <họ tên> [--role <vai trò> --unit <mã đơn vị>] [--password <mật khẩu>]
                                tạo tài khoản (không có --role: quản trị hệ thống toàn quốc)
  units import <tệp.csv>        nhập đơn vị (cột: code,name,kind,parent_code,valid_from,valid_to)
  audit verify                  kiểm tra chuỗi băm của nhật ký, báo bản ghi đầu tiên bị sửa/xóa, và đối chiếu
                                với các mốc neo đã ký bên ngoài cơ sở dữ liệu (PARINDEX_AUDIT_KEY)
  backup <tệp>                  sao lưu cơ sở dữ liệu và tệp đã lưu vào một tệp
  restore <tệp>                 khôi phục từ bản sao lưu vào một cơ sở dữ liệu trống
  demo                          nạp dữ liệu mẫu vào cơ sở dữ liệu
  criteria import <tệp.xlsx> [--owner <mã đơn vị>]
                                nhập bộ chỉ số từ Excel, in mã (id) của bộ mới
  criteria export <id> <tệp.xlsx>
                                xuất bộ chỉ số ra Excel
  dossiers import <tệp.csv|xlsx> --source <tên nguồn>
                                nhập hồ sơ TTHC theo cách ghép cột đã lưu của nguồn (lần đầu: ghép theo tên cột)
  campaign create --name <tên> --year <năm> --criteria <id bộ chỉ số> --units <tệp> [--survey-max <điểm>]
                                tạo đợt đánh giá (tệp: mỗi dòng một mã đơn vị), in mã (id) của đợt
  campaign import-scores <id đợt> <tệp.csv|xlsx>
                                nhập điểm (cột: unit_code,node_code,self,round1,round2,reason;
                                dòng node_code = survey là điểm điều tra XHH); lỗi thì không nhập gì
  campaign results <id đợt> [--format json|csv|xlsx] [--out <tệp>]
                                in hoặc ghi kết quả: tổng điểm, điểm điều tra, chỉ số, xếp loại, xếp hạng
  evidence recheck <mã đơn vị>  đọc và kiểm tra lại mọi tài liệu kiểm chứng của đơn vị, in tiến độ
  jobs list [--status <trạng thái>] [--kind <loại>]
                                liệt kê các việc chạy nền gần nhất (đọc tài liệu kiểm chứng, nhập hồ sơ…)
  jobs show <id>                xem một việc: trạng thái, số lần chạy, tiến độ, lỗi
  jobs run [<id>]               chạy ngay các việc đang chờ (hoặc việc <id>, chạy lại nếu đã lỗi/gián đoạn)
  jobs cancel <id>              hủy một việc đang chờ hoặc yêu cầu dừng việc đang chạy
  notifications run             quét hạn chót và diễn biến các đợt đánh giá, ghi thông báo (mỗi việc một lần)
                                và gửi thư điện tử đang chờ khi đã cấu hình SMTP, không thì giữ lại trong hộp
                                thư đi (dùng cho cron)
  mail list [--to <địa chỉ>] [--limit <số thư>]
                                hộp thư đi: thư điện tử được giữ lại khi chưa cấu hình SMTP, mới nhất trước
  mail show <mã thư>            xem một thư trong hộp thư đi: người nhận, tiêu đề, nội dung

Vai trò (--role):
${ROLE_LIST}`;

class UsageError extends Error {}

async function withDeps<T>(
  work: (deps: Deps, report: StartupReport) => Promise<T>,
  overrides: { demo?: boolean } = {},
  options: { checkpoint?: boolean } = {},
): Promise<T> {
  const config = { ...loadConfig(), ...overrides };
  const { deps, report } = await startDeps(config);
  try {
    const result = await work(deps, report);
    // What the command appended to the audit log is anchored before the process ends (ADR 24).
    if (options.checkpoint !== false)
      await writeCheckpoint(deps).catch((error: Error) =>
        console.error(`Cảnh báo: chưa ghi được mốc neo nhật ký: ${error.message}`),
      );
    return result;
  } finally {
    await closeDeps(deps);
  }
}

function printStartup(report: StartupReport): void {
  if (report.migrationsApplied.length)
    console.log(`Đã áp dụng migration: ${report.migrationsApplied.join(', ')}`);
  if (report.officialUnits) {
    const u = report.officialUnits;
    console.log(
      `Đã nạp danh mục đơn vị hành chính 2025: ${u.current.toLocaleString('vi-VN')} đơn vị hiện hành, ${u.past.toLocaleString('vi-VN')} đơn vị trước sáp nhập, ${u.links.toLocaleString('vi-VN')} liên kết kế thừa.`,
    );
  }
  if (report.admin) {
    console.log(
      report.admin.generatedPassword
        ? `Đã tạo tài khoản quản trị «admin» với mật khẩu: ${report.admin.generatedPassword}\n  (mật khẩu chỉ hiện một lần; đặt PARINDEX_ADMIN_PASSWORD để tự chọn)`
        : 'Đã tạo tài khoản quản trị «admin» với mật khẩu trong PARINDEX_ADMIN_PASSWORD.',
    );
  }
  if (report.demoAccounts?.length) {
    console.log(`Đã nạp dữ liệu mẫu. Tài khoản mẫu (mật khẩu «${DEMO_PASSWORD}»):`);
    for (const a of DEMO_ACCOUNTS)
      console.log(`  ${a.username.padEnd(22)} ${roleName('vi', a.role)}`);
  }
}

function printReadReplica(report: StartupReport): void {
  if (report.readReplica === 'ignored')
    console.log(
      'DATABASE_READ_URL bị bỏ qua: cơ sở dữ liệu nhúng không có bản sao chỉ đọc (cần DATABASE_URL là PostgreSQL).',
    );
  else if (report.readReplica === 'used')
    console.log(
      'Bản sao chỉ đọc (DATABASE_READ_URL): trang công khai, xếp hạng, kết quả quý và tệp xuất đọc từ bản sao.',
    );
}

function printRecovery(report: StartupReport): void {
  const r = report.recovered;
  if (!r) return;
  if (r.documents.length)
    console.log(`Việc lập văn bản bị gián đoạn (có thể chạy lại): ${r.documents.join(', ')}`);
  if (r.stagingDropped.length) console.log(`Đã xóa bảng tạm: ${r.stagingDropped.join(', ')}`);
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const { deps, report } = await startDeps(config);
  printStartup(report);
  const app = await createApp(deps);
  printRecovery(report);
  printReadReplica(report);
  // Background work (ADR 37): jobs queued before a stop, or left by a process that died, run here.
  // Drafts of other processes that stop meanwhile are marked interrupted within a minute by the
  // recurring `jobs.recover` job; the runner takes over their other jobs (ADR 37, 54).
  await startJobs(deps);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await closeDeps(deps);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(
    `parindex đang chạy tại http://${host}:${port} (cơ sở dữ liệu: ${deps.db.backend === 'embedded' ? `nhúng, ${config.dataDir}` : 'PostgreSQL'})`,
  );
  console.log(
    `Đăng nhập: tài khoản «admin»${report.admin?.generatedPassword ? ' với mật khẩu in ở trên' : ''}${config.demo ? `, hoặc một tài khoản mẫu với mật khẩu «${DEMO_PASSWORD}» (xem README)` : ''}.`,
  );
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    case 'serve':
      return serve();
    case 'db': {
      if (sub !== 'migrate') throw new UsageError('Lệnh «db» chỉ có «db migrate».');
      const config = loadConfig();
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(db);
        console.log(
          applied.length
            ? `Đã áp dụng: ${applied.join(', ')}`
            : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
        );
      } finally {
        await db.close();
      }
      return;
    }
    case 'user': {
      if (sub !== 'create') throw new UsageError('Lệnh «user» chỉ có «user create».');
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          'full-name': { type: 'string' },
          role: { type: 'string' },
          unit: { type: 'string' },
          password: { type: 'string' },
        },
      });
      if (!values.username || !values['full-name'])
        throw new UsageError('Cần --username và --full-name.');
      const role = (values.role ?? 'system_admin') as Role;
      if (!ROLES.includes(role))
        throw new UsageError(`Vai trò «${role}» không tồn tại. Vai trò (--role):\n${ROLE_LIST}`);
      await withDeps(
        async (deps) => {
          let unitId: number | null = null;
          if (values.unit) {
            const unit = (await findUnitsByCodes(deps.db, [values.unit])).get(values.unit);
            if (!unit) throw new UsageError(`Không tìm thấy đơn vị có mã «${values.unit}».`);
            unitId = unit.id;
          } else if (role !== 'system_admin') {
            throw new UsageError('Vai trò này cần --unit <mã đơn vị>.');
          }
          const result = await createUser(deps, CONSOLE_ACTOR, {
            username: values.username!,
            fullName: values['full-name']!,
            password: values.password,
            grants: [{ role, unitId }],
          });
          console.log(`Đã tạo tài khoản «${result.user.username}» (id ${result.user.id}).`);
          if (result.temporaryPassword)
            console.log(`Mật khẩu tạm (phải đổi khi đăng nhập): ${result.temporaryPassword}`);
        },
        { demo: false },
      );
      return;
    }
    case 'units': {
      if (sub !== 'import' || !rest[0])
        throw new UsageError('Cách dùng: parindex units import <tệp.csv>');
      const content = readFileSync(rest[0]);
      await withDeps(
        async (deps) => {
          const bar = createProgressBar('đơn vị');
          const result = await importUnitsCsv(deps, CONSOLE_ACTOR, content, (d, t) =>
            bar.update(d, t),
          );
          console.log(`Đã nhập ${result.imported.toLocaleString('vi-VN')} đơn vị.`);
        },
        { demo: false },
      );
      return;
    }
    case 'audit': {
      if (sub !== 'verify') throw new UsageError('Lệnh «audit» chỉ có «audit verify».');
      await withDeps(
        async (deps) => {
          const result = await verifyAudit(deps);
          console.log(describeVerify(result));
          const anchor = await verifyAnchor(deps);
          for (const line of describeAnchor(anchor)) console.log(line);
          if (!result.ok || anchorFailed(anchor)) process.exitCode = 1;
        },
        { demo: false },
        // Verifying never anchors: a checkpoint of a tampered log would vouch for it.
        { checkpoint: false },
      );
      return;
    }
    case 'backup':
    case 'restore': {
      if (!sub) throw new UsageError(`Cách dùng: parindex ${command} <tệp>`);
      const config = loadConfig();
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const bar = createProgressBar(command === 'backup' ? 'bảng sao lưu' : 'bảng khôi phục');
        if (command === 'backup') {
          const summary = await backupToFile(db, config.dataDir, sub, (d, t) => bar.update(d, t));
          console.log(
            `Đã sao lưu ${summary.rows.toLocaleString('vi-VN')} dòng dữ liệu và ${summary.files} tệp vào ${sub}.`,
          );
        } else {
          const summary = await restoreFromFile(db, config.dataDir, sub, (d, t) =>
            bar.update(d, t),
          );
          console.log(
            `Đã khôi phục ${summary.rows.toLocaleString('vi-VN')} dòng dữ liệu và ${summary.files} tệp từ ${sub}.`,
          );
        }
      } finally {
        await db.close();
      }
      return;
    }
    case 'criteria': {
      if (sub === 'import') {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { owner: { type: 'string' } },
          allowPositionals: true,
        });
        const file = positionals[0];
        if (!file)
          throw new UsageError(
            'Cách dùng: parindex criteria import <tệp.xlsx> [--owner <mã đơn vị>]',
          );
        const buffer = readFileSync(file);
        await withDeps(
          async (deps) => {
            let ownerUnitId: number | null = null;
            if (values.owner) {
              const unit = (await findUnitsByCodes(deps.db, [values.owner])).get(values.owner);
              if (!unit) throw new UsageError(`Không tìm thấy đơn vị có mã «${values.owner}».`);
              ownerUnitId = unit.id;
            }
            const parsed = await importCriteriaXlsx(buffer);
            const id = await importCriteriaSetFromXlsx(deps, CONSOLE_ACTOR, parsed, {
              filename: path.basename(file),
              ownerUnitId,
            });
            console.log(id);
          },
          { demo: false },
        );
        return;
      }
      if (sub === 'export') {
        const [idText, file] = rest;
        const id = Number(idText);
        if (!Number.isInteger(id) || id <= 0 || !file)
          throw new UsageError('Cách dùng: parindex criteria export <id> <tệp.xlsx>');
        await withDeps(
          async (deps) => {
            const detail = await getCriteriaSet(deps, CONSOLE_ACTOR, id);
            writeFileSync(file, await exportCriteriaXlsx(detail.set, detail.nodes));
            console.log(
              `Đã xuất bộ chỉ số «${detail.set.name}» (${countNodes(detail.nodes)} tiêu chí) vào ${file}.`,
            );
          },
          { demo: false },
        );
        return;
      }
      throw new UsageError('Lệnh «criteria» có «criteria import» và «criteria export».');
    }
    case 'campaign': {
      await withDeps(
        (deps) =>
          runCampaignCommand(deps, CONSOLE_ACTOR, sub, rest, (message) => new UsageError(message)),
        { demo: false },
      );
      return;
    }
    case 'evidence': {
      await withDeps(
        (deps) =>
          runEvidenceCommand(deps, CONSOLE_ACTOR, sub, rest, (message) => new UsageError(message)),
        { demo: false },
      );
      return;
    }
    case 'jobs': {
      await withDeps(
        (deps) => runJobsCommand(deps, sub, rest, (message) => new UsageError(message)),
        { demo: false },
        { checkpoint: sub === 'run' },
      );
      return;
    }
    case 'mail': {
      await withDeps(
        (deps) =>
          runMailCommand(deps, CONSOLE_ACTOR, sub, rest, (message) => new UsageError(message)),
        { demo: false },
        { checkpoint: false },
      );
      return;
    }
    case 'notifications': {
      if (sub !== 'run') throw new UsageError('Cách dùng: parindex notifications run');
      await withDeps(
        async (deps) => {
          const { runNotificationScan } =
            await import('../server/features/notifications/service.ts');
          const r = await runNotificationScan(deps, { overdueTasks: true });
          console.log(
            `Đã quét ${r.campaigns} đợt đánh giá đang mở: ${r.created} thông báo mới, ${deps.config.smtp ? `${r.emailed} thư đã gửi${r.emailFailed ? `, ${r.emailFailed} thư chưa gửi được (sẽ thử lại)` : ''}` : `${r.kept} thư giữ lại trong hộp thư đi (chưa cấu hình SMTP; xem: parindex mail list)`}.`,
          );
          if (r.emailFailed) process.exitCode = 1;
        },
        { demo: false },
      );
      return;
    }
    case 'dossiers': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { source: { type: 'string' } },
        allowPositionals: true,
      });
      const file = positionals[0];
      if (sub !== 'import' || !file || !values.source)
        throw new UsageError(
          'Cách dùng: parindex dossiers import <tệp.csv|xlsx> --source <tên nguồn>',
        );
      await withDeps(
        async (deps) => {
          const bar = createProgressBar('hồ sơ');
          // The import is a job of the runner (ADR 54), run here in the foreground.
          await startJobs(deps, { background: false });
          const started = await startDossierImport(deps, CONSOLE_ACTOR, {
            filePath: path.resolve(file),
            fileName: path.basename(file),
            sourceName: values.source!,
            ownsFile: false,
            onProgress: (done, total) => bar.update(done, Math.max(done, total ?? done)),
          });
          const { jobId } = started;
          const job = await awaitDossierImport(deps, started);
          bar.update(job.rowsDone, Math.max(job.rowsDone, job.rowsTotal ?? job.rowsDone));
          const n = (x: number) => x.toLocaleString('vi-VN');
          if (job.status === 'succeeded') {
            console.log(
              `Lượt nhập ${jobId}: đã nhập ${n(job.rowsDone)} hồ sơ (${n(job.inserted)} mới, ${n(job.updated)} cập nhật).`,
            );
            for (const [period, count] of Object.entries(job.periods ?? {}).sort())
              console.log(
                `  ${period.replace(/^(\d{4})-Q([1-4])$/, 'Quý $2/$1')}: ${n(count)} hồ sơ`,
              );
          } else {
            console.error(`Lượt nhập ${jobId} không thành công: ${job.message ?? ''}`);
            for (const p of job.problems)
              console.error(`  - dòng ${p.row}, cột «${p.column}»: ${p.message}`);
            if (job.problemRows > job.problems.length)
              console.error(`  … và các lỗi khác (tổng ${n(job.problemRows)} dòng lỗi).`);
            process.exitCode = 1;
          }
        },
        { demo: false },
      );
      return;
    }
    case 'demo': {
      await withDeps(
        async (deps, report) => {
          if (report.demoAccounts) {
            printStartup(report);
            return;
          }
          if (await isDemoLoaded(deps.db)) {
            console.log('Dữ liệu mẫu đã có sẵn.');
            return;
          }
          const result = await deps.db.transaction((tx) => loadDemo(tx, deps.clock.now()));
          await loadDemoEvidence(deps);
          printStartup({ ...report, demoAccounts: result.accounts });
        },
        { demo: false },
      );
      return;
    }
    default:
      throw new UsageError(`Không có lệnh «${command}».\n\n${USAGE}`);
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
  } else if (error instanceof AppError) {
    const body = presentError(error, 'vi');
    console.error(`Lỗi: ${body.error.message}`);
    for (const d of body.error.details ?? []) {
      const where = [
        d.row !== undefined ? `dòng ${d.row}` : '',
        d.column ? `cột «${d.column}»` : '',
        d.field ? `trường «${d.field}»` : '',
      ]
        .filter(Boolean)
        .join(', ');
      console.error(`  - ${where ? `${where}: ` : ''}${d.message}`);
    }
    process.exitCode = 1;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else if (
    ['EmbeddedDbLockedError', 'RestoreError'].includes((error as Error).name) ||
    (error as NodeJS.ErrnoException).code === 'ENOENT'
  ) {
    console.error(`Lỗi: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
