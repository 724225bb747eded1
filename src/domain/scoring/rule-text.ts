/**
 * A one-line text form of a scoring rule, for the "quy tắc chấm" column of an Excel criteria sheet.
 * parseRuleText(formatRuleText(rule)) gives back the same rule; formatRuleText writes the canonical
 * form, and parseRuleText is lenient about case, spacing, diacritics ("cham diem") and a dot as the
 * decimal mark.
 *
 * Grammar (parts are separated by ";" outside brackets; a number has at most two decimals, comma or
 * dot; a date is dd/mm/yyyy; every number means points unless it is inside a band's brackets, where
 * it means percent):
 *
 *   quy-tắc   = đầu *( ";" tùy-chọn ) [ ";" "KAD:" ( "loại trừ" | "tính 0" ) ]
 *   đầu       = "chấm điểm"                               judgement
 *             | "có/không"                                yes/no
 *             | "khung:" khung *( ";" khung )             bands, ascending
 *             | "tỷ lệ" [ ":" "làm tròn" SỐ ]             proportional, optional step (rounds down)
 *             | "trừ:" SỐ "/lần"                          deduction per incident
 *             | "đúng hạn:" "hạn" NGÀY                    timeliness (needs "trễ")
 *             | "thưởng:" SỐ "/mục"                       bonus per item
 *             | "phạt:" SỐ "/mục"                         penalty per item
 *   khung     = "[" SỐ ";" ( SỐ ")" | "100]" | "∞)" ) "=" SỐ
 *               [a;b) is a ≤ rate < b; only a band ending at 100 may be closed, "[80;100]",
 *               to include 100 %; "∞)" (also "+∞)" or an empty bound ")") has no upper bound
 *   tùy-chọn  = "sàn" SỐ                                  deduction: floor (default 0)
 *             | "trễ" SỐ                                  timeliness: points when late (required)
 *             | "quá" NGÀY "=" "0"                        timeliness: 0 when issued after that date
 *             | "tối đa" SỐ                               bonus/penalty: cap (default: node max)
 *
 * Examples:
 *   chấm điểm
 *   có/không; KAD: loại trừ
 *   khung: [0;50)=0; [50;80)=0,5; [80;100]=1
 *   tỷ lệ: làm tròn 0,25
 *   trừ: 0,25/lần; sàn 0
 *   đúng hạn: hạn 31/12/2021; trễ 1; quá 31/01/2022 = 0
 *   thưởng: 0,5/mục; tối đa 2
 *   phạt: 1/mục; tối đa 3
 */
import { formatDateShort } from '../format.ts';
import { searchKey } from '../text.ts';
import { formatPercentBound, formatPointsCompact, parseHundredths } from './decimal.ts';
import {
  assertNever,
  isIsoDate,
  type BonusRule,
  type DeductionRule,
  type PenaltyRule,
  type RateBand,
  type ScoringRule,
  type TimelinessRule,
} from './rules.ts';

/** The rule syntax explained in Vietnamese, for the app and the Excel template to display. */
export const RULE_SYNTAX_HELP = `Cách ghi quy tắc chấm điểm (cột “Quy tắc”):
• chấm điểm — người thẩm định nhập điểm từ 0 đến điểm tối đa.
• có/không — đạt thì được điểm tối đa, không đạt được 0.
• khung: [0;50)=0; [50;80)=0,5; [80;100]=1 — chấm theo tỷ lệ đạt. [50;80) nghĩa là “từ 50 % đến dưới 80 %”; [80;100] (dấu ] ở cuối) nghĩa là “từ 80 % đến 100 %”, gồm cả 100 %; khung không có cận trên ghi [100;∞), ví dụ thu ngân sách vượt kế hoạch: [0;100)=0; [100;∞)=1. Các khung xếp tăng dần, bắt đầu từ 0, liền nhau, không chồng lên nhau.
• tỷ lệ — điểm = điểm tối đa × tỷ lệ đạt, làm tròn đến 0,01 điểm. Có thể thêm “: làm tròn 0,25” để làm tròn xuống theo bước 0,25 điểm.
• trừ: 0,25/lần; sàn 0 — bắt đầu từ điểm tối đa, mỗi lần vi phạm (trễ hạn, thiếu báo cáo…) trừ 0,25 điểm, không thấp hơn mức sàn (mặc định 0).
• đúng hạn: hạn 31/12/2021; trễ 1; quá 31/01/2022 = 0 — ban hành đến hết ngày 31/12/2021 được điểm tối đa; trễ hạn được 1 điểm; ban hành sau ngày 31/01/2022 (nếu ghi) hoặc không ban hành được 0.
• thưởng: 0,5/mục; tối đa 2 — cộng 0,5 điểm cho mỗi nội dung, tổng không quá 2 điểm.
• phạt: 1/mục; tối đa 3 — trừ 1 điểm cho mỗi nội dung, tổng không quá 3 điểm.
Thêm “; KAD: loại trừ” nếu tiêu chí có thể không áp dụng và khi đó bỏ khỏi cả điểm đạt lẫn điểm tối đa, hoặc “; KAD: tính 0” nếu khi không áp dụng vẫn tính 0 điểm.
Số thập phân dùng dấu phẩy (0,25), tối đa hai chữ số sau dấu phẩy; ngày ghi dd/mm/yyyy; các phần cách nhau bằng dấu chấm phẩy.`;

