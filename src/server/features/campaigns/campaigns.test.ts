/**
 * Campaigns through the HTTP API: the full cycle for one unit (self-assessment, submission,
 * round 1 with reasons, explanation, round 2, approval, publication, the public page), concurrent
 * saves, deadlines, bad input, authorisation, and the seed numbers of the demo campaigns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createUser } from '../users/service.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let officer: Client;
let head: Client;
let appraiser: Client;
let appraiser2: Client | undefined;
let chair: Client;
let councilPt: Client;
let otherAgency: Client;
let kimPhuong = 0;
let phuongTien = 0;
let campaignId = 0;

const ADMIN: Actor = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

/** Signs everyone in again (sessions expire when the clock moves by days). */
async function loginAll(): Promise<void> {
  agency = await h.login('noivu.thainguyen');
  officer = await h.login('canbo.kimphuong');
  head = await h.login('chutich.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  chair = await h.login('hoidong.thainguyen');
  councilPt = await h.login('hdnd.phuongtien');
  otherAgency = await h.login('noivu.khanhhoa');
  if (appraiser2) appraiser2 = await h.login('thamdinh2.thainguyen', 'thamdinh-2-password');
}

beforeAll(async () => {
  h = await createHarness();
  await loginAll();
  kimPhuong = await unitIdByCode(agency, '05551');
  phuongTien = await unitIdByCode(agency, '05563');
  await createUser(h.deps, ADMIN, {
    username: 'thamdinh2.thainguyen',
    fullName: 'Thẩm định viên thứ hai',
    password: 'thamdinh-2-password',
    grants: [{ role: 'appraiser', unitId: await unitIdByCode(agency, '19') }],
  });
  appraiser2 = await h.login('thamdinh2.thainguyen', 'thamdinh-2-password');
});
afterAll(async () => h?.close());

const base = () => `/api/v1/campaigns/${campaignId}`;
const unitUrl = (unitId = kimPhuong) => `${base()}/units/${unitId}`;
const DEADLINES = {
  selfAssessment: '2026-03-10',
  round1: '2026-03-20',
  explanations: '2026-03-31',
  round2: '2026-04-10',
  publication: '2026-04-30',
};
const MAX: Record<string, number> = {
  '1': 700,
  '2': 700,
  '3': 1200,
  '4': 600,
  '5': 900,
  '6': 700,
  '7': 1200,
  '8': 1000,
};

async function entryVersion(client: Client, unitId: number, code: string): Promise<number> {
  const sheet = (await client.get(`${unitUrl(unitId)}/sheet`)).body;
  const flat = (
    nodes: { code: string; entry: { version: number } | null; children: unknown[] }[],
  ): { code: string; entry: { version: number } | null }[] =>
    nodes.flatMap((n) => [n, ...flat(n.children as never)]);
  return flat(sheet.nodes).find((n) => n.code === code)?.entry?.version ?? 0;
}

describe('setting up a campaign', () => {
  it('creates a campaign on the 2025 commune template, which freezes the set', async () => {
    const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
    const template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa');
    const res = await agency.post('/api/v1/campaigns', {
      name: 'Chỉ số CCHC năm 2026 cấp xã (kiểm thử)',
      year: 2026,
      deadlines: DEADLINES,
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: template.id }],
    });
    expect(res.status).toBe(201);
    campaignId = res.body.campaign.id;
    expect(res.body.campaign).toMatchObject({
      status: 'setup',
      phase: 'setup',
      ownerUnitName: expect.stringMatching(/Thái Nguyên/),
    });
    expect(res.body.criteriaSets[0]).toMatchObject({
      unitKind: 'commune',
      surveyMaxHundredths: 3000,
      maxHundredths: 7000,
    });
    expect((await agency.get(`/api/v1/criteria-sets/${template.id}`)).body.set.status).toBe(
      'frozen',
    );
  });

  it('refuses set-up by a unit officer and by another province', async () => {
    expect((await officer.post(`${base()}/participants`, { unitCodes: ['05551'] })).status).toBe(
      403,
    );
    expect((await otherAgency.post(`${base()}/open`)).status).toBe(403);
  });

  it('refuses to open without units, then adds units by code and id and assigns appraisers', async () => {
    const early = await agency.post(`${base()}/open`);
    expect(early.status).toBe(400);
    expect(early.body.error.details).toContainEqual({
      field: 'units',
      message: 'Chưa chọn đơn vị tham gia',
    });
    const added = await agency.post(`${base()}/participants`, {
      unitCodes: ['05551'],
      unitIds: [phuongTien],
    });
    expect(added.status).toBe(200);
    expect(added.body.added).toBe(2);
    const badCode = await agency.put(`${base()}/assignments`, {
      assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['42'] }],
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details[0]).toEqual({
      field: 'assignments.0',
      message: 'Mã “42” không có trong bộ chỉ số được phân công',
    });
    const assigned = await agency.put(`${base()}/assignments`, {
      assignments: [
        { username: 'thamdinh.thainguyen', nodeCodes: ['1', '2', '3', '4'] },
        { username: 'thamdinh2.thainguyen', nodeCodes: ['4', '5', '6', '7', '8', '9'] },
      ],
    });
    expect(assigned.status).toBe(200);
    const opened = await agency.post(`${base()}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.campaign).toMatchObject({ status: 'open', phase: 'self_assessment' });
  });
});

describe('self-assessment', () => {
  it('shows the sheet with maxima and rule inputs, and saves an entry with a version', async () => {
    const sheet = await officer.get(`${unitUrl()}/sheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.participant.status).toBe('not_started');
    expect(sheet.body.nodes[0]).toMatchObject({
      code: '1',
      maxHundredths: 700,
      isLeaf: true,
      inputs: [{ key: 'score', type: 'score', maxHundredths: 700 }],
    });
    expect(sheet.body.progress).toMatchObject({
      leavesTotal: 10,
      leavesDone: 0,
      blockingProblems: 10,
    });
    const saved = await officer.put(`${unitUrl()}/entries/1/self`, {
      version: 0,
      inputs: { score: 650 },
      explanation: 'Đã ban hành kế hoạch CCHC đúng hạn.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, score: 650, status: 'draft' });
  });

  it('refuses a score above the max, naming the field, and a stale version with a clear message', async () => {
    const above = await officer.put(`${unitUrl()}/entries/2/self`, {
      version: 0,
      inputs: { score: 800 },
      explanation: 'x',
    });
    expect(above.status).toBe(400);
    expect(above.body.error.details[0].field).toBe('score');
    expect(above.body.error.details[0].message).toMatch(/7,00/);
    const stale = await head.put(`${unitUrl()}/entries/1/self`, {
      version: 0,
      inputs: { score: 700 },
      explanation: 'y',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(
      /^Tiêu chí 1 vừa được Công chức CCHC xã Kim Phượng \(demo\) lưu lúc .+; nội dung của bạn chưa được lưu/,
    );
  });

  it('keeps another unit out of the self-assessment before publication', async () => {
    expect((await councilPt.get(`${unitUrl()}/sheet`)).status).toBe(403);
    expect((await officer.get(`${unitUrl(phuongTien)}/sheet`)).status).toBe(403);
    expect(
      (
        await officer.put(`${unitUrl(phuongTien)}/entries/1/self`, {
          version: 0,
          inputs: { score: 100 },
          explanation: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await councilPt.get(`${unitUrl(phuongTien)}/sheet`)).status).toBe(200);
  });

  it('refuses to submit an incomplete sheet, then submits, withdraws and submits again', async () => {
    const incomplete = await officer.post(`${unitUrl()}/submit`);
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error).toMatchObject({
      code: 'workflow_incomplete',
      message: 'Bản tự chấm còn 9 nội dung chưa hoàn thành; chưa nộp được',
    });
    for (const code of ['2', '3', '4', '5', '6', '7', '8']) {
      const res = await officer.put(`${unitUrl()}/entries/${code}/self`, {
        version: 0,
        inputs: { score: MAX[code] },
        explanation: 'Có tài liệu kiểm chứng kèm theo.',
      });
      expect(res.status).toBe(200);
    }
    await officer.put(`${unitUrl()}/entries/9.1/self`, {
      version: 0,
      inputs: { items: 1 },
      explanation: 'Mô hình một cửa số được công nhận.',
    });
    await officer.put(`${unitUrl()}/entries/9.2/self`, {
      version: 0,
      inputs: { items: 0 },
      explanation: 'Không có vi phạm.',
    });
    const sheet = (await officer.get(`${unitUrl()}/sheet`)).body;
    expect(sheet.progress).toMatchObject({
      leavesDone: 10,
      blockingProblems: 0,
      pointsEntered: 6950 + 50,
    });
    expect((await officer.post(`${unitUrl()}/submit`)).body.participant.status).toBe('submitted');
    expect((await officer.post(`${unitUrl()}/withdraw`)).body.participant.status).toBe('draft');
    expect((await head.post(`${unitUrl()}/submit`)).body.participant.status).toBe('submitted');
    const locked = await officer.put(`${unitUrl()}/entries/1/self`, {
      version: 1,
      inputs: { score: 700 },
      explanation: 'x',
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/hãy rút lại để sửa/);
  });
});

describe('deadlines', () => {
  it('refuses appraisal before the self-assessment deadline', async () => {
    const early = await appraiser.put(`${unitUrl()}/entries/1/round1`, {
      version: 1,
      scoreHundredths: 600,
      reason: 'x',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('workflow_too_early');
  });

  it('locks the self-assessment after the deadline until the standing agency reopens it with a reason', async () => {
    h.clock.set(new Date('2026-03-11T02:00:00Z'));
    await loginAll();
    expect((await officer.get(base())).body.campaign.phase).toBe('round1');
    const save = await officer.put(`${unitUrl()}/entries/1/self`, {
      version: 1,
      inputs: { score: 700 },
      explanation: 'x',
    });
    expect(save.status).toBe(409);
    const noReason = await agency.post(`${unitUrl(phuongTien)}/reopen`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('Phải nêu lý do mở lại');
    const reopened = await agency.post(`${unitUrl(phuongTien)}/reopen`, {
      reason: 'Đơn vị bị mất điện trong tuần cuối',
      until: '2026-03-15',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.participant).toMatchObject({
      status: 'reopened',
      reopened: { until: '2026-03-15' },
    });
  });
});

describe('round 1', () => {
  it('lets an appraiser score only assigned criteria, within the max, with a reason for lost points', async () => {
    expect(
      (await officer.put(`${unitUrl()}/entries/1/round1`, { version: 1, scoreHundredths: 700 }))
        .status,
    ).toBe(403);
    const notAssigned = await appraiser.put(`${unitUrl()}/entries/5/round1`, {
      version: 1,
      scoreHundredths: 900,
    });
    expect(notAssigned.status).toBe(403);
    expect(notAssigned.body.error.message).toBe(
      'Tài khoản không được phân công thẩm định tiêu chí 5',
    );
    const above = await appraiser.put(`${unitUrl()}/entries/1/round1`, {
      version: 1,
      scoreHundredths: 800,
      reason: 'x',
    });
    expect(above.status).toBe(400);
    expect(above.body.error.details).toEqual([
      { field: 'score', message: 'Điểm thẩm định 8,00 vượt điểm tối đa 7,00' },
    ]);
    const noReason = await appraiser.put(`${unitUrl()}/entries/1/round1`, {
      version: 1,
      scoreHundredths: 500,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([
      { field: 'reason', message: 'Điểm thẩm định thấp hơn điểm tối đa: phải ghi lý do mất điểm' },
    ]);
    const ok = await appraiser.put(`${unitUrl()}/entries/1/round1`, {
      version: 1,
      scoreHundredths: 500,
      reason: 'Kế hoạch CCHC ban hành chậm 10 ngày so với quy định.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, status: 'round1_in_progress' });
  });

  it('shows the appraiser a paginated queue of assigned criteria across units', async () => {
    const page = await appraiser.get(`${base()}/queue?limit=3&offset=0`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(4);
    expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['1', '2', '3']);
    expect(page.body.items[0]).toMatchObject({
      unitName: expect.stringMatching(/Kim Phượng/),
      maxHundredths: 700,
      entry: { self: { score: 650 }, round1: { score: 500 } },
    });
    expect(
      (await appraiser.get(`${base()}/queue?limit=3&offset=3`)).body.items.map(
        (i: { code: string }) => i.code,
      ),
    ).toEqual(['4']);
  });

  it('gives the later of two appraisers saving the same node a 409', async () => {
    const version = await entryVersion(appraiser, kimPhuong, '4');
    const first = await appraiser.put(`${unitUrl()}/entries/4/round1`, {
      version,
      scoreHundredths: 600,
    });
    expect(first.status).toBe(200);
    const second = await appraiser2!.put(`${unitUrl()}/entries/4/round1`, {
      version,
      scoreHundredths: 500,
      reason: 'Thiếu báo cáo quý IV.',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('campaign_entry_conflict');
    expect(second.body.error.message).toMatch(
      /^Tiêu chí 4 vừa được Thành viên tổ thẩm định Thái Nguyên \(demo\) lưu lúc/,
    );
  });

  it('lets the chair follow progress per appraiser and close round 1', async () => {
    for (const code of ['2', '3'])
      await appraiser.put(`${unitUrl()}/entries/${code}/round1`, {
        version: 1,
        scoreHundredths: MAX[code],
      });
    for (const code of ['5', '6', '7', '8'])
      await appraiser2!.put(`${unitUrl()}/entries/${code}/round1`, {
        version: 1,
        scoreHundredths: MAX[code],
      });
    const progress = await chair.get(`${base()}/round1/progress`);
    expect(progress.status).toBe(200);
    const byName = new Map(
      progress.body.appraisers.map((a: { username: string }) => [a.username, a]),
    );
    expect(byName.get('thamdinh.thainguyen')).toMatchObject({ scored: 4, total: 4 });
    expect(byName.get('thamdinh2.thainguyen')).toMatchObject({ scored: 5, total: 7 });
    expect((await officer.post(`${unitUrl()}/close-round1`)).status).toBe(403);
    const closed = await chair.post(`${unitUrl()}/close-round1`);
    expect(closed.status).toBe(200);
    expect(closed.body.participant.status).toBe('round1_closed');
  });
});

describe('explanation, round 2, approval and publication', () => {
  it('shows the unit its findings and takes an explanation per finding', async () => {
    const sheet = (await officer.get(`${unitUrl()}/sheet`)).body;
    expect(sheet.findings).toEqual(['1']);
    expect(sheet.nodes[0].entry.round1).toMatchObject({
      score: 500,
      reason: 'Kế hoạch CCHC ban hành chậm 10 ngày so với quy định.',
    });
    const noFinding = await officer.put(`${unitUrl()}/entries/2/explanation`, {
      version: 2,
      text: 'x',
    });
    expect(noFinding.status).toBe(400);
    const v = await entryVersion(officer, kimPhuong, '1');
    const explained = await officer.put(`${unitUrl()}/entries/1/explanation`, {
      version: v,
      text: 'Kế hoạch ký ngày 28/12/2025, có văn bản đến của huyện kèm theo.',
    });
    expect(explained.status).toBe(200);
    expect((await officer.post(`${unitUrl()}/lock-explanations`)).body.participant.status).toBe(
      'explanations_locked',
    );
  });

  it('a unit cannot change appraisal scores', async () => {
    const v = await entryVersion(officer, kimPhuong, '1');
    // Round 1 is over for everyone; round 2 is open, but not to the unit.
    expect(
      (await officer.put(`${unitUrl()}/entries/1/round1`, { version: v, scoreHundredths: 700 }))
        .body.error.code,
    ).toBe('workflow_locked');
    expect(
      (
        await officer.put(`${unitUrl()}/entries/1/round2`, {
          version: v,
          disposition: 'defended',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('decides round 2 on the finding only, then the chair approves and the agency publishes', async () => {
    // Round 2's queue holds the findings only (criterion 1, scored below the unit's own score).
    const queue = (await appraiser.get(`${base()}/queue?round=2&limit=10`)).body;
    expect(queue.items.map((i: { code: string; done: boolean }) => `${i.code}:${i.done}`)).toEqual([
      '1:false',
    ]);
    expect((await appraiser2!.get(`${base()}/queue?round=2&limit=10`)).body.total).toBe(0);
    const v = await entryVersion(appraiser, kimPhuong, '1');
    const noFinding = await appraiser.put(`${unitUrl()}/entries/2/round2`, {
      version: 2,
      disposition: 'still_open',
      reason: 'x',
    });
    expect(noFinding.status).toBe(400);
    const missingReason = await appraiser.put(`${unitUrl()}/entries/1/round2`, {
      version: v,
      disposition: 'addressed',
      scoreHundredths: 650,
      reason: '',
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.details).toEqual([
      { field: 'reason', message: 'Phải ghi lý do của kết luận vòng 2' },
    ]);
    const decided = await appraiser.put(`${unitUrl()}/entries/1/round2`, {
      version: v,
      disposition: 'addressed',
      scoreHundredths: 650,
      reason: 'Giải trình hợp lý một phần.',
    });
    expect(decided.status).toBe(200);
    expect((await appraiser.get(`${base()}/queue?round=2&onlyOpen=true&limit=10`)).body.total).toBe(
      0,
    );
    expect((await agency.put(`${unitUrl()}/survey`, { pointsHundredths: 3100 })).status).toBe(400);
    expect((await agency.put(`${unitUrl()}/survey`, { pointsHundredths: 2500 })).status).toBe(200);
    expect((await h.anonymous().get(`/api/v1/public/campaigns/${campaignId}/results`)).status).toBe(
      404,
    );
    expect((await agency.post(`${unitUrl()}/approve`)).status).toBe(403);
    expect((await chair.post(`${unitUrl()}/approve`)).body.participant.status).toBe('approved');
    expect((await chair.post(`${unitUrl()}/publish`)).status).toBe(403);
    // The decision it is published by: a date that does not exist is refused, naming the field,
    // and nothing is published.
    const badDate = await agency.post(`${base()}/publish`, {
      decisionNumber: '125/QĐ-UBND',
      decisionDate: '2026-02-30',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0]).toMatchObject({ field: 'decisionDate' });
    expect((await h.anonymous().get(`/api/v1/public/campaigns/${campaignId}/results`)).status).toBe(
      404,
    );
    expect(
      (
        await agency.post(`${base()}/publish`, {
          decisionNumber: '125/QĐ-UBND',
          decisionDate: '2026-03-16',
        })
      ).body,
    ).toMatchObject({ done: 1, refused: [] });
  });

  it('shows the published result on the public page without reasons or evidence', async () => {
    const res = await h.anonymous().get(`/api/v1/public/campaigns/${campaignId}/results`);
    expect(res.status).toBe(200);
    // Appraised 69,50 of 70 after round 2, + 0,5 bonus capped at the max = 70, + survey 25 = 95 of 100.
    expect(res.body.units).toHaveLength(1);
    expect(res.body.units[0]).toMatchObject({
      unitCode: '05551',
      indexText: '95,00',
      classLabel: 'Tốt',
      rank: 1,
      totalHundredths: 9500,
    });
    expect(res.body.units[0].criteria[0]).toMatchObject({
      code: '1',
      title: expect.any(String),
      score: 650,
      max: 700,
      rank: 1,
    });
    expect(res.body.units[0].provisional).toBe(false);
    expect(res.body.units[0].decision).toEqual({ number: '125/QĐ-UBND', date: '2026-03-16' });
    expect(JSON.stringify(res.body)).not.toMatch(
      /Giải trình hợp lý|Kế hoạch CCHC ban hành chậm|evidence/,
    );
  });

  it('gives the unit its scorecard: self vs round 1 vs final, every lost point with its reason', async () => {
    const card = await officer.get(`${unitUrl()}/scorecard`);
    expect(card.status).toBe(200);
    const node = card.body.nodes.find((n: { code: string }) => n.code === '1');
    expect(node).toMatchObject({
      self: { score: 650 },
      afterRound1: { score: 500 },
      final: { score: 650 },
      lost: 50,
      reason: 'Giải trình hợp lý một phần.',
      disposition: 'addressed',
    });
    expect(
      card.body.lostPoints.map((l: { code: string; reason: string }) => `${l.code}: ${l.reason}`),
    ).toEqual(['1: Giải trình hợp lý một phần.']);
    expect(card.body.result).toMatchObject({ indexText: '95,00', rank: 1 });
  });

  it('exports the results as CSV and Excel', async () => {
    const csv = await agency.get(`${base()}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toMatch(
      /^\uFEFFunitCode,unitName,unitKind,total,surveyPoints,index,class,rank,c1_score/,
    );
    expect(csv.body).toMatch(/\r\n05551,Xã Kim Phượng,commune,95,25,95,Tốt,1,6.5,7,1,7,7,1/);
    const xlsx = await agency.get(`${base()}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toMatch(/spreadsheetml/);
  });
});

describe('the demo campaigns (seeds 000 and 002)', () => {
  it('reproduces xã Quy Kỳ 2022: 58,25, Trung bình, 89,6 % of 2021', async () => {
    const list = (await agency.get('/api/v1/campaigns')).body.items;
    const c2022 = list.find(
      (c: { year: number; name: string }) => c.year === 2022 && /Định Hóa/.test(c.name),
    );
    expect(c2022).toMatchObject({ status: 'closed', participants: 2 });
    const results = await agency.get(`/api/v1/campaigns/${c2022.id}/results`);
    const quyKy = results.body.units.find((u: { unitCode: string }) => u.unitCode === '05545');
    expect(quyKy).toMatchObject({
      totalText: '58,25',
      indexText: '58,25',
      classLabel: 'Trung bình',
      status: 'published',
    });
    expect(quyKy.criteria.map((c: { score: number }) => c.score)).toEqual([
      600, 600, 500, 1350, 900, 300, 625, 950,
    ]);
    expect(quyKy.previous).toMatchObject({
      year: 2021,
      source: 'own',
      indexText: '65,00',
      ratioText: '89,6 %',
    });
    const pub = await h.anonymous().get(`/api/v1/public/campaigns/${c2022.id}/results`);
    expect(pub.body.units.find((u: { unitCode: string }) => u.unitCode === '05545')).toMatchObject({
      indexText: '58,25',
      classLabel: 'Trung bình',
    });
  });

  it("keeps xã Phượng Tiến's 2022 findings with the reasons quoted from seed 002", async () => {
    const list = (await agency.get('/api/v1/campaigns')).body.items;
    const c2022 = list.find(
      (c: { year: number; name: string }) => c.year === 2022 && /Định Hóa/.test(c.name),
    );
    const unitId = await unitIdByCode(agency, '05566');
    const card = (await councilPt.get(`/api/v1/campaigns/${c2022.id}/units/${unitId}/scorecard`))
      .body;
    const lost = new Map(card.lostPoints.map((l: { code: string }) => [l.code, l]));
    expect(lost.get('2.2')).toMatchObject({
      max: 150,
      final: 100,
      lost: 50,
      reason: expect.stringMatching(/^Có kế hoạch rà soát văn bản QPPL/),
    });
    expect(lost.get('2.3')).toMatchObject({
      max: 200,
      final: 150,
      lost: 50,
      reason: expect.stringMatching(/^Không có văn bản QPPL/),
    });
    expect(lost.get('7.2')).toMatchObject({
      max: 150,
      final: 50,
      lost: 100,
      reason: 'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
    });
    const node = card.nodes.find((n: { code: string }) => n.code === '2.3');
    expect(node).toMatchObject({
      self: { score: 200 },
      afterRound1: { score: 150 },
      final: { score: 150 },
    });
  });

  it('has a 2026 campaign in progress where every role has something to do', async () => {
    const list = (await agency.get('/api/v1/campaigns')).body.items;
    const c2026 = list.find(
      (c: { year: number; name: string }) => c.year === 2026 && /dữ liệu mẫu/.test(c.name),
    );
    expect(c2026).toMatchObject({ status: 'open', participants: 3 });
    // Phượng Tiến, in round 1, has 28 sub-criteria under the appraiser's criteria 1, 2 and 3
    // (8 + 7 + 13).
    const queue = await appraiser.get(`/api/v1/campaigns/${c2026.id}/queue?limit=50`);
    expect(queue.body.total).toBe(28);
    // The national administrator sees every participant; a province's agency and a commune's
    // officer only the units their grants reach.
    const admin = await h.login('admin');
    const all = (await admin.get(`/api/v1/campaigns/${c2026.id}`)).body;
    expect(
      all.participants
        .map((p: { unitCode: string; status: string }) => `${p.unitCode} ${p.status}`)
        .sort(),
    ).toEqual(['05551 reopened', '05563 round1_in_progress', '22504 reopened']);
    const inProvince = (await agency.get(`/api/v1/campaigns/${c2026.id}`)).body;
    expect(inProvince.participants.map((p: { unitCode: string }) => p.unitCode).sort()).toEqual([
      '05551',
      '05563',
    ]);
    const detail = (await officer.get(`/api/v1/campaigns/${c2026.id}`)).body;
    expect(
      detail.participants.map(
        (p: { unitCode: string; status: string }) => `${p.unitCode} ${p.status}`,
      ),
    ).toEqual(['05551 reopened']);
    const sheet = await officer.get(`/api/v1/campaigns/${c2026.id}/units/${kimPhuong}/sheet`);
    expect(sheet.body.possibleActions).toContain('saveDraft');
  });
});
