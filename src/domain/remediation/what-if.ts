/**
 * What-if: the index, class and rank a unit would reach if a chosen set of its lost points were
 * won back, against the other units' current results. Pure; scores in hundredths.
 *
 * The projection adds back each chosen item's lost points (max − appraised) to the appraised
 * total, capped at the appraised max; the survey part stays as it is. Items are counted once per
 * code. Other units keep their current index; ties share a rank as in the published ranking.
 */
import { classify, computeIndex, rankUnits, type ClassBand } from '../scoring/index.ts';

/** The unit's current result. */
export interface WhatIfUnit {
  id: string;
  appraised: number;
  maxAppraised: number;
  /** null: no survey part, or its points are not in yet (the index then leaves it out). */
  survey: number | null;
  maxSurvey: number | null;
}

/** Another unit of the same kind with its current index (hundredths of a percent). */
export interface OtherUnit {
  id: string;
  indexHundredths: number;
}

/** An item that could be fixed: its code and the points it lost. */
export interface FixableItem {
  code: string;
  lost: number;
}

export interface Standing {
  appraised: number;
  indexHundredths: number;
  classLabel: string | null;
  rank: number;
  unitsRanked: number;
}

export interface Projection {
  current: Standing;
  projected: Standing;
  /** Points won back (after the cap). */
  gained: number;
  /** Index gained, hundredths of a percent. */
  indexGained: number;
}

function standing(
  unit: WhatIfUnit,
  appraised: number,
  others: readonly OtherUnit[],
  bands: readonly ClassBand[],
): Standing {
  const withSurvey = unit.survey !== null && unit.maxSurvey !== null;
  const index = computeIndex(
    withSurvey
      ? {
          appraised,
          maxAppraised: unit.maxAppraised,
          survey: unit.survey ?? 0,
          maxSurvey: unit.maxSurvey ?? 0,
        }
      : { appraised, maxAppraised: unit.maxAppraised },
  );
  const ranked = rankUnits([
    ...others.filter((o) => o.id !== unit.id).map((o) => ({ id: o.id, value: o.indexHundredths })),
    { id: unit.id, value: index.hundredths },
  ]);
  return {
    appraised,
    indexHundredths: index.hundredths,
    classLabel: classify(index.hundredths, bands),
    rank: ranked.find((r) => r.id === unit.id)?.rank ?? ranked.length,
    unitsRanked: ranked.length,
  };
}

/** The unit's standing now and if the chosen items were fixed. */
export function projectFixes(
  unit: WhatIfUnit,
  items: readonly FixableItem[],
  chosen: ReadonlySet<string>,
  others: readonly OtherUnit[],
  bands: readonly ClassBand[],
): Projection {
  if (unit.maxAppraised <= 0) throw new RangeError('the unit has no appraised max');
  const counted = new Set<string>();
  let add = 0;
  for (const item of items) {
    if (!chosen.has(item.code) || counted.has(item.code)) continue;
    counted.add(item.code);
    if (Number.isSafeInteger(item.lost) && item.lost > 0) add += item.lost;
  }
  const projectedAppraised = Math.min(unit.maxAppraised, unit.appraised + add);
  const current = standing(unit, unit.appraised, others, bands);
  const projected = standing(unit, projectedAppraised, others, bands);
  return {
    current,
    projected,
    gained: projectedAppraised - unit.appraised,
    indexGained: projected.indexHundredths - current.indexHundredths,
  };
}

/**
 * Each item alone: what fixing it would gain, most gained first, so effort goes where it pays
 * (an item that moves the class or the rank is listed with its new class and rank).
 */
export function gainsPerItem(
  unit: WhatIfUnit,
  items: readonly FixableItem[],
  others: readonly OtherUnit[],
  bands: readonly ClassBand[],
): { code: string; projection: Projection }[] {
  return items
    .map((item) => ({
      code: item.code,
      projection: projectFixes(unit, [item], new Set([item.code]), others, bands),
    }))
    .sort(
      (a, b) =>
        b.projection.indexGained - a.projection.indexGained ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}
