/**
 * What every use-case is given: the database, the clock, the configuration, file storage and the
 * job runner.
 */
import type { Config } from './config.ts';
import type { Clock } from './infra/clock.ts';
import type { Db } from './infra/db.ts';
import type { JobOwner } from './infra/job-owner.ts';
import type { JobRunner } from './infra/jobs.ts';
import type { Replica } from './infra/replica.ts';
import type { FileStorage } from './infra/storage.ts';

export interface Deps {
  db: Db;
  /**
   * The streaming replica the read routes use (DATABASE_READ_URL, ADR 51), through
   * `readDeps`; unset: they read from `db`.
   */
  replica?: Replica;
  clock: Clock;
  config: Config;
  storage: FileStorage;
  /** This process as the owner of the jobs it runs (ADR 23); unset in tests that need none. */
  owner?: JobOwner;
  /** The job runner of this process (ADR 37), set by startJobs; unset where nothing runs jobs. */
  jobs?: JobRunner;
}
