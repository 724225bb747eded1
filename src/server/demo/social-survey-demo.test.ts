/**
 * The demo's sociological survey on the 2026 commune campaign: open, with its questionnaire, its
 * respondents in groups, and answers about xã Đại Lãnh whose points this test computes from the
 * answers alone (ADR 35, method "favourable"); the other communes wait for answers. The 2022
 * campaign of Bảo Yên keeps its closed survey with no questionnaire (seed 004's typed points).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignIdByName,
  createHarness,
  type Client,
  type Harness,
} from '../test-support/harness.ts';
import {
  SURVEY_DEMO_ANSWERS,
  SURVEY_DEMO_RATED,
  SURVEY_DEMO_RESPONDENTS,
} from './social-survey-demo.ts';

let h: Harness;
let admin: Client;
let c2026 = 0;
const base = () => `/api/v1/campaigns/${c2026}/social-survey`;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  c2026 = await campaignIdByName(admin, 2026, /dữ liệu mẫu/);
});
afterAll(async () => h?.close());

/** Exact fractions as [numerator, denominator] of bigints. */
type F = [bigint, bigint];
const g = (a: bigint, b: bigint): bigint => (b === 0n ? a : g(b, a % b));
const f = (n: bigint, d: bigint): F => [n / g(n, d), d / g(n, d)];
const plus = (a: F, b: F): F => f(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);

/** One node's points: mean over its questions of the groups' favourable shares, weighted. */
function nodePoints(max: number, questions: string[], weights: Record<string, number>): number {
  let sum: F = [0n, 1n];
  for (const q of questions) {
    let weighted: F = [0n, 1n];
    let weightSum = 0n;
    for (const [group, weight] of Object.entries(weights)) {
      const valid = SURVEY_DEMO_ANSWERS.filter(
        (a) => a.group === group && a.answers[q] !== undefined && a.answers[q] !== '0',
      );
      if (valid.length === 0) continue;
      const favourable = valid.filter((a) => ['4', '5'].includes(a.answers[q]!)).length;
      weighted = plus(weighted, f(BigInt(weight * favourable), BigInt(valid.length)));
      weightSum += BigInt(weight);
    }
    sum = plus(sum, f(weighted[0], weighted[1] * weightSum));
  }
  const share = f(sum[0], sum[1] * BigInt(questions.length));
  return Number((2n * share[0] * BigInt(max) + share[1]) / (2n * share[1]));
}

describe('the demo’s sociological survey', () => {
  it('is open on the 2026 campaign, with a questionnaire worth the set’s survey points', async () => {
    const res = await admin.get(base());
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('open');
    const commune = res.body.unitKinds.find((k: { unitKind: string }) => k.unitKind === 'commune');
    const design = commune.questionnaire.design;
    expect(
      design.nodes.reduce((s: number, n: { maxHundredths: number }) => s + n.maxHundredths, 0),
    ).toBe(commune.surveyMaxHundredths);
    expect(design.groups.map((x: { code: string }) => x.code)).toEqual(['LD', 'ND']);
    expect(design.questions).toHaveLength(4);
  });

  it('lists its respondents in their group, those who rated Đại Lãnh as having answered', async () => {
    const res = await admin.get(`${base()}/respondents?limit=50`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(SURVEY_DEMO_RESPONDENTS.length);
    expect(res.body.groups).toEqual([
      { code: 'LD', name: 'Lãnh đạo, công chức cấp xã', count: SURVEY_DEMO_RESPONDENTS.length },
    ]);
    const answered = new Set(
      SURVEY_DEMO_ANSWERS.flatMap((a) => (a.respondent ? [a.respondent] : [])),
    );
    expect(
      res.body.items.map((r: { code: string; responses: number }) => [r.code, r.responses]),
    ).toEqual(SURVEY_DEMO_RESPONDENTS.map((r) => [r.code, answered.has(r.code) ? 1 : 0]));
  });

  it('shows Đại Lãnh’s provisional points, computed from the answers, and flows them into the campaign', async () => {
    const res = await admin.get(`${base()}/results`);
    expect(res.status).toBe(200);
    expect(res.body.provisional).toBe(true);
    const survey = (await admin.get(base())).body;
    const design = survey.unitKinds[0].questionnaire.design as {
      nodes: { code: string; maxHundredths: number }[];
      groups: { code: string; weight: number }[];
      questions: { code: string; nodes: string[] }[];
    };
    const weights = Object.fromEntries(design.groups.map((x) => [x.code, x.weight]));
    const expected = design.nodes.map((n) =>
      nodePoints(
        n.maxHundredths,
        design.questions.filter((q) => q.nodes.includes(n.code)).map((q) => q.code),
        weights,
      ),
    );
    const daiLanh = res.body.units.find(
      (u: { unitCode: string }) => u.unitCode === SURVEY_DEMO_RATED,
    );
    expect(daiLanh.nodes.map((n: { pointsHundredths: number }) => n.pointsHundredths)).toEqual(
      expected,
    );
    expect(daiLanh.pointsHundredths).toBe(expected[0]! + expected[1]!);
    // The set's survey part is 30 points: 10,88 + 10,42, as worked by hand from the answers.
    expect(daiLanh.maxHundredths).toBe(3000);
    expect(expected).toEqual([1088, 1042]);
    for (const code of ['05551', '05563'])
      expect(
        res.body.units.find((u: { unitCode: string }) => u.unitCode === code).pointsHundredths,
      ).toBeNull();
    const stored = await h.deps.db.query<{
      points_hundredths: number;
      source: string;
      provisional: boolean;
    }>(
      `SELECT sp.points_hundredths, sp.source, sp.provisional FROM campaign_survey_points sp
       JOIN campaign_participants p ON p.id = sp.participant_id
       WHERE sp.campaign_id = $1`,
      [c2026],
    );
    expect(stored).toEqual([
      { points_hundredths: expected[0]! + expected[1]!, source: 'survey', provisional: true },
    ]);
  });

  it('leaves the Bảo Yên 2022 campaign’s survey as it was: closed, no questionnaire', async () => {
    const rows = await h.deps.db.query<{ status: string; questionnaires: number }>(
      `SELECT s.status, (SELECT count(*)::int FROM social_survey_questionnaires q WHERE q.survey_id = s.id) AS questionnaires
       FROM social_surveys s JOIN campaigns c ON c.id = s.campaign_id WHERE c.id <> $1`,
      [c2026],
    );
    expect(rows).toEqual([{ status: 'closed', questionnaires: 0 }]);
  });
});
