/**
 * SQL of a campaign's stored results and the reads of its ranking: the change token the results
 * are computed from, their storage (positions, counts per class), the ranking's header, pages and
 * counts, year over year's inputs through lineage, and the historical results recorded by hand.
 */
import type { Queryable } from '../../infra/db.ts';
import { sqlParams, type SqlParams } from '../../infra/sql.ts';
import type { CampaignRow, CampaignSetRow } from './campaign.repository.ts';
import { CAMPAIGN_COLUMNS, CAMPAIGN_FROM } from './shared.repository.ts';

/** The shape of stored results (criteria with bonus and penalty nodes as `kind`), part of the token. */
const RESULTS_SHAPE = 'r4';

/** The change token of campaign `id` (an SQL expression naming the campaign's id) as SQL. */
const tokenSql = (id: string, version: string) => `concat_ws(':', '${RESULTS_SHAPE}',
  (SELECT count(*) || '.' || coalesce(sum(version), 0) || '.' || coalesce(sum(scores_version), 0)
   FROM campaign_participants WHERE campaign_id = ${id}),
  ${version})`;

/**
 * A summary of everything results depend on (entries and survey points through each unit's
 * `scores_version`, states, set-up); it changes with any of them. Reads the participants only, so
 * it stays cheap for a national campaign.
 */
export async function changeToken(db: Queryable, campaignId: number): Promise<string> {
  // The first part names the shape of the stored rows: results stored in an older shape are stale.
  const [row] = await db.query<{ token: string }>(
    `SELECT ${tokenSql('$1', '(SELECT version FROM campaigns WHERE id = $1)')} AS token`,
    [campaignId],
  );
  return row?.token ?? '';
}

/** The token the stored results were computed from, and the one they would be computed from now. */
export async function resultsTokens(
  db: Queryable,
  campaignId: number,
): Promise<{ stored: string | null; current: string }> {
  const [row] = await db.query<{ stored: string | null; current: string }>(
    `SELECT c.results_token AS stored, ${tokenSql('c.id', 'c.version')} AS current
     FROM campaigns c WHERE c.id = $1`,
    [campaignId],
  );
  return { stored: row?.stored ?? null, current: row?.current ?? '' };
}

/**
 * Holds the campaign's row until the caller's transaction ends, so that two computations of its
 * results (two readers finding them stale, or a reader and a workflow action) run one after the
 * other instead of both deleting and inserting the same rows.
 */
export async function lockCampaignForResults(db: Queryable, campaignId: number): Promise<void> {
  await db.query('SELECT id FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
}

export interface ResultRow {
  participant_id: number;
  campaign_id: number;
  unit_id: number;
  unit_kind: string;
  appraised_hundredths: number;
  max_appraised_hundredths: number;
  survey_hundredths: number | null;
  max_survey_hundredths: number | null;
  /** The survey points come from a survey still open: the result is provisional. */
  survey_provisional: boolean;
  index_hundredths: number | null;
  class_label: string | null;
  rank: number | null;
  units_ranked: number;
  /**
   * The top-level criteria, then the top-level bonus and penalty nodes (`kind`, signed points in
   * `score`, the cap in `max`).
   */
  criteria: {
    code: string;
    title: string;
    score: number;
    max: number;
    rank: number | null;
    kind?: 'bonus' | 'penalty';
    /** A criterion's bonus and penalty points (absent: none). */
    bonus?: number;
    penalty?: number;
  }[];
  computed_at: Date;
  /** The unit's place in the campaign's ranking (kind, rank with the unranked last, name, id). */
  position: number;
  unit_code?: string;
  unit_name?: string;
  status?: string;
}

/**
 * The order of a campaign's ranking for results about to be stored: by unit kind, rank (the
 * unranked last), the unit's name, its id, as the database orders them. Returns each
 * participant's position, from 1.
 */
export async function rankingPositions(
  db: Queryable,
  rows: readonly {
    participant_id: number;
    unit_id: number;
    unit_kind: string;
    rank: number | null;
  }[],
): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const order = await db.query<{ participant_id: number; n: number }>(
    `SELECT x.participant_id, row_number() OVER (ORDER BY x.unit_kind, x.rank NULLS LAST, u.name, u.id)::int AS n
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS x(participant_id, unit_id, unit_kind, rank)
     JOIN units u ON u.id = x.unit_id`,
    [
      rows.map((r) => r.participant_id),
      rows.map((r) => r.unit_id),
      rows.map((r) => r.unit_kind),
      rows.map((r) => r.rank),
    ],
  );
  return new Map(order.map((o) => [o.participant_id, o.n]));
}

