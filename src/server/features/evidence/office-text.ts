/**
 * The text of a Word (.docx) or OpenDocument (.odt) evidence file, laid out as the PDF text
 * extraction lays out a page, so that the Decree 30 reader reads both alike: one line per
 * paragraph (or line break), a blank line for an empty paragraph and around a table, and a table
 * row's cells side by
 * side, their paragraphs paired line by line and separated by a tab (the header's issuing body on
 * the left, the national name and motto on the right).
 *
 * The file is read in a contained worker (`readOfficeText` is its task): the archive passes the
 * zip guard under the `evidenceText` policy first (caps per part and in all, compression ratio, no
 * document type declaration nor entities), then the one body part is scanned by a small tag reader
 * that keeps text and structure and nothing else (no external reference is ever followed).
 */
import { runContained } from '../../infra/contained.ts';
import { readZipParts } from '../../infra/zip-guard.ts';
import { AppError } from '../../errors.ts';

export type OfficeTextResult =
  | { status: 'ok'; text: string }
  | { status: 'unreadable' }
  | { status: 'too_large' }
  | { status: 'timeout' };

const BODY_PART = { docx: 'word/document.xml', odt: 'content.xml' } as const;

/** Tags of each format the reader cares about. */
const TAGS = {
  docx: {
    paragraph: new Set(['w:p']),
    text: new Set(['w:t']),
    tab: new Set(['w:tab', 'w:ptab']),
    lineBreak: new Set(['w:br', 'w:cr']),
    table: 'w:tbl',
    row: 'w:tr',
    cell: 'w:tc',
    // Deleted text, field codes, the fallback copy of a drawing: not what the page shows.
    skip: new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:tblPr', 'w:rPr', 'w:pPr']),
    space: null,
  },
  odt: {
    paragraph: new Set(['text:p', 'text:h']),
    // Text is any character data inside a paragraph.
    text: null,
    tab: new Set(['text:tab']),
    lineBreak: new Set(['text:line-break']),
    table: 'table:table',
    row: 'table:table-row',
    cell: 'table:table-cell',
    skip: new Set([
      'office:annotation',
      'text:tracked-changes',
      'text:note',
      'office:forms',
      'text:sequence-decls',
      'office:font-face-decls',
      'office:automatic-styles',
    ]),
    space: 'text:s',
  },
} as const;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** A cell of the outermost table being read: its lines so far. */
interface Cell {
  lines: string[];
}

/**
 * The body of a Word or OpenDocument text as lines (see the module header). Pure: takes the XML
 * of the body part. Tables inside tables give their text to the outer cell, line by line.
 */
