/**
 * The demo's sociological survey (ADR 35), on the 2026 commune campaign: a questionnaire of four
 * questions feeding two survey nodes, two respondent groups (commune leaders and officials, weight
 * 2; citizens and businesses, weight 1), respondents in Khánh Hòa and Thái Nguyên, and paper
 * answers about xã Đại Lãnh only, so the results show Đại Lãnh's provisional points out of the box
 * while the other communes still wait for answers (the survey is open). The answers are fixed
 * here; the demo test computes the points from them on its own.
 */
import type { SurveyDesign } from '../../domain/social-survey/design.ts';
import type { Queryable } from '../infra/db.ts';
import * as repo from '../features/social-survey/repository.ts';
import { flowSurveyPoints } from '../features/social-survey/service.ts';
import { findUnitsByCodes } from '../features/units/repository.ts';
import { CAMPAIGN_2026_NAME } from './campaign-demo.ts';
import { findCampaignId } from './repository.ts';

/** The commune the demo's answers are about. */
export const SURVEY_DEMO_RATED = '22504';

/** The questionnaire, its nodes splitting the set's survey points in two. */
export function surveyDemoDesign(maxHundredths: number): SurveyDesign {
  const first = Math.floor(maxHundredths / 2);
  return {
    method: 'favourable',
    scale: {
      levels: [
        { code: '1', label: 'Rất kém', valueHundredths: 0 },
        { code: '2', label: 'Kém', valueHundredths: 2500 },
        { code: '3', label: 'Trung bình', valueHundredths: 5000 },
        { code: '4', label: 'Tốt', valueHundredths: 7500 },
        { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
      ],
      excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
      favourable: ['4', '5'],
    },
    nodes: [
      {
        code: 'DT1',
        title: 'Đánh giá về cải cách thủ tục hành chính',
        maxHundredths: first,
        source: 'questions',
      },
      {
        code: 'DT2',
        title: 'Đánh giá về chất lượng phục vụ của cán bộ, công chức',
        maxHundredths: maxHundredths - first,
        source: 'questions',
      },
    ],
    groups: [
      { code: 'LD', name: 'Lãnh đạo, công chức cấp xã', weight: 2 },
      { code: 'ND', name: 'Người dân, doanh nghiệp', weight: 1 },
    ],
    questions: [
      {
        code: 'Q1',
        text: 'Mức độ công khai, minh bạch thủ tục hành chính của đơn vị',
        nodes: ['DT1'],
        groups: ['LD', 'ND'],
      },
      {
        code: 'Q2',
        text: 'Việc chỉ đạo, điều hành cải cách hành chính của lãnh đạo đơn vị',
        nodes: ['DT1'],
        groups: ['LD'],
      },
      {
        code: 'Q3',
        text: 'Tinh thần, thái độ phục vụ của cán bộ, công chức',
        nodes: ['DT2'],
        groups: ['LD', 'ND'],
      },
      {
        code: 'Q4',
        text: 'Thời gian giải quyết thủ tục hành chính so với quy định',
        nodes: ['DT2'],
        groups: ['ND'],
      },
    ],
    rules: [
      { group: 'LD', raterKind: 'commune', scope: 'province', sampleSize: 3 },
      { group: 'ND', raterKind: '', scope: 'province', sampleSize: 5 },
    ],
  };
}

/**
 * The respondents: commune leaders and officials of other communes of the same province (none
 * rates their own commune). Those of Khánh Hòa answered about Đại Lãnh; those of Thái Nguyên not yet.
 */
export const SURVEY_DEMO_RESPONDENTS: {
  code: string;
  fullName: string;
  unitCode: string;
}[] = [
  { code: 'LD-KH-01', fullName: 'Nguyễn Văn Hải (dữ liệu mẫu)', unitCode: '22498' },
  { code: 'LD-KH-02', fullName: 'Trần Thị Lan (dữ liệu mẫu)', unitCode: '22498' },
  { code: 'LD-KH-03', fullName: 'Lê Văn Minh (dữ liệu mẫu)', unitCode: '22516' },
  { code: 'LD-KH-04', fullName: 'Phạm Thị Hoa (dữ liệu mẫu)', unitCode: '22516' },
  { code: 'LD-TN-01', fullName: 'Hoàng Văn Sơn (dữ liệu mẫu)', unitCode: '01849' },
  { code: 'LD-TN-02', fullName: 'Đỗ Thị Thu (dữ liệu mẫu)', unitCode: '01864' },
];

/** The answers about Đại Lãnh: one questionnaire each ('0': does not know, left out). */
export const SURVEY_DEMO_ANSWERS: {
  group: 'LD' | 'ND';
  respondent: string | null;
  answers: Record<string, string>;
}[] = [
  { group: 'LD', respondent: 'LD-KH-01', answers: { Q1: '5', Q2: '4', Q3: '4' } },
  { group: 'LD', respondent: 'LD-KH-02', answers: { Q1: '4', Q2: '3', Q3: '5' } },
  { group: 'LD', respondent: 'LD-KH-03', answers: { Q1: '3', Q2: '4', Q3: '4' } },
  { group: 'LD', respondent: 'LD-KH-04', answers: { Q1: '5', Q2: '5', Q3: '0' } },
  { group: 'ND', respondent: null, answers: { Q1: '5', Q3: '4', Q4: '3' } },
  { group: 'ND', respondent: null, answers: { Q1: '4', Q3: '4', Q4: '4' } },
  { group: 'ND', respondent: null, answers: { Q1: '3', Q3: '5', Q4: '4' } },
  { group: 'ND', respondent: null, answers: { Q1: '2', Q3: '3', Q4: '5' } },
  { group: 'ND', respondent: null, answers: { Q1: '4', Q3: '2', Q4: '2' } },
  { group: 'ND', respondent: null, answers: { Q1: '0', Q3: '4', Q4: '1' } },
];

/** Adds the survey to the 2026 campaign (in the caller's transaction); nothing without it. */
export async function loadSocialSurveyDemo(tx: Queryable, now: Date): Promise<void> {
  const campaignId = await findCampaignId(tx, CAMPAIGN_2026_NAME, 2026);
  if (campaignId === null) return;
  const kind = (await repo.findCampaignKinds(tx, campaignId)).find(
    (k) => k.unit_kind === 'commune',
  );
  if (!kind || kind.survey_max_hundredths === null) return;
  const units = await findUnitsByCodes(tx, [
    SURVEY_DEMO_RATED,
    ...SURVEY_DEMO_RESPONDENTS.map((r) => r.unitCode),
  ]);
  const unitOf = (code: string) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`demo survey: unit ${code} missing; load the official units first`);
    return unit.id;
  };
  const ratedId = unitOf(SURVEY_DEMO_RATED);
  const survey = await repo.insertSurvey(tx, {
    campaignId,
    sipasCampaignId: null,
    by: null,
    now,
  });
  await repo.saveQuestionnaire(tx, {
    surveyId: survey.id,
    unitKind: 'commune',
    criteriaSetId: kind.criteria_set_id,
    design: surveyDemoDesign(kind.survey_max_hundredths),
    expectedVersion: null,
    by: null,
    now,
  });
  await repo.insertRespondents(
    tx,
    survey.id,
    SURVEY_DEMO_RESPONDENTS.map((r) => ({
      code: r.code,
      group: 'LD',
      fullName: r.fullName,
      unitId: unitOf(r.unitCode),
      userId: null,
      email: null,
    })),
  );
  const respondents = new Map((await repo.findRespondents(tx, survey.id)).map((r) => [r.code, r]));
  await repo.insertResponses(
    tx,
    survey.id,
    SURVEY_DEMO_ANSWERS.map((a) => {
      const who = a.respondent ? respondents.get(a.respondent) : undefined;
      return {
        respondentId: who?.id ?? null,
        group: a.group,
        ratedUnitId: ratedId,
        raterUnitId: who?.unit_id ?? null,
        channel: 'paper' as const,
        answers: Object.entries(a.answers).map(([question, level]) => ({ question, level })),
      };
    }),
    null,
    now,
  );
  await repo.updateSurveyStatus(tx, survey.id, 'open', now);
  await flowSurveyPoints(tx, campaignId, now);
}
