/**
 * The catalogue of procedures offered through the public postal service (ADR 18): set on a unit
 * (usually the province) by those who manage its methodology, read by everyone who reads the
 * unit's dossiers, and applied to the unit's subtree — a unit uses its nearest ancestor's
 * catalogue, itself included. The quarterly results compute the seed 001 postal rates against it.
 */
import { can, type Actor } from '../../../domain/access.ts';
import type { PostalCatalogue } from '../../../domain/dossiers/aggregate.ts';
import {
  MAX_CATALOGUE_PROCEDURES,
  readCatalogue,
  splitPastedCatalogue,
  type CatalogueProblem,
  type CatalogueRow,
} from '../../../domain/dossiers/postal-catalogue.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { detectFileKind, readFileRows } from './file-rows.ts';
import * as catalogueRepo from './postal-catalogue.repository.ts';
import * as repo from './repository.ts';

/** The ids on a unit's path, root first (the unit itself last). */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((p) => p !== '')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n));
}

/** The catalogues that apply within an area: which one a unit uses, and every code they list. */
export interface AreaCatalogues {
  /** The catalogue's owner and codes for a unit of the area (by its path); null when none. */
  forPath(path: string): { ownerId: number; codes: readonly string[] } | null;
  /** Every code of the catalogues that apply in the area (what the aggregation must count). */
  allCodes: string[];
  /** Whether any unit of the area falls under a catalogue. */
  any: boolean;
}

/** Loads the catalogues that can apply to the subtree at `path` (its own and its ancestors'). */
export async function areaCatalogues(db: Queryable, path: string): Promise<AreaCatalogues> {
  const owners = await catalogueRepo.ownersFor(db, path, pathIds(path));
  const items = await catalogueRepo.proceduresOf(
    db,
    owners.map((o) => o.unit_id),
  );
  const codesByOwner = new Map<number, string[]>(owners.map((o) => [o.unit_id, []]));
  for (const item of items) codesByOwner.get(item.unit_id)?.push(item.procedure_code);
  // Deepest first, so the nearest ancestor wins.
  const ordered = [...owners].sort((a, b) => b.path.length - a.path.length);
  const all = new Set<string>();
  for (const codes of codesByOwner.values()) for (const c of codes) all.add(c);
  return {
    forPath(unitPath) {
      const owner = ordered.find((o) => unitPath.startsWith(o.path));
      if (owner === undefined) return null;
      return { ownerId: owner.unit_id, codes: codesByOwner.get(owner.unit_id) ?? [] };
    },
    allCodes: [...all].sort(),
    any: owners.length > 0,
  };
}

/** The domain's catalogue for units given by id and path (one list object per catalogue). */
export function postalCatalogueOf(
  catalogues: AreaCatalogues,
  units: ReadonlyArray<{ id: number; path: string }>,
): PostalCatalogue {
  const byUnit: Record<string, readonly string[]> = {};
  for (const u of units) {
    const c = catalogues.forPath(u.path);
    if (c !== null) byUnit[String(u.id)] = c.codes;
  }
  return { byUnit };
}