export function officeBodyText(xml: string, format: 'docx' | 'odt'): string {
  const tags = TAGS[format];
  const out: string[] = [];
  let tableDepth = 0;
  let rowCells: Cell[] | null = null;
  let cell: Cell | null = null;
  let skipDepth = 0;
  let skipTag: string | null = null;
  // Paragraphs may nest (a text box inside a paragraph): the innermost one collects text.
  const paragraphs: string[] = [];
  let inText = 0;

  const emit = (line: string) => {
    if (cell) cell.lines.push(line);
    else out.push(line);
  };
  const append = (s: string) => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += s;
  };
  const flushRow = (cells: Cell[]) => {
    const rows = Math.max(0, ...cells.map((c) => c.lines.length));
    for (let r = 0; r < rows; r++)
      out.push(cells.map((c) => (c.lines[r] ?? '').replace(/\t/g, ' ')).join('\t'));
  };

  const token = /<(\/?)([A-Za-z_][\w.-]*:?[\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const [, closing, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (skipDepth > 0) continue;
      if (paragraphs.length > 0 && (tags.text === null || inText > 0))
        append(decodeEntities(chars));
      continue;
    }
    const tag = name!;
    if (skipDepth > 0) {
      if (tag === skipTag) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
      }
      continue;
    }
    if (tags.skip.has(tag as never)) {
      if (!closing && !selfClosing) {
        skipTag = tag;
        skipDepth = 1;
      }
      continue;
    }
    if (tags.paragraph.has(tag as never)) {
      if (!closing) paragraphs.push('');
      if (closing || selfClosing) emit((paragraphs.pop() ?? '').replace(/[ \u00a0]+/g, ' ').trim());
      continue;
    }
    if (tags.text?.has(tag as never)) {
      if (!selfClosing) inText += closing ? -1 : 1;
      continue;
    }
    if (tags.tab.has(tag as never)) {
      if (!closing) append(' ');
      continue;
    }
    if (tags.space !== null && tag === tags.space) {
      if (!closing) {
        const count = Number(/\bc="(\d+)"/.exec(attrs ?? '')?.[1] ?? '1');
        append(' '.repeat(Math.min(Math.max(count, 1), 50)));
      }
      continue;
    }
    if (tags.lineBreak.has(tag as never)) {
      // A page break is no line of text; a line break ends one.
      if (!closing && !/w:type="page"/.test(attrs ?? '') && paragraphs.length > 0) {
        const line = paragraphs.pop()!;
        emit(line.replace(/[ \u00a0]+/g, ' ').trim());
        paragraphs.push('');
      }
      continue;
    }
    if (tag === tags.table) {
      if (selfClosing) continue;
      tableDepth += closing ? -1 : 1;
      // A table stands apart from the paragraphs around it, as on the page.
      if (tableDepth === 0 || (tableDepth === 1 && !closing)) out.push('');
      continue;
    }
    if (tableDepth !== 1) continue;
    if (tag === tags.row) {
      if (!closing && !selfClosing) rowCells = [];
      else if (closing && rowCells) {
        flushRow(rowCells);
        rowCells = null;
      }
    } else if (tag === tags.cell && rowCells) {
      if (!closing) {
        cell = { lines: [] };
        rowCells.push(cell);
        if (selfClosing) cell = null;
      } else cell = null;
    }
  }
  return out.join('\n');
}

/**
 * The contained worker's task: guard the archive, take its body part, read it as lines. Throws
 * nothing for a damaged file: its problem comes back as a status.
 */
export async function officeTextTask(
  data: Uint8Array,
  format: 'docx' | 'odt',
): Promise<{ ok: true; text: string } | { ok: false; reason: 'corrupt' | 'too_large' }> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const part = BODY_PART[format];
  const read = await readZipParts(buffer, 'evidenceText', [part]);
  if (!read.ok) {
    const kind = read.problem.kind;
    const large =
      kind === 'part_too_large' ||
      kind === 'total_too_large' ||
      kind === 'ratio_too_high' ||
      kind === 'too_many_entries';
    return { ok: false, reason: large ? 'too_large' : 'corrupt' };
  }
  const body = read.parts[part];
  if (!body) return { ok: false, reason: 'corrupt' };
  return { ok: true, text: officeBodyText(body.toString('utf8'), format) };
}

const TASK = new URL('./office-text.ts', import.meta.url);

/** Reads a .docx or .odt evidence file's text in a contained worker; never throws. */
export async function readOfficeText(
  bytes: Uint8Array,
  format: 'docx' | 'odt',
  limits = { heapMb: 192, timeoutMs: 20_000 },
): Promise<OfficeTextResult> {
  try {
    const result = await runContained<
      { ok: true; text: string } | { ok: false; reason: 'corrupt' | 'too_large' }
    >({ module: TASK, fn: 'officeTextTask', args: [bytes, format] }, limits);
    if (result.ok) return { status: 'ok', text: result.text };
    return { status: result.reason === 'too_large' ? 'too_large' : 'unreadable' };
  } catch (error) {
    if (error instanceof AppError && error.code === 'file_too_slow') return { status: 'timeout' };
    if (error instanceof AppError && error.code === 'file_too_heavy')
      return { status: 'too_large' };
    return { status: 'unreadable' };
  }
}
