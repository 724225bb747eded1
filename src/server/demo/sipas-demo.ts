/**
 * SIPAS demo: the survey of xã Quy Kỳ (huyện Định Hóa, Thái Nguyên) for 2022 from seed 000, with
 * its 40 forms typed in as paper forms (every question answered at the form's level). The campaign
 * counts "Hài lòng" only, as the report did, so the index page shows 62,50 % and, beside it, 65,00 %
 * with "Hài lòng + Rất hài lòng".
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../../domain/sipas/questionnaire.ts';
import type { SatisfactionLevel } from '../../domain/sipas/questionnaire.ts';
import type { Queryable } from '../infra/db.ts';
import * as units from '../features/units/repository.ts';
import * as repo from '../features/sipas/repository.ts';
import * as socialSurvey from '../features/social-survey/repository.ts';
import { ensureDefaultQuestionnaire } from '../features/sipas/service.ts';
import { findCampaignByName } from './repository.ts';

export const SIPAS_DEMO_NAME = 'Khảo sát sự hài lòng xã Quy Kỳ năm 2022 (demo, theo báo cáo mẫu)';
const QUY_KY = '05545';
const THAI_NGUYEN = '19';

/** Seed 000: forms per level (5 very satisfied … 2 dissatisfied) per field. */
const SEED_000: { id: string; name: string; counts: Partial<Record<SatisfactionLevel, number>> }[] =
  [
    { id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch', counts: { 5: 0, 4: 10, 3: 4, 2: 0 } },
    {
      id: 'lao-dong-tbxh',
      name: 'Lao động – Thương binh và Xã hội',
      counts: { 5: 1, 4: 5, 3: 1, 2: 0 },
    },
    { id: 'dat-dai', name: 'Đất đai', counts: { 5: 0, 4: 6, 3: 6, 2: 0 } },
    { id: 'cong-an', name: 'Công an', counts: { 5: 0, 4: 4, 3: 3, 2: 0 } },
  ];

const SUGGESTIONS = [
  'Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa.',
  'Mong cán bộ hướng dẫn kỹ hơn về giấy tờ cần nộp.',
  'Nên niêm yết rõ lệ phí và thời hạn trả kết quả.',
];

/** Adds the demo SIPAS campaign and its answers (in the caller's transaction). */
export async function loadSipasDemo(tx: Queryable, now: Date): Promise<void> {
  const found = await units.findUnitsByCodes(tx, [QUY_KY, THAI_NGUYEN]);
  const quyKy = found.get(QUY_KY);
  if (!quyKy) return;
  const questionnaireId = await ensureDefaultQuestionnaire(tx, now);
  const id = await repo.insertCampaign(
    tx,
    {
      name: SIPAS_DEMO_NAME,
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      status: 'open',
      ownerUnitId: found.get(THAI_NGUYEN)?.id ?? null,
      questionnaireId,
      fields: SEED_000.map((f) => ({ id: f.id, name: f.name })),
      channels: ['web', 'qr', 'dossier_link', 'paper', 'kiosk', 'offline', 'import'],
      satisfiedLevels: [4],
      overallMethod: 'overall-question',
      marginOfError: 500,
    },
    null,
    now,
  );
  await repo.replaceCampaignUnits(
    tx,
    id,
    [quyKy.id],
    SEED_000.map((f) => ({
      unitId: quyKy.id,
      fieldId: f.id,
      transactions: Object.values(f.counts).reduce((a, b) => a + (b ?? 0), 0),
    })),
  );
  const questions = scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q) => q.question.id);
  const rows: repo.ResponseWrite[] = [];
  for (const field of SEED_000) {
    for (const level of [5, 4, 3, 2] as const) {
      for (let i = 0; i < (field.counts[level] ?? 0); i++) {
        rows.push({
          campaignId: id,
          unitId: quyKy.id,
          fieldId: field.id,
          channel: 'paper',
          answers: Object.fromEntries(questions.map((q) => [q, level])),
          profile: { respondentType: 'individual', channel: 'counter' },
          suggestion: SUGGESTIONS[rows.length] ?? null,
          clientId: randomUUID(),
          dossierCode: null,
          paperSerial: `QK-2022-${String(rows.length + 1).padStart(3, '0')}`,
          enteredBy: null,
        });
      }
    }
  }
  await repo.insertResponsesBulk(tx, rows, now);
}

/** The demo enumerator's survey (xã Đại Lãnh, Khánh Hòa), open whatever the day the demo is loaded. */
export const SIPAS_DAI_LANH_NAME = 'Khảo sát sự hài lòng xã Đại Lãnh (dữ liệu mẫu)';
const DAI_LANH = '22504';
const KHANH_HOA = '56';
const DAY_MS = 86_400_000;

