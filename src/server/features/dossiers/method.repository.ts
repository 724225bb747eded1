/** SQL of the Circular 01 readings set per province (table dossier_method_settings, ADR 27). */
import type { DossierEvaluationConfig, MethodSettings } from '../../../domain/dossiers/config.ts';
import type { Queryable } from '../../infra/db.ts';

export interface MethodRow {
  unit_id: number;
  unit_name: string;
  unit_path: string;
  divisor: MethodSettings['divisor'];
  few_indicators: MethodSettings['fewIndicators'];
  due_without_time: MethodSettings['dueWithoutTime'];
  updated_at: Date;
}

const SELECT = `SELECT s.unit_id, u.name AS unit_name, u.path AS unit_path, s.divisor,
    s.few_indicators, s.due_without_time, s.updated_at
  FROM dossier_method_settings s JOIN units u ON u.id = s.unit_id`;

/** The settings made on any of these units (a unit and its ancestors). */
export async function settingsOn(db: Queryable, unitIds: readonly number[]): Promise<MethodRow[]> {
  if (unitIds.length === 0) return [];
  return db.query<MethodRow>(`${SELECT} WHERE s.unit_id = ANY($1::int[])`, [unitIds]);
}

/** Records (or replaces) a unit's settings; returns the previous ones, if any. */
export async function saveSettings(
  db: Queryable,
  input: { unitId: number; method: MethodSettings; userId: number | null },
  now: Date,
): Promise<MethodRow | null> {
  const before = await db.query<MethodRow>(`${SELECT} WHERE s.unit_id = $1`, [input.unitId]);
  await db.query(
    `INSERT INTO dossier_method_settings
       (unit_id, divisor, few_indicators, due_without_time, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (unit_id) DO UPDATE SET divisor = EXCLUDED.divisor,
       few_indicators = EXCLUDED.few_indicators, due_without_time = EXCLUDED.due_without_time,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [
      input.unitId,
      input.method.divisor,
      input.method.fewIndicators,
      input.method.dueWithoutTime,
      input.userId,
      now,
    ],
  );
  return before[0] ?? null;
}

/**
 * Re-reads the due dates without a time of the dossiers in a subtree (or of one import job) with
 * the setting that applies to each dossier's unit: a dossier finished on its due day after 00:00 is
 * on time when the day lasts ("end-of-day"), late otherwise; indicator 1 follows when it is scored
 * by timeliness (`onTime`/`late` points). Only such dossiers change; returns how many did.
 */
export async function rereadDueDates(
  db: Queryable,
  where: { path: string } | { jobId: number },
  points: { onTime: number; late: number } | null,
): Promise<number> {
  const scope =
    'path' in where
      ? { sql: 'u.path LIKE $1', param: `${where.path}%` }
      : { sql: 'd.import_job_id = $1', param: where.jobId };
  const reading = `coalesce((SELECT s.due_without_time FROM dossier_method_settings s
      JOIN units su ON su.id = s.unit_id
      WHERE u.path LIKE su.path || '%' ORDER BY length(su.path) DESC LIMIT 1), 'end-of-day')`;
  const rows = await db.query<{ n: number }>(
    `WITH hit AS (
       SELECT d.code, CASE WHEN ${reading} = 'end-of-day' THEN 'on-time' ELSE 'late' END AS t
       FROM dossiers d JOIN units u ON u.id = d.unit_id
       WHERE ${scope.sql} AND d.finished_at > d.due_at
         AND d.finished_at < d.due_at + interval '1 day'
         AND mod(extract(epoch FROM d.due_at) + 25200, 86400) = 0),
     up AS (
       UPDATE dossiers d SET timeliness = hit.t
         ${points === null ? '' : `, p1 = CASE WHEN hit.t = 'late' THEN $2::smallint ELSE $3::smallint END`}
       FROM hit WHERE d.code = hit.code AND d.timeliness <> hit.t
       RETURNING 1)
     SELECT count(*)::int AS n FROM up`,
    points === null ? [scope.param] : [scope.param, points.late, points.onTime],
  );
  return rows[0]?.n ?? 0;
}

/** Whether any unit reads due dates without a time as ending at their first moment. */
export async function anyStartOfDay(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ hit: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM dossier_method_settings
       WHERE due_without_time = 'start-of-day') AS hit`,
  );
  return rows[0]?.hit === true;
}

/** The points of indicator 1 by timeliness, when the configuration scores it so. */
export function timelinessPoints(
  config: DossierEvaluationConfig,
): { onTime: number; late: number } | null {
  const rule = config.indicators[1];
  return rule.kind === 'timeliness' ? { onTime: rule.onTime, late: rule.late } : null;
}

/**
 * After an import (in its transaction): its dossiers are derived with the Circular's reading of a
 * due date without a time; when some province reads it otherwise, its dossiers are read again.
 * Nothing more than one lookup when no province does.
 */
export async function rereadJobDueDates(
  db: Queryable,
  jobId: number,
  config: DossierEvaluationConfig,
): Promise<void> {
  if (await anyStartOfDay(db)) await rereadDueDates(db, { jobId }, timelinessPoints(config));
}
