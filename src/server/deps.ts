/** What every use-case is given: the database, the clock and the configuration. */
import type { Config } from './config.ts';
import type { Clock } from './infra/clock.ts';
import type { Db } from './infra/db.ts';

export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
}
