/**
 * A campaign's results: computed by the domain (`computeResults`) from every unit's self, round-1
 * and round-2 entries and survey points, stored, and recomputed on demand when anything changed
 * since. Rankings per unit kind with filters, a unit's scorecard (self vs round 1 vs round 2 and
 * every lost point with its reason), year over year through lineage, exports, and the public page
 * of published results (no evidence, no reasons).
 */
import type { Actor } from '../../../domain/access.ts';
import { yearOverYearWithLineage, type PreviousResult } from '../../../domain/campaign/history.ts';
import type { Round1Entry, Round2Decision } from '../../../domain/campaign/assessment.ts';
import {
  bandsFor,
  classSharesOfCounts,
  compareRounds,
  computeResults,
  type UnitAssessment,
} from '../../../domain/campaign/results.ts';
import { DEFAULT_PAR_BANDS, type ClassBand } from '../../../domain/scoring/index.ts';
import { divRoundHalfUp } from '../../../domain/scoring/decimal.ts';
import { compiledTreeOf, type EnteredScore } from '../../../domain/scoring/tree.ts';
import { formatPoints } from '../../../domain/scoring/decimal.ts';
import { formatScaled } from '../../../domain/scoring/decimal.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { acceptancesOf, type AcceptedSelfScore } from './coverage.service.ts';
import { canReadAssessment, canSeeAllResults, canSeeAppraisal } from './policy.ts';
import * as repo from './repository.ts';
import { round1Of, round2Of, selfScoresOf } from './assessment.service.ts';
import {
  loadCampaign,
  participantOf,
  presentCampaign,
  treeFor,
  type LoadedCampaign,
} from './service.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

/** The domain's view of a few units (a scorecard), with reasons, from their full entries. */
async function assessmentsOf(
  db: Queryable,
  c: LoadedCampaign,
  participants: repo.ParticipantRow[],
): Promise<UnitAssessment[]> {
  const entries = await repo.findEntries(
    db,
    participants.map((p) => p.id),
  );
  const byParticipant = new Map<number, repo.EntryRow[]>();
  for (const e of entries) {
    let list = byParticipant.get(e.participant_id);
    if (!list) byParticipant.set(e.participant_id, (list = []));
    list.push(e);
  }
  const survey = new Map(
    (await repo.findSurveyPoints(db, c.row.id)).map((s) => [s.participant_id, s]),
  );
  return participants.map((p) => {
    const rows = byParticipant.get(p.id) ?? [];
    const s = survey.get(p.id);
    return {
      unitId: String(p.id),
      unitKind: p.unit_kind,
      self: selfScoresOf(rows),
      round1: round1Of(rows),
      round2: round2Of(rows),
      survey: s
        ? {
            source: s.source === 'imported' ? 'imported' : 'entered',
            pointsHundredths: s.points_hundredths,
          }
        : null,
    };
  });
}

const DISPOSITIONS: Readonly<Record<string, Round2Decision['disposition']>> = {
  a: 'addressed',
  d: 'defended',
  s: 'still_open',
};

/** A step's packed value: undefined when empty, 'na' for `n`, else the hundredths. */
const unpackStep = (text: string): EnteredScore | undefined =>
  text === '' ? undefined : text === 'n' ? 'na' : Number(text);

/**
 * The domain's view of one unit from its packed scores (`repo.findPackedScores`): what results
 * need, without reasons, inputs or evidence. Read field by field with indexOf (no arrays per node).
 */
export function unpackScores(
  row: Awaited<ReturnType<typeof repo.findPackedScores>>[number],
): UnitAssessment {
  const self = new Map<string, EnteredScore>();
  const round1: Round1Entry[] = [];
  const round2: Round2Decision[] = [];
  const text = row.scores ?? '';
  let at = 0;
  const field = (end: number): string => {
    const stop = text.indexOf(repo.PACKED_FIELD, at);
    const until = stop === -1 || stop > end ? end : stop;
    const value = text.slice(at, until);
    at = until + 1;
    return value;
  };
  while (at < text.length) {
    let end = text.indexOf(repo.PACKED_NODE, at);
    if (end === -1) end = text.length;
    const code = field(end);
    const selfScore = unpackStep(field(end));
    const round1Score = unpackStep(field(end));
    const d = field(end);
    const r2 = field(end);
    at = end + 1;
    if (selfScore !== undefined) self.set(code, selfScore);
    if (round1Score === undefined) continue;
    round1.push({ code, score: round1Score, appraiserUserId: 0 });
    const disposition = DISPOSITIONS[d];
    if (disposition)
      round2.push({
        code,
        disposition,
        ...(r2 === '' ? {} : { score: Number(r2) }),
        reason: '',
        appraiserUserId: 0,
      });
  }
  return {
    unitId: String(row.participant_id),
    unitKind: row.unit_kind,
    self,
    round1,
    round2,
    survey:
      row.survey_points === null
        ? null
        : {
            source: row.survey_source === 'imported' ? 'imported' : 'entered',
            pointsHundredths: row.survey_points,
          },
  };
}

