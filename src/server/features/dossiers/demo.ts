/**
 * Illustrative dossiers for the demo: one quarter (Q2 2021) of huyện Điện Biên Đông's communes in
 * the shape of seed 003 — a commune rated Xuất sắc, one Tốt, one Trung bình (with the district's
 * bands, preset `dien-bien-dong-509-2020`, which the district has chosen), one whose dossiers carry
 * no score, one with no dossiers — and the district's own desk, rated Xuất sắc.
 * Generated, not real: codes start with "MINHHOA-" and procedure names say "(minh họa)".
 */
import { BANDS_SEED_003, DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import type { Dossier, DossierChannel } from '../../../domain/dossiers/dossier.ts';
import type { Queryable } from '../../infra/db.ts';
import { deriveDossier } from './import.ts';
import * as bandsRepo from './bands.repository.ts';
import * as repo from './repository.ts';

type Profile = 'excellent' | 'good' | 'average' | 'unscored';

/** Unit code → profile and number of dossiers (commune 03214 has none). */
const DEMO_COMMUNES: Array<{ code: string; profile: Profile; dossiers: number }> = [
  { code: '03203', profile: 'excellent', dossiers: 90 },
  { code: '03205', profile: 'good', dossiers: 80 },
  { code: '03208', profile: 'average', dossiers: 60 },
  { code: '03211', profile: 'unscored', dossiers: 30 },
  // The district's own one-stop desk, seed 003's "Cấp huyện" beside the communes.
  { code: 'H-DIENBIENDONG', profile: 'excellent', dossiers: 40 },
];

/** The two one-stop officials of each demo desk (codes CB-<unit>-1 and -2), by name. */
const DEMO_OFFICIALS: Record<string, [string, string]> = {
  '03203': ['Lò Văn Thắng', 'Vừ Thị Mai'],
  '03205': ['Giàng A Lử', 'Thào Thị Dua'],
  '03208': ['Lầu A Sùng', 'Mùa Thị Chứ'],
  '03211': ['Sùng A Páo', 'Lý Thị Hoa'],
  'H-DIENBIENDONG': ['Quàng Văn Hải', 'Lường Thị Thu'],
};

const PROCEDURES = [
  ['1.001193', 'Đăng ký khai sinh (minh họa)', 'Hộ tịch'],
  ['2.000635', 'Chứng thực bản sao từ bản chính (minh họa)', 'Chứng thực'],
  ['1.004946', 'Đăng ký kết hôn (minh họa)', 'Hộ tịch'],
  ['1.003583', 'Xác nhận tình trạng hôn nhân (minh họa)', 'Hộ tịch'],
] as const;

const DAY = 86_400_000;
const Q2_2021 = Date.UTC(2021, 3, 1, 1, 0); // 01/04/2021 08:00 (+07)

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function demoDossier(
  code: string,
  unitCode: string,
  profile: Profile,
  i: number,
  rand: () => number,
): Dossier {
  const [procedureCode, procedureName, field] = PROCEDURES[i % PROCEDURES.length] as readonly [
    string,
    string,
    string,
  ];
  const receivedAt = Q2_2021 + Math.floor(rand() * 70) * DAY + Math.floor(rand() * 8) * 3_600_000;
  const r = rand();
  const channel: DossierChannel =
    r < 0.6 ? 'counter' : r < 0.75 ? 'online-full' : r < 0.9 ? 'online-partial' : 'postal';
  const base = {
    code,
    procedureCode,
    procedureName,
    field,
    unitCode,
    officialCode: `CB-${unitCode}-${(i % 2) + 1}`,
    receivedAt,
    returnedAt: null,
    channel,
    onlinePayment: rand() < 0.3 ? rand() < 0.5 : null,
    returnedByPost: channel === 'postal' ? true : rand() < 0.05,
    status: 'Đã trả kết quả (minh họa)',
    selfRatings: null,
  };
  const ratings = (v: number) => [null, v, null, null, v, v, v, v, v];
  switch (profile) {
    case 'excellent':
      return {
        ...base,
        dueAt: receivedAt + 5 * DAY,
        finishedAt: receivedAt + (i % 10 === 0 ? 5 * DAY - 3_600_000 : 2 * DAY),
        completionRequests: 0,
        agenciesInvolved: 1,
        citizenRatings: ratings(200),
      };
    case 'good':
      return {
        ...base,
        dueAt: receivedAt + 5 * DAY,
        finishedAt: receivedAt + 5 * DAY - 3_600_000,
        completionRequests: 1,
        agenciesInvolved: 2,
        citizenRatings: ratings(200),
      };
    case 'average':
      return {
        ...base,
        dueAt: receivedAt + 3 * DAY,
        finishedAt: receivedAt + (i % 3 === 0 ? 2 * DAY : 6 * DAY),
        completionRequests: 2,
        agenciesInvolved: 2,
        citizenRatings: ratings(100),
      };
    case 'unscored':
      // The commune has not scored its dossiers: nothing the indicators can be read from.
      return {
        ...base,
        dueAt: null,
        finishedAt: receivedAt + 2 * DAY,
        completionRequests: null,
        agenciesInvolved: null,
        citizenRatings: null,
      };
  }
}

/** Adds the illustrative quarter (in the caller's transaction); a few hundred rows. */
export async function loadDossierDemo(tx: Queryable, now: Date): Promise<number> {
  const units = await repo.listUnitRefs(tx);
  const rand = prng(3003);
  const columns: unknown[][] = repo.STAGING_COLUMNS.map(() => []);
  let n = 0;
  for (const commune of DEMO_COMMUNES) {
    const unit = units.find((u) => u.code === commune.code && u.valid_to !== null);
    if (!unit) continue;
    for (const [k, fullName] of (DEMO_OFFICIALS[commune.code] ?? []).entries())
      await repo.saveOfficialName(tx, {
        unitId: unit.id,
        officialCode: `CB-${commune.code}-${k + 1}`,
        fullName,
      });
    for (let i = 0; i < commune.dossiers; i++) {
      const d = demoDossier(
        `MINHHOA-${commune.code}-${String(i + 1).padStart(4, '0')}`,
        commune.code,
        commune.profile,
        i,
        rand,
      );
      const x = deriveDossier(d, DEFAULT_DOSSIER_CONFIG);
      const values: unknown[] = [
        ++n,
        d.code,
        unit.id,
        unit.code,
        d.officialCode,
        d.procedureCode,
        d.procedureName,
        d.field,
        d.receivedAt,
        d.dueAt,
        d.finishedAt,
        d.returnedAt,
        d.completionRequests,
        d.agenciesInvolved,
        d.channel,
        d.onlinePayment,
        d.returnedByPost,
        d.status,
        d.citizenRatings === null ? null : JSON.stringify(d.citizenRatings),
        null,
        x.period,
        x.timeliness,
        x.handlingSeconds,
        x.citizenPoints,
        x.citizenCount,
        ...x.points,
      ];
      values.forEach((v, k) => (columns[k] as unknown[]).push(v));
    }
  }
  if (n === 0) return 0;
  // The district classes with its own bands (Decision 509: Xuất sắc / Tốt / Trung bình).
  const district = units.find((u) => u.code === 'H-DIENBIENDONG' && u.valid_to !== null);
  if (district) {
    await bandsRepo.saveChoice(
      tx,
      { unitId: district.id, presetId: BANDS_SEED_003.id, userId: null },
      now,
    );
  }
  await repo.insertStagingBatch(tx, 'dossier_staging', columns);
  await repo.upsertFromStaging(tx, 'dossier_staging', DEFAULT_DOSSIER_CONFIG.version, null, now);
  await repo.clearStaging(tx, 'dossier_staging');
  return n;
}