/** Replaces the stored results of a campaign. */
export async function replaceResults(
  db: Queryable,
  campaignId: number,
  rows: Omit<ResultRow, 'campaign_id' | 'computed_at'>[],
  token: string,
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM campaign_results WHERE campaign_id = $1', [campaignId]);
  const chunk = 1000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(
      `INSERT INTO campaign_results (participant_id, campaign_id, unit_id, unit_kind, appraised_hundredths, max_appraised_hundredths,
         survey_hundredths, max_survey_hundredths, survey_provisional, index_hundredths, class_label, rank, units_ranked, criteria, computed_at, position)
       SELECT r.participant_id, $1, r.unit_id, r.unit_kind, r.appraised_hundredths, r.max_appraised_hundredths, r.survey_hundredths,
         r.max_survey_hundredths, coalesce(r.survey_provisional, false), r.index_hundredths, r.class_label, r.rank, r.units_ranked, r.criteria, $2,
         r.position
       FROM json_populate_recordset(NULL::campaign_results, $3::json) r`,
      [campaignId, now.toISOString(), JSON.stringify(part)],
    );
  }
  await db.query(
    `UPDATE campaigns SET results_computed_at = $2, results_token = $3, results_counts = coalesce((
       SELECT json_agg(json_build_object('unit_kind', g.unit_kind, 'class_label', g.class_label, 'published', g.published,
         'units', g.units, 'indexed', g.indexed, 'index_sum', g.index_sum, 'appraised_sum', g.appraised_sum,
         'max_appraised', g.max_appraised, 'provisional', g.provisional) ORDER BY g.unit_kind, g.class_label, g.published)
       FROM (SELECT r.unit_kind, r.class_label, p.status = 'published' AS published, count(*) AS units,
               count(r.index_hundredths) AS indexed, coalesce(sum(r.index_hundredths), 0) AS index_sum,
               sum(r.appraised_hundredths) AS appraised_sum, max(r.max_appraised_hundredths) AS max_appraised,
               count(*) FILTER (WHERE (r.max_survey_hundredths IS NOT NULL AND r.survey_hundredths IS NULL) OR r.survey_provisional) AS provisional
             FROM campaign_results r JOIN campaign_participants p ON p.id = r.participant_id
             WHERE r.campaign_id = $1 GROUP BY r.unit_kind, r.class_label, p.status = 'published') g), '[]')
     WHERE id = $1`,
    [campaignId, now.toISOString(), token],
  );
}

/** The stored results counted per unit kind, class and publication (`campaigns.results_counts`). */
export interface ResultsClassCount {
  unit_kind: string;
  class_label: string | null;
  published: boolean;
  units: number;
  indexed: number;
  index_sum: number;
  appraised_sum: number;
  max_appraised: number;
  provisional: number;
}

/**
 * What a ranking page needs besides its rows, in one query: the campaign, its criteria sets (no
 * trees), the token its results were computed from and the one they would be computed from now,
 * and the stored results' counts.
 */
export interface ResultsHeader {
  campaign: CampaignRow;
  sets: CampaignSetRow[];
  stored: string | null;
  current: string;
  counts: ResultsClassCount[] | null;
}

export async function findResultsHeader(
  db: Queryable,
  campaignId: number,
): Promise<ResultsHeader | undefined> {
  const [row] = await db.query<HeaderRow>(
    `SELECT ${HEADER_COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.id = $1`,
    [campaignId],
  );
  return row ? headerOf(row) : undefined;
}

type HeaderRow = CampaignRow & {
  sets_json: CampaignSetRow[] | null;
  stored_token: string | null;
  current_token: string;
  counts_json: ResultsClassCount[] | null;
};

