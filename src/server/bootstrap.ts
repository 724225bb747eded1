/**
 * What happens when the product starts: open the database, apply migrations, and on the first
 * start load the official units, create the first administrator and (when enabled) the demo.
 */
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { lockForTransaction, openDb, type Db } from './infra/db.ts';
import { migrate } from './infra/migrate.ts';
import { openReplica } from './infra/replica.ts';
import { claimJobOwner } from './infra/job-owner.ts';
import { createStorage } from './infra/storage.ts';
import { recoverInterruptedJobs, type Recovery } from './features/jobs/recovery.ts';
import { appendAuditEntry } from './features/audit/repository.ts';
import { generatePassword, hashPassword } from './features/auth/password.ts';
import { countUnits } from './features/units/repository.ts';
import { loadOfficialUnits } from './features/units/official-list.ts';
import { countUsers, insertGrant, insertUser } from './features/users/repository.ts';
import { isDemoLoaded, loadDemo } from './demo/demo.ts';
import { loadDemoEvidence } from './demo/evidence-demo.ts';

export interface StartupReport {
  migrationsApplied: string[];
  officialUnits: { current: number; past: number; links: number } | null;
  /** Set when the first admin was created now with a generated password (shown once). */
  admin: { username: string; generatedPassword: string | null } | null;
  demoAccounts: string[] | null;
  /** Jobs found interrupted by a process that stopped, and staging tables dropped (ADR 23). */
  recovered?: Recovery;
  /**
   * DATABASE_READ_URL: `used` on PostgreSQL, `ignored` on the embedded database (one process,
   * no replica); unset when not configured.
   */
  readReplica?: 'used' | 'ignored';
}

/** Opens the configured database and applies migrations. */
export async function openDatabase(config: Config): Promise<Db> {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** Migrates and seeds a database; safe to run on every start and from several processes. */
export async function prepareDatabase(
  db: Db,
  config: Config,
  clock: Clock = systemClock,
): Promise<StartupReport> {
  const migrationsApplied = await migrate(db);
  const report: StartupReport = {
    migrationsApplied,
    officialUnits: null,
    admin: null,
    demoAccounts: null,
  };
  // One transaction with an advisory lock: two servers starting together seed once.
  const adminPassword = config.adminPassword ?? generatePassword();
  const adminHash = await hashPassword(adminPassword);
  await db.transaction(async (tx) => {
    await lockForTransaction(tx, 7262003);
    const now = clock.now();
    if ((await countUnits(tx)) === 0) report.officialUnits = await loadOfficialUnits(tx, now);
    if ((await countUsers(tx)) === 0) {
      const id = await insertUser(
        tx,
        {
          username: 'admin',
          fullName: 'Quản trị hệ thống',
          email: null,
          passwordHash: adminHash,
          mustChangePassword: false,
        },
        now,
      );
      await insertGrant(tx, id, 'system_admin', null);
      await appendAuditEntry(
        tx,
        {
          actorId: null,
          actorName: 'system',
          action: 'user.create',
          entity: 'user',
          entityId: id,
          unitId: null,
          after: { username: 'admin', role: 'system_admin' },
        },
        now,
      );
      report.admin = {
        username: 'admin',
        generatedPassword: config.adminPassword ? null : adminPassword,
      };
    }
    if (config.demo && !(await isDemoLoaded(tx)))
      report.demoAccounts = (await loadDemo(tx, now)).accounts;
  });
  return report;
}

/**
 * Opens, migrates and seeds, takes this process's job owner number and marks the jobs of
 * processes that stopped interrupted: everything a server or a command needs. `closeDeps` ends it.
 */
export async function startDeps(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ deps: Deps; report: StartupReport }> {
  const db = await openDatabase(config);
  try {
    const report = await prepareDatabase(db, config, clock);
    const owner = await claimJobOwner(db, config.databaseUrl);
    const deps: Deps = { db, clock, config, storage: createStorage(config), owner };
    if (config.databaseReadUrl) {
      report.readReplica = db.backend === 'postgres' ? 'used' : 'ignored';
      if (db.backend === 'postgres') deps.replica = openReplica(config.databaseReadUrl);
    }
    try {
      report.recovered = await recoverInterruptedJobs(deps, owner);
      // The demo's evidence file goes to the file storage; storage out of reach must not stop
      // the start (/readyz says so): the file is added at a later start.
      if (config.demo) await loadDemoEvidence(deps).catch(() => false);
    } catch (error) {
      await deps.replica?.close();
      await owner.close();
      throw error;
    }
    return { deps, report };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Releases what startDeps took: the job runner (its running jobs are queued again), the job
 * owner's connection, the replica's pool, then the database.
 */
export async function closeDeps(deps: Deps): Promise<void> {
  await deps.jobs?.stop();
  await deps.owner?.close();
  await deps.replica?.close();
  await deps.db.close();
}
