/**
 * One result, read by every view, and nothing appraised shown to the unit before round 1 closes:
 * on the demo's 2026 campaign, xã Phượng Tiến is in round 1 (self score the max everywhere but
 * sub-criterion 3.4, one point short; round 1 took 0,50 off 2.2.1, in criterion 2, with a reason;
 * a bonus of 0,50 under criterion 9; no survey points yet).
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignIdByName,
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let admin: Client;
let council: Client;
let officer: Client;
let c2026 = 0;
let phuongTien = 0;

const ROUND1_REASON = 'Chưa ban hành kế hoạch rà soát văn bản QPPL';

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  council = await h.login('hdnd.phuongtien');
  admin = await h.login('admin');
  phuongTien = await unitIdByCode(agency, '05563');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
  const created = await admin.post('/api/v1/users', {
    username: 'canbo.phuongtien',
    fullName: 'Cán bộ Phượng Tiến',
    grants: [{ role: 'unit_officer', unitId: phuongTien }],
  });
  expect(created.status).toBe(201);
  officer = await h.login('canbo.phuongtien', created.body.temporaryPassword);
}, 120_000);
afterAll(async () => h?.close());

const scorecardUrl = () => `/api/v1/campaigns/${c2026}/units/${phuongTien}/scorecard`;

function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** Drafts the unit's self-assessment report, waits for the job and returns its text. */
async function draftReport(client: Client): Promise<string> {
  const started = await client.post('/api/v1/documents', {
    type: 'self_assessment_report',
    campaignId: c2026,
    unitId: phuongTien,
    pdf: false,
  });
  expect(started.status).toBe(202);
  let job = started.body;
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await client.get(`/api/v1/documents/jobs/${job.id}`)).body;
  }
  expect(job.status).toBe('succeeded');
  const file = await client.request('GET', `/api/v1/documents/jobs/${job.id}/docx`, undefined, {
    accept: '*/*',
  });
  expect(file.status).toBe(200);
  return docxText(file.raw);
}

describe('before round 1 is closed on the unit', () => {
  it('shows the unit and its People’s Council member their self scores only on the scorecard', async () => {
    for (const client of [council, officer]) {
      const res = await client.get(scorecardUrl());
      expect(res.status).toBe(200);
      expect(res.body.stage).toBe('self');
      const r = res.body.result;
      expect(r.stage).toBe('self');
      expect(r.classLabel).toBeNull();
      expect(r.rank).toBeNull();
      expect(r.unitsRanked).toBeNull();
      expect(r.surveyHundredths).toBeNull();
      // Self: every sub-criterion at its max but 3.4 (one point short), bonus 0,50:
      // 70 − 1 + 0,50 = 69,50 of the appraised 70.
      expect(r.totalText).toBe('69,50');
      expect(r.maxTotalText).toBe('70,00');
      const two = res.body.nodes.find((n: { code: string }) => n.code === '2');
      expect(two.afterRound1.score).toBe(700);
      expect(two.final.score).toBe(700);
      expect(r.criteria.find((c: { code: string }) => c.code === '2').score).toBe(700);
      expect(JSON.stringify(res.body)).not.toContain(ROUND1_REASON);
    }
  });

  it('leaves the unit out of the ranking, its exports and the public page', async () => {
    for (const client of [council, officer]) {
      const ranking = await client.get(`/api/v1/campaigns/${c2026}/results`);
      expect(ranking.status).toBe(200);
      expect(ranking.body.units.map((u: { unitCode: string }) => u.unitCode)).not.toContain(
        '05563',
      );
      const csv = await client.get(`/api/v1/campaigns/${c2026}/results.csv`);
      expect(csv.status).toBe(200);
      expect(csv.raw.toString('utf8')).not.toContain('05563');
    }
    const pub = await h.anonymous().get(`/api/v1/public/campaigns/${c2026}/results`);
    expect(pub.status).toBe(404);
  });

  it('keeps the appraiser’s reasons out of the unit’s sheet', async () => {
    for (const client of [council, officer]) {
      const sheet = await client.get(`/api/v1/campaigns/${c2026}/units/${phuongTien}/sheet`);
      expect(sheet.status).toBe(200);
      expect(JSON.stringify(sheet.body)).not.toContain(ROUND1_REASON);
    }
  });

  it('drafts a self-assessment report that says the scores are self-assessed, with no class or rank', async () => {
    const text = await draftReport(officer);
    expect(text).toContain('chưa được cấp trên thẩm định');
    expect(text).toContain('tự chấm đạt 69,5/70 điểm (tạm tính');
    expect(text).not.toContain('Sau khi thực hiện tự đánh giá và được cấp trên thẩm định');
    expect(text).not.toMatch(/xếp hạng \d+\/\d+/);
    expect(text).not.toContain(ROUND1_REASON);
  }, 120_000);
});

