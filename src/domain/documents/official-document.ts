/**
 * Reads an official document's metadata from its text by the layout of Decree 30/2020/NĐ-CP:
 * the header's left column (parent and issuing body, then "Số: 87/KH-UBND"), the right column
 * (national name, motto, then "Quy Kỳ, ngày 10 tháng 5 năm 2023"), the type name and summary
 * line, and the signing block at the end (TM./KT./Q./TL./TUQ. + title, then the signer's name).
 *
 * Pure: it takes text, as extracted from a PDF (columns of one line separated by a tab, a blank
 * line where the page leaves a gap) or converted from a Word file (one cell per line, `**` for
 * bold), and never guesses beyond what is printed: a blank number or day stays blank.
 */
import { parseUserDate } from '../dates.ts';

/** Kinds of documents, the same values as the evidence library's document types. */
export const OFFICIAL_DOCUMENT_KINDS = [
  'resolution',
  'decision',
  'directive',
  'regulation',
  'notice',
  'guidance',
  'programme',
  'plan',
  'scheme',
  'report',
  'minutes',
  'submission',
  'official_letter',
  'other',
] as const;

export type OfficialDocumentKind = (typeof OFFICIAL_DOCUMENT_KINDS)[number];

interface TypeInfo {
  kind: OfficialDocumentKind;
  name: string;
}

/** Abbreviations of type names in symbols (Decree 30, appendix III) and the type they stand for. */
const TYPE_CODES: Record<string, TypeInfo> = {
  NQ: { kind: 'resolution', name: 'Nghị quyết' },
  QĐ: { kind: 'decision', name: 'Quyết định' },
  CT: { kind: 'directive', name: 'Chỉ thị' },
  QC: { kind: 'regulation', name: 'Quy chế' },
  QYĐ: { kind: 'regulation', name: 'Quy định' },
  TB: { kind: 'notice', name: 'Thông báo' },
  HD: { kind: 'guidance', name: 'Hướng dẫn' },
  CTR: { kind: 'programme', name: 'Chương trình' },
  KH: { kind: 'plan', name: 'Kế hoạch' },
  PA: { kind: 'scheme', name: 'Phương án' },
  ĐA: { kind: 'scheme', name: 'Đề án' },
  BC: { kind: 'report', name: 'Báo cáo' },
  BB: { kind: 'minutes', name: 'Biên bản' },
  TTR: { kind: 'submission', name: 'Tờ trình' },
  GM: { kind: 'other', name: 'Giấy mời' },
};

/** Printed type names (upper case, as in the header) and their type. */
const TYPE_NAMES: Record<string, TypeInfo> = Object.fromEntries(
  Object.values(TYPE_CODES).map((info) => [info.name.toLocaleUpperCase('vi'), info]),
);

const OFFICIAL_LETTER: TypeInfo = { kind: 'official_letter', name: 'Công văn' };

/** The signing block: on whose behalf (TM./KT./…) and the signer's own title and name. */
export interface SigningBlock {
  /** Every upper-case line of the block, as printed: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]. */
  lines: string[];
  /** The signer's own title, the block's last line: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  title: string;
  /** The capacity marker of the first line: TM. (on behalf of), KT. (deputising)… or null. */
  capacity: 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ' | null;
  /** The signer's name under the block, when printed. */
  name: string | null;
}

/** What could be read from a document; null where the text does not say. */
export interface OfficialDocumentMetadata {
  /** "87/KH-UBND"; null when there is no number line or the number is left blank. */
  number: string | null;
  /** The number line was found but its number left blank ("Số: /BC-UBND"). */
  numberBlank: boolean;
  /** The symbol after the slash: "KH-UBND". */
  symbol: string | null;
  kind: OfficialDocumentKind | null;
  /** The type's Vietnamese name: "Kế hoạch", or "Công văn" for a letter. */
  typeName: string | null;
  /** Issuing body: "UỶ BAN NHÂN DÂN XÃ QUY KỲ". */
  issuer: string | null;
  /** The body above the issuer in the header, if any: "UBND HUYỆN VẠN NINH". */
  parentBody: string | null;
  /** Place of issue: "Quy Kỳ". */
  place: string | null;
  /** Issue date "YYYY-MM-DD", null when not printed or incomplete. */
  issuedOn: string | null;
  /** The year of the date line, even when the day or month was left blank. */
  issuedYear: number | null;
  /** The date line was found with its day or month left blank ("ngày tháng 4 năm 2023"). */
  dateBlank: boolean;
  /** Trích yếu: the summary line under the type name, or "V/v …" of a letter. */
  summary: string | null;
  signing: SigningBlock | null;
}

