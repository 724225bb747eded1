/**
 * Demo campaigns, written straight through the repositories (no sessions, no HTTP) so the demo
 * stays fast:
 * - 2022, Thái Nguyên communes on the bundled frozen set, finished and published: xã Quy Kỳ as in
 *   seed 000 (criterion scores 6; 6; 5; 13,5; 9; 3; 6,25; 9,5 = 58,25, Trung bình; 65 in 2021, so
 *   89,6 %), scored and appraised per sub-criterion with the seed's deductions and reasons and xã Phượng Tiến with seed 002's findings (2.2, 2.3, 7.2) and their quoted reasons.
 *   Phượng Tiến's other sub-criteria are illustrative (self-scored and kept at their max).
 * - 2026, in progress on a frozen copy of the bundled 2026 commune set (sub-criteria, rules and
 *   evidence requirements in every area), with xã Kim Phượng, xã Phượng Tiến and xã Đại Lãnh. Units of two provinces take part, so the campaign is national (no owner
 *   unit). The self-assessment deadline was yesterday so that round 1 can run (appraisal starts
 *   after it); Kim Phượng and Đại Lãnh were reopened by their standing agencies until a date in
 *   the future, Phượng Tiến is in round 1 with some scores from `thamdinh.thainguyen`; every other
 *   deadline is in the future. So the unit officers have a sheet to finish, the appraiser a queue,
 *   the chair a round to close and the council member a sheet to read. Phượng Tiến scored every
 *   sub-criterion at its max but 3.4 (one point short) and a bonus of 0,50; round 1 kept criterion
 *   1 and took 0,50 off 2.2.1 with a reason. Kim Phượng scored criteria 1 and 2 (6 and 6,5 of 7).
 *   Criteria 1–3 are assigned to the appraiser; for criteria 4–9 the council chair accepted the
 *   self score of the Thái Nguyên communes with a reason (ADR 26).
 */
import { checkSelfEntry } from '../../domain/campaign/assessment.ts';
import { unappraisedLeaves } from '../../domain/campaign/setup.ts';
import { toHundredths } from '../../domain/scoring/decimal.ts';
import type { RuleInputValues, ScoringRule } from '../../domain/scoring/rules.ts';
import { compiledTreeOf, type CriteriaNode } from '../../domain/scoring/tree.ts';
import type { Queryable } from '../infra/db.ts';
import { appendAuditEntry } from '../features/audit/repository.ts';
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
import { findSetByOrigin, findUserId } from './repository.ts';

/** Seed 002's reasons, quoted from the HĐND xã Phượng Tiến supervision notice. */
export const SEED_002_REASONS = {
  '2.2':
    'Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.',
  '2.3':
    'Không có văn bản QPPL, chỉ có văn bản hành chính thông thường nên việc công khai văn bản QPPL trên trang thông tin điện tử của xã còn ít.',
  '7.2': 'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
} as const;

/** Seed 000's criterion scores of xã Quy Kỳ, 2022. */
export const SEED_000_SCORES = ['6', '6', '5', '13,5', '9', '3', '6,25', '9,5'];

/** Seed 000, section II.4: why sub-criteria lost points where II.3 gives no reason of its own. */
const NO_EVIDENCE = 'Thiếu văn bản minh chứng theo yêu cầu';
/** Seed 000: the report gives the details of these points in its attached scoring table. */
const IN_TABLE = 'Chi tiết tại biểu chấm điểm kèm theo';

/**
 * Seed 000, II.3: xã Quy Kỳ's 2022 sub-criteria below their max, with the appraised score and the
 * reason. The seed prints each as "0 điểm", but its zeros do not add up to its criterion totals
 * on the bundled set's maxima; the scores here do (ADR 39): one yes/no item kept at its max
 * where the seed's zeros exceed the loss (1.3.1, 6.2), partial scores on items scored by points
 * or by a rate, and the points the seed does not place on the criterion's "remaining content".
 */
