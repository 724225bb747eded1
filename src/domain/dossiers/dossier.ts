/**
 * A dossier (hồ sơ TTHC) as the one-stop systems export it, and the parsing of one imported row into
 * it. Rows come by the million, so each cell is read with a small hand-written scanner rather than
 * regular expressions; messages are only built for the rows that are refused.
 *
 * Timestamps are epoch milliseconds. Text without a zone, Excel serial numbers and Excel date cells
 * are Vietnam wall-clock time (UTC+7, no daylight saving).
 */
import { formatPointsCompact, parseHundredths } from '../scoring/decimal.ts';
import { formatDateShort } from '../format.ts';
import { INDICATOR_IDS, type IndicatorId } from './config.ts';

/** How the dossier was submitted. */
export type DossierChannel = 'counter' | 'online-full' | 'online-partial' | 'postal';

/** Vietnamese labels of the channels. */
export const CHANNEL_LABELS: Readonly<Record<DossierChannel, string>> = Object.freeze({
  counter: 'Trực tiếp',
  'online-full': 'Trực tuyến toàn trình',
  'online-partial': 'Trực tuyến một phần',
  postal: 'Qua dịch vụ bưu chính công ích',
});

/** Points per indicator (index = indicator id − 1), in hundredths; null where nothing was given. */
export type IndicatorRatings = readonly (number | null)[];

/** One dossier, validated. */
export interface Dossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  unitCode: string;
  /** The receiving official; null when the export does not say. */
  officialCode: string | null;
  receivedAt: number;
  dueAt: number | null;
  finishedAt: number | null;
  returnedAt: number | null;
  /** Times the applicant was asked to complete the dossier. */
  completionRequests: number | null;
  /** Agencies involved in handling it, the receiving one included. */
  agenciesInvolved: number | null;
  channel: DossierChannel;
  /** Paid online; null when the procedure has no fee or the export does not say. */
  onlinePayment: boolean | null;
  /** Result sent back by post; null when the export does not say. */
  returnedByPost: boolean | null;
  status: string;
  /** The citizen's rating form (Mẫu phiếu 4/5), null when there is none. */
  citizenRatings: IndicatorRatings | null;
  /** The unit's self-assessment or verification (Mẫu phiếu 3), null when there is none. */
  selfRatings: IndicatorRatings | null;
}

/** A cell as the CSV or spreadsheet reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Columns of an imported row, after the importer has mapped its headers. */
export type DossierColumn =
  | 'code'
  | 'procedureCode'
  | 'procedureName'
  | 'field'
  | 'unitCode'
  | 'officialCode'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'returnedAt'
  | 'completionRequests'
  | 'agenciesInvolved'
  | 'channel'
  | 'onlinePayment'
  | 'returnedByPost'
  | 'status'
  | `citizenRating${IndicatorId}`
  | `selfRating${IndicatorId}`;

/** One imported row keyed by column. */
export type DossierRow = Readonly<Partial<Record<DossierColumn, CellValue>>>;

const BASE_COLUMN_LABELS = {
  code: 'Mã hồ sơ',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  field: 'Lĩnh vực',
  unitCode: 'Mã đơn vị tiếp nhận',
  officialCode: 'Cán bộ tiếp nhận',
  receivedAt: 'Ngày tiếp nhận',
  dueAt: 'Ngày hẹn trả',
  finishedAt: 'Ngày có kết quả',
  returnedAt: 'Ngày trả kết quả',
  completionRequests: 'Số lần yêu cầu bổ sung',
  agenciesInvolved: 'Số cơ quan tham gia giải quyết',
  channel: 'Hình thức nộp',
  onlinePayment: 'Thanh toán trực tuyến',
  returnedByPost: 'Trả kết quả qua bưu chính',
  status: 'Trạng thái',
} as const;

function ratingLabels(
  prefix: 'citizenRating' | 'selfRating',
  text: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of INDICATOR_IDS) out[`${prefix}${id}`] = `${text} – chỉ số ${id}`;
  return out;
}

/** Vietnamese column headers, for templates and for locating problems. */
export const DOSSIER_COLUMN_LABELS = Object.freeze({
  ...BASE_COLUMN_LABELS,
  ...ratingLabels('citizenRating', 'Người dân đánh giá'),
  ...ratingLabels('selfRating', 'Tự đánh giá'),
}) as Readonly<Record<DossierColumn, string>>;

