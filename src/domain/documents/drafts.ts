/**
 * What goes into each drafted document: pure functions from the product's results to the values
 * of a template's placeholders, already written as an official document writes them (decimal
 * comma, dates in words, counts with a leading zero as the seeds do: "01/17 đơn vị"). Narrative
 * parts are pre-filled from the data and left for the office to edit in Word.
 */
import { formatDateInWords, formatDateShort, formatHundredths } from '../format.ts';

/** The Decree 30 header, recipients and signing block shared by every document. */
export interface CommonFields {
  parentBody: string;
  issuingBody: string;
  symbol: string;
  placeDate: string;
  typeName: string;
  summary: string;
  recipients: { text: string }[];
  signAuthority: string;
  signTitle: string;
  signerName: string;
}

/** A unit as a document names it. */
export interface UnitRef {
  name: string;
  /** The unit above it (district or province), null at the top. */
  parentName: string | null;
}

const ADMINISTRATIVE_PREFIXES = [
  'Thành phố',
  'Thị trấn',
  'Thị xã',
  'Đặc khu',
  'Phường',
  'Huyện',
  'Quận',
  'Tỉnh',
  'Xã',
];

function prefixOf(name: string): string | null {
  const lower = name.toLocaleLowerCase('vi');
  return (
    ADMINISTRATIVE_PREFIXES.find((p) => lower.startsWith(`${p.toLocaleLowerCase('vi')} `)) ?? null
  );
}

/** "Xã Quy Kỳ" → "UBND XÃ QUY KỲ"; "Phòng Nội vụ" → "PHÒNG NỘI VỤ". */
export function bodyName(unitName: string): string {
  const upper = unitName.toLocaleUpperCase('vi');
  return prefixOf(unitName) ? `UBND ${upper}` : upper;
}

/** "Xã Quy Kỳ" → "Quy Kỳ" (the place written before the date). */
export function placeName(unitName: string): string {
  const prefix = prefixOf(unitName);
  return prefix ? unitName.slice(prefix.length + 1).trim() : unitName;
}

/** "Xã Quy Kỳ" → "xã Quy Kỳ" (inside a sentence). */
export function inSentence(unitName: string): string {
  return prefixOf(unitName)
    ? unitName.charAt(0).toLocaleLowerCase('vi') + unitName.slice(1)
    : unitName;
}

/** "Xã Quy Kỳ" → "UBND xã Quy Kỳ" (the body inside a sentence). */
export function bodyInSentence(unitName: string): string {
  return prefixOf(unitName) ? `UBND ${inSentence(unitName)}` : unitName;
}

/** Points without trailing zeros, as the seeds write them: 6500 → "65", 5870 → "58,7", 5825 → "58,25". */
export function points(hundredths: number): string {
  const text = formatHundredths(hundredths, 2);
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
}

/** Counts of units with the leading zero the seeds use under ten: 1 → "01", 14 → "14"; none is "0". */
export const count2 = (n: number): string => (n === 0 ? '0' : String(n).padStart(2, '0'));

/**
 * Characters of a header line that fit the left column of the Decree 30 header on one line (bold
 * capitals, 12 pt); a longer name is broken where the seeds break it, never inside a name.
 */
export const HEADER_LINE_CHARS = 22;

/**
 * An issuing body's name as the header prints it: "UBND XÃ QUY KỲ" on one line; a name too long
 * for the column as "ỦY BAN NHÂN DÂN" over the place ("HUYỆN ĐIỆN BIÊN ĐÔNG"); any other long
 * name broken between words at the line nearest the middle, so no word is split.
 */
export function headerLines(upperName: string): string {
  if (upperName.length <= HEADER_LINE_CHARS) return upperName;
  if (upperName.startsWith('UBND ')) {
    const place = upperName.slice(5);
    if (place.length <= HEADER_LINE_CHARS) return `ỦY BAN NHÂN DÂN\n${place}`;
    return `ỦY BAN NHÂN DÂN\n${headerLines(place)}`;
  }
  const words = upperName.split(' ');
  let best = 1;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ').length;
    const b = words.slice(i).join(' ').length;
    const bestA = words.slice(0, best).join(' ').length;
    const bestB = words.slice(best).join(' ').length;
    if (Math.max(a, b) < Math.max(bestA, bestB)) best = i;
  }
  return `${words.slice(0, best).join(' ')}\n${words.slice(best).join(' ')}`;
}

/** "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" → its authority line and the title under it. */
function splitSignTitle(title: string): { authority: string | null; title: string } {
  const lines = title
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1 && /^(TM|KT|TL|TUQ|Q)\.\s*/iu.test(lines[0]!))
    return { authority: lines[0]!, title: lines.slice(1).join('\n') };
  if (lines.length === 1 && /^(TM|TL|TUQ)\.\s*/iu.test(lines[0]!))
    return { authority: lines[0]!, title: '' };
  return { authority: null, title: lines.join('\n') };
}

