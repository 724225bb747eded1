/**
 * Demo campaign of seed 004's figures: Bảo Yên district (Lào Cai) scored its 12 offices and 17
 * communes for 2022 on 70 appraised points + 30 survey points. The offices averaged 64,95/70, two
 * of them (Phòng Nội vụ, Văn phòng HĐND và UBND huyện) at 70/70, 10 Tốt (83,3 %) and 2 Khá (16,7 %:
 * Phòng Dân tộc, Phòng Tài nguyên và Môi trường); the communes averaged 58,7/70 with 14 Tốt
 * (82,3 %), 1 Khá (5,9 %) and 2 Trung bình (11,8 %). The seed gives only those totals, so each
 * unit's numbers here are illustrative, chosen to reproduce them, and the criteria sets'
 * descriptions say so. The scores are written as entries (self-assessment, round 1 with a reason
 * for every lost point, round 2 keeping round 1) and the results are computed by the engine, like
 * any campaign. (The district's own result of seed 004, III.1, is the province's decision, not
 * this campaign's.)
 */
import { compiledTreeOf, type CriteriaNode } from '../../domain/scoring/tree.ts';
import type { Queryable } from '../infra/db.ts';
import { findNodes, findSet, freezeSet } from '../features/criteria/repository.ts';
import {
  buildTree,
  insertSetWithTree,
  toDomainTree,
  type NodeInput,
  type NodeView,
} from '../features/criteria/service.ts';
import * as repo from '../features/campaigns/repository.ts';
import { recomputeResults } from '../features/campaigns/results.service.ts';
import { findUnitsByCodes } from '../features/units/repository.ts';
import { DEMO_DISTRICTS } from './demo-units.ts';
import { findSetByOrigin } from './repository.ts';

// The name is printed in the drafted report: it says nothing of the figures being illustrative
// (the criteria set's description does).
export const BAO_YEN_CAMPAIGN_NAME =
  'Xác định Chỉ số CCHC năm 2022 của các cơ quan chuyên môn và UBND các xã, thị trấn huyện Bảo Yên (Lào Cai)';

/**
 * Illustrative appraised points (hundredths, of 70) and survey points (of 30) per office, by
 * demo code: Phòng Nội vụ and the Văn phòng at 70; Phòng Dân tộc and Phòng Tài nguyên và Môi
 * trường under 80 % of the index (Khá); the appraised points add up to 779,40, 64,95 over 12.
 */
export const BAO_YEN_OFFICES_2022: Readonly<Record<string, { appraised: number; survey: number }>> =
  {
    'BY-NV': { appraised: 7000, survey: 2800 },
    'BY-VP': { appraised: 7000, survey: 2750 },
    'BY-TCKH': { appraised: 6850, survey: 2700 },
    'BY-TP': { appraised: 6750, survey: 2650 },
    'BY-VHTT': { appraised: 6700, survey: 2600 },
    'BY-DT': { appraised: 5500, survey: 2300 },
    'BY-TNMT': { appraised: 5440, survey: 2200 },
    'BY-GDDT': { appraised: 6650, survey: 2600 },
    'BY-LDTBXH': { appraised: 6600, survey: 2550 },
    'BY-KTHT': { appraised: 6550, survey: 2500 },
    'BY-NNPTNT': { appraised: 6500, survey: 2500 },
    'BY-TTR': { appraised: 6400, survey: 2450 },
  };

/**
 * Illustrative appraised points (hundredths, of 70) and survey points (of 30) per commune, in the
 * order of the district's commune codes: 14 reach 80 % (Tốt), one 65–80 % (Khá), two 50–65 %
 * (Trung bình); the appraised points add up to 997,90, an average of 58,70 over 17.
 */