const NATIONAL_NAME = /^C[ỘO]NG H[ÒOÓ]A X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM$/u;
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
const NUMBER_LINE = /^Số\s*:?\s*(.*)$/iu;
const SYMBOL_PART =
  /^(\d+[A-Za-z]?)?\s*\/\s*([\p{Lu}\p{Ll}0-9]+(?:\s*[-–]\s*[\p{Lu}\p{Ll}0-9]+)*)/u;
const DATE_WORDS = /^(.*?),?\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu;
const DATE_NUMERIC = /^(.*?),?\s*(?:ngày\s*)?(\d{1,2}\/\d{1,2}\/\d{4})\b/iu;
const CAPACITY = /^(TM|KT|Q|TL|TUQ)\s*\.\s*(.*)$/u;
// Lines that continue a body's name on the next line of the header ("HỘI ĐỒNG NHÂN DÂN" / "XÃ …").
// (`\b` only knows ASCII letters, hence the explicit spaces.)
const LEVEL_START = /^(XÃ|PHƯỜNG|THỊ TRẤN|THỊ XÃ|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH|ĐẶC KHU)(?=\s|$)/u;
const LEVEL_ANYWHERE = /(?:^|\s)(XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THÀNH PHỐ|TỈNH|ĐẶC KHU)(?=\s|$)/u;
// Words that name a body (a line holding one starts a body of its own).
const ORGAN =
  /(?:^|\s)(UBND|HĐND|ỦY|UỶ|HỘI|SỞ|PHÒNG|BAN|BỘ|CỤC|TRUNG TÂM|CÔNG AN|ĐẢNG|ĐOÀN|TRƯỜNG|TỔ|MẶT TRẬN|VIỆN|CHI)(?=\s|$)/u;

/** Cells of a line: columns printed side by side are separated by tabs. */
interface Line {
  cells: string[];
  blank: boolean;
}

function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/[ \u00a0]+/g, ' ')
    .trim();
}

function toLines(text: string): Line[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((raw) => {
      const cells = raw.split('\t').map(clean).filter(Boolean);
      return { cells, blank: cells.length === 0 };
    });
}

const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi');
const isRule = (s: string) => /^[-_–—.=*\s]+$/u.test(s);

/** "87/KH-UBND", "/BC-UBND", "296/UBND-VP" → its parts. */
function readNumber(rest: string): { number: string | null; symbol: string } | null {
  const m = SYMBOL_PART.exec(rest.trim());
  if (!m) return null;
  const symbol = m[2]!.replace(/\s*[-–]\s*/g, '-');
  return { number: m[1] ? `${m[1]}/${symbol}` : null, symbol };
}

function typeOfSymbol(symbol: string): TypeInfo {
  const first = symbol.split('-')[0]!.toLocaleUpperCase('vi');
  return TYPE_CODES[first] ?? OFFICIAL_LETTER;
}

function readDate(cell: string): {
  place: string | null;
  issuedOn: string | null;
  year: number | null;
  blank: boolean;
} | null {
  const words = DATE_WORDS.exec(cell);
  if (words) {
    const [, place, day, month, year] = words;
    const placeName = clean(place ?? '').replace(/,$/, '') || null;
    if (!day || !month)
      return { place: placeName, issuedOn: null, year: Number(year), blank: true };
    const iso = parseUserDate(`${day}/${month}/${year}`);
    return { place: placeName, issuedOn: iso, year: Number(year), blank: false };
  }
  const numeric = DATE_NUMERIC.exec(cell);
  if (numeric) {
    const iso = parseUserDate(numeric[2]!);
    if (!iso) return null;
    const placeName = clean(numeric[1] ?? '').replace(/,$/, '') || null;
    return { place: placeName, issuedOn: iso, year: Number(iso.slice(0, 4)), blank: false };
  }
  return null;
}