/**
 * A unit's criteria as results store them: each criterion with its bonus and penalty points when
 * it has any, then the bonus and penalty nodes themselves (`kind`), whose score is their points.
 */
function storedCriteria(
  r: ReturnType<typeof computeResults>['units'][number],
  withRank: boolean,
): repo.ResultRow['criteria'] {
  return [
    ...r.criteria.map((x) => ({
      code: x.code,
      title: x.title,
      score: x.score,
      max: x.max,
      rank: withRank ? x.rank : null,
      ...(x.bonus !== 0 ? { bonus: x.bonus } : {}),
      ...(x.penalty !== 0 ? { penalty: x.penalty } : {}),
    })),
    ...r.adjustments.map((x) => ({
      code: x.code,
      title: x.title,
      score: x.points,
      max: x.cap,
      rank: null,
      kind: x.kind,
    })),
  ];
}

/**
 * Recomputes and stores every unit's result (in the caller's transaction or its own). The scores
 * arrive packed, one row per unit; the domain computes; the results are written in a few
 * set-based statements.
 */
export async function recomputeResults(
  db: Queryable,
  campaignId: number,
  now: Date,
): Promise<number> {
  await repo.lockCampaignForResults(db, campaignId);
  const c = await loadCampaign(db, campaignId);
  const token = await repo.changeToken(db, campaignId);
  const packed = await repo.findPackedScores(db, campaignId);
  const unitOf = new Map(packed.map((p) => [String(p.participant_id), p.unit_id]));
  const provisionalOf = new Map(
    packed.map((p) => [String(p.participant_id), p.survey_provisional === true]),
  );
  const results = computeResults(c.setup, packed.map(unpackScores), { lostPoints: false });
  const positions = await repo.rankingPositions(
    db,
    results.units.map((r) => ({
      participant_id: Number(r.unitId),
      unit_id: unitOf.get(r.unitId)!,
      unit_kind: r.unitKind,
      rank: r.rank,
    })),
  );
  await repo.replaceResults(
    db,
    campaignId,
    results.units.map((r) => ({
      participant_id: Number(r.unitId),
      position: positions.get(Number(r.unitId))!,
      unit_id: unitOf.get(r.unitId)!,
      unit_kind: r.unitKind,
      appraised_hundredths: r.appraisedHundredths,
      max_appraised_hundredths: r.maxAppraisedHundredths,
      survey_hundredths: r.surveyHundredths,
      max_survey_hundredths: r.maxSurveyHundredths,
      survey_provisional: r.surveyHundredths !== null && provisionalOf.get(r.unitId) === true,
      index_hundredths: r.index?.hundredths ?? null,
      class_label: r.classLabel,
      rank: r.rank,
      units_ranked: r.unitsRanked,
      criteria: storedCriteria(r, true),
    })),
    token,
    now,
  );
  return results.units.length;
}

/**
 * Recomputes the stored results first when anything changed since they were computed (one query
 * when nothing did).
 */
async function ensureFresh(deps: Deps, campaignId: number): Promise<void> {
  const tokens = await repo.resultsTokens(deps.db, campaignId);
  if (tokens.stored !== null && tokens.stored === tokens.current) return;
  await deps.db.transaction(async (tx) => {
    // Another reader may have computed them while this one waited for the campaign's row.
    await repo.lockCampaignForResults(tx, campaignId);
    const now = await repo.resultsTokens(tx, campaignId);
    if (now.stored !== null && now.stored === now.current) return;
    await recomputeResults(tx, campaignId, deps.clock.now());
  });
}

/** Stored results, recomputed first when anything changed since they were computed. */
async function freshResults(deps: Deps, c: LoadedCampaign): Promise<repo.ResultRow[]> {
  await ensureFresh(deps, c.row.id);
  return repo.findResults(deps.db, c.row.id);
}

/** One unit's stored result, recomputed first when anything changed since. */
async function freshResult(
  deps: Deps,
  c: LoadedCampaign,
  participantId: number,
): Promise<repo.ResultRow | undefined> {
  await ensureFresh(deps, c.row.id);
  return repo.findResult(deps.db, c.row.id, participantId);
}