export const BAO_YEN_2022: readonly { appraised: number; survey: number }[] = [
  { appraised: 6550, survey: 2650 },
  { appraised: 6520, survey: 2600 },
  { appraised: 6410, survey: 2550 },
  { appraised: 6350, survey: 2500 },
  { appraised: 6300, survey: 2700 },
  { appraised: 6240, survey: 2450 },
  { appraised: 6185, survey: 2500 },
  { appraised: 6150, survey: 2600 },
  { appraised: 6100, survey: 2400 },
  { appraised: 6050, survey: 2550 },
  { appraised: 6000, survey: 2500 },
  { appraised: 5990, survey: 2450 },
  { appraised: 5900, survey: 2600 },
  { appraised: 5845, survey: 2500 },
  { appraised: 5000, survey: 2000 },
  { appraised: 4000, survey: 1800 },
  { appraised: 4200, survey: 2000 },
];

const REASON = 'Thiếu tài liệu kiểm chứng cho một phần nội dung (số liệu minh họa).';

/**
 * Spreads the points a commune lost over the normal leaves in proportion to their max, in
 * quarter points, the last leaf taking the rest: final score per leaf code.
 */
function finalScores(
  leaves: { code: string; max: number }[],
  appraised: number,
): Map<string, number> {
  const max = leaves.reduce((a, l) => a + l.max, 0);
  let left = max - appraised;
  const out = new Map<string, number>();
  leaves.forEach((l, i) => {
    const share =
      i === leaves.length - 1
        ? left
        : Math.min(l.max, Math.floor(((max - appraised) * l.max) / max / 25) * 25);
    const lost = Math.min(share, l.max, left);
    left -= lost;
    out.set(l.code, l.max - lost);
  });
  return out;
}

/** A frozen 2022 copy of a bundled 70 + 30 template for one unit kind, with its leaves. */
async function frozenCopy(
  tx: Queryable,
  now: Date,
  origin: string,
  copy: { name: string; unitKind: string; description: string; ownerUnitId: number | null },
) {
  const template = await findSetByOrigin(tx, origin);
  if (!template) return null;
  const templateRow = await findSet(tx, template.id);
  const strip = (n: NodeView): NodeInput => ({ ...n, id: null, children: n.children.map(strip) });
  const setId = await insertSetWithTree(
    tx,
    {
      name: copy.name,
      year: 2022,
      unitKind: copy.unitKind,
      description: copy.description,
      surveyMaxHundredths: 3000,
      bands: templateRow?.bands ?? [],
      basedOnId: template.id,
      origin: `copy:${template.id}`,
      ownerUnitId: copy.ownerUnitId,
      createdBy: null,
    },
    buildTree(await findNodes(tx, template.id)).map(strip),
    now,
  );
  await freezeSet(tx, setId, now);
  const tree: CriteriaNode = toDomainTree('2022', buildTree(await findNodes(tx, setId)));
  const compiled = compiledTreeOf(tree);
  const leaves = Array.from(compiled.leaves, (i) => ({
    code: compiled.codes[i] ?? '',
    max: compiled.max[i] ?? 0,
    kind: compiled.kind[i] ?? 0,
  }));
  return { setId, leaves };
}

