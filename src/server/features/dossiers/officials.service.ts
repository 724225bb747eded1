/**
 * The one-stop officials a unit names by their code (ADR 44): read by everyone who reads the
 * unit's dossiers, kept by those who import them (the unit's officers, the standing agency above
 * it, the administrator). The quarterly view and report (seed 003) print the names.
 */
import { can, type Actor } from '../../../domain/access.ts';
import {
  checkOfficialCode,
  checkOfficialName,
  MAX_OFFICIAL_CODE_LENGTH,
  MAX_OFFICIAL_NAME_LENGTH,
  MAX_OFFICIALS_PER_FILE,
  readOfficialRows,
  type DossierOfficial,
  type OfficialProblemKind,
  type OfficialRow,
  type OfficialRowProblem,
} from '../../../domain/dossiers/officials.ts';
import type { DossierOfficials } from '../../../shared/contract/dossiers.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { detectFileKind, readFileRows } from './file-rows.ts';
import * as officialsRepo from './officials.repository.ts';
import * as repo from './repository.ts';

/** How many codes without a name the screen offers to name. */
const UNNAMED_LISTED = 200;

/** The column headings of the import file, as the screen and the errors name them. */
const COLUMNS = { code: 'Mã cán bộ', name: 'Họ và tên' } as const;

async function readableUnit(deps: Deps, actor: Actor, unitId: number): Promise<repo.UnitRef> {
  const unit = await repo.findUnitRef(deps.db, unitId);
  if (!unit) throw new AppError('not_found', 'not_found', { what: '@entity_unit' });
  if (!can(actor, 'dossier.read', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return unit;
}

async function editableUnit(deps: Deps, actor: Actor, unitId: number): Promise<repo.UnitRef> {
  const unit = await readableUnit(deps, actor, unitId);
  if (!can(actor, 'dossier.import', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return unit;
}

const limitOf = (kind: OfficialProblemKind): Record<string, number> =>
  kind === 'code-too-long'
    ? { max: MAX_OFFICIAL_CODE_LENGTH }
    : kind === 'name-too-long'
      ? { max: MAX_OFFICIAL_NAME_LENGTH }
      : {};

/** Checks a code and a name typed on the screen; a bad one is a 400 naming its field. */
function typedOfficial(code: string, fullName: string): DossierOfficial {
  const c = checkOfficialCode(code);
  const n = checkOfficialName(fullName);
  const details: ErrorDetail[] = [];
  if ('problem' in c) {
    details.push({
      field: 'code',
      key: `dossier_official_${c.problem}`,
      params: limitOf(c.problem),
    });
  }
  if ('problem' in n) {
    details.push({
      field: 'fullName',
      key: `dossier_official_${n.problem}`,
      params: limitOf(n.problem),
    });
  }
  if ('problem' in c || 'problem' in n) {
    throw new AppError('invalid', 'validation_failed', {}, details);
  }
  return { code: c.code, fullName: n.fullName };
}

/** A unit's officials, the codes of its dossiers that have no name yet, and whether one may edit. */
export async function getOfficials(
  deps: Deps,
  actor: Actor,
  unitId: number,
): Promise<DossierOfficials> {
  const unit = await readableUnit(deps, actor, unitId);
  const [officials, unnamedCodes] = await Promise.all([
    officialsRepo.officialsOf(deps.db, unit.id),
    officialsRepo.unnamedCodes(deps.db, unit.id, UNNAMED_LISTED),
  ]);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    officials,
    unnamedCodes,
    canEdit: can(actor, 'dossier.import', unit.path),
  };
}

interface AuditOf {
  action: string;
  before: unknown;
  after: unknown;
}

async function audited(
  deps: Deps,
  actor: Actor,
  unit: repo.UnitRef,
  write: (tx: Queryable) => Promise<AuditOf>,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const entry = await write(tx);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: entry.action,
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before: entry.before,
        after: entry.after,
      },
      now,
    );
  });
}

/** Names a new official of a unit; a code the unit already named is a 409. */
export async function addOfficial(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; code: string; fullName: string },
): Promise<DossierOfficials> {
  const unit = await editableUnit(deps, actor, input.unitId);
  const official = typedOfficial(input.code, input.fullName);
  await audited(deps, actor, unit, async (tx) => {
    if (!(await officialsRepo.insertOfficial(tx, unit.id, official))) {
      const name = await officialsRepo.officialName(tx, unit.id, official.code);
      throw new AppError('conflict', 'dossier_official_exists', {
        unit: unit.name,
        code: official.code,
        name: name ?? '',
      });
    }
    return { action: 'dossier.official.add', before: null, after: official };
  });
  return getOfficials(deps, actor, unit.id);
}