/** Year over year for stored results: own previous-year results, else through lineage. */
async function historyOf(db: Queryable, year: number, rows: repo.ResultRow[]) {
  if (rows.length === 0) return new Map<string, never>();
  const inputs = await repo.findHistoryInputs(
    db,
    year - 1,
    rows.map((r) => r.unit_id),
  );
  return historyFrom(year, rows, inputs);
}

/** Year over year for stored results, from the inputs the repository read for them. */
function historyFrom(year: number, rows: repo.ResultRow[], inputs: repo.HistoryInputs) {
  const { links, previous: previousRows } = inputs;
  const previous = new Map<string, PreviousResult>();
  for (const r of previousRows) {
    const id = String(r.unit_id);
    if (!previous.has(id))
      previous.set(id, {
        unitId: id,
        year: year - 1,
        indexHundredths: r.index_hundredths,
        maxHundredths: r.max_hundredths,
        rank: r.rank,
        unitsRanked: r.units_ranked,
      });
  }
  const histories = yearOverYearWithLineage(
    rows.map((r) => ({
      unitId: String(r.unit_id),
      index: r.index_hundredths === null ? null : { hundredths: r.index_hundredths },
      rank: r.rank,
    })),
    previous,
    links.map((l) => ({
      predecessorId: String(l.predecessor_id),
      successorId: String(l.successor_id),
      mergeType: l.merge_type,
    })),
  );
  const names = new Map(inputs.names.map((u) => [String(u.id), u.name]));
  return new Map(
    histories.map((h) => [
      h.unitId,
      h.source === 'none'
        ? null
        : {
            year: h.previousYear,
            source: h.source,
            indexHundredths: h.previousValue,
            indexText: h.previousValue === null ? null : formatScaled(h.previousValue, 2),
            rank: h.previousRank,
            rankChange: h.rankChange,
            ratioText: h.comparison?.ratioText ?? null,
            ratioTenths: h.comparison?.ratioTenths ?? null,
            differenceText: h.comparison?.differenceText ?? null,
            fromUnits: h.usedUnitIds.map((id) => ({
              unitId: Number(id),
              unitName: names.get(id) ?? '',
            })),
          },
    ]),
  );
}

/** The class bands of a unit kind in the campaign (`bandsFor`: the campaign's, the set's, the defaults). */
export function bandsOfKind(c: LoadedCampaign, kind: string): readonly ClassBand[] {
  return bandsOfSets(c.row, c.sets, kind);
}

/** The same from the campaign's row and sets alone (no criteria trees). */
function bandsOfSets(
  row: repo.CampaignRow,
  sets: readonly repo.CampaignSetRow[],
  kind: string,
): readonly ClassBand[] {
  const set = sets.find((s) => s.unit_kind === kind);
  return set
    ? bandsFor(
        {
          unitKind: kind,
          ...(set.bands ? { bands: set.bands } : {}),
          ...(set.set_bands && set.set_bands.length > 0 ? { setBands: set.set_bands } : {}),
        },
        { bands: row.bands ?? [] },
      )
    : DEFAULT_PAR_BANDS;
}

/** Signed points of a bonus or penalty node: "+0,50", "−1,00". */
export const signedPoints = (hundredths: number): string =>
  hundredths < 0 ? `−${formatPoints(-hundredths)}` : `+${formatPoints(hundredths)}`;

type StoredCriterion = repo.ResultRow['criteria'][number];

/**
 * The criteria of a stored result; `adjustmentText` is the signed bonus and penalty points counted
 * in the criterion outside its max ("+0,50", "−1,00"), null when none.
 */
const criteriaOf = (list: readonly StoredCriterion[]) =>
  list
    .filter((x) => x.kind === undefined)
    .map((x) => {
      const adjustment = (x.bonus ?? 0) - (x.penalty ?? 0);
      const any = (x.bonus ?? 0) !== 0 || (x.penalty ?? 0) !== 0;
      return {
        code: x.code,
        title: x.title,
        score: x.score,
        max: x.max,
        rank: x.rank,
        bonus: x.bonus ?? 0,
        penalty: x.penalty ?? 0,
        adjustmentText: any ? signedPoints(adjustment) : null,
      };
    });

const adjustmentsOf = (list: readonly StoredCriterion[]) =>
  list
    .filter((x) => x.kind !== undefined)
    .map((x) => ({
      code: x.code,
      title: x.title,
      kind: x.kind!,
      points: x.score,
      pointsText: signedPoints(x.score),
      cap: x.max,
    }));