/**
 * The Vietnamese texts of the problems a row can have, by message key; `{name}` marks a parameter.
 * The server's message catalogue takes them as they are and holds their English texts, so that a
 * stored problem (key and parameters) can be shown in the reader's language.
 */
export const DOSSIER_PROBLEM_TEXTS = {
  dossier_cell_missing_code: 'Thiếu mã hồ sơ',
  dossier_cell_missing_procedureCode: 'Thiếu mã thủ tục',
  dossier_cell_missing_unitCode: 'Thiếu mã đơn vị tiếp nhận',
  dossier_cell_missing_receivedAt: 'Thiếu ngày tiếp nhận',
  dossier_cell_missing_channel: 'Thiếu hình thức nộp',
  dossier_cell_bad_timestamp:
    'Không đọc được thời điểm “{value}”: dùng dd/mm/yyyy [HH:mm[:ss]], ISO 8601 hoặc số ngày của Excel; ngày phải có thật và từ năm {minYear} đến {maxYear}',
  dossier_cell_bad_serial:
    'Số “{value}” không phải là ngày hợp lệ của Excel (từ năm {minYear} đến {maxYear})',
  dossier_cell_finished_before_received:
    'Ngày có kết quả ({finished}) trước ngày tiếp nhận ({received})',
  dossier_cell_returned_before_received:
    'Ngày trả kết quả ({returned}) trước ngày tiếp nhận ({received})',
  dossier_cell_negative_completionRequests: 'Số lần yêu cầu bổ sung không được âm (“{value}”)',
  dossier_cell_negative_agenciesInvolved:
    'Số cơ quan tham gia giải quyết không được âm (“{value}”)',
  dossier_cell_not_count_completionRequests:
    'Số lần yêu cầu bổ sung phải là số nguyên không âm, không phải “{value}”',
  dossier_cell_not_count_agenciesInvolved:
    'Số cơ quan tham gia giải quyết phải là số nguyên không âm, không phải “{value}”',
  dossier_cell_count_too_large_completionRequests:
    'Số lần yêu cầu bổ sung “{value}” quá lớn (tối đa {max})',
  dossier_cell_count_too_large_agenciesInvolved:
    'Số cơ quan tham gia giải quyết “{value}” quá lớn (tối đa {max})',
  dossier_cell_unknown_channel:
    'Không nhận ra hình thức nộp “{value}”; dùng: trực tiếp, trực tuyến toàn trình, trực tuyến một phần, bưu chính công ích',
  dossier_cell_unknown_channel_online:
    'Không nhận ra hình thức nộp “{value}” – cần ghi rõ trực tuyến toàn trình hay một phần; dùng: trực tiếp, trực tuyến toàn trình, trực tuyến một phần, bưu chính công ích',
  dossier_cell_not_yes_no: '“{value}” không phải là có/không (ví dụ: Có, Không, x, 1, 0)',
  dossier_cell_rating_decimals: 'Điểm “{value}” chỉ được ghi tối đa hai chữ số thập phân',
  dossier_cell_rating_unreadable: '{detail}',
  dossier_cell_rating_out_of_scale: 'Điểm {value} nằm ngoài thang điểm {min}–{max}',
} as const;

/** The message key of a row problem. */
export type DossierProblemKey = keyof typeof DOSSIER_PROBLEM_TEXTS;

/** A located problem in an imported row. */
export interface DossierProblem {
  /** 1-based row number in the file, when the caller gave one. */
  row: number | null;
  column: DossierColumn;
  columnLabel: string;
  /** The message key and its parameters, to show the problem in another language. */
  key: DossierProblemKey;
  params: Record<string, string>;
  /** The message in Vietnamese. */
  message: string;
}

function fillText(key: DossierProblemKey, params: Record<string, string>): string {
  return DOSSIER_PROBLEM_TEXTS[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? (params[name] as string) : whole,
  );
}

/** The dossier, or every problem found in its row. */
export type DossierRowResult =
  { ok: true; dossier: Dossier } | { ok: false; problems: DossierProblem[] };

// ---------------------------------------------------------------------------------------------
// Timestamps