/** A parsed rule, or a Vietnamese message saying what is wrong and where. */
export type RuleTextResult = { ok: true; rule: ScoringRule } | { ok: false; error: string };

/** Writes a rule in its canonical text form, e.g. "khung: [0;50)=0; [50;80)=0,5; [80;100]=1". */
export function formatRuleText(rule: ScoringRule): string {
  const p = formatPointsCompact;
  let text: string;
  switch (rule.type) {
    case 'judgement':
      text = 'chấm điểm';
      break;
    case 'yes_no':
      text = 'có/không';
      break;
    case 'bands':
      text = `khung: ${rule.bands.map(formatBand).join('; ')}`;
      break;
    case 'proportional':
      text = rule.step === undefined ? 'tỷ lệ' : `tỷ lệ: làm tròn ${p(rule.step)}`;
      break;
    case 'deduction':
      text = `trừ: ${p(rule.perIncident)}/lần${rule.floor === undefined ? '' : `; sàn ${p(rule.floor)}`}`;
      break;
    case 'timeliness':
      text = `đúng hạn: hạn ${formatDateShort(rule.deadline)}; trễ ${p(rule.latePoints)}`;
      if (rule.lateUntil !== undefined) text += `; quá ${formatDateShort(rule.lateUntil)} = 0`;
      break;
    case 'bonus':
    case 'penalty':
      text = `${rule.type === 'bonus' ? 'thưởng' : 'phạt'}: ${p(rule.perItem)}/mục`;
      if (rule.cap !== undefined) text += `; tối đa ${p(rule.cap)}`;
      break;
    default:
      return assertNever(rule);
  }
  if (rule.notApplicable)
    text += `; KAD: ${rule.notApplicable === 'exclude' ? 'loại trừ' : 'tính 0'}`;
  return text;
}