/** Is a stored result provisional: survey points not in yet, or from a survey still open? */
const isProvisional = (r: repo.ResultRow) =>
  (r.max_survey_hundredths !== null && r.survey_hundredths === null) || r.survey_provisional;

/**
 * One stored result as every view shows it. `provisional`: the survey points are not in yet, so
 * the total and the index are over the appraised part alone (`maxTotalHundredths` is the
 * appraised max), or they come from a sociological survey still open (counted, but they may
 * change); never a final result.
 */
function presentResult(r: repo.ResultRow, bands: readonly ClassBand[] = DEFAULT_PAR_BANDS) {
  const provisional = isProvisional(r);
  const maxTotal =
    r.max_appraised_hundredths +
    (r.survey_hundredths === null ? 0 : (r.max_survey_hundredths ?? 0));
  const total = r.appraised_hundredths + (r.survey_hundredths ?? 0);
  return {
    unitId: r.unit_id,
    unitCode: r.unit_code ?? '',
    unitName: r.unit_name ?? '',
    unitKind: r.unit_kind,
    status: r.status ?? '',
    appraisedHundredths: r.appraised_hundredths,
    maxAppraisedHundredths: r.max_appraised_hundredths,
    surveyHundredths: r.survey_hundredths,
    maxSurveyHundredths: r.max_survey_hundredths,
    totalHundredths: total,
    totalText: formatPoints(total),
    maxTotalHundredths: maxTotal,
    maxTotalText: formatPoints(maxTotal),
    provisional,
    indexHundredths: r.index_hundredths,
    indexText: r.index_hundredths === null ? null : formatScaled(r.index_hundredths, 2),
    classLabel: r.class_label,
    classBand: bands.find((b) => b.label === r.class_label) ?? null,
    rank: r.rank,
    unitsRanked: r.units_ranked,
    criteria: criteriaOf(r.criteria),
    adjustments: adjustmentsOf(r.criteria),
  };
}

export interface ResultsFilter {
  unitKind?: string | undefined;
  classLabel?: string | undefined;
  /** Found in the unit's name (without diacritics or case) or its code. */
  q?: string | undefined;
  /** A page of the ranking (after the filters); without it, every unit. */
  limit?: number | undefined;
  offset?: number | undefined;
  /** The `nextCursor` of the previous page: the page starts after that unit. */
  cursor?: string | undefined;
}

/** A cursor names the position of the last unit of a page in the stored ranking. */
const cursorOf = (position: number): string => `p${position}`;

function positionOfCursor(cursor: string): number {
  const m = /^p([1-9][0-9]{0,8})$/.exec(cursor);
  if (!m) throw new AppError('invalid', 'results_cursor_invalid', { field: 'cursor' });
  return Number(m[1]);
}

/**
 * Per unit kind of the given counts: units, average index and appraised points, and the count
 * and share of each class (shares by largest remainder, adding up to 100 %).
 */
function classSummaries(
  kindBands: (kind: string) => readonly ClassBand[],
  counts: readonly repo.ResultsClassCount[],
) {
  const kinds = [...new Set(counts.map((r) => r.unit_kind))].sort();
  return kinds.map((kind) => {
    const list = counts.filter((r) => r.unit_kind === kind);
    const bands = kindBands(kind);
    const sum = (f: (r: repo.ResultsClassCount) => number) => list.reduce((a, r) => a + f(r), 0);
    const units = sum((r) => r.units);
    const indexed = sum((r) => r.indexed);
    const avgIndex =
      indexed === 0
        ? null
        : divRoundHalfUp(
            sum((r) => r.index_sum),
            indexed,
          );
    const avgAppraised =
      units === 0
        ? null
        : divRoundHalfUp(
            sum((r) => r.appraised_sum),
            units,
          );
    return {
      unitKind: kind,
      units,
      averageIndexHundredths: avgIndex,
      averageIndexText: avgIndex === null ? null : formatScaled(avgIndex, 2),
      averageAppraisedHundredths: avgAppraised,
      averageAppraisedText: avgAppraised === null ? null : formatPoints(avgAppraised),
      maxAppraisedHundredths: list.reduce((a, r) => Math.max(a, r.max_appraised), 0),
      provisionalUnits: sum((r) => r.provisional),
      bands,
      ...classSharesOfCounts(
        list.map((r) => ({ label: r.class_label, units: r.units })),
        bands,
      ),
    };
  });
}

