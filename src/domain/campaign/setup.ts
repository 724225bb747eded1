/**
 * A PAR campaign's set-up as plain data (year, units, one criteria set per unit kind, deadlines,
 * survey share and source, class bands, which appraiser scores which criteria), its validation,
 * and the two look-ups every later step needs: a unit's criteria set and whether a node is
 * assigned to an appraiser.
 *
 * Unit ids are strings here so they can feed the ranking maths directly (`rankUnits` ranks by
 * string id); the server converts its numeric ids at the edge.
 */
import type { ClassBand } from '../scoring/index.ts';
import { DEFAULT_PAR_BANDS, validateClassBands } from '../scoring/index.ts';
import { isIsoDate } from '../scoring/rules.ts';
import { compiledTreeOf, type CriteriaNode } from '../scoring/tree.ts';

/** A unit kind as the criteria sets name it: 'commune', 'department', 'district', … */
export type UnitKind = string;

/** A unit taking part in the campaign. */
export interface CampaignUnit {
  id: string;
  name: string;
  kind: UnitKind;
  /** Path in the unit tree ('/1/25/300/'), for role scopes (see access.ts). */
  path: string;
}

/** Where the survey points come from: typed in, imported from a file, or a SIPAS index. */
export type SurveySource = 'entered' | 'imported' | 'sipas';

/** The criteria set used for one unit kind, with its survey share and optional own bands. */
export interface CampaignCriteriaSet {
  id: string;
  unitKind: UnitKind;
  tree: CriteriaNode;
  /** Max survey points on top of the tree (30 in a 70 + 30 scheme); null when none. */
  surveyMaxHundredths: number | null;
  /** The campaign's own class bands for this kind; absent: the campaign's bands. */
  bands?: readonly ClassBand[];
  /** The criteria set's own class bands, used when the campaign sets none (see `bandsFor`). */
  setBands?: readonly ClassBand[];
}

/** Deadlines as ISO dates ("2023-01-15", the whole day counts) or ISO instants with an offset. */
export interface CampaignDeadlines {
  selfAssessment: string;
  round1: string;
  explanations: string;
  round2: string;
  publication: string;
}

/** The deadlines in workflow order; the order validateCampaign checks. */
export const DEADLINE_ORDER: readonly (keyof CampaignDeadlines)[] = [
  'selfAssessment',
  'round1',
  'explanations',
  'round2',
  'publication',
];

/** Vietnamese names of the deadlines, for messages. */
export const DEADLINE_LABELS: Readonly<Record<keyof CampaignDeadlines, string>> = {
  selfAssessment: 'Hạn tự đánh giá, chấm điểm',
  round1: 'Hạn thẩm định vòng 1',
  explanations: 'Hạn giải trình',
  round2: 'Hạn thẩm định vòng 2',
  publication: 'Hạn công bố kết quả',
};

/** Nodes an appraiser account scores; a code covers its whole subtree ('2' covers '2.3.1'). */
export interface AppraiserAssignment {
  userId: number;
  nodeCodes: readonly string[];
  /** Limits the assignment to one unit kind's set; absent: every set of the campaign. */
  unitKind?: UnitKind;
}

/** Set-up status: units act only while the campaign is open. */
export type CampaignStatus = 'setup' | 'open' | 'closed';

/** Everything the standing agency decides when it opens a campaign. */
export interface CampaignSetup {
  id: string;
  year: number;
  name: string;
  status: CampaignStatus;
  units: readonly CampaignUnit[];
  criteriaSets: readonly CampaignCriteriaSet[];
  deadlines: CampaignDeadlines;
  surveySource: SurveySource;
  /**
   * Class bands of the campaign (a kind may override them); empty: each criteria set's own, else
   * the defaults.
   */
  bands: readonly ClassBand[];
  assignments: readonly AppraiserAssignment[];
}

/** A set-up problem located at a field ('deadlines.round1', 'units[3]', …). */
export interface SetupProblem {
  field: string;
  message: string;
}

/** The criteria set for a unit kind, or undefined when the campaign has none for it. */
export function criteriaSetFor(
  campaign: Pick<CampaignSetup, 'criteriaSets'>,
  unitKind: UnitKind,
): CampaignCriteriaSet | undefined {
  return campaign.criteriaSets.find((s) => s.unitKind === unitKind);
}

/** Whether `code` is `scope` or lies under it ('' is the whole set). */
export function codeIsWithin(code: string, scope: string): boolean {
  return scope === '' || code === scope || code.startsWith(`${scope}.`);
}