/** The day in Vietnam time (UTC+7) `days` from `now`, as an ISO date. */
const vnDay = (now: Date, days: number): string =>
  new Date(now.getTime() + days * DAY_MS + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * An open survey for the demo enumerator of xã Đại Lãnh: it started a month before the demo was
 * loaded and ends two months after, so the enumerator always has forms to collect (paper, the
 * field app, the web form and its QR code).
 */
export async function loadDaiLanhSipasDemo(tx: Queryable, now: Date): Promise<void> {
  const found = await units.findUnitsByCodes(tx, [DAI_LANH, KHANH_HOA]);
  const daiLanh = found.get(DAI_LANH);
  if (!daiLanh) return;
  const questionnaireId = await ensureDefaultQuestionnaire(tx, now);
  const fields = [
    { id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch', transactions: 120 },
    { id: 'dat-dai', name: 'Đất đai', transactions: 80 },
  ];
  const id = await repo.insertCampaign(
    tx,
    {
      name: SIPAS_DAI_LANH_NAME,
      periodStart: vnDay(now, -30),
      periodEnd: vnDay(now, 60),
      status: 'open',
      ownerUnitId: found.get(KHANH_HOA)?.id ?? null,
      questionnaireId,
      fields: fields.map((f) => ({ id: f.id, name: f.name })),
      channels: ['web', 'qr', 'paper', 'kiosk', 'offline'],
      satisfiedLevels: [4, 5],
      overallMethod: 'overall-question',
      marginOfError: 500,
    },
    null,
    now,
  );
  await repo.replaceCampaignUnits(
    tx,
    id,
    [daiLanh.id],
    fields.map((f) => ({ unitId: daiLanh.id, fieldId: f.id, transactions: f.transactions })),
  );
}

export const SIPAS_BAO_YEN_NAME = 'Khảo sát sự hài lòng huyện Bảo Yên năm 2022';

/**
 * Seed 004, III: huyện Bảo Yên's 2022 satisfaction index 93,37 %, with access 96,82 %,
 * procedure 93,43 %, civil servants 93,43 % and result 90,91 %. An element index pools the
 * answers to the element's questions, so these are the satisfied answers out of (questions ×
 * forms); 1 207 forms is the fewest that give all five percentages exactly (the seed gives no
 * count; the feedback element, which it does not give, is set near the others).
 */
const BAO_YEN_FORMS = 1207;
const BAO_YEN_SATISFIED: Record<string, number> = {
  access: 3506,
  procedure: 4511,
  'civil-servant': 3383,
  result: 3292,
  feedback: 3400,
};
const BAO_YEN_OVERALL_SATISFIED = 1127;

/**
 * Adds huyện Bảo Yên's 2022 SIPAS survey and links it to the district's 2022 index campaign as
 * the survey its report reads (in the caller's transaction).
 */
export async function loadBaoYenSipasDemo(
  tx: Queryable,
  now: Date,
  campaignName: string,
): Promise<void> {
  const found = await units.findUnitsByCodes(tx, ['H-BAOYEN']);
  const district = found.get('H-BAOYEN');
  const campaign = await findCampaignByName(tx, campaignName);
  if (!district || !campaign) return;
  const questionnaireId = await ensureDefaultQuestionnaire(tx, now);
  const field = { id: 'chung', name: 'Các lĩnh vực giải quyết thủ tục hành chính' };
  const id = await repo.insertCampaign(
    tx,
    {
      name: SIPAS_BAO_YEN_NAME,
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      status: 'closed',
      ownerUnitId: district.id,
      questionnaireId,
      fields: [field],
      channels: ['paper', 'web', 'qr'],
      satisfiedLevels: [4, 5],
      overallMethod: 'overall-question',
      marginOfError: 500,
    },
    null,
    now,
  );
  await repo.replaceCampaignUnits(
    tx,
    id,
    [district.id],
    [{ unitId: district.id, fieldId: field.id, transactions: BAO_YEN_FORMS }],
  );
  // Each element's satisfied answers are spread over its questions and forms in turn: answer j
  // of the element (question-major over the forms) is satisfied while j < the element's count.
  const elements = DEFAULT_QUESTIONNAIRE.elements.map((e) => ({
    questions: e.questions.map((q) => q.id),
    satisfied: BAO_YEN_SATISFIED[e.id] ?? 0,
  }));
  const overall = DEFAULT_QUESTIONNAIRE.overallQuestion.id;
  const rows: repo.ResponseWrite[] = [];
  for (let form = 0; form < BAO_YEN_FORMS; form++) {
    const answers: Record<string, number> = {};
    for (const e of elements)
      e.questions.forEach((q, k) => {
        answers[q] = k * BAO_YEN_FORMS + form < e.satisfied ? 4 : 3;
      });
    answers[overall] = form < BAO_YEN_OVERALL_SATISFIED ? 4 : 3;
    rows.push({
      campaignId: id,
      unitId: district.id,
      fieldId: field.id,
      channel: 'paper',
      answers,
      profile: { respondentType: 'individual', channel: 'counter' },
      suggestion: null,
      clientId: randomUUID(),
      dossierCode: null,
      paperSerial: `BY-2022-${String(form + 1).padStart(4, '0')}`,
      enteredBy: null,
    });
  }
  await repo.insertResponsesBulk(tx, rows, now);
  const survey = await socialSurvey.insertSurvey(tx, {
    campaignId: campaign.id,
    sipasCampaignId: id,
    by: null,
    now,
  });
  await socialSurvey.updateSurveyStatus(tx, survey.id, 'closed', now);
}