/**
 * Joins header lines into bodies: "HỘI ĐỒNG NHÂN DÂN" + "XÃ PHƯƠNG TIẾN" is one body, and so is
 * a name wrapped in its column ("ỦY BAN NHÂN DÂN XÃ BẢO" + "CƯỜNG": a short line naming no body
 * and no level continues the place name above it).
 */
function bodiesOf(lines: string[]): string[] {
  const bodies: string[] = [];
  for (const line of lines) {
    const last = bodies.at(-1);
    const continues =
      last !== undefined &&
      ((LEVEL_START.test(line) && !LEVEL_ANYWHERE.test(last)) ||
        (LEVEL_ANYWHERE.test(last) &&
          !LEVEL_ANYWHERE.test(line) &&
          !LEVEL_START.test(line) &&
          !ORGAN.test(line) &&
          line.split(' ').length <= 3));
    if (continues) bodies[bodies.length - 1] = `${last} ${line}`;
    else bodies.push(line);
  }
  return bodies;
}

/** A person's name as printed under a signing block: two to six capitalised words. */
function looksLikeName(cell: string): boolean {
  if (isUpper(cell) && cell.split(' ').length > 6) return false;
  const words = cell.split(' ');
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w) || /^\p{Lu}+$/u.test(w))
  );
}

function readSigning(lines: Line[]): SigningBlock | null {
  // The last capacity line (TM./KT./…) starts the block; without one, a title alone (CHỦ TỊCH).
  let start = -1;
  let cellIndex = 0;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) {
    const cells = lines[i]!.cells;
    for (let c = cells.length - 1; c >= 0; c--) {
      if (CAPACITY.test(cells[c]!) && isUpper(cells[c]!)) {
        start = i;
        cellIndex = c;
        break;
      }
    }
  }
  if (start < 0) {
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 15) && start < 0; i--) {
      const cells = lines[i]!.cells;
      const c = cells.findIndex((cell) => /^(PHÓ )?CHỦ TỊCH$/u.test(cell));
      if (c >= 0) {
        start = i;
        cellIndex = c;
      }
    }
  }
  if (start < 0) return null;
  // "TM. THƯỜNG TRỰC HĐND" above "KT. CHỦ TỊCH": the block starts at the first capacity line.
  while (start > 0) {
    const above = lines[start - 1]!.cells.at(-1);
    if (!above || !CAPACITY.test(above) || !isUpper(above)) break;
    start -= 1;
    cellIndex = lines[start]!.cells.length - 1;
  }
  // Columns: the block is the cell found, and on following lines the last upper-case cell.
  const blockLines = [lines[start]!.cells[cellIndex]!];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) break;
    const cell = line.cells.at(-1)!;
    if (!isUpper(cell) || (looksLikeName(cell) && !/CHỦ TỊCH|TRƯỞNG|GIÁM ĐỐC|THƯ/u.test(cell)))
      break;
    blockLines.push(cell);
  }
  let name: string | null = null;
  for (; i < lines.length; i++) {
    const cell = lines[i]!.cells.at(-1);
    if (!cell || /^\(.*\)$/u.test(cell)) continue;
    if (looksLikeName(cell) && !isUpper(cell)) {
      name = cell;
      break;
    }
  }
  const capacity = CAPACITY.exec(blockLines[0]!);
  const normalised = blockLines.map((l) =>
    l.replace(CAPACITY, (_m, c: string, rest: string) => `${c}. ${rest}`),
  );
  return {
    lines: normalised,
    title: blockLines.length > 1 ? blockLines.at(-1)! : (capacity?.[2] ?? blockLines[0]!),
    capacity: (capacity?.[1] as SigningBlock['capacity']) ?? null,
    name,
  };
}