/** Whether the appraiser `userId` scores node `code` of the set used for `unitKind`. */
export function isAssigned(
  assignments: readonly AppraiserAssignment[],
  userId: number,
  unitKind: UnitKind,
  code: string,
): boolean {
  return assignments.some(
    (a) =>
      a.userId === userId &&
      (a.unitKind === undefined || a.unitKind === unitKind) &&
      a.nodeCodes.some((scope) => codeIsWithin(code, scope)),
  );
}

/** A sub-criterion (leaf) of a unit kind's set that no appraiser is assigned to. */
export interface UnappraisedLeaf {
  code: string;
  title: string;
  maxHundredths: number;
}

/**
 * Appraisal coverage (ADR 26): the leaves of the set used for `unitKind` that no assignment
 * covers, in the set's order. Bonus and penalty leaves count too: they are appraised like any
 * other. Empty when every leaf has an appraiser, or when the campaign has no set for the kind.
 */
export function unappraisedLeaves(
  campaign: Pick<CampaignSetup, 'criteriaSets' | 'assignments'>,
  unitKind: UnitKind,
): UnappraisedLeaf[] {
  const set = criteriaSetFor(campaign, unitKind);
  if (!set) return [];
  const compiled = compiledTreeOf(set.tree);
  const mine = campaign.assignments.filter(
    (a) => a.unitKind === undefined || a.unitKind === unitKind,
  );
  const out: UnappraisedLeaf[] = [];
  for (const i of compiled.leaves) {
    const code = compiled.codes[i] ?? '';
    if (mine.some((a) => a.nodeCodes.some((scope) => codeIsWithin(code, scope)))) continue;
    out.push({
      code,
      title: compiled.nodes[i]?.title ?? '',
      maxHundredths: compiled.max[i] ?? 0,
    });
  }
  return out;
}

/**
 * The unappraised leaves that still block closing round 1 or approving a result on a unit: those
 * whose self score the council chair has not accepted for it (`accepted`: codes accepted).
 */
export function unacceptedLeaves(
  unappraised: readonly UnappraisedLeaf[],
  accepted: ReadonlySet<string>,
): UnappraisedLeaf[] {
  return unappraised.filter((leaf) => !accepted.has(leaf.code));
}

/** Milliseconds since the epoch at which a deadline ends; NaN when it is not a valid date. */
export function deadlineEnd(deadline: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
    if (!isIsoDate(deadline)) return Number.NaN;
    const [y, m, d] = deadline.split('-').map(Number);
    // A date deadline includes the whole day in Vietnam time (UTC+7, no daylight saving).
    return Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1) - 7 * 3_600_000;
  }
  // Instants must carry an offset: a bare local time would depend on the server's time zone.
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(deadline)) return Number.NaN;
  return Date.parse(deadline);
}

/** Whether `now` is after the deadline (a date deadline lasts until the end of that day). */
export function isPastDeadline(deadline: string, now: Date): boolean {
  const end = deadlineEnd(deadline);
  return Number.isNaN(end) || now.getTime() >= end;
}

/**
 * Checks a campaign set-up: name and year, units (unique ids, a criteria set for each kind),
 * criteria sets (one per kind, survey max), deadlines (valid and in workflow order), class bands,
 * and assignments (codes that exist in the sets they apply to). Messages are Vietnamese.
 */