/** The campaign, its sets and its stored results' counts, the results recomputed first when stale. */
async function freshHeader(deps: Deps, campaignId: number) {
  const header = await repo.findResultsHeader(deps.db, campaignId);
  if (!header) throw notFound('entity_campaign');
  if (header.stored !== null && header.stored === header.current && header.counts !== null)
    return { ...header, counts: header.counts };
  await ensureFresh(deps, campaignId);
  const again = await repo.findResultsHeader(deps.db, campaignId);
  if (!again) throw notFound('entity_campaign');
  return { ...again, counts: again.counts ?? [] };
}

/**
 * The ranking of a campaign per unit kind, with year over year and the class summary of each
 * kind. Staff see every unit at any time; others see published units only. With `limit`, one
 * page of the (filtered) ranking, after `cursor` and/or skipping `offset`; `total` counts the
 * filtered units and `nextCursor` names the page after this one (null: none). A page reads its
 * rows from the stored results through their indexes, and the class summary from the counts
 * stored with them (ADR 28).
 */
export async function getResults(
  deps: Deps,
  actor: Actor | null,
  campaignId: number,
  filter: ResultsFilter = {},
) {
  const afterPosition = filter.cursor === undefined ? undefined : positionOfCursor(filter.cursor);
  const selectionFor = (
    campaign: Pick<repo.CampaignRow, 'owner_unit_path' | 'status'>,
  ): repo.ResultsSelection => ({
    publishedOnly:
      !(actor !== null && canSeeAllResults(actor, campaign.owner_unit_path)) &&
      campaign.status !== 'closed',
    unitKind: filter.unitKind || undefined,
    classLabel: filter.classLabel || undefined,
    search: filter.q ? { folded: searchKey(filter.q), code: filter.q.toLowerCase() } : undefined,
  });
  // One query reads the header, the page and year over year's inputs. The page is read with the
  // selection the campaign gave last time (who sees unpublished units depends on its owner and
  // state); when the header read with it says otherwise, or the stored results are stale, the
  // page is read again.
  const page = {
    afterPosition,
    offset: filter.offset,
    // One more than the page tells whether a page follows.
    limit: filter.limit === undefined ? undefined : filter.limit + 1,
  };
  const guess = lastSelectionInputs.get(campaignId);
  let view = guess
    ? await repo.findResultsView(deps.db, campaignId, selectionFor(guess), page)
    : undefined;
  const usable = (v: typeof view): v is NonNullable<typeof view> =>
    v !== undefined &&
    guess !== undefined &&
    v.header.stored !== null &&
    v.header.stored === v.header.current &&
    v.header.counts !== null &&
    selectionFor(v.header.campaign).publishedOnly === selectionFor(guess).publishedOnly;
  if (!usable(view)) {
    const { campaign } = await freshHeader(deps, campaignId);
    view = await repo.findResultsView(deps.db, campaignId, selectionFor(campaign), page);
    if (!view) throw notFound('entity_campaign');
  }
  const { campaign: row, sets } = view.header;
  lastSelectionInputs.set(campaignId, {
    owner_unit_path: row.owner_unit_path,
    status: row.status,
  });
  const counts = view.header.counts ?? [];
  const selection = selectionFor(row);
  const kindBands = (kind: string) => bandsOfSets(row, sets, kind);
  const all = actor !== null && canSeeAllResults(actor, row.owner_unit_path);
  const visible = counts.filter(
    (r) =>
      (!selection.publishedOnly || r.published) &&
      (selection.unitKind === undefined || r.unit_kind === selection.unitKind),
  );
  // The summary counts the visible units of the kind, before the class and name filters.
  const summaries = classSummaries(kindBands, visible);
  const total =
    view.searchTotal ??
    visible
      .filter((r) => selection.classLabel === undefined || r.class_label === selection.classLabel)
      .reduce((a, r) => a + r.units, 0);
  const read = view.rows;
  const rows = filter.limit === undefined ? read : read.slice(0, filter.limit);
  const last = rows[rows.length - 1];
  const more = read.length > rows.length;
  const history = historyFrom(row.year, rows, view.history);
  return {
    campaign: presentCampaign(row, deps.clock.now()),
    complete: all,
    total,
    nextCursor: more && last ? cursorOf(last.position) : null,
    summaries,
    units: rows.map((r) => ({
      ...presentResult(r, kindBands(r.unit_kind)),
      previous: history.get(String(r.unit_id)) ?? null,
    })),
  };
}

/**
 * Per process, what each campaign's ranking was last read with (its owner's path and its state):
 * the guess of the next page's selection, checked against the header read with the page.
 */
const lastSelectionInputs = new Map<number, Pick<repo.CampaignRow, 'owner_unit_path' | 'status'>>();