/** The columns of a results header, over `CAMPAIGN_FROM`. */
const HEADER_COLUMNS = `${CAMPAIGN_COLUMNS},
       (SELECT json_agg(json_build_object('campaign_id', cs.campaign_id, 'unit_kind', cs.unit_kind,
          'criteria_set_id', cs.criteria_set_id, 'survey_max_hundredths', cs.survey_max_hundredths, 'bands', cs.bands,
          'set_name', s.name, 'set_status', s.status, 'set_bands', s.bands) ORDER BY cs.unit_kind)
        FROM campaign_criteria_sets cs JOIN criteria_sets s ON s.id = cs.criteria_set_id WHERE cs.campaign_id = c.id) AS sets_json,
       c.results_token AS stored_token,
       ${tokenSql('c.id', 'c.version')} AS current_token,
       c.results_counts AS counts_json`;

function headerOf(row: HeaderRow): ResultsHeader {
  const { sets_json, stored_token, current_token, counts_json, ...campaign } = row;
  return {
    campaign,
    sets: sets_json ?? [],
    stored: stored_token,
    current: current_token,
    counts: counts_json,
  };
}

/** Stored results of a campaign with unit code, name and state, in the ranking's order. */
export async function findResults(db: Queryable, campaignId: number): Promise<ResultRow[]> {
  return db.query<ResultRow>(
    `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE r.campaign_id = $1 ORDER BY r.position`,
    [campaignId],
  );
}

/** The stored result of one participant, with unit code, name and state. */
export async function findResult(
  db: Queryable,
  campaignId: number,
  participantId: number,
): Promise<ResultRow | undefined> {
  const [row] = await db.query<ResultRow>(
    `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE r.campaign_id = $1 AND r.participant_id = $2`,
    [campaignId, participantId],
  );
  return row;
}

/** Which stored results a ranking reads. */
export interface ResultsSelection {
  /** Only units whose results are published (a reader who does not run the campaign). */
  publishedOnly: boolean;
  unitKind?: string | undefined;
  classLabel?: string | undefined;
  /** Folded text (`searchKey`) found in the unit's name, or text found in its code. */
  search?: { folded: string; code: string } | undefined;
}

function selectionWhere(
  campaignId: number,
  s: ResultsSelection,
  withClassAndSearch: boolean,
): { where: string; params: SqlParams } {
  const params = sqlParams();
  const parts = [`r.campaign_id = ${params.p(campaignId)}`];
  if (s.publishedOnly) parts.push("p.status = 'published'");
  if (s.unitKind !== undefined) parts.push(`r.unit_kind = ${params.p(s.unitKind)}`);
  if (withClassAndSearch && s.classLabel !== undefined)
    parts.push(`r.class_label = ${params.p(s.classLabel)}`);
  if (withClassAndSearch && s.search !== undefined) {
    parts.push(
      `(strpos(u.search_key, ${params.p(s.search.folded)}) > 0 OR strpos(lower(u.code), ${params.p(s.search.code)}) > 0)`,
    );
  }
  return { where: parts.join(' AND '), params };
}

/**
 * One page of a campaign's ranking: the selected results after `afterPosition` (a cursor: the
 * position of the last unit of the previous page), skipping `offset`, at most `limit` (all when
 * undefined), in the ranking's order. Read through the (campaign, position) indexes.
 */
export async function findResultsPage(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
  page: {
    afterPosition?: number | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
  },
): Promise<ResultRow[]> {
  const { where, params } = selectionWhere(campaignId, s, true);
  let sql = `SELECT r.*, u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`;
  if (page.afterPosition !== undefined) sql += ` AND r.position > ${params.p(page.afterPosition)}`;
  sql += ' ORDER BY r.position';
  if (page.limit !== undefined) sql += ` LIMIT ${params.p(page.limit)}`;
  if (page.offset !== undefined && page.offset > 0) sql += ` OFFSET ${params.p(page.offset)}`;
  return db.query<ResultRow>(sql, params.values);
}