/** The header, title and signing block of a document issued by `issuer` on `date`. */
export function commonFields(input: {
  issuer: UnitRef;
  date: string;
  /** "BC", "KH", "TB". */
  symbolCode: string;
  typeName: string;
  summary: string;
  recipients: string[];
  signerName: string | null;
  /** The People's Council issues it (a supervision notice) rather than the People's Committee. */
  council?: boolean;
  /** The number when already given ("04"); blank for the clerk otherwise, as the seeds do. */
  number?: string;
  /** Overrides of the signing block. */
  signTitle?: string;
  place?: string;
}): CommonFields {
  const isAdministrative = prefixOf(input.issuer.name) !== null;
  // The file copy is listed once: the document's own "Lưu: VT, VP" replaces the default one.
  const givenRecipients = input.recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–+]\s*/u, '')
        .replace(/[;.,]+$/u, ''),
    )
    .filter(Boolean);
  const recipients = givenRecipients.some((r) => /^lưu\s*:/iu.test(r))
    ? [
        ...givenRecipients.filter((r) => !/^lưu\s*:/iu.test(r)),
        givenRecipients.find((r) => /^lưu\s*:/iu.test(r))!,
      ]
    : [...givenRecipients, 'Lưu: VT'];
  // A number may come with its symbol ("04/TB-HĐND", or "/TB-HĐND" with the number still blank).
  const given = input.number?.trim() ?? '';
  const sign = splitSignTitle(input.signTitle ?? '');
  const symbol = given.includes('/')
    ? `Số: ${given.startsWith('/') ? `      ${given}` : given}`
    : `Số: ${given || '      '}/${input.symbolCode}-${input.council ? 'HĐND' : prefixOf(input.issuer.name) ? 'UBND' : 'CQ'}`;
  return {
    parentBody:
      input.issuer.parentName && !input.council
        ? headerLines(bodyName(input.issuer.parentName))
        : '',
    issuingBody: input.council
      ? `HỘI ĐỒNG NHÂN DÂN\n${headerLines(input.issuer.name.toLocaleUpperCase('vi'))}`
      : headerLines(bodyName(input.issuer.name)),
    symbol,
    placeDate: `${input.place?.trim() || placeName(input.issuer.name)}, ${formatDateInWords(input.date)}`,
    typeName: input.typeName,
    summary: input.summary,
    recipients: recipients.map((r, i) => ({
      text: `- ${r}${i < recipients.length - 1 ? ';' : '.'}`,
    })),
    // A title typed with its authority line ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") prints it once.
    signAuthority:
      sign.authority?.toLocaleUpperCase('vi') ??
      (input.council
        ? 'TM. THƯỜNG TRỰC HĐND'
        : isAdministrative
          ? 'TM. ỦY BAN NHÂN DÂN'
          : 'THỦ TRƯỞNG CƠ QUAN'),
    signTitle: sign.title
      ? sign.title.toLocaleUpperCase('vi')
      : sign.authority
        ? ''
        : input.council || isAdministrative
          ? 'CHỦ TỊCH'
          : '',
    signerName: input.signerName?.trim() ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Self-assessment report (seed 000)

export interface ScoredCriterion {
  code: string;
  title: string;
  /** Hundredths. */
  score: number;
  max: number;
  /** Bonus minus penalty points counted in the criterion outside its max (hundredths; absent: 0). */
  adjustment?: number;
}

export interface LostItem {
  code: string;
  title: string;
  max: number;
  final: number;
  reason: string | null;
}

export interface SipasFieldRow {
  label: string;
  valid: number;
  /** Cells from "Rất hài lòng" down to "Rất không hài lòng": count and "71,43 %". */
  cells: { count: number; text: string }[];
  /** "71,43 %" */
  satisfiedText: string;
}

export interface SelfAssessmentInput {
  unit: UnitRef;
  year: number;
  date: string;
  signerName: string | null;
  totalHundredths: number;
  maxTotalHundredths: number;
  classLabel: string | null;
  rank: number | null;
  unitsRanked: number | null;
  /**
   * 'self': drafted before the appraisal is open to the unit; the figures are its own
   * self-assessment (no class, no rank). Absent: 'final'.
   */
  stage?: 'self' | 'final';
  /** The survey points are not in yet: total and max are the appraised part alone. */
  provisional?: boolean;
  criteria: ScoredCriterion[];
  lost: LostItem[];
  previous: { year: number; totalHundredths: number | null; ratioText: string | null } | null;
  sipas: {
    indexText: string;
    fields: SipasFieldRow[];
    /** Forms counted, which levels count as satisfied, how the overall index is taken. */
    responses?: number;
    satisfiedLabel?: string;
    methodLabel?: string;
    elements?: { name: string; indexText: string }[];
  } | null;
  /** Solutions per criterion (criterion or sub-criterion code), from the remediation plan. */
  solutions?: { code: string; text: string }[];
}

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];

/** Bonus or penalty points with their sign and two decimals: 50 → "+0,50", −25 → "−0,25". */
export const signedPoints = (hundredths: number): string =>
  `${hundredths < 0 ? '−' : '+'}${formatHundredths(Math.abs(hundredths), 2)}`;

/**
 * How a criterion's result reads: "đạt 6/10 điểm", or for a criterion that only holds bonus and
 * penalty points (max 0) those points ("+0,50 điểm").
 */
export function resultText(score: number, max: number, adjustment: number): string {
  if (max === 0) return `${signedPoints(adjustment)} điểm`;
  return `đạt ${points(score)}/${points(max)} điểm`;
}

/** A reason as quoted inside a line: no trailing full stop or semicolon before what follows. */
const inLine = (text: string): string => text.trim().replace(/[.;,:\s]+$/u, '');

const cellText = (c: { count: number; text: string } | undefined): string =>
  c ? `${c.count} (${c.text.replace(/\s%/u, '%')})` : '';

