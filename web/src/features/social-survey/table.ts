/**
 * Reading a list in the browser: text pasted from a spreadsheet or a CSV file (comma, semicolon or
 * tab, quotes as in RFC 4180), or the first sheet of an Excel file (.xlsx, read with the browser's
 * own inflater: no library). Each row keeps the number it has in the sheet, so a refusal can name it.
 */

export interface SheetTable {
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** Splits delimited text; the delimiter is the one of tab, semicolon, comma found on the first line. */
export function parseDelimited(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.includes('\t') ? '\t' : first.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && clean[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Header and rows (blank rows dropped, numbered as in the sheet: the header is row 1). */
export function toTable(grid: string[][], rowNumbers?: number[]): SheetTable {
  const numbered = grid.map((cells, i) => ({ row: rowNumbers?.[i] ?? i + 1, cells }));
  const filled = numbered.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rest] = filled;
  return { headers: (head?.cells ?? []).map((h) => h.trim()), rows: rest };
}

// --- .xlsx: a zip of XML files --------------------------------------------------------------

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The files of a zip archive by name (only those asked for are inflated). */
async function unzip(buffer: ArrayBuffer, wanted: (name: string) => boolean) {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad zip directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
    if (!wanted(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 0 ? data : await inflate(data));
  }
  return files;
}

const byTag = (node: Document | Element, tag: string) => [...node.getElementsByTagNameNS('*', tag)];

/** "C12" → 2 (A is 0). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first sheet of an .xlsx file as a table of texts, rows numbered as in the sheet. */
export async function readXlsx(buffer: ArrayBuffer): Promise<SheetTable> {
  const files = await unzip(buffer, (name) => name.startsWith('xl/'));
  const text = (name: string) => {
    const data = files.get(name);
    return data
      ? new DOMParser().parseFromString(new TextDecoder().decode(data), 'text/xml')
      : null;
  };
  // The first sheet of the workbook, through its relationship.
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const firstSheet = workbook ? byTag(workbook, 'sheet')[0] : undefined;
  const rid =
    firstSheet?.getAttributeNS(
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'id',
    ) ?? firstSheet?.getAttribute('r:id');
  const target = rels
    ? byTag(rels, 'Relationship')
        .find((r) => r.getAttribute('Id') === rid)
        ?.getAttribute('Target')
    : undefined;
  if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const shared = text('xl/sharedStrings.xml');
  const strings = shared
    ? byTag(shared, 'si').map((si) =>
        byTag(si, 't')
          .filter((t) => t.parentElement?.localName !== 'rPh')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
    : [];
  const sheet = text(sheetPath);
  if (!sheet) throw new Error('no sheet');
  const grid: string[][] = [];
  const numbers: number[] = [];
  for (const row of byTag(sheet, 'row')) {
    const cells: string[] = [];
    for (const c of byTag(row, 'c')) {
      const i = columnIndex(c.getAttribute('r') ?? '');
      const type = c.getAttribute('t');
      const v = byTag(c, 'v')[0]?.textContent ?? '';
      const value =
        type === 's'
          ? (strings[Number(v)] ?? '')
          : type === 'inlineStr'
            ? byTag(c, 't')
                .map((t) => t.textContent ?? '')
                .join('')
            : v;
      if (i >= 0) {
        while (cells.length < i) cells.push('');
        cells[i] = value;
      }
    }
    grid.push(cells);
    numbers.push(Number(row.getAttribute('r')) || grid.length);
  }
  return toTable(grid, numbers);
}

/** A chosen file (.xlsx or delimited text) as a table. */
export async function readTableFile(file: File): Promise<SheetTable> {
  const buffer = await file.arrayBuffer();
  const head = new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  if (head[0] === 0x50 && head[1] === 0x4b) return readXlsx(buffer);
  return toTable(parseDelimited(new TextDecoder().decode(buffer)));
}

// --- respondents --------------------------------------------------------------------------

/** The columns of a respondents list, with the names each may go by (lower case, no accents). */
export const RESPONDENT_COLUMNS = {
  code: ['ma_nguoi_tra_loi', 'ma', 'code'],
  group: ['nhom', 'group'],
  fullName: ['ho_ten', 'ho_va_ten', 'full_name', 'name'],
  unitCode: ['don_vi', 'ma_don_vi', 'unit_code', 'unit'],
  email: ['email', 'thu_dien_tu'],
} as const;

export type RespondentField = keyof typeof RESPONDENT_COLUMNS;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');

export interface RespondentRow {
  row: number;
  code: string;
  group: string;
  fullName: string;
  unitCode: string;
  email: string;
}

/**
 * The respondents of a table: each row with its sheet row number. `missing` lists the required
 * columns (code, group, name) not found, by their first name.
 */
export function respondentsFromTable(table: SheetTable): {
  rows: RespondentRow[];
  missing: string[];
  columns: Record<RespondentField, string | null>;
} {
  const folded = table.headers.map(fold);
  const index = {} as Record<RespondentField, number>;
  const columns = {} as Record<RespondentField, string | null>;
  for (const [field, names] of Object.entries(RESPONDENT_COLUMNS) as [
    RespondentField,
    readonly string[],
  ][]) {
    index[field] = folded.findIndex((h) => names.includes(h));
    columns[field] = index[field] >= 0 ? (table.headers[index[field]] ?? null) : null;
  }
  const missing = (['code', 'group', 'fullName'] as const)
    .filter((f) => index[f] < 0)
    .map((f) => RESPONDENT_COLUMNS[f][0]);
  const cell = (cells: string[], f: RespondentField) =>
    index[f] >= 0 ? (cells[index[f]] ?? '').trim() : '';
  return {
    missing,
    columns,
    rows: table.rows.map(({ row, cells }) => ({
      row,
      code: cell(cells, 'code'),
      group: cell(cells, 'group'),
      fullName: cell(cells, 'fullName'),
      unitCode: cell(cells, 'unitCode'),
      email: cell(cells, 'email'),
    })),
  };
}

/** A CSV text (comma, quotes where needed, BOM for Excel) of rows of cells. */
export function toCsv(rows: string[][]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