/** Adds the Bảo Yên 2022 campaign (in the caller's transaction); nothing when its units are missing. */
export async function loadBaoYenDemo(tx: Queryable, now: Date): Promise<void> {
  const district = DEMO_DISTRICTS.find((d) => d.code === 'H-BAOYEN');
  if (!district) return;
  const officeCodes = Object.keys(BAO_YEN_OFFICES_2022);
  const units = await findUnitsByCodes(tx, ['H-BAOYEN', ...district.communeCodes, ...officeCodes]);
  const present = (codes: string[]) =>
    codes.flatMap((code) => {
      const u = units.get(code);
      return u ? [u] : [];
    });
  const communes = present(district.communeCodes);
  const offices = present(officeCodes);
  if (communes.length !== BAO_YEN_2022.length || offices.length !== officeCodes.length) return;
  const ownerUnitId = units.get('H-BAOYEN')?.id ?? null;

  // Frozen copies of the 70 + 30 templates as the 2022 sets: the commune one for communes, the
  // department one for the district's offices.
  const communeSet = await frozenCopy(tx, now, 'bundled:khung-2025-xa', {
    name: 'Bộ chỉ số CCHC cấp xã năm 2022, huyện Bảo Yên',
    unitKind: 'commune',
    description:
      'Bản sao khung chỉ số cấp xã dùng để minh họa kết quả năm 2022 của huyện Bảo Yên: 70 điểm thẩm định và 30 điểm điều tra xã hội học.',
    ownerUnitId,
  });
  const officeSet = await frozenCopy(tx, now, 'bundled:khung-2025-so', {
    name: 'Bộ chỉ số CCHC cơ quan chuyên môn cấp huyện năm 2022, huyện Bảo Yên',
    unitKind: 'district_office',
    description:
      'Bản sao khung chỉ số cấp sở dùng để minh họa kết quả năm 2022 của các cơ quan chuyên môn huyện Bảo Yên: 70 điểm thẩm định và 30 điểm điều tra xã hội học.',
    ownerUnitId,
  });
  if (!communeSet || !officeSet) return;

  const campaignId = await repo.insertCampaign(
    tx,
    {
      year: 2022,
      name: BAO_YEN_CAMPAIGN_NAME,
      deadlines: {
        selfAssessment: '2022-11-30',
        round1: '2022-12-15',
        explanations: '2022-12-25',
        round2: '2023-01-05',
        publication: '2023-01-20',
      },
      surveySource: 'entered',
      bands: null,
      ownerUnitId,
    },
    null,
    now,
  );
  await repo.replaceCampaignSets(tx, campaignId, [
    {
      unitKind: 'district_office',
      criteriaSetId: officeSet.setId,
      surveyMaxHundredths: 3000,
      bands: null,
    },
    {
      unitKind: 'commune',
      criteriaSetId: communeSet.setId,
      surveyMaxHundredths: 3000,
      bands: null,
    },
  ]);
  await repo.insertParticipants(
    tx,
    campaignId,
    [
      ...offices.map((u) => ({ id: u.id, kind: 'district_office' })),
      ...communes.map((u) => ({ id: u.id, kind: 'commune' })),
    ],
    null,
    now,
  );
  const byUnit = new Map((await repo.findParticipants(tx, campaignId)).map((p) => [p.unit_id, p]));
  const scored = [
    ...offices.map((u) => ({
      u,
      leaves: officeSet.leaves,
      figures: BAO_YEN_OFFICES_2022[u.code]!,
    })),
    ...communes.map((u, i) => ({ u, leaves: communeSet.leaves, figures: BAO_YEN_2022[i]! })),
  ];
  const at = new Date('2022-12-10T03:00:00Z');
  for (const { u, leaves, figures } of scored) {
    const p = byUnit.get(u.id)!;
    const normal = leaves.filter((l) => l.kind === 0);
    const finals = finalScores(normal, figures.appraised);
    for (const leaf of leaves) {
      const key = { campaignId, participantId: p.id, code: leaf.code };
      if (leaf.kind !== 0) {
        await repo.saveEntry(
          tx,
          key,
          0,
          { self_score_hundredths: 0, self_at: at, round1_score_hundredths: 0, round1_at: at },
          null,
          now,
        );
        continue;
      }
      const final = finals.get(leaf.code) ?? leaf.max;
      const lost = final < leaf.max;
      await repo.saveEntry(
        tx,
        key,
        0,
        {
          // A unit that lost points had claimed a quarter point more than it kept.
          self_score_hundredths: lost ? Math.min(leaf.max, final + 25) : final,
          self_at: at,
          round1_score_hundredths: final,
          round1_reason: lost ? REASON : null,
          round1_at: at,
          ...(lost
            ? {
                round2_disposition: 'still_open' as const,
                round2_reason: 'Giữ kết quả thẩm định vòng 1 (số liệu minh họa).',
                round2_at: at,
              }
            : {}),
        },
        null,
        now,
      );
    }
    await repo.saveSurveyPoints(tx, campaignId, p.id, figures.survey, 'entered', null, now);
    await repo.updateParticipantState(
      tx,
      p.id,
      p.version,
      { status: 'published', reopened: null },
      null,
      now,
    );
  }
  await repo.setCampaignStatus(tx, campaignId, 'open', null, now);
  await repo.setCampaignStatus(tx, campaignId, 'closed', null, now);
  await recomputeResults(tx, campaignId, now);
}
