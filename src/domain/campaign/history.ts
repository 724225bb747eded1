/**
 * Year over year through lineage: a unit's previous-year result may belong to its predecessor(s)
 * after a merger (seed 000: the new xã Kim Phượng's 2022 result of 58,25 is compared with xã Quy
 * Kỳ's 65 of 2021 = 89,6 %). Given this year's results, last year's by unit id and the lineage
 * links, each unit gets its previous value and rank, the ratio (yearOverYear) and where the
 * previous value came from.
 *
 * The rule (to confirm with the product owner):
 * 1. A unit with its own previous result uses it ('own'); predecessors are still listed.
 * 2. Otherwise the lineage is walked backwards (through predecessors without a result of their
 *    own, up to MAX_HOPS links) to the nearest predecessors that have one. A path counts as a full
 *    merge only when every link on it is full.
 * 3. Full-merge predecessors are preferred; partial ones (a unit split, or a part moved) are used
 *    only when no full-merge predecessor has a result.
 * 4. With several candidates, the default 'primary' rule takes one: the largest previous max (the
 *    unit assessed on the bigger set, when a merger crossed levels), then the fewest links, then
 *    the smallest unit id. Its rank is the previous rank. The 'mean' rule instead averages the
 *    candidates' indexes (half-up) and has no previous rank, since a mean ranked nowhere.
 *    Either way every candidate is reported, so the screen can show them all.
 * Values compared are the published indexes (percent): equal to points when the max is 100, and
 * still comparable when the set or the survey share changed between years.
 */
import { divRoundHalfUp } from '../scoring/decimal.ts';
import { yearOverYear, type YearOverYear } from '../scoring/index.ts';

/** How a predecessor went into its successor. */
export type MergeType = 'full' | 'partial';

/** One lineage link (unit_lineage). */
export interface LineageLink {
  predecessorId: string;
  successorId: string;
  mergeType: MergeType;
}

/** A unit's published result of an earlier year. */
export interface PreviousResult {
  unitId: string;
  year: number;
  /** Published index in hundredths of a percent (6500 = 65,00 %). */
  indexHundredths: number;
  /** Total max of that year (appraised + survey), in hundredths; used to pick among predecessors. */
  maxHundredths: number;
  /** Rank among units of its kind that year; null when not ranked. */
  rank: number | null;
  unitsRanked: number | null;
}

/** This year's value of a unit (a UnitResult fits); null index: nothing to compare. */
export interface CurrentResult {
  unitId: string;
  index: { hundredths: number } | null;
  rank: number | null;
}

/** How several predecessors combine: one chosen predecessor, or the mean of their indexes. */
export type CombineRule = 'primary' | 'mean';

/** A previous result that could stand for a unit's past. */
export interface HistoryCandidate {
  unitId: string;
  /** 'own' for the unit itself; else full only when every link on the path is full. */
  relation: 'own' | MergeType;
  /** Lineage links walked (0 for the unit itself). */
  hops: number;
  previous: PreviousResult;
}

/** A unit's year-over-year comparison. */
export interface UnitHistory {
  unitId: string;
  source: 'own' | 'lineage' | 'none';
  /** The value compared with: a candidate's index, or the mean of several. */
  previousValue: number | null;
  previousRank: number | null;
  previousUnitsRanked: number | null;
  previousYear: number | null;
  comparison: YearOverYear | null;
  /** previous rank − current rank: positive means the unit moved up. */
  rankChange: number | null;
  /** Units whose results were used, chosen first. */
  usedUnitIds: string[];
  /** Every candidate, own first, then in the order of the rule. */
  candidates: HistoryCandidate[];
}

/** Links walked back at most; a guard against long or cyclic lineage data. */
export const MAX_HOPS = 5;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The nearest predecessors with a previous result, walking links backwards from `unitId`
 * (itself excluded), in no particular order.
 */