/** How many results the selection holds (with its class and search filters). */
export async function countResults(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
): Promise<number> {
  const { where, params } = selectionWhere(campaignId, s, true);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`,
    params.values,
  );
  return row?.n ?? 0;
}

/**
 * What year over year needs for some units, in one query: the lineage links reaching them (up to
 * a few links back, within each unit's province: a link from another province carries no
 * results, ADR 19), and the previous year's results of the units and of their predecessors:
 * recorded historical results first, then stored results of that year's campaigns (published, or
 * of a closed campaign).
 */
export async function findHistoryInputs(
  db: Queryable,
  year: number,
  unitIds: readonly number[],
): Promise<HistoryInputs> {
  if (unitIds.length === 0) return { links: [], previous: [], names: [] };
  const [row] = await db.query<{ links: unknown; previous: unknown; names: unknown }>(
    `WITH RECURSIVE ${historyCtes('$1::int', 'SELECT unnest($2::int[])')}
     SELECT ${HISTORY_COLUMNS}`,
    [year, unitIds],
  );
  return historyOfJson(row);
}

/** Year over year's inputs as JSON columns (`links`, `previous`, `names`) of a query. */
export interface HistoryInputs {
  links: { predecessor_id: number; successor_id: number; merge_type: 'full' | 'partial' }[];
  previous: {
    unit_id: number;
    index_hundredths: number;
    max_hundredths: number;
    rank: number | null;
    units_ranked: number | null;
  }[];
  /** The names of the units and of their predecessors. */
  names: { id: number; name: string }[];
}

/**
 * The CTEs (after `WITH RECURSIVE`) that gather year over year's inputs of the units `ids` (SQL
 * returning unit ids) for the results of `year` (an SQL expression).
 */
const historyCtes = (
  year: string,
  ids: string,
) => `back(predecessor_id, successor_id, merge_type, depth) AS (
       SELECT predecessor_id, successor_id, merge_type, 1 FROM unit_lineage_in_province WHERE successor_id IN (${ids})
       UNION
       SELECT l.predecessor_id, l.successor_id, l.merge_type, b.depth + 1 FROM unit_lineage_in_province l JOIN back b ON l.successor_id = b.predecessor_id
       WHERE b.depth < 5),
     links AS (SELECT DISTINCT predecessor_id, successor_id, merge_type FROM back),
     ids AS (${ids} UNION SELECT predecessor_id FROM links),
     previous AS (
       SELECT 1 AS source, h.unit_id, h.index_hundredths, h.max_hundredths, h.rank, h.units_ranked FROM historical_results h
       WHERE h.year = ${year} AND h.unit_id IN (SELECT * FROM ids)
       UNION ALL
       SELECT 2, r.unit_id, r.index_hundredths, r.max_appraised_hundredths + coalesce(r.max_survey_hundredths, 0), r.rank, r.units_ranked
       FROM campaign_results r JOIN campaigns c ON c.id = r.campaign_id JOIN campaign_participants p ON p.id = r.participant_id
       WHERE c.year = ${year} AND r.unit_id IN (SELECT * FROM ids) AND r.index_hundredths IS NOT NULL
         AND (p.status = 'published' OR c.status = 'closed'))`;

const HISTORY_COLUMNS = `(SELECT coalesce(json_agg(l), '[]') FROM links l) AS links,
       (SELECT coalesce(json_agg(json_build_object('unit_id', x.unit_id, 'index_hundredths', x.index_hundredths,
          'max_hundredths', x.max_hundredths, 'rank', x.rank, 'units_ranked', x.units_ranked) ORDER BY x.source, x.unit_id), '[]')
        FROM previous x) AS previous,
       (SELECT coalesce(json_agg(json_build_object('id', n.id, 'name', n.name)), '[]')
        FROM (SELECT DISTINCT unit_id FROM previous) x JOIN units n ON n.id = x.unit_id) AS names`;

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

function historyOfJson(row: { links: unknown; previous: unknown; names: unknown } | undefined) {
  return {
    links: parseJson(row?.links ?? []) as HistoryInputs['links'],
    previous: parseJson(row?.previous ?? []) as HistoryInputs['previous'],
    names: parseJson(row?.names ?? []) as HistoryInputs['names'],
  };
}

/**
 * One page of a ranking as a reader sees it, in one query: the results header (as
 * `findResultsHeader`), the page's rows (as `findResultsPage`), year over year's inputs for them
 * (as `findHistoryInputs`, for the year before the campaign's), and with a search the count of
 * units it finds. The caller checks that the header gives the selection it asked with.
 */
export async function findResultsView(
  db: Queryable,
  campaignId: number,
  s: ResultsSelection,
  page: {
    afterPosition?: number | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
  },
): Promise<
  | { header: ResultsHeader; rows: ResultRow[]; history: HistoryInputs; searchTotal: number | null }
  | undefined
> {
  const { where, params } = selectionWhere(campaignId, s, true);
  let pageSql = `SELECT r.participant_id, r.campaign_id, r.unit_id, r.unit_kind, r.appraised_hundredths,
       r.max_appraised_hundredths, r.survey_hundredths, r.max_survey_hundredths, r.survey_provisional,
       r.index_hundredths, r.class_label, r.rank, r.units_ranked, r.criteria, r.computed_at, r.position,
       u.code AS unit_code, u.name AS unit_name, p.status
     FROM campaign_results r JOIN units u ON u.id = r.unit_id JOIN campaign_participants p ON p.id = r.participant_id
     WHERE ${where}`;
  if (page.afterPosition !== undefined)
    pageSql += ` AND r.position > ${params.p(page.afterPosition)}`;
  pageSql += ' ORDER BY r.position';
  if (page.limit !== undefined) pageSql += ` LIMIT ${params.p(page.limit)}`;
  if (page.offset !== undefined && page.offset > 0) pageSql += ` OFFSET ${params.p(page.offset)}`;
  const count = s.search
    ? `(SELECT count(*)::int FROM campaign_results r JOIN units u ON u.id = r.unit_id
         JOIN campaign_participants p ON p.id = r.participant_id WHERE ${where})`
    : 'NULL::int';
  const [row] = await db.query<
    HeaderRow & {
      page_json: unknown;
      links: unknown;
      previous: unknown;
      names: unknown;
      search_total: number | null;
    }
  >(
    `WITH RECURSIVE page AS MATERIALIZED (${pageSql}),
     ${historyCtes('(SELECT year - 1 FROM campaigns WHERE id = $1)', 'SELECT unit_id FROM page')}
     SELECT ${HEADER_COLUMNS},
       (SELECT coalesce(json_agg(page ORDER BY page.position), '[]') FROM page) AS page_json,
       ${HISTORY_COLUMNS},
       ${count} AS search_total
     FROM ${CAMPAIGN_FROM} WHERE c.id = $1`,
    params.values,
  );
  if (!row) return undefined;
  const { page_json, links, previous, names, search_total, ...header } = row;
  const rows = (parseJson(page_json) as (ResultRow & { computed_at: string | Date })[]).map(
    (r) => ({ ...r, computed_at: new Date(r.computed_at) }),
  );
  return {
    header: headerOf(header),
    rows,
    history: historyOfJson({ links, previous, names }),
    searchTotal: search_total,
  };
}

/** Records a historical result of a unit (replacing one of the same year). */
export async function saveHistoricalResult(
  db: Queryable,
  r: {
    unitId: number;
    year: number;
    indexHundredths: number;
    maxHundredths: number;
    rank: number | null;
    unitsRanked: number | null;
    classLabel: string | null;
    source: string;
  },
  by: number | null,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO historical_results (unit_id, year, index_hundredths, max_hundredths, rank, units_ranked, class_label, source, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (unit_id, year) DO UPDATE SET index_hundredths = EXCLUDED.index_hundredths, max_hundredths = EXCLUDED.max_hundredths,
       rank = EXCLUDED.rank, units_ranked = EXCLUDED.units_ranked, class_label = EXCLUDED.class_label, source = EXCLUDED.source`,
    [
      r.unitId,
      r.year,
      r.indexHundredths,
      r.maxHundredths,
      r.rank,
      r.unitsRanked,
      r.classLabel,
      r.source,
      by,
      now.toISOString(),
    ],
  );
}