/** Corrects the name of an official the unit named; an unknown code is a 404. */
export async function renameOfficial(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; code: string; fullName: string },
): Promise<DossierOfficials> {
  const unit = await editableUnit(deps, actor, input.unitId);
  const official = typedOfficial(input.code, input.fullName);
  await audited(deps, actor, unit, async (tx) => {
    const before = await officialsRepo.renameOfficial(tx, unit.id, official);
    if (before === null) {
      throw new AppError('not_found', 'dossier_official_none', {
        unit: unit.name,
        code: official.code,
      });
    }
    return {
      action: 'dossier.official.update',
      before: { code: official.code, fullName: before },
      after: official,
    };
  });
  return getOfficials(deps, actor, unit.id);
}

/** Removes the name of an official: the report prints the code again. */
export async function removeOfficial(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; code: string },
): Promise<DossierOfficials> {
  const unit = await editableUnit(deps, actor, input.unitId);
  const code = input.code.trim();
  await audited(deps, actor, unit, async (tx) => {
    const before = await officialsRepo.deleteOfficial(tx, unit.id, code);
    if (before === null) {
      throw new AppError('not_found', 'dossier_official_none', { unit: unit.name, code });
    }
    return { action: 'dossier.official.delete', before: { code, fullName: before }, after: null };
  });
  return getOfficials(deps, actor, unit.id);
}

function rowProblem(p: OfficialRowProblem): ErrorDetail {
  const column = COLUMNS[p.column];
  const key = `dossier_officials_row_${p.kind}` as const;
  if (p.kind === 'code-duplicate') {
    return {
      row: p.row,
      column,
      key,
      params: { row: p.row, column, code: p.code, first: p.firstRow },
    };
  }
  return { row: p.row, column, key, params: { row: p.row, column, ...limitOf(p.kind) } };
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * Names the unit's officials from a CSV or XLSX file (column 1 the code, column 2 the full name):
 * codes already named are renamed, new ones added, the others kept; all or nothing.
 */
export async function importOfficials(
  deps: Deps,
  actor: Actor,
  unitId: number,
  filePath: string,
): Promise<DossierOfficials & { imported: number }> {
  const unit = await editableUnit(deps, actor, unitId);
  let kind: Awaited<ReturnType<typeof detectFileKind>>;
  try {
    kind = await detectFileKind(filePath);
  } catch (error) {
    // The file checks speak of dossiers; say what was refused here.
    if (error instanceof AppError && error.code === 'dossier_import_empty') {
      throw new AppError('invalid', 'dossier_officials_empty');
    }
    if (error instanceof AppError && error.code === 'dossier_import_wrong_type') {
      throw new AppError('unsupported', 'dossier_officials_wrong_type');
    }
    if (error instanceof AppError && error.code === 'dossier_import_not_utf8') {
      throw new AppError('unsupported', 'dossier_officials_not_utf8');
    }
    throw error;
  }
  const rows: OfficialRow[] = [];
  for await (const r of readFileRows(filePath, kind)) {
    const code = cellText(r.cells[0]);
    const fullName = cellText(r.cells[1]);
    if (code === null && fullName === null) continue;
    rows.push({ row: r.rowNumber, code, fullName });
    if (rows.length > MAX_OFFICIALS_PER_FILE + 1) {
      throw new AppError('invalid', 'dossier_officials_too_many', { max: MAX_OFFICIALS_PER_FILE });
    }
  }
  const { officials, problems } = readOfficialRows(rows);
  if (problems.length > 0) {
    throw new AppError(
      'invalid',
      'dossier_officials_invalid',
      { count: problems.length },
      problems.slice(0, 200).map(rowProblem),
    );
  }
  if (officials.length === 0) throw new AppError('invalid', 'dossier_officials_empty');
  if (officials.length > MAX_OFFICIALS_PER_FILE) {
    throw new AppError('invalid', 'dossier_officials_too_many', { max: MAX_OFFICIALS_PER_FILE });
  }
  await audited(deps, actor, unit, async (tx) => {
    const before = await officialsRepo.officialsOf(tx, unit.id);
    await officialsRepo.upsertOfficials(tx, unit.id, officials);
    const old = new Map(before.map((o) => [o.code, o.fullName]));
    return {
      action: 'dossier.official.import',
      before: officials.flatMap((o) =>
        old.has(o.code) ? [{ code: o.code, fullName: old.get(o.code) }] : [],
      ),
      after: officials,
    };
  });
  return { ...(await getOfficials(deps, actor, unit.id)), imported: officials.length };
}