export const SEED_000_LOST: { code: string; score: string; reason: string }[] = [
  {
    code: '1.1.1',
    score: '0',
    reason: 'Bổ sung nội dung văn bản, ký số lại không đúng với ngày ban hành văn bản',
  },
  { code: '1.3.2', score: '0', reason: 'Không có báo cáo xử lý các vấn đề sau tự kiểm tra' },
  { code: '1.5', score: '0', reason: 'Không có sáng kiến, giải pháp CCHC được công nhận' },
  { code: '1.6', score: '0', reason: 'Văn bản chưa thể hiện Chủ tịch UBND xã phụ trách' },
  { code: '2.3', score: '1,5', reason: 'Chưa công khai văn bản quy phạm pháp luật theo quy định' },
  { code: '2.4', score: '0,5', reason: 'Không có báo cáo kết quả theo dõi thi hành pháp luật' },
  { code: '3.1.1', score: '0', reason: NO_EVIDENCE },
  { code: '3.2.1', score: '0', reason: 'Quy chế hoạt động ban hành năm 2019' },
  ...['3.2.2', '3.2.3', '3.2.4', '3.2.5', '3.2.6', '3.2.7', '3.2.8', '3.2.9', '3.2.10'].map(
    (code) => ({ code, score: '0', reason: NO_EVIDENCE }),
  ),
  ...['3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.3.5', '3.3.6', '3.3.7', '3.3.8'].map((code) => ({
    code,
    score: '0',
    reason: NO_EVIDENCE,
  })),
  ...['3.4.1', '3.4.2', '3.4.3'].map((code) => ({ code, score: '0', reason: NO_EVIDENCE })),
  { code: '3.5', score: '3', reason: IN_TABLE },
  { code: '4.2.1', score: '1', reason: NO_EVIDENCE },
  { code: '4.2.2', score: '0,5', reason: NO_EVIDENCE },
  { code: '4.2.3', score: '0', reason: NO_EVIDENCE },
  { code: '4.2.4', score: '0,5', reason: NO_EVIDENCE },
  ...['4.3.1', '4.3.2', '4.3.3', '4.3.4'].map((code) => ({
    code,
    score: '0',
    reason: NO_EVIDENCE,
  })),
  { code: '5.5', score: '3,5', reason: IN_TABLE },
  { code: '6.1', score: '0', reason: NO_EVIDENCE },
  { code: '6.3', score: '0', reason: NO_EVIDENCE },
  ...['7.1.1', '7.1.2'].map((code) => ({ code, score: '0', reason: NO_EVIDENCE })),
  { code: '7.3', score: '4,25', reason: IN_TABLE },
  ...['7.4.1', '7.4.2', '7.4.3', '7.4.4', '7.4.5', '7.4.6'].map((code) => ({
    code,
    score: '0',
    reason: NO_EVIDENCE,
  })),
  { code: '8.1.1', score: '1', reason: NO_EVIDENCE },
  { code: '8.2', score: '1', reason: NO_EVIDENCE },
  ...['8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5'].map((code) => ({
    code,
    score: '0',
    reason: NO_EVIDENCE,
  })),
  { code: '8.4.2', score: '0', reason: NO_EVIDENCE },
  { code: '8.4.3', score: '0,5', reason: NO_EVIDENCE },
  { code: '8.5.1', score: '1', reason: NO_EVIDENCE },
];

/** The name of the demo's 2026 commune campaign. */
export const CAMPAIGN_2026_NAME = 'Xác định Chỉ số CCHC năm 2026 cấp xã (dữ liệu mẫu)';

/** The 2026 demo: the sub-criterion Phượng Tiến scored one point short of its max. */
export const PT_SHORT_CODE = '3.4';
/** The 2026 demo: what round 1 took off Phượng Tiến, and why. */
export const PT_ROUND1_LOST = {
  code: '2.2.1',
  lost: 50,
  reason: 'Chưa ban hành kế hoạch rà soát văn bản QPPL năm 2026 đúng hạn (dữ liệu mẫu).',
} as const;