export function selfAssessmentReport(input: SelfAssessmentInput) {
  const unit = inSentence(input.unit.name);
  const summary = `Kết quả tự đánh giá chỉ số cải cách hành chính, sự hài lòng của tổ chức, cá nhân đối với sự phục vụ hành chính năm ${input.year} của ${bodyInSentence(input.unit.name)}`;
  const total = points(input.totalHundredths);
  const prev = input.previous;
  const yearOverYear =
    prev && prev.totalHundredths !== null
      ? `Chỉ số điểm cải cách hành chính năm ${prev.year} đạt ${points(prev.totalHundredths)} điểm; năm ${input.year} đạt ${total} điểm${prev.ratioText ? ` = ${prev.ratioText} so với cùng kỳ năm ${prev.year}` : ''}.`
      : `Năm ${input.year} đạt ${total} điểm; chưa có kết quả năm ${input.year - 1} để so sánh.`;
  const byCriterion = new Map<string, LostItem[]>();
  for (const item of input.lost) {
    const top = input.criteria.find(
      (c) => item.code === c.code || item.code.startsWith(`${c.code}.`),
    );
    const key = top?.code ?? '';
    byCriterion.set(key, [...(byCriterion.get(key) ?? []), item]);
  }
  // Seed 000 lists every criterion under II.3, one at its max saying so.
  const lostGroups = input.criteria
    .filter((c) => c.max > 0)
    .map((c, i) => ({
      number: `3.${i + 1}`,
      title: c.title,
      full: !byCriterion.has(c.code),
      items: (byCriterion.get(c.code) ?? []).map((item) => ({
        // A criterion scored as a whole (no sub-criteria entered) is one item of its own group.
        title: item.code === c.code ? 'Điểm chung của tiêu chí' : item.title,
        reason: inLine(item.reason ?? 'chưa ghi lý do'),
        final: points(item.final),
        max: points(item.max),
      })),
    }));
  const zeroCount = input.lost.filter((l) => l.final === 0).length;
  const selfOnly = input.stage === 'self';
  const classText = selfOnly ? 'chưa xếp loại' : (input.classLabel ?? 'chưa xếp loại');
  const rankText =
    selfOnly || input.rank === null ? '' : `, xếp hạng ${input.rank}/${input.unitsRanked ?? ''}`;
  const figure = `${total}/${points(input.maxTotalHundredths)} điểm${
    input.provisional ? ' (tạm tính — chưa có điểm điều tra xã hội học)' : ''
  }`;
  const resultSentence = selfOnly
    ? `Theo kết quả tự đánh giá của đơn vị (chưa được cấp trên thẩm định), chỉ số cải cách hành chính năm ${input.year} của ${unit} tự chấm đạt ${figure}.`
    : `Sau khi thực hiện tự đánh giá và được cấp trên thẩm định, chỉ số cải cách hành chính năm ${input.year} của ${unit} đạt ${figure}, xếp loại ${classText}${rankText}.`;
  return {
    ...commonFields({
      issuer: input.unit,
      date: input.date,
      symbolCode: 'BC',
      typeName: 'BÁO CÁO',
      summary,
      recipients: [
        input.unit.parentName ? `${bodyInSentence(input.unit.parentName)} (b/c)` : 'Cấp trên (b/c)',
      ],
      signerName: input.signerName,
    }),
    unitName: unit,
    year: String(input.year),
    previousYear: String(input.year - 1),
    total,
    maxTotal: points(input.maxTotalHundredths),
    classLabel: classText,
    rankText,
    resultSentence,
    yearOverYear,
    organisationText: `${bodyInSentence(input.unit.name)} đã triển khai các văn bản chỉ đạo của cấp trên về cải cách hành chính năm ${input.year}, thực hiện tự đánh giá, chấm điểm theo Bộ chỉ số và cập nhật tài liệu kiểm chứng lên hệ thống.`,
    criteria: input.criteria.map((c) => ({
      title: c.title,
      score: points(c.score),
      max: points(c.max),
      resultText: resultText(c.score, c.max, c.adjustment ?? 0),
      // Bonus and penalty inside a scored criterion; a bonus-only criterion shows them as its result.
      adjustment:
        (c.adjustment ?? 0) === 0 || c.max === 0
          ? ''
          : ` (điểm thưởng, điểm trừ: ${signedPoints(c.adjustment ?? 0)})`,
    })),
    lostGroups,
    hasSipas: input.sipas !== null,
    sipasOverall: input.sipas
      ? `Năm ${input.year} kết quả chỉ số hài lòng đối với sự phục vụ của cơ quan hành chính ${unit} đạt ${input.sipas.indexText}.`
      : '',
    sipasFields: (input.sipas?.fields ?? []).map((f) => ({
      field: f.label,
      answers: String(f.valid),
      verySatisfied: cellText(f.cells[0]),
      satisfied: cellText(f.cells[1]),
      neutral: cellText(f.cells[2]),
      dissatisfied: cellText(f.cells[3]),
      veryDissatisfied: cellText(f.cells[4]),
      satisfiedShare: f.satisfiedText,
    })),
    hasSolutions: (input.solutions ?? []).length > 0,
    solutionGroups: input.criteria
      .map((c) => ({
        title: c.title,
        items: (input.solutions ?? [])
          .filter((x) => x.code === c.code || x.code.startsWith(`${c.code}.`))
          .map((x) => ({ text: x.text })),
      }))
      .filter((g) => g.items.length > 0)
      .map((g, i) => ({ number: String(i + 1), ...g })),
    sipasMethodText: input.sipas
      ? `Đo lường sự hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước được đánh giá qua ${count2(input.sipas.elements?.length ?? 5)} yếu tố của dịch vụ hành chính công:`
      : '',
    sipasElements: (input.sipas?.elements ?? []).map((e, i) => ({
      letter: LETTERS[i] ?? String(i + 1),
      name: e.name,
      index: e.indexText,
    })),
    sipasCountsText: input.sipas
      ? `Tổng số phiếu hợp lệ: ${input.sipas.responses ?? input.sipas.fields.reduce((s, f) => s + f.valid, 0)} phiếu; tỷ lệ hài lòng tính theo mức ${input.sipas.satisfiedLabel ?? 'Hài lòng'}${input.sipas.methodLabel ? `; chỉ số chung: ${input.sipas.methodLabel.charAt(0).toLocaleLowerCase('vi')}${input.sipas.methodLabel.slice(1)}` : ''}.`
      : '',
    causesText: `Năm ${input.year} còn ${input.lost.length} tiêu chí, tiêu chí thành phần chưa đạt điểm tối đa, trong đó ${zeroCount} tiêu chí thành phần không đạt điểm (chi tiết tại mục II.3).`,
    solutionsText:
      'Rà soát từng tiêu chí, tiêu chí thành phần bị trừ điểm; xây dựng kế hoạch khắc phục với nhiệm vụ, sản phẩm đầu ra, người thực hiện và thời hạn cụ thể; cập nhật đầy đủ tài liệu kiểm chứng có ký số đúng ngày ban hành.',
    recommendationsText:
      'Đề nghị cơ quan thường trực tiếp tục hướng dẫn, hỗ trợ đơn vị trong quá trình tự đánh giá.',
  };
}

// ---------------------------------------------------------------------------------------------
// Report of a campaign's results (seed 004)

export interface KindResults {
  kindName: string;
  units: number;
  averageHundredths: number;
  maxHundredths: number;
  best: { name: string; hundredths: number } | null;
  /** How a unit of the kind is counted in seed 004's sentences: "12 cơ quan", "17 đơn vị". */
  noun?: string;
  /** Units with every appraised point ("có 02 đơn vị đạt 70/70 điểm: …"). */
  fullMarks?: string[];
  /** The survey's share of the kind's scale (hundredths), when the kind's set has one. */
  surveyMaxHundredths?: number | null;
  /** The criteria set the kind was scored with. */
  setName?: string | null;
  /**
   * A kind of one unit: its index the year before and this year (hundredths of a percent), for
   * seed 004's "cao hơn năm 2021 là 3,76 điểm; năm 2021 đạt 90,53/100 điểm".
   */
  previous?: { year: number; indexHundredths: number; currentIndexHundredths: number } | null;
  /** In band order (best first), each with the units in it. */
  classes: { label: string; count: number; shareText: string; unitNames: string[] }[];
  criteria: {
    title: string;
    averageHundredths: number;
    maxHundredths: number;
    /** Average bonus minus penalty (hundredths), shown for a criterion of max 0. */
    averageAdjustmentHundredths?: number;
  }[];
}

/**
 * Seed 004's comparison with the year before, for a kind of one unit: " (cao hơn năm 2021 là
 * 3,76 điểm; năm 2021 đạt 90,53/100 điểm)". On a 100-point scale the index is the points; on
 * another it is compared as a percentage.
 */
function yearOverYear(k: KindResults): string {
  const p = k.previous;
  if (!p) return '';
  const onHundred = k.maxHundredths === 10000;
  const unit = onHundred ? ' điểm' : ' điểm phần trăm';
  const diff = p.currentIndexHundredths - p.indexHundredths;
  const then = onHundred
    ? `${points(p.indexHundredths)}/100 điểm`
    : `${points(p.indexHundredths)}%`;
  const change =
    diff === 0
      ? `bằng năm ${p.year}`
      : `${diff > 0 ? 'cao' : 'thấp'} hơn năm ${p.year} là ${points(Math.abs(diff))}${unit}`;
  return ` (${change}; năm ${p.year} đạt ${then})`;
}