/** The set of codes a unit's own rates use, or null without a catalogue. */
export function catalogueSetFor(catalogues: AreaCatalogues, path: string): Set<string> | null {
  const c = catalogues.forPath(path);
  return c === null ? null : new Set(c.codes);
}

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
  if (!can(actor, 'criteria.manage', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return unit;
}

/** The catalogue that applies to a unit: its own or its nearest ancestor's, with its procedures. */
export async function getPostalCatalogue(deps: Deps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  const owners = await catalogueRepo.ownersFor(deps.db, unit.path, pathIds(unit.path));
  const owner = owners
    .filter((o) => unit.path.startsWith(o.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const items =
    owner === undefined ? [] : await catalogueRepo.proceduresOf(deps.db, [owner.unit_id]);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    setOn:
      owner === undefined
        ? null
        : {
            id: owner.unit_id,
            name: owner.unit_name,
            updatedAt: new Date(owner.updated_at).toISOString(),
          },
    inherited: owner !== undefined && owner.unit_id !== unit.id,
    procedures: items.map((i) => ({ code: i.procedure_code, name: i.procedure_name })),
    canEdit: can(actor, 'criteria.manage', unit.path),
  };
}

const PROBLEM_KEYS = {
  'code-missing': 'dossier_postal_row_code_missing',
  'code-invalid': 'dossier_postal_row_code_invalid',
  'code-duplicate': 'dossier_postal_row_code_duplicate',
  'name-too-long': 'dossier_postal_row_name_too_long',
} as const;

function problemDetail(p: CatalogueProblem): ErrorDetail {
  const column = p.column === 'code' ? 'Mã TTHC' : 'Tên thủ tục';
  switch (p.kind) {
    case 'code-missing':
      return { row: p.row, column, key: PROBLEM_KEYS[p.kind], params: { row: p.row } };
    case 'code-invalid':
      return {
        row: p.row,
        column,
        key: PROBLEM_KEYS[p.kind],
        params: { row: p.row, value: p.value },
      };
    case 'code-duplicate':
      return {
        row: p.row,
        column,
        key: PROBLEM_KEYS[p.kind],
        params: { row: p.row, code: p.code, first: p.firstRow },
      };
    case 'name-too-long':
      return { row: p.row, column, key: PROBLEM_KEYS[p.kind], params: { row: p.row, max: p.max } };
  }
}

/** Checks the rows and replaces the unit's catalogue, all or nothing, with an audit entry. */
async function replaceFromRows(
  deps: Deps,
  actor: Actor,
  unit: repo.UnitRef,
  rows: readonly CatalogueRow[],
  source: 'paste' | 'file',
) {
  const { procedures, problems } = readCatalogue(rows);
  if (problems.length > 0) {
    throw new AppError(
      'invalid',
      'dossier_postal_catalogue_invalid',
      { count: problems.length },
      problems.slice(0, 200).map(problemDetail),
    );
  }
  if (procedures.length === 0) throw new AppError('invalid', 'dossier_postal_catalogue_empty');
  if (procedures.length > MAX_CATALOGUE_PROCEDURES) {
    throw new AppError('invalid', 'dossier_postal_catalogue_too_many', {
      max: MAX_CATALOGUE_PROCEDURES,
    });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await catalogueRepo.replaceCatalogue(
      tx,
      { unitId: unit.id, procedures, userId: actor.userId || null },
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.postal_catalogue.replace',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before: before === null ? null : { codes: before },
        after: { codes: procedures.map((p) => p.code), source },
      },
      now,
    );
  });
  return getPostalCatalogue(deps, actor, unit.id);
}

/** Replaces a unit's catalogue from pasted lines (code, then optional name). */
export async function replacePostalCatalogueFromText(
  deps: Deps,
  actor: Actor,
  unitId: number,
  text: string,
) {
  const unit = await editableUnit(deps, actor, unitId);
  return replaceFromRows(deps, actor, unit, splitPastedCatalogue(text), 'paste');
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** Replaces a unit's catalogue from a CSV or XLSX file: one code per row, the name beside it. */
export async function replacePostalCatalogueFromFile(
  deps: Deps,
  actor: Actor,
  unitId: number,
  filePath: string,
) {
  const unit = await editableUnit(deps, actor, unitId);
  let kind: Awaited<ReturnType<typeof detectFileKind>>;
  try {
    kind = await detectFileKind(filePath);
  } catch (error) {
    // The file checks speak of dossiers; say what was refused here.
    if (error instanceof AppError && error.code === 'dossier_import_empty') {
      throw new AppError('invalid', 'dossier_postal_catalogue_empty');
    }
    if (error instanceof AppError && error.code === 'dossier_import_wrong_type') {
      throw new AppError('unsupported', 'dossier_postal_catalogue_wrong_type');
    }
    if (error instanceof AppError && error.code === 'dossier_import_not_utf8') {
      throw new AppError('unsupported', 'dossier_postal_catalogue_not_utf8');
    }
    throw error;
  }
  const rows: CatalogueRow[] = [];
  for await (const r of readFileRows(filePath, kind)) {
    const code = cellText(r.cells[0]);
    const name = cellText(r.cells[1]);
    if (code === null && name === null) continue;
    rows.push({ row: r.rowNumber, code, name });
    if (rows.length > MAX_CATALOGUE_PROCEDURES + 1) {
      throw new AppError('invalid', 'dossier_postal_catalogue_too_many', {
        max: MAX_CATALOGUE_PROCEDURES,
      });
    }
  }
  return replaceFromRows(deps, actor, unit, rows, 'file');
}

/** Removes a unit's own catalogue: its units then use their nearest ancestor's, if any. */
export async function deletePostalCatalogue(deps: Deps, actor: Actor, unitId: number) {
  const unit = await editableUnit(deps, actor, unitId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await catalogueRepo.deleteCatalogue(tx, unit.id);
    if (before === null) {
      throw new AppError('not_found', 'dossier_postal_catalogue_none', { unit: unit.name });
    }
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.postal_catalogue.delete',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before: { codes: before },
        after: null,
      },
      now,
    );
  });
  return getPostalCatalogue(deps, actor, unit.id);
}
