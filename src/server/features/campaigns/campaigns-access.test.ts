/**
 * Campaigns through the HTTP API, on the demo's 2026 national campaign (xã Kim Phượng and xã Đại
 * Lãnh reopened, xã Phượng Tiến in round 1 with the sub-criteria of criteria 1 and 2 appraised): what each person may
 * do on a unit and why not, the chair's round-1 progress on a national campaign, the appraiser's
 * queue with what is done, appraiser accounts to assign, the class summary of the results, evidence
 * cited by entries, and the integrity rules (versions, deadlines, maxima, assignments, units).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, samplePdf } from '../../test-support/test-files.ts';
import {
  createHarness,
  campaignIdByName,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let agencyKh: Client;
let officer: Client;
let appraiser: Client;
let chair: Client;
let councilPt: Client;
let kimPhuong = 0;
let phuongTien = 0;
let c2026 = 0;
let c2022 = 0;

async function loginAll(): Promise<void> {
  agency = await h.login('noivu.thainguyen');
  agencyKh = await h.login('noivu.khanhhoa');
  officer = await h.login('canbo.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  chair = await h.login('hoidong.thainguyen');
  councilPt = await h.login('hdnd.phuongtien');
}

beforeAll(async () => {
  h = await createHarness();
  await loginAll();
  kimPhuong = await unitIdByCode(agency, '05551');
  phuongTien = await unitIdByCode(agency, '05563');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
  c2022 = await campaignIdByName(agency, 2022, /Định Hóa/);
});
afterAll(async () => h?.close());

const unitUrl = (unitId: number, campaign = c2026) =>
  `/api/v1/campaigns/${campaign}/units/${unitId}`;

async function entryVersion(client: Client, unitId: number, code: string): Promise<number> {
  const sheet = (await client.get(`${unitUrl(unitId)}/sheet`)).body;
  const flat = (
    nodes: { code: string; entry: { version: number } | null; children: unknown[] }[],
  ): { code: string; entry: { version: number } | null }[] =>
    nodes.flatMap((n) => [n, ...flat(n.children as never)]);
  return flat(sheet.nodes).find((n) => n.code === code)?.entry?.version ?? 0;
}

describe('what this user may do on this unit', () => {
  it('gives the unit officer the self-assessment actions of their reopened unit, nothing of the staff', async () => {
    const sheet = (await officer.get(`${unitUrl(kimPhuong)}/sheet`)).body;
    expect(sheet.participant.status).toBe('reopened');
    expect(sheet.possibleActions).toEqual(['saveDraft', 'submit']);
  });

  it('gives the appraiser round-1 scoring and the chair closing, not each other’s', async () => {
    const byAppraiser = (await appraiser.get(`${unitUrl(phuongTien)}/sheet`)).body;
    expect(byAppraiser.possibleActions).toEqual(['scoreRound1']);
    const byChair = (await chair.get(`${unitUrl(phuongTien)}/sheet`)).body;
    expect(byChair.possibleActions).toEqual(['closeRound1']);
    const byCouncil = (await councilPt.get(`${unitUrl(phuongTien)}/sheet`)).body;
    expect(byCouncil.possibleActions).toEqual([]);
  });

  it('lists per participant of the campaign what the standing agency may do', async () => {
    const detail = (await agencyKh.get(`/api/v1/campaigns/${c2026}`)).body;
    const byCode = new Map(
      detail.participants.map((p: { unitCode: string; possibleActions: string[] }) => [
        p.unitCode,
        p.possibleActions,
      ]),
    );
    // Khánh Hòa's agency sees xã Đại Lãnh only; a reopened unit cannot be reopened again.
    expect([...byCode.keys()]).toEqual(['22504']);
    expect(byCode.get('22504')).toEqual([]);
  });
});

describe('who sees a campaign’s participants and appraisers', () => {
  const view = async (client: Client) => {
    const res = await client.get(`/api/v1/campaigns/${c2026}`);
    expect(res.status).toBe(200);
    return {
      units: (res.body.participants as { unitCode: string }[]).map((p) => p.unitCode).sort(),
      appraisers: (res.body.assignments as { username: string }[]).map((a) => a.username),
    };
  };

  it('shows a unit officer their own unit only, and no appraiser', async () => {
    expect(await view(officer)).toEqual({ units: ['05551'], appraisers: [] });
  });

  it('shows another province’s agency its own unit only, and no appraiser', async () => {
    expect(await view(agencyKh)).toEqual({ units: ['22504'], appraisers: [] });
  });

  it('shows a People’s Council member the unit they sit for only', async () => {
    expect(await view(councilPt)).toEqual({ units: ['05563'], appraisers: [] });
  });

  it('shows the assigned appraiser and the national administrator every unit and the appraisers', async () => {
    const all = ['05551', '05563', '22504'];
    const byAppraiser = await view(appraiser);
    expect(byAppraiser.units).toEqual(all);
    expect(byAppraiser.appraisers).toContain('thamdinh.thainguyen');
    const byAdmin = await view(await h.login('admin'));
    expect(byAdmin.units).toEqual(all);
    expect(byAdmin.appraisers).toContain('thamdinh.thainguyen');
  });
});

describe('round-1 progress on a national campaign', () => {
  it('shows the province’s chair their units and each appraiser’s count', async () => {
    const res = await chair.get(`/api/v1/campaigns/${c2026}/round1/progress`);
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual([
      '05551',
      '05563',
    ]);
    expect(res.body.appraisers).toEqual([
      // Phượng Tiến in round 1: the sub-criteria of criteria 1 (8), 2 (7) and 3 (13) assigned, those
      // of 1 and 2 scored.
      expect.objectContaining({ username: 'thamdinh.thainguyen', scored: 15, total: 28 }),
    ]);
  });

  it('shows another province’s agency only its own unit, and refuses a unit officer', async () => {
    const res = await agencyKh.get(`/api/v1/campaigns/${c2026}/round1/progress`);
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['22504']);
    expect(res.body.appraisers[0]).toMatchObject({ scored: 0, total: 0 });
    expect((await officer.get(`/api/v1/campaigns/${c2026}/round1/progress`)).status).toBe(403);
  });
});

describe('the appraiser’s queue', () => {
  it('says which items are done and that the unit’s round is under way, and pages the open ones', async () => {
    // Phượng Tiến's 28 sub-criteria of criteria 1–3; those of 1 and 2 (15) scored in round 1.
    const page = (await appraiser.get(`/api/v1/campaigns/${c2026}/queue?limit=2&offset=0`)).body;
    expect(page.total).toBe(28);
    expect(page.items.map((i: { code: string; done: boolean }) => `${i.code}:${i.done}`)).toEqual([
      '1.1.1:true',
      '1.1.2:true',
    ]);
    expect(page.items[0]).toMatchObject({ unitCode: '05563', unitInProgress: true });
    const rest = (await appraiser.get(`/api/v1/campaigns/${c2026}/queue?limit=2&offset=14`)).body;
    expect(rest.items.map((i: { code: string; done: boolean }) => `${i.code}:${i.done}`)).toEqual([
      '2.5:true',
      '3.1.1:false',
    ]);
    const open = (await appraiser.get(`/api/v1/campaigns/${c2026}/queue?onlyOpen=true&limit=20`))
      .body;
    expect(open.total).toBe(13);
    expect(open.items.map((i: { code: string }) => i.code)).toEqual([
      '3.1.1',
      '3.1.2',
      '3.1.3',
      '3.2.1',
      '3.2.2',
      '3.2.3',
      '3.3.1',
      '3.3.2',
      '3.3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
    ]);
    const other = await agencyKh.get(`/api/v1/campaigns/${c2026}/queue?limit=10`);
    expect(other.body.total).toBe(0);
  });
});

describe('appraiser accounts to assign', () => {
  it('lists the province’s appraisers to its standing agency and refuses others', async () => {
    const res = await agency.get(`/api/v1/campaigns/${c2022}/appraisers`);
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({
        username: 'thamdinh.thainguyen',
        assignedNodeCodes: ['1', '2', '3', '4', '5', '6', '7', '8'],
      }),
    );
    expect((await officer.get(`/api/v1/campaigns/${c2022}/appraisers`)).status).toBe(403);
    expect((await agencyKh.get(`/api/v1/campaigns/${c2022}/appraisers`)).status).toBe(403);
  });
});

describe('results with the class summary', () => {
  it('counts each class per unit kind with shares adding up to 100 %, and pages the ranking', async () => {
    const res = (await agency.get(`/api/v1/campaigns/${c2022}/results`)).body;
    const [summary] = res.summaries;
    expect(summary.unitKind).toBe('commune');
    const counts = summary.classes.map((c: { count: number }) => c.count);
    expect(counts.reduce((a: number, b: number) => a + b, 0) + summary.unclassified).toBe(
      res.units.length,
    );
    const labels = new Map(
      summary.classes.map((c: { label: string; count: number }) => [c.label, c.count]),
    );
    for (const u of res.units as { classLabel: string }[])
      expect(labels.get(u.classLabel)).toBeGreaterThan(0);
    expect(
      summary.classes.reduce((a: number, c: { shareTenths: number }) => a + c.shareTenths, 0),
    ).toBe(1000);
    const page = (await agency.get(`/api/v1/campaigns/${c2022}/results?limit=1&offset=1`)).body;
    expect(page.total).toBe(res.units.length);
    expect(page.units).toEqual([res.units[1]]);
  });
});

describe('integrity of entries', () => {
  it('gives the later of two sessions saving the same node a 409 naming who saved first', async () => {
    const other = await h.login('thamdinh.thainguyen');
    const version = await entryVersion(appraiser, phuongTien, '3.4');
    const first = await appraiser.put(`${unitUrl(phuongTien)}/entries/3.4/round1`, {
      version,
      scoreHundredths: 100,
      reason: 'Thiếu số liệu số hóa tháng 12 (kiểm thử).',
    });
    expect(first.status).toBe(200);
    const second = await other.put(`${unitUrl(phuongTien)}/entries/3.4/round1`, {
      version,
      scoreHundredths: 200,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(
      /^Tiêu chí 3\.4 vừa được Thành viên tổ thẩm định Thái Nguyên \(demo\) lưu lúc .+; nội dung của bạn chưa được lưu/,
    );
  });

  it('refuses a round-1 score above the max in place, and criteria not assigned', async () => {
    const version = await entryVersion(appraiser, phuongTien, '1.4');
    const above = await appraiser.put(`${unitUrl(phuongTien)}/entries/1.4/round1`, {
      version,
      scoreHundredths: 99_999,
      reason: 'x',
    });
    expect(above.status).toBe(400);
    expect(above.body.error.details).toEqual([
      { field: 'score', message: expect.stringMatching(/^Điểm thẩm định 999,99 vượt điểm tối đa/) },
    ]);
    const notAssigned = await appraiser.put(`${unitUrl(phuongTien)}/entries/5.3/round1`, {
      version: await entryVersion(appraiser, phuongTien, '5.3'),
      scoreHundredths: 100,
      reason: 'x',
    });
    expect(notAssigned.status).toBe(403);
    expect(notAssigned.body.error.message).toBe(
      'Tài khoản không được phân công thẩm định tiêu chí 5.3',
    );
  });

  it('keeps a unit out of another unit’s self-assessment and away from appraisal scores', async () => {
    expect((await officer.get(`${unitUrl(phuongTien)}/sheet`)).status).toBe(403);
    expect((await officer.get(`${unitUrl(phuongTien)}/scorecard`)).status).toBe(403);
    const own = await officer.put(`${unitUrl(kimPhuong)}/entries/1.4/round1`, {
      version: await entryVersion(officer, kimPhuong, '1.4'),
      scoreHundredths: 100,
    });
    // Its own unit is back in self-assessment: no round 1 there for anyone.
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('workflow_invalid_state');
    const other = await officer.put(`${unitUrl(phuongTien)}/entries/1.4/round1`, {
      version: 2,
      scoreHundredths: 100,
    });
    expect(other.status).toBe(403);
  });
});

describe('evidence cited by entries', () => {
  let docId = 0;

  it('lets one document support several sub-criteria and refuses a document of another unit', async () => {
    const { body, headers } = multipart(
      { name: 'ke-hoach-cchc-2026.pdf', content: samplePdf() },
      { summary: 'Kế hoạch cải cách hành chính năm 2026', type: 'plan' },
    );
    const up = await officer.request('POST', `/api/v1/units/${kimPhuong}/evidence`, body, headers);
    expect(up.status).toBe(201);
    docId = up.body.id;
    // Two sub-criteria that each ask for a plan: 1.4 (propaganda) and 2.3 (legal education).
    for (const code of ['1.4', '2.3']) {
      const res = await officer.put(`${unitUrl(kimPhuong)}/entries/${code}/self`, {
        version: await entryVersion(officer, kimPhuong, code),
        inputs: { score: 100 },
        explanation: 'Có kế hoạch kèm theo.',
        evidence: [docId],
      });
      expect(res.status).toBe(200);
    }
    const foreign = await officer.put(`${unitUrl(kimPhuong)}/entries/3.1.2/self`, {
      version: await entryVersion(officer, kimPhuong, '3.1.2'),
      inputs: { score: 50 },
      explanation: 'x',
      evidence: [docId, 999_999],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([
      {
        field: 'evidence.1',
        message:
          'Tài liệu mã 999999 không có trong thư viện tài liệu kiểm chứng của Xã Kim Phượng.',
      },
    ]);
  });

  it('refuses to delete a cited document, saying where it is used, and deletes it once released', async () => {
    const refused = await officer.delete(`/api/v1/evidence/${docId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Tài liệu «Kế hoạch cải cách hành chính năm 2026» đang được dùng làm tài liệu kiểm chứng ở 2 nơi nên không thể xóa: ' +
        'Xác định Chỉ số CCHC năm 2026 cấp xã (dữ liệu mẫu), Xã Kim Phượng, tiêu chí 1.4 (tự chấm); ' +
        'Xác định Chỉ số CCHC năm 2026 cấp xã (dữ liệu mẫu), Xã Kim Phượng, tiêu chí 2.3 (tự chấm).',
    );
    for (const code of ['1.4', '2.3'])
      await officer.put(`${unitUrl(kimPhuong)}/entries/${code}/self`, {
        version: await entryVersion(officer, kimPhuong, code),
        inputs: { score: 100 },
        explanation: 'Tài liệu sẽ bổ sung sau.',
        evidence: [],
      });
    expect((await officer.delete(`/api/v1/evidence/${docId}`)).status).toBe(204);
  });
});

describe('deadlines', () => {
  it('refuses edits after the reopened unit’s own deadline and says why on the sheet', async () => {
    h.clock.set(new Date(h.clock.now().getTime() + 20 * 86_400_000));
    await loginAll();
    const sheet = (await officer.get(`${unitUrl(kimPhuong)}/sheet`)).body;
    expect(sheet.possibleActions).toEqual([]);
    expect(sheet.refusedActions).toContainEqual({
      event: 'saveDraft',
      code: 'deadline_passed',
      message:
        'Đã hết hạn tự đánh giá, chấm điểm; chỉ cơ quan thường trực mới mở lại được cho đơn vị',
    });
    const save = await officer.put(`${unitUrl(kimPhuong)}/entries/1.4/self`, {
      version: await entryVersion(officer, kimPhuong, '1.4'),
      inputs: { score: 100 },
      explanation: 'x',
    });
    expect(save.status).toBe(409);
    expect(save.body.error.message).toBe(
      'Đã hết hạn tự đánh giá, chấm điểm; chỉ cơ quan thường trực mới mở lại được cho đơn vị',
    );
  });
});

describe('the Bảo Yên 2022 demo campaign (seed 004)', () => {
  it('has 12 offices averaging 64,95 and 17 communes averaging 58,70 of 70, with seed 004’s classes, computed by the engine', async () => {
    const list = (await officer.get('/api/v1/campaigns')).body.items as {
      id: number;
      name: string;
      status: string;
    }[];
    const c = list.find((x) => /Bảo Yên/.test(x.name))!;
    // The campaign's name is what documents print: no internal note about illustrative figures.
    expect(c.name).not.toMatch(/minh họa/u);
    expect(c.status).toBe('closed');
    const res = (await officer.get(`/api/v1/campaigns/${c.id}/results`)).body;
    expect(res.units).toHaveLength(29);
    expect(res.summaries).toHaveLength(2);
    expect(res.summaries).toEqual(
      expect.arrayContaining([
        // Seed 004, III.2: 64,95/70; Tốt 10/12 (83,3 %), Khá 02/12 (16,7 %), no Trung bình or Yếu.
        expect.objectContaining({
          unitKind: 'district_office',
          units: 12,
          averageAppraisedText: '64,95',
          maxAppraisedHundredths: 7000,
          unclassified: 0,
          classes: [
            { label: 'Tốt', count: 10, shareTenths: 833, shareText: '83,3 %' },
            { label: 'Khá', count: 2, shareTenths: 167, shareText: '16,7 %' },
            { label: 'Trung bình', count: 0, shareTenths: 0, shareText: '0,0 %' },
            { label: 'Yếu', count: 0, shareTenths: 0, shareText: '0,0 %' },
          ],
        }),
        // Seed 004, III.3.
        expect.objectContaining({
          unitKind: 'commune',
          units: 17,
          averageAppraisedText: '58,70',
          maxAppraisedHundredths: 7000,
          unclassified: 0,
          classes: [
            { label: 'Tốt', count: 14, shareTenths: 823, shareText: '82,3 %' },
            { label: 'Khá', count: 1, shareTenths: 59, shareText: '5,9 %' },
            { label: 'Trung bình', count: 2, shareTenths: 118, shareText: '11,8 %' },
            { label: 'Yếu', count: 0, shareTenths: 0, shareText: '0,0 %' },
          ],
        }),
      ]),
    );
    const pub = (await h.anonymous().get(`/api/v1/public/campaigns/${c.id}/results`)).body;
    expect(pub.units).toHaveLength(29);
  });
});