const DAY = 86_400_000;
/** The date in Vietnam time (UTC+7) `days` from `now`, as an ISO date. */
const vnDate = (now: Date, days: number): string =>
  new Date(now.getTime() + days * DAY + 7 * 3_600_000).toISOString().slice(0, 10);

async function treeOf(
  tx: Queryable,
  setId: number,
  name: string,
): Promise<{ tree: CriteriaNode; nodes: NodeView[] }> {
  const nodes = buildTree(await findNodes(tx, setId));
  return { tree: toDomainTree(name, nodes), nodes };
}

/** Leaves of a tree with their max, kind and rule. */
function leaves(
  tree: CriteriaNode,
): { code: string; max: number; kind: number; rule: ScoringRule | undefined }[] {
  const c = compiledTreeOf(tree);
  return Array.from(c.leaves, (i) => ({
    code: c.codes[i] ?? '',
    max: c.max[i] ?? 0,
    kind: c.kind[i] ?? 0,
    rule: c.nodes[i]?.rule,
  }));
}

/**
 * What a unit enters on a sub-criterion to reach its max under the node's rule: the max itself, "met",
 * every item of a rate, no incident, a document issued by the deadline; one bonus item, no penalty.
 */
export function inputsAtMax(rule: ScoringRule | undefined, max: number): RuleInputValues {
  switch (rule?.type) {
    case 'yes_no':
      return { achieved: true };
    case 'bands':
    case 'proportional':
      return { rate: { numerator: 10, denominator: 10 } };
    case 'deduction':
      return { incidents: 0 };
    case 'timeliness':
      return { issuedOn: rule.deadline };
    case 'bonus':
      return { items: 1 };
    case 'penalty':
      return { items: 0 };
    default:
      return { score: max };
  }
}