function formatBand(band: RateBand): string {
  const from = formatPercentBound(band.fromPercent);
  const upper =
    band.toPercent === null
      ? '∞)'
      : `${formatPercentBound(band.toPercent)}${band.toInclusive ? ']' : ')'}`;
  return `[${from};${upper}=${formatPointsCompact(band.points)}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Segment {
  /** The part as written, for messages. */
  raw: string;
  /** Folded to lower-case ASCII, for matching keywords with or without diacritics. */
  key: string;
  /** 1-based position among the parts, for messages. */
  index: number;
}

class RuleTextError extends Error {}

const NUM = '([0-9]+(?:[.,][0-9]+)?)';
const DATE = '([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})';

const HEADS: readonly { pattern: RegExp; type: ScoringRule['type'] }[] = [
  { pattern: /^cham diem$/, type: 'judgement' },
  { pattern: /^co ?\/ ?khong$/, type: 'yes_no' },
  { pattern: /^khung ?: ?(.+)$/, type: 'bands' },
  { pattern: new RegExp(`^t[yi] le(?: ?: ?lam tron ${NUM})?$`), type: 'proportional' },
  { pattern: new RegExp(`^tru ?: ?${NUM} ?/ ?lan$`), type: 'deduction' },
  { pattern: new RegExp(`^dung han ?: ?han ${DATE}$`), type: 'timeliness' },
  { pattern: new RegExp(`^thuong ?: ?${NUM} ?/ ?muc$`), type: 'bonus' },
  { pattern: new RegExp(`^phat ?: ?${NUM} ?/ ?muc$`), type: 'penalty' },
];

const BAND = new RegExp(`^\\[ ?${NUM} ?; ?(\\+?∞|[0-9]+(?:[.,][0-9]+)?)? ?([)\\]]) ?= ?${NUM}$`);
const OPTION_FLOOR = new RegExp(`^san ${NUM}$`);
const OPTION_LATE = new RegExp(`^tre ${NUM}$`);
const OPTION_LATE_UNTIL = new RegExp(`^qua ${DATE} ?= ?0$`);
const OPTION_CAP = new RegExp(`^toi da ${NUM}$`);
const OPTION_NA = /^kad ?: ?(loai tru|tinh 0)$/;

const KNOWN_FORMS =
  'chấm điểm; có/không; khung: [0;50)=0; …; tỷ lệ; trừ: 0,25/lần; đúng hạn: hạn 31/12/2021; trễ 1; thưởng: 0,5/mục; phạt: 1/mục';

/** Parses the text form of a rule; errors say what is wrong and in which part. */
export function parseRuleText(text: string): RuleTextResult {
  try {
    return { ok: true, rule: parseSegments(splitSegments(text)) };
  } catch (error) {
    if (error instanceof RuleTextError) return { ok: false, error: error.message };
    throw error;
  }
}

function where(segment: Segment): string {
  return `phần ${segment.index} “${segment.raw}”`;
}

// Splits on ";" outside brackets, because bands such as "[0;50)" contain one.
function splitSegments(text: string): Segment[] {
  const normalized = text.normalize('NFC').trim();
  if (normalized === '') throw new RuleTextError('Chưa ghi quy tắc chấm điểm');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of normalized) {
    if (ch === '[' || ch === '(') depth += 1;
    if (ch === ']' || ch === ')') depth -= 1;
    if (depth < 0) throw new RuleTextError(`Thừa dấu đóng ngoặc “${ch}” trong “${normalized}”`);
    if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth > 0) throw new RuleTextError(`Thiếu dấu đóng ngoặc của khung trong “${normalized}”`);
  parts.push(current);
  const segments: Segment[] = [];
  for (const part of parts) {
    const raw = part.trim();
    if (raw === '') continue;
    segments.push({ raw, key: searchKey(raw), index: segments.length + 1 });
  }
  return segments;
}

function parseSegments(segments: Segment[]): ScoringRule {
  const [head, ...rest] = segments;
  if (!head) throw new RuleTextError('Chưa ghi quy tắc chấm điểm');
  let notApplicable: 'exclude' | 'zero' | undefined;
  const options: Segment[] = [];
  for (const seg of rest) {
    const na = OPTION_NA.exec(seg.key);
    if (na) {
      if (notApplicable) throw new RuleTextError(`“KAD” được ghi hai lần (${where(seg)})`);
      notApplicable = na[1] === 'loai tru' ? 'exclude' : 'zero';
    } else if (/^kad\b/.test(seg.key)) {
      throw new RuleTextError(`${cap(where(seg))}: sau “KAD:” chỉ ghi “loại trừ” hoặc “tính 0”`);
    } else {
      options.push(seg);
    }
  }
  const rule = parseHead(head, options);
  return notApplicable ? { ...rule, notApplicable } : rule;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function parseHead(head: Segment, options: Segment[]): ScoringRule {
  for (const { pattern, type } of HEADS) {
    const m = pattern.exec(head.key);
    if (!m) continue;
    switch (type) {
      case 'judgement':
        noOptions(options, 'chấm điểm');
        return { type };
      case 'yes_no':
        noOptions(options, 'có/không');
        return { type };
      case 'bands': {
        const firstBand: Segment = {
          ...head,
          raw: head.raw.replace(/^[^:]*:\s*/, ''),
          key: m[1] ?? '',
        };
        return { type, bands: [firstBand, ...options].map(parseBand) };
      }
      case 'proportional': {
        noOptions(options, 'tỷ lệ');
        return m[1] === undefined ? { type } : { type, step: number(m[1], head, 'bước làm tròn') };
      }
      case 'deduction': {
        const rule: DeductionRule = {
          type,
          perIncident: number(m[1], head, 'số điểm trừ mỗi lần'),
        };
        const { floor } = takeOptions(options, 'trừ', { floor: OPTION_FLOOR });
        if (floor) rule.floor = number(floor.match[1], floor.segment, 'mức sàn');
        return rule;
      }
      case 'timeliness': {
        const deadline = date(m[1], head);
        const { late, lateUntil } = takeOptions(options, 'đúng hạn', {
          late: OPTION_LATE,
          lateUntil: OPTION_LATE_UNTIL,
        });
        if (!late) {
          throw new RuleTextError(
            'Quy tắc “đúng hạn” cần ghi điểm khi ban hành trễ, ví dụ “; trễ 1” (ghi “; trễ 0” nếu trễ không được điểm)',
          );
        }
        const rule: TimelinessRule = {
          type,
          deadline,
          latePoints: number(late.match[1], late.segment, 'điểm khi trễ'),
        };
        if (lateUntil) rule.lateUntil = date(lateUntil.match[1], lateUntil.segment);
        return rule;
      }
      case 'bonus':
      case 'penalty': {
        const name = type === 'bonus' ? 'thưởng' : 'phạt';
        const rule: BonusRule | PenaltyRule = {
          type,
          perItem: number(m[1], head, 'số điểm mỗi mục'),
        };
        const { cap: capOption } = takeOptions(options, name, { cap: OPTION_CAP });
        if (capOption) rule.cap = number(capOption.match[1], capOption.segment, 'mức tối đa');
        return rule;
      }
      default:
        return assertNever(type);
    }
  }
  throw new RuleTextError(
    `Không nhận ra quy tắc ở ${where(head)}. Các dạng hợp lệ: ${KNOWN_FORMS}`,
  );
}

function noOptions(options: Segment[], name: string): void {
  const extra = options[0];
  if (extra)
    throw new RuleTextError(`Quy tắc “${name}” không có thêm tùy chọn; thừa ${where(extra)}`);
}

function takeOptions<K extends string>(
  options: Segment[],
  name: string,
  patterns: Record<K, RegExp>,
): Partial<Record<K, { match: RegExpExecArray; segment: Segment }>> {
  const found: Partial<Record<K, { match: RegExpExecArray; segment: Segment }>> = {};
  const keys = Object.keys(patterns) as K[];
  for (const seg of options) {
    const key = keys.find((k) => patterns[k].test(seg.key));
    if (key === undefined) {
      throw new RuleTextError(`Không hiểu ${where(seg)} trong quy tắc “${name}”`);
    }
    if (found[key]) throw new RuleTextError(`${cap(where(seg))} bị ghi lặp lại`);
    const match = patterns[key].exec(seg.key);
    if (match) found[key] = { match, segment: seg };
  }
  return found;
}

function parseBand(seg: Segment): RateBand {
  const m = BAND.exec(seg.key);
  if (!m) {
    throw new RuleTextError(
      `Khung ở ${where(seg)} không đúng dạng; ghi như [50;80)=0,5, khung cuối [80;100]=1 hoặc [100;∞)=1`,
    );
  }
  const fromPercent = number(m[1], seg, 'cận dưới');
  const upper = m[2];
  const bracket = m[3];
  const points = number(m[4], seg, 'số điểm');
  if (upper === undefined || upper.includes('∞')) {
    if (bracket !== ')')
      throw new RuleTextError(`Khung không có cận trên phải đóng bằng “)” (${where(seg)})`);
    return { fromPercent, toPercent: null, points };
  }
  const toPercent = number(upper, seg, 'cận trên');
  if (toPercent > 10000)
    throw new RuleTextError(`Cận trên quá 100 % ở ${where(seg)}; khung không giới hạn ghi [a;∞)`);
  if (bracket === ']') {
    if (toPercent !== 10000) {
      throw new RuleTextError(
        `Chỉ khung kết thúc ở 100 % mới đóng bằng “]”; ở ${where(seg)} ghi “)”`,
      );
    }
    return { fromPercent, toPercent, toInclusive: true, points };
  }
  return { fromPercent, toPercent, points };
}

function number(text: string | undefined, seg: Segment, what: string): number {
  const parsed = parseHundredths(text ?? '');
  if (!parsed.ok) throw new RuleTextError(`${cap(what)} ở ${where(seg)}: ${parsed.error}`);
  return parsed.value;
}

function date(text: string | undefined, seg: Segment): string {
  const [d = '', m = '', y = ''] = (text ?? '').split('/');
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(iso))
    throw new RuleTextError(`Ngày “${text ?? ''}” ở ${where(seg)} không có thật`);
  return iso;
}