export interface CampaignReportInput {
  issuer: UnitRef;
  date: string;
  signerName: string | null;
  campaignName: string;
  year: number;
  kinds: KindResults[];
  surveyMaxText: string | null;
  /**
   * How the year ran (seed 004, II): the self-assessment deadline and how many units submitted,
   * the appraisers assigned, the deadlines of the two rounds and of the explanations between.
   */
  progress?: {
    selfAssessmentDeadline: string;
    participants: number;
    /** Null when the results were imported, so who submitted is not known. */
    submitted: number | null;
    appraisers: number;
    round1Deadline: string;
    explanationsDeadline: string;
    round2Deadline: string;
    /** Units that never sent their self-assessment. */
    notSubmitted: string[];
  } | null;
  /** The survey linked to the campaign, over the issuer's area, when it has results. */
  sipas?: { indexText: string; elements: { element: string; indexText: string }[] } | null;
  annex: {
    rank: number | null;
    unitName: string;
    kindName: string;
    appraisedHundredths: number;
    surveyHundredths: number | null;
    indexText: string | null;
    classLabel: string | null;
  }[];
  /**
   * The campaign's sociological survey (ADR 35), once open: per unit its survey points, each
   * node's points and the responses per respondent group; provisional while the survey is open.
   */
  socialSurvey?: {
    provisional: boolean;
    units: {
      unitName: string;
      pointsHundredths: number | null;
      maxHundredths: number | null;
      nodes: { title: string; pointsHundredths: number | null; maxHundredths: number }[];
      groups: { name: string; responses: number }[];
    }[];
  } | null;
}

/**
 * One unit's line of the survey part: "- Xã A: 25,5/30 điểm (Nút 1: 2,5/3 điểm; Nút 2: 23/27
 * điểm); số phiếu: Lãnh đạo UBND xã 20, Công chức 75."
 */
function surveyUnitLine(
  u: NonNullable<CampaignReportInput['socialSurvey']>['units'][number],
): string {
  const nodes = u.nodes
    .map(
      (n) =>
        `${n.title}: ${n.pointsHundredths === null ? 'chưa đủ phiếu' : `${points(n.pointsHundredths)}/${points(n.maxHundredths)} điểm`}`,
    )
    .join('; ');
  const total =
    u.pointsHundredths === null
      ? 'chưa đủ phiếu để tính điểm'
      : `${points(u.pointsHundredths)}${u.maxHundredths === null ? '' : `/${points(u.maxHundredths)}`} điểm`;
  const responses = u.groups.map((g) => `${g.name} ${g.responses}`).join(', ');
  return `- ${u.unitName}: ${total}${nodes ? ` (${nodes})` : ''}; số phiếu: ${responses || '0'}.`;
}

/** "93,37 %" as the seeds print it: "93,37%". */
const noSpacePercent = (text: string): string => text.replace(/\s%/u, '%');

/** "Các cơ quan…" → "các cơ quan…"; "UBND các xã" is left as it is (only a capitalised word is lowered). */
const lowerFirst = (text: string): string =>
  /^[A-ZĐ][a-zà-ỹ]/u.test(text) ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;

/** "Xã Xuân Hòa" → "UBND xã Xuân Hòa", as seed 004 names units inside its sentences. */
const unitsInSentence = (names: string[]): string => names.map(bodyInSentence).join(', ');