/** Adds the demo campaigns (in the caller's transaction). */
export async function loadCampaignDemo(tx: Queryable, now: Date): Promise<void> {
  const units = await findUnitsByCodes(tx, ['19', '05545', '05566', '05551', '05563', '22504']);
  const unit = (code: string) => units.get(code);
  const appraiser = await findUserId(tx, 'thamdinh.thainguyen');
  const agencyTn = await findUserId(tx, 'noivu.thainguyen');
  const agencyKh = await findUserId(tx, 'noivu.khanhhoa');
  const officer = await findUserId(tx, 'canbo.kimphuong');
  const officerPt = officer;
  const set2022 = await findSetByOrigin(tx, 'bundled:thai-nguyen-xa-2022');
  const template = await findSetByOrigin(tx, 'bundled:chi-so-2026-xa');
  if (!set2022 || !template || !unit('05545') || !unit('05566')) return;

  // ---- 2022: finished and published.
  const c2022 = await repo.insertCampaign(
    tx,
    {
      year: 2022,
      name: 'Xác định Chỉ số CCHC năm 2022 của UBND các xã huyện Định Hóa (Thái Nguyên)',
      deadlines: {
        selfAssessment: '2022-12-15',
        round1: '2023-01-15',
        explanations: '2023-01-31',
        round2: '2023-02-15',
        publication: '2023-03-31',
      },
      surveySource: 'entered',
      bands: null,
      ownerUnitId: unit('19')?.id ?? null,
    },
    agencyTn,
    now,
  );
  await repo.replaceCampaignSets(tx, c2022, [
    { unitKind: 'commune', criteriaSetId: set2022.id, surveyMaxHundredths: null, bands: null },
  ]);
  await repo.insertParticipants(
    tx,
    c2022,
    [unit('05545')!, unit('05566')!].map((u) => ({ id: u.id, kind: 'commune' })),
    agencyTn,
    now,
  );
  if (appraiser)
    await repo.replaceAssignments(tx, c2022, [
      { userId: appraiser, nodeCodes: ['1', '2', '3', '4', '5', '6', '7', '8'], unitKind: null },
    ]);
  const participants = new Map(
    (await repo.findParticipants(tx, c2022)).map((p) => [p.unit_code, p]),
  );
  const quyKy = participants.get('05545')!;
  const phuongTien = participants.get('05566')!;
  const at2022 = new Date('2022-12-10T03:00:00Z');
  const at2023 = new Date('2023-01-10T03:00:00Z');
  const tree2022 = (await treeOf(tx, set2022.id, set2022.name)).tree;
  // Quy Kỳ: every sub-criterion self-scored and appraised; those below their max as seed 000 lists
  // them, with its reasons; the others at their max.
  const lostQuyKy = new Map(SEED_000_LOST.map((l) => [l.code, l]));
  for (const leaf of leaves(tree2022)) {
    if (leaf.kind !== 0) continue;
    const lost = lostQuyKy.get(leaf.code);
    const score = lost ? toHundredths(lost.score) : leaf.max;
    await repo.saveEntry(
      tx,
      { campaignId: c2022, participantId: quyKy.id, code: leaf.code },
      0,
      {
        self_score_hundredths: score,
        self_explanation:
          'Theo Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2022 của UBND xã Quy Kỳ.',
        self_at: at2022,
        ...(lost
          ? {
              round1_score_hundredths: score,
              round1_reason: lost.reason,
              round1_by: appraiser,
              round1_at: at2023,
            }
          : {}),
      },
      lost ? appraiser : null,
      lost ? at2023 : at2022,
    );
  }
  const self2022: Record<string, number> = { '7.2': 50 };
  for (const leaf of leaves(tree2022)) {
    if (leaf.kind !== 0) continue;
    const code = leaf.code;
    const reason = (SEED_002_REASONS as Record<string, string>)[code];
    const round1 = code === '2.2' ? 100 : code === '2.3' ? 150 : code === '7.2' ? 50 : null;
    await repo.saveEntry(
      tx,
      { campaignId: c2022, participantId: phuongTien.id, code },
      0,
      {
        self_score_hundredths: self2022[code] ?? leaf.max,
        self_explanation:
          'Dữ liệu minh họa; chỉ các mục 2.2, 2.3, 7.2 lấy từ thông báo kết luận giám sát của HĐND xã Phượng Tiến.',
        self_at: at2022,
        ...(round1 !== null
          ? {
              round1_score_hundredths: round1,
              round1_reason: reason ?? null,
              round1_by: appraiser,
              round1_at: at2023,
            }
          : {}),
      },
      round1 !== null ? appraiser : null,
      round1 !== null ? at2023 : at2022,
    );
  }
  for (const p of [quyKy, phuongTien])
    await repo.updateParticipantState(
      tx,
      p.id,
      p.version,
      { status: 'published', reopened: null },
      agencyTn,
      now,
    );
  // The decision the district published the 2022 results by (an illustrative number and date).
  for (const p of [quyKy, phuongTien])
    await repo.setPublicationDecision(tx, p.id, '215/QĐ-UBND', '2023-03-20');
  await repo.setCampaignStatus(tx, c2022, 'open', agencyTn, now);
  await recomputeResults(tx, c2022, now);
  await repo.setCampaignStatus(tx, c2022, 'closed', agencyTn, now);
  await repo.saveHistoricalResult(
    tx,
    {
      unitId: unit('05545')!.id,
      year: 2021,
      indexHundredths: 6500,
      maxHundredths: 10000,
      rank: null,
      unitsRanked: null,
      classLabel: null,
      source: 'Báo cáo tự đánh giá năm 2022 của UBND xã Quy Kỳ: năm 2021 đạt 65 điểm',
    },
    null,
    now,
  );

  // ---- 2026: in progress on a frozen copy of the bundled 2026 commune set.
  const templateRow = await findSet(tx, template.id);
  const templateTree = await treeOf(tx, template.id, template.name);
  const strip = (n: NodeView): NodeInput => ({ ...n, id: null, children: n.children.map(strip) });
  const set2026 = await insertSetWithTree(
    tx,
    {
      name: 'Bộ chỉ số CCHC cấp xã năm 2026 (bản sao bộ chỉ số kèm theo, dữ liệu mẫu)',
      year: 2026,
      unitKind: 'commune',
      description: templateRow?.description ?? '',
      surveyMaxHundredths: templateRow?.survey_max_hundredths ?? 3000,
      bands: templateRow?.bands ?? [],
      basedOnId: template.id,
      origin: `copy:${template.id}`,
      ownerUnitId: null,
      createdBy: null,
    },
    templateTree.nodes.map(strip),
    now,
  );
  await freezeSet(tx, set2026, now);
  const tree2026 = (await treeOf(tx, set2026, 'Bộ chỉ số CCHC cấp xã năm 2026')).tree;
  const c2026 = await repo.insertCampaign(
    tx,
    {
      year: 2026,
      name: CAMPAIGN_2026_NAME,
      deadlines: {
        selfAssessment: vnDate(now, -1),
        round1: vnDate(now, 30),
        explanations: vnDate(now, 45),
        round2: vnDate(now, 60),
        publication: vnDate(now, 75),
      },
      surveySource: 'entered',
      bands: null,
      ownerUnitId: null,
    },
    null,
    now,
  );
  await repo.replaceCampaignSets(tx, c2026, [
    {
      unitKind: 'commune',
      criteriaSetId: set2026,
      surveyMaxHundredths: templateRow?.survey_max_hundredths ?? 3000,
      bands: null,
    },
  ]);
  const current = ['05551', '05563', '22504'].flatMap((code) => {
    const u = unit(code);
    return u ? [{ id: u.id, kind: 'commune' }] : [];
  });
  await repo.insertParticipants(tx, c2026, current, null, now);
  if (appraiser)
    await repo.replaceAssignments(tx, c2026, [
      { userId: appraiser, nodeCodes: ['1', '2', '3'], unitKind: 'commune' },
    ]);
  await repo.setCampaignStatus(tx, c2026, 'open', null, now);
  const p2026 = new Map((await repo.findParticipants(tx, c2026)).map((p) => [p.unit_code, p]));
  const selfSave = async (
    p: repo.ParticipantRow,
    code: string,
    inputs: RuleInputValues,
    by: number | null,
  ) => {
    const checked = checkSelfEntry(tree2026, {
      code,
      inputs,
      explanation: 'Dữ liệu mẫu: tài liệu kiểm chứng sẽ được bổ sung từ thư viện tài liệu.',
    });
    if (checked.problems.length > 0 || typeof checked.score !== 'number')
      throw new Error(`demo 2026: ${code}: ${checked.problems.map((p) => p.message).join('; ')}`);
    await repo.saveEntry(
      tx,
      { campaignId: c2026, participantId: p.id, code },
      0,
      {
        self_inputs: inputs,
        self_score_hundredths: typeof checked.score === 'number' ? checked.score : null,
        self_explanation: 'Dữ liệu mẫu: tài liệu kiểm chứng sẽ được bổ sung từ thư viện tài liệu.',
        self_by: by,
        self_at: now,
      },
      by,
      now,
    );
  };
  const reopenedUntil = vnDate(now, 14);
  const pt = p2026.get('05563');
  if (pt) {
    // Phượng Tiến submitted every leaf and is in round 1: criteria 1 and 2 already appraised.
    // Every leaf at its max but 3.4, whose rate of digitised dossiers (45 of 90) gives 1 of 2
    // points; one bonus item (+0,50), no penalty.
    for (const leaf of leaves(tree2026)) {
      const inputs =
        leaf.code === PT_SHORT_CODE
          ? { rate: { numerator: 45, denominator: 90 } }
          : inputsAtMax(leaf.rule, leaf.max);
      await selfSave(pt, leaf.code, inputs, officerPt);
    }
    for (const leaf of leaves(tree2026)) {
      if (!leaf.code.startsWith('1.') && !leaf.code.startsWith('2.')) continue;
      const lost = leaf.code === PT_ROUND1_LOST.code;
      await repo.saveEntry(
        tx,
        { campaignId: c2026, participantId: pt.id, code: leaf.code },
        1,
        {
          round1_score_hundredths: lost ? leaf.max - PT_ROUND1_LOST.lost : leaf.max,
          round1_reason: lost ? PT_ROUND1_LOST.reason : null,
          round1_by: appraiser,
          round1_at: now,
        },
        appraiser,
        now,
      );
    }
    await repo.updateParticipantState(
      tx,
      pt.id,
      pt.version,
      { status: 'round1_in_progress', reopened: null },
      appraiser,
      now,
    );
  }
  const km = p2026.get('05551');
  if (km) {
    // Kim Phượng scored criteria 1 and 2: 6 of 7 (1.1.2: 80 % of its plan done gives 0,5 of 1;
    // 1.3.2: half the issues found handled gives 0,5 of 1) and 6,5 of 7 (2.3 judged 1 of 1,5).
    const kmInputs: Record<string, RuleInputValues> = {
      '1.1.2': { rate: { numerator: 8, denominator: 10 } },
      '1.3.2': { rate: { numerator: 2, denominator: 4 } },
      '2.3': { score: 100 },
    };
    for (const leaf of leaves(tree2026)) {
      if (!leaf.code.startsWith('1.') && !leaf.code.startsWith('2.')) continue;
      await selfSave(
        km,
        leaf.code,
        kmInputs[leaf.code] ?? inputsAtMax(leaf.rule, leaf.max),
        officer,
      );
    }
    await repo.updateParticipantState(
      tx,
      km.id,
      km.version,
      {
        status: 'reopened',
        reopened: {
          reason: 'Đơn vị đề nghị gia hạn để bổ sung tài liệu kiểm chứng (dữ liệu mẫu).',
          byUserId: agencyTn ?? 0,
          at: now.toISOString(),
          until: reopenedUntil,
        },
      },
      agencyTn,
      now,
    );
  }
  const dl = p2026.get('22504');
  if (dl) {
    await repo.updateParticipantState(
      tx,
      dl.id,
      dl.version,
      {
        status: 'reopened',
        reopened: {
          reason: 'Đơn vị mới sau sắp xếp, được gia hạn tự đánh giá (dữ liệu mẫu).',
          byUserId: agencyKh ?? 0,
          at: now.toISOString(),
          until: reopenedUntil,
        },
      },
      agencyKh,
      now,
    );
  }
  // Criteria 4–9 have no appraiser in the demo: the council chair accepted the self score of each
  // for the Thái Nguyên communes, with a reason (ADR 26), so round 1 can be closed on them.
  const chairTn = await findUserId(tx, 'hoidong.thainguyen');
  const unappraised = unappraisedLeaves(
    {
      criteriaSets: [
        { id: String(set2026), unitKind: 'commune', tree: tree2026, surveyMaxHundredths: null },
      ],
      assignments: appraiser ? [{ userId: appraiser, nodeCodes: ['1', '2', '3'] }] : [],
    },
    'commune',
  ).map((l) => l.code);
  const acceptReason =
    'Dữ liệu mẫu: các tiêu chí 4–9 do sở, ngành theo dõi trong năm và không phân công thẩm định riêng; Hội đồng chấp nhận điểm tự chấm.';
  for (const p of [pt, km]) {
    if (!p || !chairTn) continue;
    await repo.upsertAcceptances(
      tx,
      c2026,
      unappraised.map((code) => ({ participantId: p.id, code })),
      acceptReason,
      chairTn,
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: chairTn,
        actorName: 'hoidong.thainguyen',
        action: 'campaign.accept_self_score',
        entity: 'campaign_participant',
        entityId: p.id,
        unitId: p.unit_id,
        after: { campaignId: c2026, codes: unappraised, reason: acceptReason },
      },
      now,
    );
  }
  await appendAuditEntry(
    tx,
    {
      actorId: null,
      actorName: 'system',
      action: 'demo.campaigns',
      entity: 'demo',
      entityId: null,
      unitId: null,
      after: { campaigns: [c2022, c2026] },
    },
    now,
  );
}