describe('the same result in every view', () => {
  it('gives the standing agency the appraised result, provisional without survey points', async () => {
    const card = (await agency.get(scorecardUrl())).body;
    expect(card.stage).toBe('final');
    const r = card.result;
    // Appraised: 70 − 1 (3.4, self) − 0,50 (2.2.1, round 1) + 0,50 bonus = 69,00;
    // no survey points: provisional, on the appraised max 70: 69/70 = 98,57 %.
    expect(r.totalText).toBe('69,00');
    expect(r.maxTotalText).toBe('70,00');
    expect(r.provisional).toBe(true);
    expect(r.indexText).toBe('98,57');
    // Chart and table: every criterion's score is the table's final column.
    for (const c of r.criteria) {
      const node = card.nodes.find((n: { code: string }) => n.code === c.code);
      expect({ code: c.code, score: node.final.score, max: node.final.max }).toEqual({
        code: c.code,
        score: c.score,
        max: c.max,
      });
    }
    // The bonus shows its points, in the chart's criterion and in the table.
    expect(r.criteria.find((c: { code: string }) => c.code === '9').adjustmentText).toBe('+0,50');
    expect(r.adjustments).toContainEqual(
      expect.objectContaining({ code: '9.1', kind: 'bonus', points: 50, pointsText: '+0,50' }),
    );
    const bonus = card.nodes.find((n: { code: string }) => n.code === '9.1');
    expect(bonus.finalPoints.text).toBe('+0,50');
    // A reason entered in round 1 is the reason shown.
    const lost2 = card.lostPoints.find((l: { code: string }) => l.code === '2.2.1');
    expect(lost2.reason).toContain(ROUND1_REASON);
    // Criterion 2 shows the 0,50 its sub-criterion lost.
    expect(r.criteria.find((c: { code: string }) => c.code === '2').score).toBe(650);
  });

  it('ranks and classes the unit the same in the ranking, the export and the scorecard', async () => {
    // The campaign is national: the national administrator sees its ranking in progress.
    const card = (await admin.get(scorecardUrl())).body.result;
    const ranking = (await admin.get(`/api/v1/campaigns/${c2026}/results`)).body;
    const row = ranking.units.find((u: { unitCode: string }) => u.unitCode === '05563');
    for (const key of [
      'totalHundredths',
      'maxTotalHundredths',
      'indexHundredths',
      'classLabel',
      'rank',
      'unitsRanked',
      'provisional',
      'criteria',
      'adjustments',
    ])
      expect({ key, value: row[key] }).toEqual({ key, value: card[key] });
    // The class is the band of the campaign's set (the 2025 template's), shown beside it.
    expect(card.classBand).not.toBeNull();
    expect(card.indexHundredths).toBeGreaterThanOrEqual(card.classBand.fromPercent);
    const csv = (await admin.get(`/api/v1/campaigns/${c2026}/results.csv`)).raw.toString('utf8');
    const header = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    const line = csv
      .split('\r\n')
      .find((l) => l.startsWith('05563,'))!
      .split(',');
    const at = (name: string) => line[header.indexOf(name)];
    expect(at('total')).toBe('69');
    expect(at('index')).toBe('98.57');
    expect(at('class')).toBe(card.classLabel);
    expect(at('rank')).toBe(String(card.rank));
  });

  it('drafts the standing agency’s report with the scorecard’s figures, provisional', async () => {
    const text = await draftReport(agency);
    expect(text).toContain('đạt 69/70 điểm (tạm tính — chưa có điểm điều tra xã hội học)');
    // The bonus-only criterion reads as its points with their sign, not as "0/0".
    expect(text).toMatch(/: \+0,50 điểm;/u);
    expect(text).not.toContain('0/0 điểm');
  }, 120_000);
});

describe('publishing without the survey points', () => {
  it('is refused until a reason is recorded, then shows the result as provisional', async () => {
    // The unit's result approved while its survey points are not in yet.
    await h.deps.db.query(
      `UPDATE campaign_participants SET status = 'approved', version = version + 1
       WHERE campaign_id = $1 AND unit_id = $2`,
      [c2026, phuongTien],
    );
    const url = `/api/v1/campaigns/${c2026}/units/${phuongTien}/publish`;
    // The province's standing agency publishes its units' results.
    const refused = await agency.post(url);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('còn tạm tính');
    expect((await h.anonymous().get(`/api/v1/public/campaigns/${c2026}/results`)).status).toBe(404);
    const reason = 'Hội đồng quyết định công bố trước, bổ sung điểm khảo sát sau.';
    const published = await agency.post(url, { reason });
    expect(published.status).toBe(200);
    expect(published.body.participant.status).toBe('published');
    const pub = await h.anonymous().get(`/api/v1/public/campaigns/${c2026}/results`);
    const unit = pub.body.units.find((u: { unitCode: string }) => u.unitCode === '05563');
    expect(unit).toMatchObject({ provisional: true, totalText: '69,00', maxTotalText: '70,00' });
    const [audit] = await h.deps.db.query<{ after: { reason: string } }>(
      `SELECT after FROM audit_log WHERE action = 'campaign.publish_without_survey'`,
    );
    expect(audit?.after.reason).toBe(reason);
    // The public page and the scorecard say it was published without the survey points, and why.
    expect(unit.publishedWithoutSurvey).toEqual({
      reason,
      by: 'noivu.thainguyen',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const card = await agency.get(`/api/v1/campaigns/${c2026}/units/${phuongTien}/scorecard`);
    expect(card.body.publishedWithoutSurvey).toEqual(unit.publishedWithoutSurvey);
    // A unit published with its survey points carries no such decision.
    const others = pub.body.units.filter((u: { unitCode: string }) => u.unitCode !== '05563');
    expect(
      others.every((u: { publishedWithoutSurvey: unknown }) => u.publishedWithoutSurvey === null),
    ).toBe(true);
  });
});
