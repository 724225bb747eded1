/**
 * Loads the official list of Vietnam's units in force since 1 July 2025 (34 provinces, 3,321
 * communes, with statistics-office codes) and the units they were formed from, linked by lineage.
 * Source and licence: resources/dvhc-2025/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { searchKey } from '../../../domain/text.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import * as repo from './repository.ts';

export const DVHC_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../resources/dvhc-2025',
);
export const REFORM_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

interface MergeSource {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
interface MergesFile {
  data: Array<{
    level1_id: string;
    name: string;
    merges: MergeSource[];
    level2s: Array<{ level2_id: string; name: string; merges: MergeSource[] }>;
  }>;
}

/** The kind of a unit from the word its official name starts with. */
export function kindFromName(name: string, level: 1 | 2): string {
  if (level === 1) return 'province';
  if (name.startsWith('Phường')) return 'ward';
  if (name.startsWith('Đặc khu')) return 'special_zone';
  if (name.startsWith('Thị trấn')) return 'township';
  return 'commune';
}

/** Inserts the official units and their predecessors into an empty unit table. */
export async function loadOfficialUnits(
  tx: Queryable,
  now: Date,
): Promise<{ current: number; past: number; links: number }> {
  const csv = parse(readFileSync(path.join(DVHC_DIR, 'units.csv')), {
    columns: true,
    bom: true,
  }) as Array<{
    province_code: string;
    province_name: string;
    commune_code: string;
    commune_name: string;
  }>;
  const merges = JSON.parse(readFileSync(path.join(DVHC_DIR, 'merges.json'), 'utf8')) as MergesFile;

  // Today's provinces continue the old province of the same code, so they carry no start date.
  const provinces = [...new Map(csv.map((r) => [r.province_code, r.province_name])).entries()];
  const provinceIds = await repo.insertUnitsBulk(
    tx,
    provinces.map(([code, name]) => ({
      code,
      name,
      kind: 'province',
      parentId: null,
      validFrom: null,
      validTo: null,
      searchKey: searchKey(name),
    })),
    now,
  );
  const provinceId = new Map(provinces.map(([code], i) => [code, provinceIds[i]!]));

  const communeIds = await repo.insertUnitsBulk(
    tx,
    csv.map((r) => ({
      code: r.commune_code,
      name: r.commune_name,
      kind: kindFromName(r.commune_name, 2),
      parentId: provinceId.get(r.province_code)!,
      validFrom: REFORM_DATE,
      validTo: null,
      searchKey: searchKey(r.commune_name),
    })),
    now,
  );
  const communeId = new Map(csv.map((r, i) => [r.commune_code, communeIds[i]!]));

  // Units that existed until 30 June 2025: old provinces merged into another code, and every old commune.
  const oldProvinces = new Map<
    string,
    { name: string; successors: Array<{ id: number; type: 'full' | 'partial' }> }
  >();
  const oldCommunes = new Map<
    string,
    {
      name: string;
      provinceCode: string;
      successors: Array<{ id: number; type: 'full' | 'partial' }>;
    }
  >();
  for (const p of merges.data) {
    for (const m of p.merges) {
      if (m.old_id === p.level1_id) continue;
      const entry = oldProvinces.get(m.old_id) ?? { name: m.name, successors: [] };
      entry.successors.push({ id: provinceId.get(p.level1_id)!, type: m.type });
      oldProvinces.set(m.old_id, entry);
    }
    for (const c of p.level2s) {
      const newId = communeId.get(c.level2_id);
      if (newId === undefined) continue;
      for (const m of c.merges) {
        const entry = oldCommunes.get(m.old_id) ?? {
          name: m.name,
          provinceCode: p.level1_id,
          successors: [],
        };
        entry.successors.push({ id: newId, type: m.type });
        oldCommunes.set(m.old_id, entry);
      }
    }
  }
  const oldProvinceList = [...oldProvinces.entries()];
  const oldProvinceIds = await repo.insertUnitsBulk(
    tx,
    oldProvinceList.map(([code, p]) => ({
      code,
      name: p.name,
      kind: 'province',
      parentId: null,
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      searchKey: searchKey(p.name),
    })),
    now,
  );
  // An old commune sits under the province it belongs to now (its old district is not in the list).
  const oldCommuneList = [...oldCommunes.entries()];
  const oldCommuneIds = await repo.insertUnitsBulk(
    tx,
    oldCommuneList.map(([code, c]) => ({
      code,
      name: c.name,
      kind: kindFromName(c.name, 2),
      parentId: provinceId.get(c.provinceCode)!,
      validFrom: null,
      validTo: LAST_DAY_BEFORE_REFORM,
      searchKey: searchKey(c.name),
    })),
    now,
  );
  const links: repo.LineageRow[] = [];
  oldProvinceList.forEach(([, p], i) =>
    p.successors.forEach((s) =>
      links.push({
        predecessor_id: oldProvinceIds[i]!,
        successor_id: s.id,
        merge_type: s.type,
        effective_date: REFORM_DATE,
      }),
    ),
  );
  oldCommuneList.forEach(([, c], i) =>
    c.successors.forEach((s) =>
      links.push({
        predecessor_id: oldCommuneIds[i]!,
        successor_id: s.id,
        merge_type: s.type,
        effective_date: REFORM_DATE,
      }),
    ),
  );
  await repo.insertLineageBulk(tx, links);
  await repo.rebuildPaths(tx);
  const summary = {
    current: provinces.length + csv.length,
    past: oldProvinceList.length + oldCommuneList.length,
    links: links.length,
  };
  await appendAuditEntry(
    tx,
    {
      actorId: null,
      actorName: 'system',
      action: 'unit.load_official',
      entity: 'unit',
      entityId: null,
      unitId: null,
      after: { source: 'resources/dvhc-2025', ...summary },
    },
    now,
  );
  return summary;
}