export function predecessorsWithResults(
  unitId: string,
  previous: ReadonlyMap<string, PreviousResult>,
  linksBySuccessor: ReadonlyMap<string, readonly LineageLink[]>,
): HistoryCandidate[] {
  const found = new Map<string, HistoryCandidate>();
  const visited = new Set<string>([unitId]);
  let frontier: { id: string; full: boolean }[] = [{ id: unitId, full: true }];
  for (let hops = 1; hops <= MAX_HOPS && frontier.length > 0; hops++) {
    const next: { id: string; full: boolean }[] = [];
    for (const { id, full } of frontier) {
      for (const link of linksBySuccessor.get(id) ?? []) {
        const pred = link.predecessorId;
        const pathFull = full && link.mergeType === 'full';
        const result = previous.get(pred);
        if (result) {
          const existing = found.get(pred);
          const candidate: HistoryCandidate = {
            unitId: pred,
            relation: pathFull ? 'full' : 'partial',
            hops,
            previous: result,
          };
          // Breadth first: the first time is the nearest; at the same distance a full path wins.
          if (!existing || (existing.hops === hops && pathFull)) found.set(pred, candidate);
          continue;
        }
        if (visited.has(pred)) continue;
        visited.add(pred);
        next.push({ id: pred, full: pathFull });
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

// Full first, then the largest previous max, the fewest links, the smallest id.
function byPreference(a: HistoryCandidate, b: HistoryCandidate): number {
  const rel = (c: HistoryCandidate): number => (c.relation === 'partial' ? 1 : 0);
  return (
    rel(a) - rel(b) ||
    b.previous.maxHundredths - a.previous.maxHundredths ||
    a.hops - b.hops ||
    byId(a.unitId, b.unitId)
  );
}

/** Groups links by successor, for repeated look-ups. */
export function indexLineage(links: readonly LineageLink[]): Map<string, LineageLink[]> {
  const map = new Map<string, LineageLink[]>();
  for (const link of links) {
    let list = map.get(link.successorId);
    if (!list) map.set(link.successorId, (list = []));
    list.push(link);
  }
  return map;
}

/**
 * Year over year for every current unit, following lineage where a unit has no previous result of
 * its own (see the module header for the rule). Output in the order of `current`.
 */
export function yearOverYearWithLineage(
  current: readonly CurrentResult[],
  previous: ReadonlyMap<string, PreviousResult>,
  links: readonly LineageLink[],
  rule: CombineRule = 'primary',
): UnitHistory[] {
  const bySuccessor = indexLineage(links);
  return current.map((unit) => {
    const own = previous.get(unit.unitId);
    const lineage = predecessorsWithResults(unit.unitId, previous, bySuccessor).sort(byPreference);
    const candidates: HistoryCandidate[] = own
      ? [{ unitId: unit.unitId, relation: 'own', hops: 0, previous: own }, ...lineage]
      : lineage;
    const empty: UnitHistory = {
      unitId: unit.unitId,
      source: 'none',
      previousValue: null,
      previousRank: null,
      previousUnitsRanked: null,
      previousYear: null,
      comparison: null,
      rankChange: null,
      usedUnitIds: [],
      candidates,
    };
    const first = candidates[0];
    if (!first) return empty;

    let used: HistoryCandidate[];
    if (own || rule === 'primary') used = [first];
    else {
      // The mean takes the preferred group only: full merges, or partial ones when no full.
      used = candidates.filter((c) => c.relation === first.relation);
    }
    const value =
      used.length === 1
        ? first.previous.indexHundredths
        : divRoundHalfUp(
            used.reduce((a, c) => a + c.previous.indexHundredths, 0),
            used.length,
          );
    const single = used.length === 1;
    const previousRank = single ? first.previous.rank : null;
    return {
      ...empty,
      source: own ? 'own' : 'lineage',
      previousValue: value,
      previousRank,
      previousUnitsRanked: single ? first.previous.unitsRanked : null,
      previousYear: first.previous.year,
      comparison: unit.index === null ? null : yearOverYear(unit.index.hundredths, value),
      rankChange: previousRank === null || unit.rank === null ? null : previousRank - unit.rank,
      usedUnitIds: used.map((c) => c.unitId),
    };
  });
}