export function validateCampaign(campaign: CampaignSetup): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  if (campaign.name.trim() === '') add('name', 'Chưa đặt tên đợt đánh giá');
  if (!Number.isInteger(campaign.year) || campaign.year < 2000 || campaign.year > 2200) {
    add('year', 'Năm đánh giá không hợp lệ');
  }

  const kinds = new Set<string>();
  campaign.criteriaSets.forEach((set, i) => {
    if (kinds.has(set.unitKind)) {
      add(`criteriaSets[${i}]`, `Loại đơn vị “${set.unitKind}” có hơn một bộ chỉ số`);
    }
    kinds.add(set.unitKind);
    const survey = set.surveyMaxHundredths;
    if (survey !== null && (!Number.isSafeInteger(survey) || survey < 0)) {
      add(`criteriaSets[${i}].surveyMaxHundredths`, 'Điểm tối đa điều tra xã hội học không hợp lệ');
    }
    if (survey === null && campaign.surveySource === 'sipas') {
      add(
        `criteriaSets[${i}].surveyMaxHundredths`,
        'Lấy điểm điều tra từ chỉ số SIPAS nhưng bộ chỉ số chưa có điểm tối đa phần điều tra',
      );
    }
    if (set.bands) {
      for (const message of validateClassBands(set.bands)) add(`criteriaSets[${i}].bands`, message);
    }
  });

  if (campaign.units.length === 0) add('units', 'Chưa chọn đơn vị tham gia');
  const ids = new Set<string>();
  campaign.units.forEach((unit, i) => {
    if (ids.has(unit.id)) add(`units[${i}]`, `Đơn vị “${unit.name}” được chọn hai lần`);
    ids.add(unit.id);
    if (!kinds.has(unit.kind)) {
      add(`units[${i}]`, `Chưa có bộ chỉ số cho loại đơn vị của “${unit.name}”`);
    }
  });

  let previous: { key: keyof CampaignDeadlines; end: number } | null = null;
  for (const key of DEADLINE_ORDER) {
    const end = deadlineEnd(campaign.deadlines[key]);
    if (Number.isNaN(end)) {
      add(`deadlines.${key}`, `${DEADLINE_LABELS[key]} không phải ngày hợp lệ`);
      continue;
    }
    if (previous && end < previous.end) {
      add(
        `deadlines.${key}`,
        `${DEADLINE_LABELS[key]} phải sau ${DEADLINE_LABELS[previous.key].toLowerCase()}`,
      );
    }
    previous = { key, end };
  }

  if (campaign.bands.length > 0)
    for (const message of validateClassBands(campaign.bands)) add('bands', message);

  campaign.assignments.forEach((assignment, i) => {
    const sets = campaign.criteriaSets.filter(
      (s) => assignment.unitKind === undefined || s.unitKind === assignment.unitKind,
    );
    if (sets.length === 0) {
      add(`assignments[${i}]`, 'Phân công thẩm định cho loại đơn vị không có bộ chỉ số');
      return;
    }
    if (assignment.nodeCodes.length === 0) {
      add(`assignments[${i}]`, 'Phân công thẩm định chưa có tiêu chí nào');
    }
    for (const code of assignment.nodeCodes) {
      if (code !== '' && !sets.some((s) => compiledTreeOf(s.tree).indexByCode.has(code))) {
        add(`assignments[${i}]`, `Mã “${code}” không có trong bộ chỉ số được phân công`);
      }
    }
  });
  return problems;
}

/**
 * Named class-band choices of a campaign: `mac-dinh` the four default bands, `bo-chi-so` none of
 * its own (each criteria set's bands, else the defaults: see `bandsFor`).
 */
export const CAMPAIGN_BAND_PRESETS: Readonly<Record<string, readonly ClassBand[] | null>> = {
  'mac-dinh': DEFAULT_PAR_BANDS,
  'bo-chi-so': null,
};

/**
 * A campaign's own class bands from a preset name or the text of a JSON file (an array of
 * `{label, fromPercent, toPercent, toInclusive?}` in hundredths of a percent): the bands (null:
 * none of its own) or the problems, in Vietnamese.
 */
export function campaignBandsFrom(
  presetOrJson: string,
): { ok: true; bands: ClassBand[] | null } | { ok: false; problems: string[] } {
  if (Object.hasOwn(CAMPAIGN_BAND_PRESETS, presetOrJson)) {
    const preset = CAMPAIGN_BAND_PRESETS[presetOrJson] ?? null;
    return { ok: true, bands: preset === null ? null : preset.map((b) => ({ ...b })) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(presetOrJson.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: ['Mức xếp loại không phải JSON hợp lệ'] };
  }
  if (!Array.isArray(parsed))
    return { ok: false, problems: ['Mức xếp loại phải là một danh sách các mức'] };
  const bands: ClassBand[] = [];
  const problems: string[] = [];
  parsed.forEach((item: unknown, i) => {
    const b = item as Partial<Record<keyof ClassBand, unknown>> | null;
    if (
      b === null ||
      typeof b !== 'object' ||
      typeof b.label !== 'string' ||
      typeof b.fromPercent !== 'number' ||
      !(b.toPercent === null || typeof b.toPercent === 'number') ||
      !(b.toInclusive === undefined || typeof b.toInclusive === 'boolean')
    ) {
      problems.push(
        `Mức thứ ${i + 1} phải có label, fromPercent, toPercent (số phần trăm × 100, hoặc null)`,
      );
      return;
    }
    bands.push({
      label: b.label,
      fromPercent: b.fromPercent,
      toPercent: b.toPercent as number | null,
      ...(b.toInclusive === true ? { toInclusive: true } : {}),
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  const invalid = validateClassBands(bands);
  return invalid.length > 0 ? { ok: false, problems: invalid } : { ok: true, bands };
}
