/**
 * The one-stop officials a unit names (seed 003 names them in its annex): the one-stop system
 * knows an official by a code, the unit records the full name it gives each code. Checking a
 * code and a name typed on the screen, and a list of them read from a file's rows, every bad
 * row reported with its number and column; the caller saves nothing unless there is none.
 */
import { searchKey } from '../text.ts';

/** One official of a unit's one-stop desk. */
export interface DossierOfficial {
  code: string;
  fullName: string;
}

export const MAX_OFFICIAL_CODE_LENGTH = 100;
export const MAX_OFFICIAL_NAME_LENGTH = 200;
/** Most officials one file may name (a province's desks together have a few thousand). */
export const MAX_OFFICIALS_PER_FILE = 5_000;

/** What is wrong with a code or a name (the server words it). */
export type OfficialProblemKind =
  'code-missing' | 'code-too-long' | 'code-invalid' | 'name-missing' | 'name-too-long';

/** A problem of a row of a file; `column` says which cell. */
export type OfficialRowProblem =
  | { row: number; column: 'code' | 'name'; kind: OfficialProblemKind }
  | { row: number; column: 'code'; kind: 'code-duplicate'; code: string; firstRow: number };

/** One row as read from a file: its 1-based number and its first two cells. */
export interface OfficialRow {
  row: number;
  code: string | null;
  fullName: string | null;
}

// Control characters would print as nothing in the report; a code is one line of visible text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trims a code and says what is wrong with it, if anything. */
export function checkOfficialCode(
  raw: string | null,
): { code: string } | { problem: OfficialProblemKind } {
  const code = (raw ?? '').trim();
  if (code === '') return { problem: 'code-missing' };
  if (code.length > MAX_OFFICIAL_CODE_LENGTH) return { problem: 'code-too-long' };
  if (CONTROL.test(code)) return { problem: 'code-invalid' };
  return { code };
}

/** Trims a name (inner runs of spaces become one) and says what is wrong with it, if anything. */
export function checkOfficialName(
  raw: string | null,
): { fullName: string } | { problem: OfficialProblemKind } {
  const fullName = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (fullName === '') return { problem: 'name-missing' };
  if (fullName.length > MAX_OFFICIAL_NAME_LENGTH) return { problem: 'name-too-long' };
  return { fullName };
}

// A first row such as "Mã cán bộ | Họ và tên", "Mã CB", "Code | Name" is a header.
function isHeader(row: OfficialRow): boolean {
  const code = searchKey(row.code ?? '');
  const name = searchKey(row.fullName ?? '');
  return /^(ma|code|stt)/.test(code) && /^(ho|ten|name|full)/.test(name);
}

/**
 * Reads the rows of a file of officials: a header row first is skipped, blank rows are left out,
 * every problem is listed with its row and column (a code missing, too long or repeated, a name
 * missing or too long).
 */
export function readOfficialRows(rows: readonly OfficialRow[]): {
  officials: DossierOfficial[];
  problems: OfficialRowProblem[];
} {
  const officials: DossierOfficial[] = [];
  const problems: OfficialRowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code === null && r.fullName === null) return;
    if (i === 0 && isHeader(r)) return;
    const code = checkOfficialCode(r.code);
    const name = checkOfficialName(r.fullName);
    if ('problem' in code) problems.push({ row: r.row, column: 'code', kind: code.problem });
    if ('problem' in name) problems.push({ row: r.row, column: 'name', kind: name.problem });
    if ('problem' in code || 'problem' in name) return;
    const first = firstRowOf.get(code.code);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        column: 'code',
        kind: 'code-duplicate',
        code: code.code,
        firstRow: first,
      });
      return;
    }
    firstRowOf.set(code.code, r.row);
    officials.push({ code: code.code, fullName: name.fullName });
  });
  return { officials, problems };
}