/** Vietnam's offset from UTC, in milliseconds. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
// Excel day 25569 is 1970-01-01; days 1–60 are skewed by Excel's phantom 29/02/1900.
const EXCEL_EPOCH_DAYS = 25_569;
// Counts beyond this are typing slips, and would not fit the stored integer either.
const MAX_COUNT = 9999;
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;
const MIN_SERIAL = EXCEL_EPOCH_DAYS;
const MAX_SERIAL = 110_575; // 01/01/2203, past MAX_YEAR either way

let pos = 0;
let digits = 0;

function readInt(s: string, end: number, maxDigits: number): number {
  let value = 0;
  digits = 0;
  while (pos < end && digits < maxDigits) {
    const c = s.charCodeAt(pos) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    pos++;
    digits++;
  }
  return value;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Returns -1 for "no time here", NaN for a malformed time, else ms since midnight.
function readTime(s: string, end: number): number {
  const h = readInt(s, end, 2);
  if (digits === 0) return -1;
  if (pos >= end || s.charCodeAt(pos) !== 58 /* : */) return NaN;
  pos++;
  const mi = readInt(s, end, 2);
  if (digits !== 2) return NaN;
  let sec = 0;
  let ms = 0;
  if (pos < end && s.charCodeAt(pos) === 58) {
    pos++;
    sec = readInt(s, end, 2);
    if (digits !== 2) return NaN;
    if (pos < end && (s.charCodeAt(pos) === 46 || s.charCodeAt(pos) === 44) /* . , */) {
      pos++;
      const start = pos;
      const frac = readInt(s, end, 3);
      // Read through a cast: the compiler keeps the narrowing of `digits` across readInt calls.
      const fracDigits = digits as number;
      if (fracDigits === 0) return NaN;
      ms = frac * (fracDigits === 1 ? 100 : fracDigits === 2 ? 10 : 1);
      while (pos < end && s.charCodeAt(pos) >= 48 && s.charCodeAt(pos) <= 57) pos++;
      if (pos === start) return NaN;
    }
  }
  // 24:00:00 is allowed as the end of a day, as some exports write deadlines.
  if (h > 24 || mi > 59 || sec > 59 || (h === 24 && (mi > 0 || sec > 0 || ms > 0))) return NaN;
  return ((h * 60 + mi) * 60 + sec) * 1000 + ms;
}

// Reads a zone designator at pos: returns the offset in ms, or NaN when malformed.
function readZone(s: string, end: number): number {
  const c = s.charCodeAt(pos);
  if (c === 90 || c === 122 /* Z z */) {
    pos++;
    return 0;
  }
  const sign = c === 43 ? 1 : c === 45 ? -1 : 0;
  if (sign === 0) return NaN;
  pos++;
  const hh = readInt(s, end, 2);
  if (digits !== 2) return NaN;
  let mm = 0;
  if (pos < end && s.charCodeAt(pos) === 58) pos++;
  if (pos < end) {
    mm = readInt(s, end, 2);
    if (digits !== 2) return NaN;
  }
  if (hh > 14 || mm > 59) return NaN;
  return sign * (hh * 60 + mm) * 60_000;
}

function skipSpaces(s: string, end: number): void {
  while (pos < end && s.charCodeAt(pos) <= 32) pos++;
}

function isSep(c: number): boolean {
  return c === 47 || c === 46 || c === 45; // / . -
}

// Day-first date at pos (d/m/yyyy, d.m.yyyy, d-m-yyyy); returns epoch ms of its UTC midnight.
function readDayFirst(s: string, end: number): number {
  const d = readInt(s, end, 2);
  if (digits === 0 || pos >= end) return NaN;
  const sep = s.charCodeAt(pos);
  if (!isSep(sep)) return NaN;
  pos++;
  const m = readInt(s, end, 2);
  if (digits === 0 || pos >= end || s.charCodeAt(pos) !== sep) return NaN;
  pos++;
  const y = readInt(s, end, 4);
  if (digits !== 4) return NaN;
  return civilMs(y, m, d);
}

function civilMs(y: number, m: number, d: number): number {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return NaN;
  }
  // Days since 1970-01-01 of a proleptic Gregorian date, by whole-number arithmetic (years from
  // March, so that the leap day ends a year); the same as Date.UTC without its call.
  const ya = m <= 2 ? y - 1 : y;
  const era = Math.floor(ya / 400);
  const yoe = ya - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146_097 + doe - 719_468) * DAY_MS;
}

/** An Excel serial day number (45292.5) as epoch ms, read as Vietnam time; NaN when out of range. */
export function excelSerialToMs(serial: number): number {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL) return NaN;
  // Round to the second: Excel stores times as binary fractions of a day.
  return Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400) * 1000 - VIETNAM_OFFSET_MS;
}