/** Public results of a published campaign: index, class, rank and criterion scores, nothing else. */
export async function getPublicResults(deps: Deps, campaignId: number) {
  const row = await repo.findCampaign(deps.db, campaignId);
  if (!row) throw notFound('entity_campaign');
  const c = await loadCampaign(deps.db, campaignId);
  const rows = (await freshResults(deps, c)).filter((r) => r.status === 'published');
  if (rows.length === 0) throw new AppError('not_found', 'campaign_not_published');
  const withoutSurvey = await repo.findPublishedWithoutSurvey(
    deps.db,
    campaignId,
    rows.map((r) => r.unit_id),
  );
  const decisions = await repo.findPublicationDecisions(
    deps.db,
    rows.map((r) => r.participant_id),
  );
  return {
    campaign: { id: row.id, name: row.name, year: row.year },
    units: rows.map((r) => {
      const v = presentResult(r, bandsOfKind(c, r.unit_kind));
      return {
        unitCode: v.unitCode,
        unitName: v.unitName,
        unitKind: v.unitKind,
        totalHundredths: v.totalHundredths,
        totalText: v.totalText,
        maxTotalHundredths: v.maxTotalHundredths,
        maxTotalText: v.maxTotalText,
        provisional: v.provisional,
        surveyHundredths: v.surveyHundredths,
        indexHundredths: v.indexHundredths,
        indexText: v.indexText,
        classLabel: v.classLabel,
        classBand: v.classBand,
        rank: v.rank,
        unitsRanked: v.unitsRanked,
        criteria: v.criteria,
        adjustments: v.adjustments,
        // Published while provisional: the recorded decision and its reason.
        publishedWithoutSurvey: v.provisional
          ? presentWithoutSurvey(withoutSurvey.get(r.participant_id))
          : null,
        // The decision the result was published by (Quyết định công bố), when recorded.
        decision: presentDecision(decisions.get(r.participant_id)),
      };
    }),
  };
}

function presentDecision(d: { number: string | null; date: string | null } | undefined) {
  return d && (d.number || d.date) ? { number: d.number, date: d.date } : null;
}

function presentWithoutSurvey(row: repo.PublishedWithoutSurveyRow | undefined) {
  return row
    ? { reason: row.reason, by: row.actor_name, at: new Date(row.at).toISOString() }
    : null;
}

/**
 * The result of one unit as this actor may read it: the stored result (the one every view reads)
 * once the actor sees the appraisal, else — the unit's own side before round 1 is closed on it —
 * its self-assessment alone (`stage: 'self'`: no appraised score, no class, no rank, no survey).
 */
async function unitResultFor(
  deps: Deps,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  assessment: UnitAssessment,
  seesAppraisal: boolean,
) {
  const bands = bandsOfKind(c, p.unit_kind);
  if (seesAppraisal) {
    const stored = await freshResult(deps, c, p.id);
    return stored ? { ...presentResult(stored, bands), stage: 'final' as const } : null;
  }
  const single = computeResults(c.setup, [assessment], { lostPoints: false }).units[0];
  if (!single) return null;
  const selfRow: repo.ResultRow = {
    participant_id: p.id,
    campaign_id: c.row.id,
    unit_id: p.unit_id,
    unit_kind: p.unit_kind,
    appraised_hundredths: single.appraisedHundredths,
    max_appraised_hundredths: single.maxAppraisedHundredths,
    survey_hundredths: null,
    max_survey_hundredths: single.maxSurveyHundredths,
    survey_provisional: false,
    index_hundredths: single.index?.hundredths ?? null,
    class_label: null,
    rank: null,
    units_ranked: 0,
    criteria: storedCriteria(single, false),
    computed_at: deps.clock.now(),
    position: 0,
    unit_code: p.unit_code,
    unit_name: p.unit_name,
    status: p.status,
  };
  return { ...presentResult(selfRow, bands), unitsRanked: null, stage: 'self' as const };
}

const KIND_NAMES = ['normal', 'bonus', 'penalty'] as const;