/** Reads an official document's metadata from its text (see the module header). */
export function readOfficialDocument(text: string): OfficialDocumentMetadata {
  const lines = toLines(text);
  const result: OfficialDocumentMetadata = {
    number: null,
    numberBlank: false,
    symbol: null,
    kind: null,
    typeName: null,
    issuer: null,
    parentBody: null,
    place: null,
    issuedOn: null,
    issuedYear: null,
    dateBlank: false,
    summary: null,
    signing: null,
  };
  // The header ends at the type name; it is searched in the first lines only.
  const headerEnd = Math.min(lines.length, 40);
  const bodyLines: string[] = [];
  let numberLine = -1;
  let typeLine = -1;
  let dateLine = -1;
  for (let i = 0; i < headerEnd && typeLine < 0; i++) {
    for (const cell of lines[i]!.cells) {
      const num = NUMBER_LINE.exec(cell);
      if (num && numberLine < 0) {
        const parsed = readNumber(num[1]!);
        if (parsed) {
          numberLine = i;
          result.symbol = parsed.symbol;
          result.number = parsed.number;
          result.numberBlank = parsed.number === null;
          continue;
        }
      }
      if (dateLine < 0 && cell.length <= 80 && /ngày|\d{1,2}\/\d{1,2}\/\d{4}/iu.test(cell)) {
        const date = readDate(cell);
        if (date && (date.place ?? '').length <= 40) {
          dateLine = i;
          result.place = date.place;
          result.issuedOn = date.issuedOn;
          result.issuedYear = date.year;
          result.dateBlank = date.blank;
          continue;
        }
      }
      const typeName = TYPE_NAMES[cell];
      if (typeName && (numberLine >= 0 || dateLine >= 0)) {
        typeLine = i;
        result.kind = typeName.kind;
        result.typeName = typeName.name;
        break;
      }
      if (/^V\/v\b/iu.test(cell) && numberLine >= 0 && result.summary === null)
        result.summary = cell.replace(/^V\/v\s*/iu, '').trim() || null;
      if (
        numberLine < 0 &&
        i < 12 &&
        cell.length <= 80 &&
        !/^([IVX]+|\d+)\./u.test(cell) &&
        isUpper(cell) &&
        !isRule(cell) &&
        !NATIONAL_NAME.test(cell) &&
        !MOTTO.test(cell)
      )
        bodyLines.push(cell);
    }
  }
  // Upper-case lines count as the header's bodies only in a document with a number or date line.
  const bodies = numberLine >= 0 || dateLine >= 0 ? bodiesOf(bodyLines) : [];
  result.issuer = bodies.at(-1) ?? null;
  result.parentBody = bodies.length > 1 ? bodies.at(-2)! : null;
  if (result.symbol) {
    const bySymbol = typeOfSymbol(result.symbol);
    // A symbol without a type code is a letter, unless a type name is printed after all.
    if (bySymbol !== OFFICIAL_LETTER || result.kind === null) {
      result.kind = bySymbol.kind;
      result.typeName = bySymbol.name;
    }
  }
  if (typeLine >= 0) {
    const parts: string[] = [];
    for (let i = typeLine + 1; i < lines.length && parts.length < 4; i++) {
      const line = lines[i]!;
      if (line.blank) {
        if (parts.length > 0) break;
        continue;
      }
      const cell = line.cells.join(' ');
      if (isRule(cell)) break;
      if (/^(Căn cứ|Kính gửi|Thực hiện)(?=[\s:]|$)/iu.test(cell)) break;
      // A summary line never ends a sentence: a line that does is the body (a Word file's
      // paragraphs follow one another without the gap a printed page leaves).
      if (parts.length > 0 && /[.;:]$/u.test(cell)) break;
      parts.push(cell);
    }
    result.summary = parts.join(' ').trim() || result.summary;
  }
  result.signing = readSigning(lines.slice(Math.max(typeLine, numberLine, 0) + 1));
  return result;
}