function parseSerialText(s: string, start: number, end: number): number {
  const text = s.slice(start, end);
  return excelSerialToMs(Number(text.replace(',', '.')));
}

/**
 * Parses a timestamp into epoch ms, NaN when it cannot be read: "05/02/2024", "5/2/2024 08:30",
 * "05-02-2024 08:30:15", "08:30 05/02/2024", "2024-02-05", "2024-02-05T08:30:00+07:00",
 * "2024-02-05 08:30Z", and Excel serial numbers such as "45292.5". No zone means Vietnam time.
 */
export function parseTimestampMs(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (start === end) return NaN;
  if (isSerialShape(text, start, end)) return parseSerialText(text, start, end);
  pos = start;
  readInt(text, end, 4);
  const lead = digits;
  pos = start;
  let dayMs: number;
  let timeMs = 0;
  let offset = VIETNAM_OFFSET_MS;
  if (lead === 4 && text.charCodeAt(start + 4) === 45 /* - */) {
    // ISO 8601: yyyy-mm-dd[(T| )HH:mm[:ss[.fff]]][Z|±hh[:mm]]
    const y = readInt(text, end, 4);
    pos++;
    const m = readInt(text, end, 2);
    if (digits !== 2 || text.charCodeAt(pos) !== 45) return NaN;
    pos++;
    const d = readInt(text, end, 2);
    if (digits !== 2) return NaN;
    dayMs = civilMs(y, m, d);
    if (pos < end) {
      const c = text.charCodeAt(pos);
      if (c !== 84 && c !== 116 && c !== 32) return NaN; // T t space
      pos++;
      timeMs = readTime(text, end);
      if (!(timeMs >= 0)) return NaN;
      if (pos < end) {
        skipSpaces(text, end);
        offset = readZone(text, end);
        if (Number.isNaN(offset)) return NaN;
      }
    }
  } else if (lead >= 1 && lead <= 2 && text.charCodeAt(start + lead) === 58 /* : */) {
    // Time first: "08:30 05/02/2024"
    timeMs = readTime(text, end);
    if (!(timeMs >= 0)) return NaN;
    skipSpaces(text, end);
    if (pos < end && text.charCodeAt(pos) === 44) pos++;
    skipSpaces(text, end);
    dayMs = readDayFirst(text, end);
  } else if (lead >= 1 && lead <= 2) {
    dayMs = readDayFirst(text, end);
    if (pos < end) {
      const c = text.charCodeAt(pos);
      if (c !== 32 && c !== 84 && c !== 44 && c !== 9) return NaN;
      pos++;
      skipSpaces(text, end);
      timeMs = readTime(text, end);
      if (!(timeMs >= 0)) return NaN;
    }
  } else {
    return NaN;
  }
  skipSpaces(text, end);
  if (pos !== end || Number.isNaN(dayMs)) return NaN;
  return dayMs + timeMs - offset;
}

