/**
 * The catalogue of procedures a province offers through the public postal service ("Danh mục TTHC
 * thực hiện qua dịch vụ bưu chính công ích"): reading it from pasted lines or from a file's rows,
 * one procedure code per row with an optional name. Every bad row is reported with its number;
 * the caller saves nothing unless there is none (all or nothing).
 */
import { searchKey } from '../text.ts';

/** One procedure of the catalogue. */
export interface PostalProcedure {
  code: string;
  /** The procedure's name as the province lists it; null when not given. */
  name: string | null;
}

/** What is wrong with a row (the server words it). */
export type CatalogueProblem =
  | { row: number; column: 'code'; kind: 'code-missing' }
  | { row: number; column: 'code'; kind: 'code-invalid'; value: string }
  | { row: number; column: 'code'; kind: 'code-duplicate'; code: string; firstRow: number }
  | { row: number; column: 'name'; kind: 'name-too-long'; max: number };

/** One row as read from a paste or a file: its 1-based number and its first two cells. */
export interface CatalogueRow {
  row: number;
  code: string | null;
  name: string | null;
}

/** Most procedures one catalogue may list (a province publishes one to two thousand). */
export const MAX_CATALOGUE_PROCEDURES = 10_000;
export const MAX_PROCEDURE_CODE_LENGTH = 50;
export const MAX_PROCEDURE_NAME_LENGTH = 1_000;

// National database codes look like "1.001193" or "2.000635"; provinces also use their own codes
// ("BXD-01", "HT/05"), so letters, digits and . _ - / are accepted. Every code has a digit: a
// word of a procedure's name pasted first is not taken for a code.
const CODE = /^[0-9A-Za-z][0-9A-Za-z._\-/]*$/;

/** Whether a text can be a procedure code. */
export function isProcedureCode(text: string): boolean {
  return text.length <= MAX_PROCEDURE_CODE_LENGTH && CODE.test(text) && /[0-9]/.test(text);
}

// A first row such as "Mã TTHC | Tên thủ tục", "Mã thủ tục", "STT", "Code" is a header.
function isHeader(code: string | null): boolean {
  if (code === null || isProcedureCode(code)) return false;
  const key = searchKey(code);
  return /^(ma|code|stt|thu tuc|tthc|procedure)/.test(key);
}

/**
 * Splits pasted text into rows: one procedure per line, the code first, then (after a tab, a
 * semicolon, a comma or spaces) its name. Blank lines are skipped; line numbers are kept.
 */
export function splitPastedCatalogue(text: string): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (line.trim() === '') continue;
    // A line starting with a tab or a separator has an empty code (a spreadsheet's blank cell).
    const m = /^ *([^\t,;\s]*)[\t,;\s]*(.*)$/.exec(line);
    const code = m?.[1] ?? '';
    const name = (m?.[2] ?? '').trim();
    rows.push({ row: i + 1, code: code === '' ? null : code, name: name === '' ? null : name });
  }
  return rows;
}

/**
 * Reads the rows of a catalogue: a header row first is skipped; codes are trimmed; every problem is
 * listed with its row (a missing or malformed code, a code repeated, a name too long).
 */
export function readCatalogue(rows: readonly CatalogueRow[]): {
  procedures: PostalProcedure[];
  problems: CatalogueProblem[];
} {
  const procedures: PostalProcedure[] = [];
  const problems: CatalogueProblem[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((r, index) => {
    const code = r.code?.trim() ?? '';
    const name = r.name?.trim() ?? '';
    if (index === 0 && isHeader(code)) return;
    if (code === '') {
      problems.push({ row: r.row, column: 'code', kind: 'code-missing' });
      return;
    }
    if (!isProcedureCode(code)) {
      problems.push({ row: r.row, column: 'code', kind: 'code-invalid', value: code });
      return;
    }
    // Codes are compared as published; "1.001193" and "1.001193 " are the same after trimming.
    const first = firstRowOf.get(code);
    if (first !== undefined) {
      problems.push({ row: r.row, column: 'code', kind: 'code-duplicate', code, firstRow: first });
      return;
    }
    firstRowOf.set(code, r.row);
    if (name.length > MAX_PROCEDURE_NAME_LENGTH) {
      problems.push({
        row: r.row,
        column: 'name',
        kind: 'name-too-long',
        max: MAX_PROCEDURE_NAME_LENGTH,
      });
      return;
    }
    procedures.push({ code, name: name === '' ? null : name });
  });
  return { procedures, problems };
}
