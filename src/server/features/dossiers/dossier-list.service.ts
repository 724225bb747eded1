/**
 * Reading dossiers within the actor's unit scope: the API shape of a dossier, one dossier (its
 * successor units' readers may read it), the lists with their filters, and the dossiers and
 * procedures behind one part of a figure's rate.
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import { DEFAULT_METHOD, type RateKey } from '../../../domain/dossiers/config.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { areaCatalogues } from './postal-catalogue.service.ts';
import * as repo from './repository.ts';
import { effectiveMethod } from './settings.service.ts';
import { checkPeriod, notFoundDossier, readableUnit } from './shared.ts';
import { sharedSums } from './sums-cache.ts';

/** The API shape of a dossier. */
export function presentDossier(row: repo.DossierDbRow) {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  const points = [row.p1, row.p2, row.p3, row.p4, row.p5, row.p6, row.p7, row.p8, row.p9];
  return {
    code: row.code,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    officialCode: row.official_code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    receivedAt: iso(row.received_at) as string,
    dueAt: iso(row.due_at),
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    completionRequests: row.completion_requests,
    agenciesInvolved: row.agencies_involved,
    channel: row.channel,
    onlinePayment: row.online_payment,
    returnedByPost: row.returned_by_post,
    status: row.status,
    period: row.period,
    timeliness: row.timeliness,
    points,
    total: points.reduce<number>((a, p) => a + (p ?? 0), 0),
    rating:
      row.form_ratings === null ? null : { channel: row.form_channel, ratings: row.form_ratings },
    importedCitizenRatings: row.citizen_ratings,
  };
}

export type DossierView = ReturnType<typeof presentDossier>;

/** One dossier, when the actor may read its unit. */
export async function getDossier(deps: Deps, actor: Actor, code: string): Promise<DossierView> {
  const row = await repo.findDossier(deps.db, code);
  if (!row) throw notFoundDossier();
  if (!can(actor, 'dossier.read', row.unit_path)) {
    // A unit's dossiers belong to the unit it merged into: that unit's readers may read them.
    const successors = await repo.successorPaths(deps.db, row.unit_id);
    if (!successors.some((path) => can(actor, 'dossier.read', path))) throw notFoundDossier();
  }
  return presentDossier(row);
}

/** Units outside the given subtrees whose dossiers count inside them (they merged into them). */
async function mergedInto(deps: Deps, paths: readonly string[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const path of paths) {
    for (const f of await repo.foldIntoArea(deps.db, path)) {
      if (!paths.some((x) => f.path.startsWith(x))) ids.add(f.unit_id);
    }
  }
  return [...ids];
}

/**
 * Dossiers in the actor's scope, optionally of one unit's subtree (with the units merged into it),
 * quarter, official or timeliness; `overdue` lists the late list of a quarterly view: finished
 * late, or without a result and past due now.
 */