// Digits with at most one decimal mark: "45292.5" is a serial, "05.02.2024" is a date.
function isSerialShape(s: string, start: number, end: number): boolean {
  let separators = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 44) {
      if (++separators > 1) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses a timestamp cell: text, an Excel serial number, or a spreadsheet date cell. */
export function cellToMs(value: CellValue): number {
  if (typeof value === 'string') return parseTimestampMs(value);
  if (typeof value === 'number') return excelSerialToMs(value);
  // Spreadsheet readers give date cells as Dates whose UTC fields hold the wall-clock time.
  if (value instanceof Date) {
    const t = value.getTime() - VIETNAM_OFFSET_MS;
    const y = value.getUTCFullYear();
    return Number.isNaN(t) || y < MIN_YEAR || y > MAX_YEAR ? NaN : t;
  }
  return NaN;
}

/** The Vietnam calendar date and time of a timestamp: "05/02/2024 08:30". */
export function formatTimestamp(ms: number): string {
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const iso = local.toISOString();
  return `${formatDateShort(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

/** The Vietnam calendar day of a timestamp, as a day number since 1970-01-01. */
export function vietnamDay(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Channels and yes/no cells

const CHANNEL_SPELLINGS: Readonly<Record<DossierChannel, readonly string[]>> = {
  counter: [
    'counter',
    'direct',
    'in person',
    'offline',
    'truc tiep',
    'nop truc tiep',
    'tiep nhan truc tiep',
    'tai quay',
    'tai bo phan mot cua',
    'truc tiep tai bo phan mot cua',
    'mot cua',
    'bo phan mot cua',
  ],
  'online-full': [
    'online full',
    'online_full',
    'full online',
    'fully online',
    'online fully',
    'online level 4',
    'level 4',
    'truc tuyen toan trinh',
    'toan trinh',
    'dvc toan trinh',
    'dvctt toan trinh',
    'dich vu cong truc tuyen toan trinh',
    'tt toan trinh',
    'truc tuyen muc do 4',
    'muc do 4',
    'muc 4',
  ],
  'online-partial': [
    'online partial',
    'partial online',
    'partially online',
    'online partially',
    'online level 3',
    'level 3',
    'truc tuyen mot phan',
    'mot phan',
    'dvc mot phan',
    'dvctt mot phan',
    'dich vu cong truc tuyen mot phan',
    'tt mot phan',
    'truc tuyen muc do 3',
    'muc do 3',
    'muc 3',
  ],
  postal: [
    'postal',
    'post',
    'postal service',
    'public postal service',
    'buu chinh',
    'buu chinh cong ich',
    'qua buu chinh',
    'qua buu chinh cong ich',
    'dich vu buu chinh cong ich',
    'qua dich vu buu chinh cong ich',
    'bcci',
    'qua bcci',
    'buu dien',
    'qua buu dien',
    'vnpost',
  ],
};

const CHANNEL_BY_FOLDED = new Map<string, DossierChannel>();
for (const [channel, spellings] of Object.entries(CHANNEL_SPELLINGS) as [
  DossierChannel,
  readonly string[],
][]) {
  for (const spelling of spellings) CHANNEL_BY_FOLDED.set(foldLabel(spelling), channel);
}

/**
 * Folds a label for lookup: lower case, no Vietnamese diacritics, đ → d, every run of
 * non-alphanumerics a single space. "Trực tuyến – toàn trình" → "truc tuyen toan trinh".
 */
export function foldLabel(text: string): string {
  const plain = text.normalize('NFD').toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // combining marks
    const ch = c === 0x111 ? 'd' : plain[i];
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 0x111;
    if (alnum) {
      if (space && out.length > 0) out += ' ';
      out += ch;
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

// The distinct spellings in one export are few: remember each, up to a bound.
const channelCache = new Map<string, DossierChannel | null>();
const CACHE_LIMIT = 4096;

/** The channel a cell names, or null when it is not a known spelling. */
export function parseChannel(text: string): DossierChannel | null {
  const cached = channelCache.get(text);
  if (cached !== undefined) return cached;
  const channel = CHANNEL_BY_FOLDED.get(foldLabel(text)) ?? null;
  if (channelCache.size < CACHE_LIMIT) channelCache.set(text, channel);
  return channel;
}

const YES = new Set([
  'co',
  'x',
  '1',
  'true',
  'yes',
  'y',
  'dung',
  'da thanh toan',
  'da tt',
  'online',
]);
const NO = new Set(['khong', '0', 'false', 'no', 'n', 'sai', 'chua', 'chua thanh toan']);

/** Reads a yes/no cell: true, false, null when empty, undefined when unreadable. */
export function parseYesNo(value: CellValue): boolean | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (value instanceof Date) return undefined;
  if (value === '') return null;
  if (value === '1' || value === 'x' || value === 'Có') return true;
  if (value === '0' || value === 'Không') return false;
  const folded = foldLabel(value);
  if (folded === '') return null;
  return YES.has(folded) ? true : NO.has(folded) ? false : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const n = value.length;
    // Trimming allocates only when there is something to trim.
    return n > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32)
      ? value.trim()
      : value;
  }
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && text(value) === '');
}

/** Options for parsing rows. */
export interface ParseRowOptions {
  /** 1-based row number, copied into every problem. */
  rowNumber?: number;
  /** Points scale in hundredths that ratings must fit (default 0–200). */
  scale?: { min: number; max: number };
}

// Problems of the row being parsed. Parsing is synchronous, so module state is safe, and it spares
// a million rows the closures they would otherwise allocate.
let problems: DossierProblem[] | null = null;
let currentRow: number | null = null;

function fail(
  column: DossierColumn,
  key: DossierProblemKey,
  params: Record<string, string> = {},
): void {
  (problems ??= []).push({
    row: currentRow,
    column,
    columnLabel: DOSSIER_COLUMN_LABELS[column],
    key,
    params,
    message: fillText(key, params),
  });
}

type RequiredColumn = 'code' | 'procedureCode' | 'unitCode' | 'receivedAt' | 'channel';

function missing(column: RequiredColumn): void {
  fail(column, `dossier_cell_missing_${column}`);
}

function requiredText(row: DossierRow, column: 'code' | 'procedureCode' | 'unitCode'): string {
  const value = text(row[column]);
  if (value === '') missing(column);
  return value;
}

function readTimestamp(
  row: DossierRow,
  column: 'receivedAt' | 'dueAt' | 'finishedAt' | 'returnedAt',
  isRequired: boolean,
): number | null {
  const value = row[column];
  if (isBlank(value)) {
    if (isRequired && column === 'receivedAt') missing(column);
    return null;
  }
  const ms = cellToMs(value);
  if (Number.isNaN(ms)) {
    fail(
      column,
      typeof value === 'number' ? 'dossier_cell_bad_serial' : 'dossier_cell_bad_timestamp',
      {
        value: text(value),
        minYear: String(MIN_YEAR),
        maxYear: String(MAX_YEAR),
      },
    );
    return null;
  }
  return ms;
}

function readCount(
  row: DossierRow,
  column: 'completionRequests' | 'agenciesInvolved',
): number | null {
  const value = row[column];
  if (isBlank(value)) return null;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? countFromText(text(value))
        : NaN;
  if (Number.isInteger(n) && n >= 0) {
    if (n <= MAX_COUNT) return n;
    fail(column, `dossier_cell_count_too_large_${column}`, {
      value: text(value),
      max: String(MAX_COUNT),
    });
    return null;
  }
  const params = { value: text(value) };
  if (n < 0) fail(column, `dossier_cell_negative_${column}`, params);
  else fail(column, `dossier_cell_not_count_${column}`, params);
  return null;
}

function readYesNo(row: DossierRow, column: 'onlinePayment' | 'returnedByPost'): boolean | null {
  const value = parseYesNo(row[column]);
  if (value !== undefined) return value;
  fail(column, 'dossier_cell_not_yes_no', { value: text(row[column]) });
  return null;
}

const DEFAULT_SCALE = Object.freeze({ min: 0, max: 200 });

/** A row parser for one file: it reads only the rating columns the file has. */
export type DossierRowParser = (row: DossierRow, rowNumber?: number) => DossierRowResult;

/**
 * Builds a parser for the rows of one file, given the columns its header maps to (all columns
 * when omitted) and the scale ratings must fit. Use it in imports; parseDossierRow is the one-off.
 */
export function createDossierRowParser(
  options: { columns?: readonly DossierColumn[]; scale?: { min: number; max: number } } = {},
): DossierRowParser {
  const present = options.columns === undefined ? null : new Set(options.columns);
  const citizen = CITIZEN_COLUMNS.map((c, i) => (present === null || present.has(c) ? i : -1));
  const self = SELF_COLUMNS.map((c, i) => (present === null || present.has(c) ? i : -1));
  const citizenIdx = citizen.filter((i) => i >= 0);
  const selfIdx = self.filter((i) => i >= 0);
  const scale = options.scale ?? DEFAULT_SCALE;
  return (row, rowNumber) => parseRow(row, rowNumber ?? null, scale, citizenIdx, selfIdx);
}

const ALL_INDEXES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Validates one imported row: required cells present, timestamps readable and in order, counts
 * whole and not negative, channel known, ratings within the scale. Returns the dossier or all
 * problems, located by column, each with its message key, parameters and Vietnamese text.
 */
export function parseDossierRow(row: DossierRow, options: ParseRowOptions = {}): DossierRowResult {
  return parseRow(
    row,
    options.rowNumber ?? null,
    options.scale ?? DEFAULT_SCALE,
    ALL_INDEXES,
    ALL_INDEXES,
  );
}

function parseRow(
  row: DossierRow,
  rowNumber: number | null,
  scale: { min: number; max: number },
  citizenIdx: readonly number[],
  selfIdx: readonly number[],
): DossierRowResult {
  problems = null;
  currentRow = rowNumber;
  const code = requiredText(row, 'code');
  const procedureCode = requiredText(row, 'procedureCode');
  const unitCode = requiredText(row, 'unitCode');
  const receivedAt = readTimestamp(row, 'receivedAt', true);
  const dueAt = readTimestamp(row, 'dueAt', false);
  const finishedAt = readTimestamp(row, 'finishedAt', false);
  const returnedAt = readTimestamp(row, 'returnedAt', false);
  if (receivedAt !== null) {
    if (finishedAt !== null && finishedAt < receivedAt) {
      fail('finishedAt', 'dossier_cell_finished_before_received', {
        finished: formatTimestamp(finishedAt),
        received: formatTimestamp(receivedAt),
      });
    }
    if (returnedAt !== null && returnedAt < receivedAt) {
      fail('returnedAt', 'dossier_cell_returned_before_received', {
        returned: formatTimestamp(returnedAt),
        received: formatTimestamp(receivedAt),
      });
    }
  }
  const completionRequests = readCount(row, 'completionRequests');
  const agenciesInvolved = readCount(row, 'agenciesInvolved');

  let channel: DossierChannel | null = null;
  const channelText = text(row.channel);
  if (channelText === '') {
    missing('channel');
  } else {
    channel = parseChannel(channelText);
    if (channel === null) {
      const folded = foldLabel(channelText);
      fail(
        'channel',
        folded === 'truc tuyen' || folded === 'online'
          ? 'dossier_cell_unknown_channel_online'
          : 'dossier_cell_unknown_channel',
        { value: channelText },
      );
    }
  }
  const onlinePayment = readYesNo(row, 'onlinePayment');
  const returnedByPost = readYesNo(row, 'returnedByPost');
  const citizenRatings =
    citizenIdx.length === 0 ? null : readRatings(row, CITIZEN_COLUMNS, citizenIdx, scale);
  const selfRatings = selfIdx.length === 0 ? null : readRatings(row, SELF_COLUMNS, selfIdx, scale);

  const found = problems;
  problems = null;
  if (found !== null) return { ok: false, problems: found };
  return {
    ok: true,
    dossier: {
      code,
      procedureCode,
      procedureName: text(row.procedureName),
      field: text(row.field),
      unitCode,
      officialCode: text(row.officialCode) || null,
      receivedAt: receivedAt as number,
      dueAt,
      finishedAt,
      returnedAt,
      completionRequests,
      agenciesInvolved,
      channel: channel as DossierChannel,
      onlinePayment,
      returnedByPost,
      status: text(row.status),
      citizenRatings,
      selfRatings,
    },
  };
}

// Whole numbers without a regex; "-1" → -1 (reported as negative), anything else → NaN.
function countFromText(s: string): number {
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  if (i === s.length) return NaN;
  let n = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return negative ? -n : n;
}

const CITIZEN_COLUMNS: readonly DossierColumn[] = INDICATOR_IDS.map(
  (id) => `citizenRating${id}` as const,
);
const SELF_COLUMNS: readonly DossierColumn[] = INDICATOR_IDS.map(
  (id) => `selfRating${id}` as const,
);

function readRatings(
  row: DossierRow,
  columns: readonly DossierColumn[],
  indexes: readonly number[],
  scale: { min: number; max: number },
): IndicatorRatings | null {
  let out: (number | null)[] | null = null;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] as number;
    const column = columns[i] as DossierColumn;
    const value = row[column];
    if (value === undefined || value === null || value === '') continue;
    let points: number;
    if (typeof value === 'number') {
      points = Math.round(value * 100);
      if (Math.abs(points - value * 100) > 1e-6) {
        fail(column, 'dossier_cell_rating_decimals', { value: String(value) });
        continue;
      }
    } else if (value === '0' || value === '1' || value === '2') {
      points = (value.charCodeAt(0) - 48) * 100;
    } else {
      const shown = text(value);
      if (shown === '') continue;
      const parsed = parseHundredths(shown);
      if (!parsed.ok) {
        fail(column, 'dossier_cell_rating_unreadable', { value: shown, detail: parsed.error });
        continue;
      }
      points = parsed.value;
    }
    if (points < scale.min || points > scale.max) {
      fail(column, 'dossier_cell_rating_out_of_scale', {
        value: text(value),
        min: formatPointsCompact(scale.min),
        max: formatPointsCompact(scale.max),
      });
      continue;
    }
    out ??= [null, null, null, null, null, null, null, null, null];
    out[i] = points;
  }
  return out;
}