export function campaignReport(input: CampaignReportInput) {
  const area = input.issuer.name;
  const kinds = input.kinds.map((k, i) => {
    const noun = k.noun ?? 'đơn vị';
    const classes = k.classes.filter((c) => c.count > 0);
    const absent = k.classes.filter((c) => c.count === 0).map((c) => c.label);
    const classesText = classes
      .map(
        (c, ci) =>
          `Xếp loại ${c.label}: ${count2(c.count)}/${count2(k.units)} đơn vị (${c.shareText})${ci > 0 && c.unitNames.length <= 5 ? `: ${unitsInSentence(c.unitNames)}` : ''}`,
      )
      .join('; ');
    const absentText =
      absent.length > 0
        ? `Không có đơn vị nào xếp loại ${absent.length === 1 ? absent[0] : `${absent.slice(0, -1).join(', ')} và ${absent.at(-1)}`}.`
        : '';
    const full = k.fullMarks ?? [];
    // Seed 004, III.2: "có 02 đơn vị đạt 70/70 điểm: …" when several have every point; else the
    // best unit, as III.3 names it.
    const topText =
      full.length > 1
        ? `có ${count2(full.length)} đơn vị đạt ${points(k.maxHundredths)}/${points(k.maxHundredths)} điểm: ${unitsInSentence(full)}`
        : k.best
          ? `${bodyInSentence(k.best.name)} đạt điểm cao nhất (${points(k.best.hundredths)}/${points(k.maxHundredths)})`
          : 'chưa có đơn vị được xếp hạng';
    // Seed 004, III.1: a kind with one unit (the district itself) gives its own total and class;
    // the others their average, best units and classes.
    const single = k.units === 1 && k.best !== null;
    const summaryText = single
      ? `Tổng điểm đạt ${points(k.best!.hundredths)}/${points(k.maxHundredths)} điểm${yearOverYear(k)}${classes[0] ? `, xếp loại ${classes[0].label}` : ''}. Trong đó kết quả của các tiêu chí:`
      : `Tổng điểm trung bình đạt ${points(k.averageHundredths)}/${points(k.maxHundredths)} điểm; ${topText}; ${classesText}${absentText ? `; ${absentText}` : '.'} Điểm trung bình theo tiêu chí:`;
    const survey = k.surveyMaxHundredths ?? 0;
    const scale = k.maxHundredths + survey;
    return {
      number: String(i + 1),
      // Inside the heading "2. Đối với các cơ quan chuyên môn thuộc UBND huyện".
      kindName: lowerFirst(k.kindName),
      // Seed 004, I.1: "- UBND cấp huyện", "- Các cơ quan chuyên môn thuộc UBND huyện: 12 cơ quan."
      objectLine:
        k.units === 1 ? `- ${k.kindName}.` : `- ${k.kindName}: ${count2(k.units)} ${noun}.`,
      // Seed 004, I.2.1: the kind's appraised and survey shares of its scale.
      scaleLines: [
        `- Đối với ${lowerFirst(k.kindName)}:`,
        `+ Điểm tự đánh giá, thẩm định: ${points(k.maxHundredths)}/${points(scale)} điểm.`,
        ...(survey > 0
          ? [`+ Điểm đánh giá qua điều tra xã hội học: ${points(survey)}/${points(scale)} điểm.`]
          : []),
      ].map((line) => ({ line })),
      setName: k.setName ?? null,
      summaryText,
      units: count2(k.units),
      average: points(k.averageHundredths),
      max: points(k.maxHundredths),
      best: topText,
      classesText,
      bottomText: absentText,
      criteria: k.criteria.map((c) => ({
        title: c.title,
        average: points(c.averageHundredths),
        max: points(c.maxHundredths),
        resultText: resultText(
          c.averageHundredths,
          c.maxHundredths,
          c.averageAdjustmentHundredths ?? 0,
        ),
      })),
    };
  });
  const scales = [
    ...new Set(input.kinds.map((k) => k.maxHundredths + (k.surveyMaxHundredths ?? 0))),
  ];
  const p = input.progress ?? null;
  const day = (date: string) => formatDateShort(date);
  // Seed 004, IV.2: the units that never sent their self-assessment, and the weakest criteria.
  const weakest = input.kinds
    .flatMap((k) =>
      k.criteria
        .filter((c) => c.maxHundredths > 0)
        .map((c) => ({ k, c, share: c.averageHundredths / c.maxHundredths })),
    )
    .filter((x) => x.share < 1)
    .sort((a, b) => a.share - b.share)
    .slice(0, 3);
  const notSubmitted = p?.notSubmitted ?? [];
  return {
    ...commonFields({
      issuer: input.issuer,
      date: input.date,
      symbolCode: 'BC',
      typeName: 'BÁO CÁO',
      // Seed 004: "… áp dụng đối với UBND huyện; các cơ quan chuyên môn cấp huyện; UBND các xã, thị
      // trấn; Chỉ số SIPAS của huyện Bảo Yên năm 2022" — the kinds the campaign scored.
      summary: `Kết quả xác định Chỉ số cải cách hành chính áp dụng đối với ${input.kinds
        .map((k) =>
          /^[A-ZĐ][a-zà-ỹ]/u.test(k.kindName)
            ? k.kindName.charAt(0).toLocaleLowerCase('vi') + k.kindName.slice(1)
            : k.kindName,
        )
        .join(
          '; ',
        )}${input.sipas ? '; Chỉ số SIPAS' : ''} của ${inSentence(area)} năm ${input.year}`,
      recipients: ['Các cơ quan, đơn vị được đánh giá'],
      signerName: input.signerName,
    }),
    campaignName: input.campaignName,
    year: String(input.year),
    areaName: area,
    // The earlier templates' one sentence, kept for templates a province made from them.
    methodText: `Chỉ số được xác định qua tự đánh giá của các cơ quan, đơn vị; thẩm định hai vòng của Hội đồng thẩm định (vòng 1 chấm và nêu lý do từng điểm bị trừ, đơn vị giải trình, vòng 2 xem xét từng nội dung giải trình)${input.surveyMaxText ? `; điểm điều tra xã hội học tối đa ${input.surveyMaxText} điểm` : ''}. Chỉ số của mỗi đơn vị là tổng điểm thẩm định và điểm điều tra xã hội học.`,
    // Seed 004, I.2: how the index is determined, one line per step.
    methodLines: [
      '- Tự đánh giá: Các cơ quan, đơn vị tự theo dõi, đánh giá và chấm điểm kết quả thực hiện nhiệm vụ cải cách hành chính theo các tiêu chí, tiêu chí thành phần của Bộ chỉ số, kèm theo tài liệu kiểm chứng.',
      '- Thẩm định: Hội đồng thẩm định thẩm định hai vòng: vòng 1 chấm điểm và nêu lý do từng điểm bị trừ; các cơ quan, đơn vị giải trình, bổ sung tài liệu kiểm chứng; vòng 2 xem xét từng nội dung giải trình.',
      ...(input.surveyMaxText
        ? [
            `- Đánh giá thông qua điều tra xã hội học: lấy ý kiến đánh giá của các nhóm đối tượng khác nhau, tối đa ${input.surveyMaxText} điểm.`,
          ]
        : []),
      `- Chỉ số cải cách hành chính của mỗi cơ quan, đơn vị là tổng điểm thẩm định${input.surveyMaxText ? ' và điểm điều tra xã hội học' : ''}.`,
    ].map((line) => ({ line })),
    scaleText:
      scales.length === 1
        ? `Thang điểm đánh giá là ${points(scales[0]!)} điểm. Trong đó:`
        : 'Thang điểm đánh giá của từng loại đơn vị:',
    // Seed 004, I.2.2–2.4: the set each kind was scored with, numbered after the scale.
    sets: kinds
      .filter((k) => k.setName)
      .map((k, i) => ({
        number: `2.${i + 2}`,
        kindName: lowerFirst(k.kindName),
        setName: k.setName!,
      })),
    selfAssessmentText: p
      ? `Các cơ quan, đơn vị tự đánh giá, chấm điểm theo các tiêu chí, tiêu chí thành phần và cập nhật tài liệu kiểm chứng trên hệ thống; hạn tự đánh giá là ngày ${day(p.selfAssessmentDeadline)}.${p.submitted === null ? '' : ` Đã có ${count2(p.submitted)}/${count2(p.participants)} cơ quan, đơn vị hoàn thành và gửi kết quả tự đánh giá${notSubmitted.length > 0 ? `; chưa gửi: ${unitsInSentence(notSubmitted)}` : ''}.`}`
      : 'Các cơ quan, đơn vị tự đánh giá, chấm điểm theo các tiêu chí, tiêu chí thành phần và cập nhật tài liệu kiểm chứng trên hệ thống.',
    appraisalText: p
      ? `${p.appraisers > 0 ? `${count2(p.appraisers)} thành viên Hội đồng thẩm định được phân công thẩm định theo từng tiêu chí, tiêu chí thành phần, đối chiếu với tài liệu kiểm chứng của từng cơ quan, đơn vị. ` : ''}Thẩm định vòng 1 đến ngày ${day(p.round1Deadline)}; các cơ quan, đơn vị giải trình, bổ sung tài liệu kiểm chứng đến ngày ${day(p.explanationsDeadline)}; thẩm định vòng 2 đến ngày ${day(p.round2Deadline)}. Trên cơ sở kết quả thẩm định, ${bodyInSentence(area)} tổng hợp kết quả Chỉ số cải cách hành chính năm ${input.year} của các cơ quan, đơn vị.`
      : `Trên cơ sở kết quả thẩm định, ${bodyInSentence(area)} tổng hợp kết quả Chỉ số cải cách hành chính năm ${input.year} của các cơ quan, đơn vị.`,
    sipasHeading: `KẾT QUẢ CHỈ SỐ SIPAS CỦA ${(prefixOf(area) ?? 'ĐỊA PHƯƠNG').toLocaleUpperCase('vi')} NĂM ${input.year}`,
    shortcomingsText: [
      ...(notSubmitted.length > 0
        ? [`Có đơn vị chưa gửi kết quả tự đánh giá, chấm điểm: ${unitsInSentence(notSubmitted)}.`]
        : []),
      weakest.length > 0
        ? `Các tiêu chí có tỷ lệ điểm đạt thấp nhất: ${weakest
            .map(
              (x) =>
                `${x.c.title} (${lowerFirst(x.k.kindName)}: ${points(x.c.averageHundredths)}/${points(x.c.maxHundredths)} điểm)`,
            )
            .join('; ')}.`
        : 'Không có tiêu chí nào bị trừ điểm.',
    ].join(' '),
    kinds,
    // Seed 004, III: the overall index, then one line per element ("yếu tố tiếp cận dịch vụ").
    hasSipas: Boolean(input.sipas),
    sipasText: input.sipas
      ? `Chỉ số hài lòng của người dân, tổ chức về sự phục vụ hành chính nói chung của ${inSentence(area)} năm ${input.year} đạt ${noSpacePercent(input.sipas.indexText)}. Trong đó:`
      : '',
    sipasElements: (input.sipas?.elements ?? []).map((e) => ({
      element: `yếu tố ${e.element.charAt(0).toLocaleLowerCase('vi')}${e.element.slice(1)}`,
      index: noSpacePercent(e.indexText),
    })),
    // The survey part, numbered after the kinds in section II.
    hasSocialSurvey: Boolean(input.socialSurvey && input.socialSurvey.units.length > 0),
    socialSurveyNumber: String(kinds.length + 1),
    socialSurveyText: input.socialSurvey
      ? `Điểm điều tra xã hội học của từng cơ quan, đơn vị${input.socialSurvey.provisional ? ' (tạm tính: cuộc điều tra chưa kết thúc)' : ''}, theo từng nút điều tra, kèm số phiếu theo nhóm đối tượng:`
      : '',
    socialSurveyUnits: (input.socialSurvey?.units ?? []).map((u) => ({ line: surveyUnitLine(u) })),
    // Seed 004, IV.1: what went well, with each kind's share in its best class.
    assessmentText: [
      'Các cơ quan, đơn vị đã tự đánh giá và cập nhật tài liệu kiểm chứng trên hệ thống; kết quả phản ánh khách quan việc thực hiện nhiệm vụ cải cách hành chính năm qua.',
      ...input.kinds
        .filter((k) => k.units > 1 && k.classes[0] && k.classes[0].count > 0)
        .map(
          (k) =>
            `${k.kindName}: ${count2(k.classes[0]!.count)}/${count2(k.units)} đơn vị xếp loại ${k.classes[0]!.label} (${k.classes[0]!.shareText}).`,
        ),
    ].join(' '),
    directionText:
      'Các cơ quan, đơn vị rà soát các tiêu chí bị trừ điểm, xây dựng kế hoạch khắc phục và cập nhật tài liệu kiểm chứng đầy đủ trong năm tiếp theo.',
    closingText: `Trên đây là báo cáo kết quả xác định Chỉ số cải cách hành chính năm ${input.year} của ${bodyInSentence(area)}./.`,
    annex: input.annex.map((a) => ({
      rank: a.rank === null ? '' : String(a.rank),
      unitName: a.unitName,
      kindName: a.kindName,
      appraised: points(a.appraisedHundredths),
      survey: a.surveyHundredths === null ? '' : points(a.surveyHundredths),
      index: a.indexText ?? '',
      classLabel: a.classLabel ?? '',
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Quarterly report on dossier-handling evaluation (seed 003)

export interface DossierQuarterInput {
  issuer: UnitRef;
  date: string;
  signerName: string | null;
  /** "2021-Q2" */
  period: string;
  levels: { levelName: string; units: number; scored: number; summary: string }[];
  rates: { label: string; text: string; targetText: string | null }[];
  annex: {
    unitName: string;
    dossiers: number;
    totalText: string;
    classLabel: string;
  }[];
  officials: { name: string; unitName: string; totalText: string }[];
  /** How Circular 01 was read (the province's settings), one sentence each, in Vietnamese. */
  method?: { source: string; lines: string[] } | undefined;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Cấp huyện", "Cấp xã" → "cấp huyện và cấp xã"; none → "các cơ quan, đơn vị". */
function levelsInSentence(names: string[]): string {
  const lower = names.map((n) => n.charAt(0).toLocaleLowerCase('vi') + n.slice(1));
  if (lower.length === 0) return 'các cơ quan, đơn vị';
  return lower.length === 1 ? lower[0]! : `${lower.slice(0, -1).join(', ')} và ${lower.at(-1)}`;
}

export function dossierQuarterReport(input: DossierQuarterInput) {
  const match = /^(\d{4})-Q([1-4])$/.exec(input.period);
  const year = match?.[1] ?? input.period;
  const quarter = match ? ROMAN[Number(match[2]) - 1]! : '';
  const area = inSentence(input.issuer.name);
  const units = input.levels.reduce((s, l) => s + l.units, 0);
  const scored = input.levels.reduce((s, l) => s + l.scored, 0);
  return {
    ...commonFields({
      issuer: input.issuer,
      date: input.date,
      symbolCode: 'BC',
      typeName: 'BÁO CÁO',
      summary: `Kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính Quý ${quarter} năm ${year} trên địa bàn ${area}`,
      // Seed 003: the province's office, the district's offices and communes, its website.
      recipients: input.issuer.parentName
        ? [
            `Văn phòng ${bodyInSentence(input.issuer.parentName)}`,
            ...(prefixOf(input.issuer.name) === 'Huyện'
              ? [
                  'Các phòng, ban chuyên môn thuộc UBND huyện',
                  'UBND các xã, thị trấn',
                  'Trang thông tin điện tử huyện',
                ]
              : []),
          ]
        : [],
      signerName: input.signerName,
    }),
    areaName: area,
    quarter,
    year,
    periodText: `QUÝ ${quarter} NĂM ${year}`,
    // Seed 003's opening: on what the report rests, and who reports on what.
    introText: `Trên cơ sở kết quả chấm điểm đánh giá đối với cán bộ, công chức, viên chức thực hiện tiếp nhận, trả kết quả hồ sơ giải quyết thủ tục hành chính và kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính của các cơ quan, đơn vị; ${bodyInSentence(input.issuer.name)} báo cáo tình hình, kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính Quý ${quarter} năm ${year} trên địa bàn ${area} như sau:`,
    // Seed 003, I: the rules applied, and how Circular 01 was read here.
    methodText: `Thực hiện quy định tại Chương V, Nghị định số 61/2018/NĐ-CP và Chương III, Thông tư số 01/2018/TT-VPCP, việc đánh giá giải quyết thủ tục hành chính được triển khai tại ${levelsInSentence(input.levels.map((l) => l.levelName))} qua hai phương thức: thu thập ý kiến đánh giá của tổ chức, cá nhân và tự đánh giá theo các chỉ số về thời hạn, số lần bổ sung hồ sơ và kênh nộp hồ sơ.${
      input.method === undefined
        ? ''
        : ` Cách tính theo Thông tư 01/2018/TT-VPCP (${input.method.source}): ${input.method.lines
            .map((l) => l.charAt(0).toLowerCase() + l.slice(1))
            .join('; ')}.`
    }`,
    // Seed 003, II.1: how the opinions were collected.
    collectionText:
      'Ý kiến đánh giá của tổ chức, cá nhân được thu thập bằng phiếu tại Bộ phận Một cửa các cấp và trực tuyến theo mã hồ sơ; số liệu về thời hạn giải quyết, số lần yêu cầu bổ sung hồ sơ và kênh nộp hồ sơ được lấy từ Hệ thống thông tin một cửa điện tử.',
    units: count2(units),
    scored: count2(scored),
    levels: input.levels.map((l) => ({ levelName: l.levelName, result: l.summary })),
    ratesText: input.rates
      .map((r) => `${r.label}: ${r.text}${r.targetText ? ` (chỉ tiêu ${r.targetText})` : ''}`)
      .join('; '),
    handlingText:
      'Kết quả đánh giá được công khai tại cơ quan và trên trang thông tin điện tử; là căn cứ xem xét mức độ hoàn thành nhiệm vụ của cán bộ, công chức, viên chức tại Bộ phận Một cửa.',
    difficultiesText:
      'Việc lấy ý kiến đánh giá của tổ chức, cá nhân còn hạn chế; một số đơn vị chưa cập nhật đầy đủ thông tin hồ sơ trên hệ thống.',
    closingText: `Trên đây là Báo cáo kết quả thực hiện việc thẩm định đánh giá giải quyết thủ tục hành chính Quý ${quarter} năm ${year}, của ${bodyInSentence(input.issuer.name)}./.`,
    annex: input.annex.map((a, i) => ({
      number: String(i + 1),
      unitName: a.unitName,
      dossiers: String(a.dossiers),
      total: a.totalText,
      classLabel: a.classLabel,
    })),
    officials: input.officials.map((o, i) => ({
      number: String(i + 1),
      name: o.name,
      unitName: o.unitName,
      total: o.totalText,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Remediation plan (seed 001)

export interface PlanInput {
  unit: UnitRef;
  date: string;
  year: number;
  number: string;
  place: string;
  bases: string[];
  purposes: string[];
  requirements: string[];
  goals: string[];
  organisation: string[];
  recipients: string[];
  signerTitle: string;
  signerName: string | null;
  /** The results the plan starts from, for the default bases and purpose. */
  source: {
    campaignName: string;
    year: number;
    totalText: string | null;
    classLabel: string | null;
  } | null;
  /** Top-level criteria titles, by code. */
  criteria: { code: string; title: string }[];
  items: {
    id: number;
    code: string;
    title: string;
    pointsText: string | null;
    reason: string | null;
  }[];
  tasks: {
    itemCode: string | null;
    content: string;
    output: string;
    responsible: string;
    deadline: string | null;
    targetText: string | null;
    /** What the target measures ("sipas_satisfaction"…), when measured by the system. */
    targetMetric?: string | null;
  }[];
}

const criterionCode = (code: string): string => code.split('.')[0] ?? code;

export function remediationPlan(input: PlanInput) {
  const unit = bodyInSentence(input.unit.name);
  const bases =
    input.bases.length > 0
      ? input.bases
      : input.source
        ? [
            `Căn cứ kết quả Chỉ số cải cách hành chính năm ${input.source.year} của ${unit} (${input.source.campaignName})${input.source.totalText ? `: đạt ${input.source.totalText} điểm` : ''}${input.source.classLabel ? `, xếp loại ${input.source.classLabel}` : ''};`,
          ]
        : [];
  const purposes =
    input.purposes.length > 0
      ? input.purposes
      : [
          `Khắc phục những hạn chế, thiếu sót trong công tác cải cách hành chính năm ${input.year - 1}; cải thiện chỉ số cải cách hành chính và nâng cao mức độ hài lòng của tổ chức, cá nhân năm ${input.year}.`,
        ];
  const requirements =
    input.requirements.length > 0
      ? input.requirements
      : [
          'Xác định cụ thể nội dung công việc, sản phẩm đầu ra, thời gian hoàn thành và trách nhiệm của từng cán bộ, công chức trong việc triển khai thực hiện các nhiệm vụ được giao.',
        ];
  const codes = [...new Set(input.items.map((i) => criterionCode(i.code)))];
  const groups = codes.map((code, gi) => {
    const items = input.items.filter((i) => criterionCode(i.code) === code);
    const itemCodes = new Set(items.map((i) => i.code));
    const tasks = input.tasks.filter((t) => t.itemCode !== null && itemCodes.has(t.itemCode));
    return {
      number: `1.${gi + 1}`,
      hasTasks: tasks.length > 0,
      title: input.criteria.find((c) => c.code === code)?.title ?? `Tiêu chí ${code}`,
      items: items.map((i) => ({
        code: i.code,
        title: i.title,
        pointsText: i.pointsText ?? '',
        reason: i.reason ?? 'chưa ghi lý do',
      })),
      tasks: tasks.map((t, ti) => ({
        number: String(ti + 1),
        content: t.content,
        output: t.output,
        responsible: t.responsible,
        deadline: t.deadline ? formatDateShort(t.deadline) : '',
        target: t.targetText ?? '',
      })),
    };
  });
  const taskRow = (t: PlanInput['tasks'][number], i: number) => ({
    number: String(i + 1),
    content: t.content,
    output: t.output,
    responsible: t.responsible,
    deadline: t.deadline ? formatDateShort(t.deadline) : '',
    target: t.targetText ?? '',
  });
  // Tasks of the plan as a whole: those aimed at the satisfaction index form seed 001's part 2.
  const sipasTasks = input.tasks.filter(
    (t) => t.itemCode === null && t.targetMetric === 'sipas_satisfaction',
  );
  const general = input.tasks.filter(
    (t) => t.itemCode === null && t.targetMetric !== 'sipas_satisfaction',
  );
  const sipasTarget = sipasTasks.find((t) => t.targetText)?.targetText;
  return {
    ...commonFields({
      issuer: input.unit,
      date: input.date,
      symbolCode: 'KH',
      typeName: 'KẾ HOẠCH',
      summary: `Triển khai thực hiện các giải pháp khắc phục những hạn chế, thiếu sót cải thiện chỉ số cải cách hành chính và nâng cao chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước năm ${input.year}`,
      recipients: input.recipients.length > 0 ? input.recipients : ['Các cán bộ, công chức xã'],
      signerName: input.signerName,
      number: input.number,
      place: input.place,
      signTitle: input.signerTitle,
    }),
    unitName: unit,
    year: String(input.year),
    bases: bases.map((text) => ({ text })),
    purposes: purposes.map((text) => ({ text })),
    requirements: requirements.map((text) => ({ text })),
    goals: input.goals.map((text) => ({ text })),
    groups,
    sipasText: sipasTarget
      ? `Mục tiêu chung về chỉ số mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước trong năm ${input.year} phải đạt từ ${sipasTarget.replace(/\s%/u, '%')} trở lên; các nhiệm vụ cụ thể:`
      : `Phân tích kết quả khảo sát sự hài lòng năm ${input.year - 1}, khắc phục những nội dung người dân, tổ chức chưa hài lòng và nâng cao chất lượng phục vụ tại Bộ phận Một cửa.`,
    hasSipasTasks: sipasTasks.length > 0,
    sipasTasks: sipasTasks.map(taskRow),
    hasGeneralTasks: general.length > 0,
    generalTasks: general.map(taskRow),
    organisation: (input.organisation.length > 0
      ? input.organisation
      : [
          'Các cán bộ, công chức được giao nhiệm vụ triển khai thực hiện, cập nhật tiến độ và tài liệu kiểm chứng trên hệ thống; báo cáo kết quả về Văn phòng UBND để tổng hợp.',
        ]
    ).map((text) => ({ text })),
  };
}

// ---------------------------------------------------------------------------------------------
// Supervision notice (seed 002)

export interface SupervisionInput {
  council: UnitRef;
  /** The supervised body, inside a sentence ("Ủy ban nhân dân xã Phượng Tiến"). */
  supervised: string;
  date: string;
  number: string;
  place: string;
  title: string;
  planNumber: string;
  planDate: string | null;
  meetingDate: string | null;
  periodLabel: string;
  /** The year of the results the supervision compares (its source campaign's), when known. */
  resultsYear?: number | null;
  members: { name: string; position?: string; role: string }[];
  reports: string[];
  background: string[];
  strengths: string[];
  limitations: string[];
  /** In the notice's group order, each with its lines already worded. */
  groups: { title: string; findings: string[] }[];
  leadership: string[];
  officers: string[];
  recipients: string[];
  signerTitle: string;
  signerName: string | null;
}

/** Headings of the notice's three groups of findings (seed 002). */
export const FINDING_GROUP_HEADINGS = {
  check_with_upper:
    'Những nội dung mà UBND cần kiểm tra cụ thể, đồng thời liên hệ trao đổi với cơ quan chuyên môn cấp trên giúp chỉ rõ những việc cần thực hiện làm cơ sở cho việc bổ sung, khắc phục:',
  fix_now: 'Những nội dung còn thiếu sót, hạn chế cần bổ sung, khắc phục ngay trong năm:',
  improve_gradually:
    'Những nội dung cần tăng cường tham mưu, chủ động thực hiện và từng bước khắc phục những hạn chế của năm trước:',
} as const;

const isLeader = (role: string) => /^(trưởng đoàn|phó (trưởng )?đoàn)$/iu.test(role.trim());

function leadersText(members: { name: string; position?: string; role: string }[]): string {
  const leaders = members.filter((m) => isLeader(m.role));
  if (leaders.length === 0) return '';
  return `do ${leaders
    .map(
      (m) =>
        `${m.name}${m.position?.trim() ? ` - ${m.position.trim()}` : ''} làm ${m.role.trim().toLocaleLowerCase('vi')}`,
    )
    .join('; ')}.`;
}

export function supervisionNotice(input: SupervisionInput) {
  const period = input.periodLabel || 'kỳ giám sát';
  const plan = `Kế hoạch số ${input.planNumber}${input.planDate ? `, ngày ${formatDateShort(input.planDate)}` : ''} của Thường trực Hội đồng nhân dân`;
  return {
    ...commonFields({
      issuer: input.council,
      date: input.date,
      symbolCode: 'TB',
      typeName: 'THÔNG BÁO',
      summary:
        input.title ||
        `Kết luận của Thường trực HĐND về kết quả giám sát việc thực hiện công tác cải cách hành chính ${period}`,
      recipients:
        input.recipients.length > 0
          ? input.recipients
          : ['Lãnh đạo UBND xã', 'Các thành viên đoàn giám sát', 'Đơn vị được giám sát'],
      signerName: input.signerName,
      council: true,
      number: input.number,
      place: input.place,
      signTitle: input.signerTitle,
    }),
    supervised: input.supervised,
    periodLabel: period,
    resultsYearText: input.resultsYear ? ` năm ${input.resultsYear}` : '',
    introText: `Thực hiện ${plan}. ${input.meetingDate ? `Ngày ${formatDateShort(input.meetingDate)}, ` : ''}Thường trực HĐND đã thành lập đoàn và thực hiện giám sát trực tiếp đối với ${input.supervised} về việc thực hiện công tác cải cách hành chính ${period}.`,
    // Seed 002: the head and deputy head in one sentence, then the other members numbered with
    // their posts ("1. Ma Văn Quyết - Phó Bí thư …: Thành viên;").
    leadersText: leadersText(input.members),
    members: input.members
      .filter((m) => !isLeader(m.role))
      .map((m, i) => ({
        number: String(i + 1),
        name: m.name,
        position: m.position?.trim() ?? '',
        role: m.role,
        line: `${i + 1}. ${m.name}${m.position?.trim() ? ` - ${m.position.trim()}` : ''}: ${m.role};`,
      })),
    reports: input.reports.map((text) => ({ text })),
    background: input.background.map((text) => ({ text })),
    strengths: input.strengths.map((text) => ({ text })),
    limitations: input.limitations.map((text) => ({ text })),
    findingGroups: input.groups
      .filter((g) => g.findings.length > 0)
      .map((g) => ({ title: g.title, findings: g.findings.map((text) => ({ text })) })),
    leadership: input.leadership.map((text) => ({ text })),
    officers: input.officers.map((text) => ({ text })),
  };
}