export async function listDossiers(
  deps: Deps,
  actor: Actor,
  input: {
    unitId?: number | undefined;
    period?: string | undefined;
    officialCode?: string | undefined;
    q?: string | undefined;
    timeliness?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: DossierView[]; total: number }> {
  if (input.period !== undefined) checkPeriod(input.period);
  const overdue = input.timeliness === 'overdue';
  let filter: repo.DossierFilter;
  let method = DEFAULT_METHOD;
  if (input.unitId !== undefined) {
    const unit = await readableUnit(deps, actor, input.unitId);
    const fold = await sharedSums(deps.db, ['fold', unit.path], () =>
      repo.foldIntoArea(deps.db, unit.path),
    );
    method = (await effectiveMethod(deps.db, unit)).method;
    filter = { scopePaths: null, members: { unitIds: fold.map((f) => f.unit_id) } };
  } else {
    const scopePaths = scopeOf(actor, 'dossier.read');
    const scopeUnitIds = scopePaths === null ? undefined : await mergedInto(deps, scopePaths);
    filter = { scopePaths, scopeUnitIds };
  }
  const result = await repo.listDossiers(
    deps.db,
    {
      ...filter,
      period: input.period,
      officialCode: input.officialCode,
      q: input.q,
      timeliness: overdue ? undefined : input.timeliness,
      overdue: overdue
        ? { asOf: deps.clock.now(), dueWithoutTime: method.dueWithoutTime }
        : undefined,
    },
    input.limit,
    input.offset,
    // Counting an area's quarter reads its every dossier (and, while an import loads, steps over
    // the rows it has not committed): the total is shared by readers until dossiers are written.
    (key, count) => sharedSums(deps.db, key, count),
  );
  return { items: result.items.map(presentDossier), total: result.total };
}

/**
 * The members of a figure: the dossiers' units with the catalogue owner of the unit each counts
 * toward. A unit's figure in the view of the area `within` (default: the unit itself) counts the
 * dossiers of every unit folding into the unit's subtree; an official's, or with `own`, those
 * folding into the unit itself — as the figures are computed (figuresOf).
 */
async function figureMembers(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; within?: number | undefined; own: boolean },
): Promise<{ unitIds: number[]; catalogueOwners: (number | null)[] }> {
  const unit = await readableUnit(deps, actor, input.unitId);
  const area =
    input.within === undefined || input.within === unit.id
      ? unit
      : await readableUnit(deps, actor, input.within);
  if (!unit.path.startsWith(area.path)) {
    throw new AppError('invalid', 'dossier_unit_outside_area', {
      unit: unit.name,
      area: area.name,
    });
  }
  const fold = await repo.foldIntoArea(deps.db, area.path);
  const catalogues = await areaCatalogues(deps.db, area.path);
  const pathOf = new Map(fold.map((f) => [f.unit_id, f.path]));
  const unitIds: number[] = [];
  const catalogueOwners: (number | null)[] = [];
  for (const f of fold) {
    const targetPath = pathOf.get(f.target) ?? '';
    const counted = input.own ? f.target === unit.id : targetPath.startsWith(unit.path);
    if (!counted) continue;
    unitIds.push(f.unit_id);
    catalogueOwners.push(catalogues.forPath(targetPath)?.ownerId ?? null);
  }
  return { unitIds, catalogueOwners };
}

/** The dossiers behind one part of a rate of a figure (see figureMembers); exactly those it counts. */
export async function listRateDossiers(
  deps: Deps,
  actor: Actor,
  input: {
    unitId: number;
    within?: number | undefined;
    scope?: 'subtree' | 'own' | undefined;
    period: string;
    officialCode?: string | undefined;
    rate: { key: RateKey; part: 'numerator' | 'denominator' };
    limit: number;
    offset: number;
  },
): Promise<{ items: DossierView[]; total: number }> {
  checkPeriod(input.period);
  const members = await figureMembers(deps, actor, {
    unitId: input.unitId,
    within: input.within,
    own: input.scope === 'own' || input.officialCode !== undefined,
  });
  const result = await repo.listDossiers(
    deps.db,
    {
      scopePaths: null,
      members,
      period: input.period,
      officialCode: input.officialCode,
      rate: input.rate,
    },
    input.limit,
    input.offset,
  );
  return { items: result.items.map(presentDossier), total: result.total };
}

/**
 * The procedures behind the postal-procedures rate of a figure: the denominator lists the
 * procedures of the catalogues that apply (once per catalogue), the numerator those with a dossier
 * received or returned by post.
 */
export async function listRateProcedures(
  deps: Deps,
  actor: Actor,
  input: {
    unitId: number;
    within?: number | undefined;
    scope?: 'subtree' | 'own' | undefined;
    period: string;
    officialCode?: string | undefined;
    part: 'numerator' | 'denominator';
    limit: number;
    offset: number;
  },
) {
  checkPeriod(input.period);
  const members = await figureMembers(deps, actor, {
    unitId: input.unitId,
    within: input.within,
    own: input.scope === 'own' || input.officialCode !== undefined,
  });
  const result = await repo.postalProcedureRows(
    deps.db,
    {
      period: input.period,
      unitIds: members.unitIds,
      owners: members.catalogueOwners,
      officialCode: input.officialCode,
      withPostal: input.part === 'numerator',
    },
    input.limit,
    input.offset,
  );
  return {
    items: result.items.map((r) => ({
      catalogueUnitId: r.owner_id,
      code: r.code,
      name: r.name,
      dossiers: r.dossiers,
      postal: r.postal,
    })),
    total: result.total,
  };
}