/** A unit's scorecard: every node self vs round 1 vs final, every lost point with its reason. */
export async function getScorecard(deps: Deps, actor: Actor, campaignId: number, unitId: number) {
  const c = await loadCampaign(deps.db, campaignId);
  const p = await participantOf(deps.db, campaignId, unitId);
  if (!canReadAssessment(actor, p.unit_path, p.status))
    throw new AppError('forbidden', 'forbidden_unit', { unit: p.unit_name });
  // Before round 1 is closed on the unit, its own side (officers, head, People's Council) sees
  // its self-assessment only: no round-1 score, class or rank.
  const seesAppraisal = canSeeAppraisal(actor, p.unit_path, p.status);
  const [assessment] = await assessmentsOf(deps.db, c, [p]);
  const unit: UnitAssessment = seesAppraisal
    ? assessment!
    : { ...assessment!, round1: [], round2: [], survey: null };
  const { tree } = treeFor(c, p.unit_kind, p.unit_name);
  const set = c.setup.criteriaSets.find((s) => s.unitKind === p.unit_kind)!;
  const { nodes } = compareRounds(set, unit);
  const single = computeResults(c.setup, [unit]).units[0];
  const result = await unitResultFor(deps, c, p, unit, seesAppraisal);
  const stored = result && result.stage === 'final' ? await freshResult(deps, c, p.id) : undefined;
  const history = stored
    ? ((await historyOf(deps.db, c.row.year, [stored])).get(String(unitId)) ?? null)
    : null;
  // Sub-criteria without an appraiser whose self score the chair accepted, with the reason.
  const accepted = seesAppraisal
    ? await acceptancesOf(deps.db, campaignId, p.id)
    : new Map<string, AcceptedSelfScore>();
  const kindOf = new Map<string, number>();
  const compiled = compiledTreeOf(tree);
  compiled.codes.forEach((code, i) => kindOf.set(code, compiled.kind[i] ?? 0));
  return {
    campaign: presentCampaign(c.row, deps.clock.now()),
    unit: {
      unitId: p.unit_id,
      unitCode: p.unit_code,
      unitName: p.unit_name,
      unitKind: p.unit_kind,
      status: p.status,
    },
    /** 'self': the appraisal is not open to this reader yet; the scores are self-assessed. */
    stage: seesAppraisal ? ('final' as const) : ('self' as const),
    result,
    previous: history,
    nodes: nodes.map((n) => {
      const kind = KIND_NAMES[kindOf.get(n.code) ?? 0] ?? 'normal';
      const sign = kind === 'penalty' ? -1 : 1;
      // Bonus and penalty nodes: their signed points outside the max, and their cap.
      const signed = (v: { score: number; max: number }) =>
        kind === 'normal' ? null : { points: sign * v.score, text: signedPoints(sign * v.score) };
      return {
        code: n.code,
        title: n.title,
        depth: n.depth,
        isLeaf: n.isLeaf,
        kind,
        cap: kind === 'normal' ? null : (compiled.max[compiled.indexByCode.get(n.code) ?? 0] ?? 0),
        self: n.self,
        afterRound1: n.afterRound1,
        final: n.final,
        selfPoints: signed(n.self),
        afterRound1Points: signed(n.afterRound1),
        finalPoints: signed(n.final),
        lost: n.lost,
        reason: n.reason,
        round1Reason: n.round1?.reason || null,
        disposition: n.round2?.disposition ?? null,
        selfScoreAccepted: accepted.get(n.code) ?? null,
      };
    }),
    lostPoints: single?.lostPoints ?? [],
    /** Published while provisional (no survey points): the recorded decision and its reason. */
    publishedWithoutSurvey:
      seesAppraisal && p.status === 'published' && result?.provisional
        ? presentWithoutSurvey(
            (await repo.findPublishedWithoutSurvey(deps.db, campaignId, [p.unit_id])).get(p.id),
          )
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Export

/** Results as flat rows for CSV, XLSX and the CLI's JSON. */
export async function resultsTable(deps: Deps, actor: Actor, campaignId: number) {
  const { campaign, units } = await getResults(deps, actor, campaignId);
  return {
    campaign,
    units: units.map((u) => ({
      unitCode: u.unitCode,
      unitName: u.unitName,
      unitKind: u.unitKind,
      total: u.totalHundredths / 100,
      surveyPoints: u.surveyHundredths === null ? null : u.surveyHundredths / 100,
      index: u.indexHundredths === null ? null : u.indexHundredths / 100,
      class: u.classLabel,
      rank: u.rank,
      unitsRanked: u.unitsRanked,
      maxTotal: u.maxTotalHundredths / 100,
      provisional: u.provisional,
      criteria: u.criteria.map((x) => ({
        code: x.code,
        score: x.score / 100,
        max: x.max / 100,
        rank: x.rank,
        ...(x.bonus !== 0 || x.penalty !== 0
          ? { bonus: x.bonus / 100, penalty: x.penalty / 100 }
          : {}),
      })),
      adjustments: u.adjustments.map((x) => ({
        code: x.code,
        kind: x.kind,
        points: x.points / 100,
      })),
    })),
  };
}

type Table = Awaited<ReturnType<typeof resultsTable>>;

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function columns(table: Table): string[] {
  const codes = [...new Set(table.units.flatMap((u) => u.criteria.map((c) => c.code)))];
  return codes;
}

/** CSV (UTF-8 with BOM so Excel reads the diacritics), points with a decimal point. */
export function resultsCsv(table: Table): string {
  const codes = columns(table);
  const header = [
    'unitCode',
    'unitName',
    'unitKind',
    'total',
    'surveyPoints',
    'index',
    'class',
    'rank',
    ...codes.flatMap((c) => [`c${c}_score`, `c${c}_max`, `c${c}_rank`]),
  ];
  const lines = [header.join(',')];
  for (const u of table.units) {
    const byCode = new Map(u.criteria.map((c) => [c.code, c]));
    lines.push(
      [
        u.unitCode,
        u.unitName,
        u.unitKind,
        u.total,
        u.surveyPoints,
        u.index,
        u.class,
        u.rank,
        ...codes.flatMap((c) => [
          byCode.get(c)?.score ?? null,
          byCode.get(c)?.max ?? null,
          byCode.get(c)?.rank ?? null,
        ]),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An Excel workbook of the results: one sheet, Vietnamese headers, numbers as numbers. */
export async function resultsXlsx(table: Table): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('Kết quả');
  const codes = columns(table);
  ws.addRow([table.campaign.name]);
  ws.addRow([
    'Mã đơn vị',
    'Đơn vị',
    'Loại đơn vị',
    'Tổng điểm',
    'Điểm điều tra XHH',
    'Chỉ số (%)',
    'Xếp loại',
    'Xếp hạng',
    ...codes.flatMap((c) => [`TC ${c}: điểm`, `TC ${c}: tối đa`, `TC ${c}: hạng`]),
  ]);
  ws.getRow(2).font = { bold: true };
  for (const u of table.units) {
    const byCode = new Map(u.criteria.map((c) => [c.code, c]));
    ws.addRow([
      u.unitCode,
      u.unitName,
      u.unitKind,
      u.total,
      u.surveyPoints,
      u.index,
      u.class,
      u.rank,
      ...codes.flatMap((c) => [
        byCode.get(c)?.score ?? null,
        byCode.get(c)?.max ?? null,
        byCode.get(c)?.rank ?? null,
      ]),
    ]);
  }
  for (const col of [4, 5, 6]) ws.getColumn(col).numFmt = '0.00';
  ws.getColumn(2).width = 36;
  return await workbookBytes(wb);
}

/**
 * A unit's standing for projections (the what-if of a remediation plan): its result exactly as
 * its scorecard shows it, and the indexes of the other ranked units of its kind, which are used
 * only to place the unit and never shown. null when the actor does not see an appraised result.
 */
export async function standingOf(deps: Deps, actor: Actor, campaignId: number, unitId: number) {
  const card = await getScorecard(deps, actor, campaignId, unitId);
  if (!card.result || card.result.stage !== 'final') return null;
  const c = await loadCampaign(deps.db, campaignId);
  const others = (await freshResults(deps, c))
    .filter(
      (r) =>
        r.unit_kind === card.unit.unitKind && r.unit_id !== unitId && r.index_hundredths !== null,
    )
    .map((r) => ({ id: String(r.unit_id), indexHundredths: r.index_hundredths! }));
  return {
    campaign: { id: c.row.id, name: c.row.name, year: c.row.year },
    result: card.result,
    others,
    bands: bandsOfKind(c, card.unit.unitKind),
  };
}

/**
 * Writes the survey points a sociological survey computed for some units of a campaign, marked
 * provisional while the survey is open (null points: the unit's answers give no total yet, so
 * points computed earlier are removed; points typed or imported are left alone). Every view reads
 * them from the stored results, recomputed on their next read since the units' scores changed.
 */
export async function applyComputedSurveyPoints(
  db: Queryable,
  input: {
    campaignId: number;
    points: readonly { unitId: number; pointsHundredths: number | null }[];
    provisional: boolean;
    by: number | null;
    now: Date;
  },
): Promise<number> {
  const participants = new Map(
    (await repo.findParticipants(db, input.campaignId)).map((p) => [p.unit_id, p.id]),
  );
  let applied = 0;
  for (const p of input.points) {
    const participantId = participants.get(p.unitId);
    if (participantId === undefined) continue;
    if (p.pointsHundredths === null) {
      await repo.deleteComputedSurveyPoints(db, participantId);
      continue;
    }
    await repo.saveSurveyPoints(
      db,
      input.campaignId,
      participantId,
      p.pointsHundredths,
      'survey',
      input.by,
      input.now,
      input.provisional,
    );
    applied++;
  }
  return applied;
}
