/**
 * "Việc cần làm" through the HTTP API on the demo: the 2026 national campaign (xã Kim Phượng and xã
 * Đại Lãnh reopened until 14 days after the demo was loaded, xã Phượng Tiến in round 1 with
 * criteria 1 and 2 appraised), xã Kim Phượng's 2023 plan and xã Phượng Tiến's supervision. Each
 * role gets its own work, within its grants, and each item's link leads to a page whose data the
 * person may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  campaignIdByName,
  unitIdByCode,
  ADMIN_PASSWORD,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

interface Item {
  kind: string;
  role: string;
  link: string;
  subject: string;
  unitName: string | null;
  due: string | null;
  overdue: boolean;
  figures: Record<string, number>;
}
interface Tasks {
  roles: string[];
  items: Item[];
  fieldApp: { url: string; qrSvg: string } | null;
}

let h: Harness;
let c2026 = 0;
let kimPhuong = 0;
let daiLanh = 0;

async function tasksOf(client: Client): Promise<Tasks> {
  const res = await client.get<Tasks>('/api/v1/me/tasks');
  expect(res.status).toBe(200);
  return res.body;
}
const kinds = (t: Tasks) => [...new Set(t.items.map((i) => i.kind))].sort();
const of = (t: Tasks, kind: string) => t.items.filter((i) => i.kind === kind);

beforeAll(async () => {
  h = await createHarness();
  const agency = await h.login('noivu.thainguyen');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
  kimPhuong = await unitIdByCode(agency, '05551');
  daiLanh = await unitIdByCode(agency, '22504');
});
afterAll(async () => h?.close());

describe('the unit side', () => {
  it('gives the officer the sheet to finish, with how many sub-criteria are done, by the reopening’s deadline', async () => {
    const officer = await h.login('canbo.kimphuong');
    const t = await tasksOf(officer);
    expect(t.roles).toEqual(['unit_officer']);
    const [self] = of(t, 'self_assessment');
    expect(self).toMatchObject({
      link: `/campaigns/${c2026}/units/${kimPhuong}`,
      unitName: 'Xã Kim Phượng',
      // Reopened until 14 days after the demo was loaded (2 March 2026 in Vietnam).
      due: '2026-03-16',
      overdue: false,
    });
    // The demo self-scored the sub-criteria of criteria 1 and 2: 1.1.1, 1.1.2, 1.2, 1.3.1, 1.3.2,
    // 1.4, 1.5, 1.6 and 2.1.1, 2.1.2, 2.2.1, 2.2.2, 2.3, 2.4, 2.5.
    expect(self!.figures.done).toBe(15);
    const sheet = await officer.get(`/api/v1/campaigns/${c2026}/units/${kimPhuong}/sheet`);
    expect(sheet.status).toBe(200);
    expect(self!.figures.total).toBe(sheet.body.progress.leavesTotal);
    // Nothing of the staff, nothing of another commune.
    for (const k of ['close_round1', 'approve', 'publish', 'appraise_round1', 'campaign_progress'])
      expect(kinds(t)).not.toContain(k);
    expect(t.items.every((i) => i.unitName === null || i.unitName === 'Xã Kim Phượng')).toBe(true);
    // The remediation tasks the officer is responsible for, each linking to its plan.
    const own = of(t, 'plan_task');
    expect(own.length).toBeGreaterThan(0);
    for (const i of own) expect(i.link).toMatch(/^\/remediation\/plans\/\d+$/);
    const planId = own[0]!.link.split('/').pop();
    expect((await officer.get(`/api/v1/remediation-plans/${planId}`)).status).toBe(200);
  });

  it('gives the unit head the submission, and the plan’s tasks due or late', async () => {
    const t = await tasksOf(await h.login('chutich.kimphuong'));
    const [submit] = of(t, 'submit');
    expect(submit).toMatchObject({
      link: `/campaigns/${c2026}/units/${kimPhuong}`,
      role: 'unit_head',
    });
    expect(submit!.figures.left).toBe((submit!.figures.total ?? 0) - 15);
    const [plan] = of(t, 'plan_tasks_due');
    expect(plan!.link).toMatch(/^\/remediation\/plans\/\d+$/);
    // The 2023 plan's deadlines are long past on the demo's 2026 clock.
    expect(plan!.overdue).toBe(true);
    expect(plan!.figures.late).toBeGreaterThan(0);
  });

  it('sorts the overdue first, then by deadline', async () => {
    const t = await tasksOf(await h.login('chutich.kimphuong'));
    const overdue = t.items.map((i) => i.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    const dues = t.items.filter((i) => !i.overdue && i.due !== null).map((i) => i.due!);
    expect(dues).toEqual([...dues].sort());
  });
});

describe('the staff', () => {
  it('gives the appraiser the open items of the queue, one click from the queue page', async () => {
    const appraiser = await h.login('thamdinh.thainguyen');
    const t = await tasksOf(appraiser);
    const [queue] = of(t, 'appraise_round1');
    expect(queue!.link).toBe(`/campaigns/${c2026}/queue`);
    const open = await appraiser.get(
      `/api/v1/campaigns/${c2026}/queue?round=1&onlyOpen=true&limit=50&offset=0`,
    );
    expect(queue!.figures.count).toBe(open.body.total);
    expect(queue!.figures.count).toBeGreaterThan(0);
    expect(kinds(t)).not.toContain('close_round1');
  });

  it('gives the chair the round to close on xã Phượng Tiến', async () => {
    const t = await tasksOf(await h.login('hoidong.thainguyen'));
    expect(of(t, 'close_round1')).toEqual([
      expect.objectContaining({ link: `/campaigns/${c2026}`, figures: { count: 1 } }),
    ]);
    expect(kinds(t)).not.toContain('appraise_round1');
  });

  it('gives each standing agency the progress of its own province’s units only', async () => {
    const tn = await tasksOf(await h.login('noivu.thainguyen'));
    // Kim Phượng (reopened) and Phượng Tiến (in round 1) in Thái Nguyên.
    expect(of(tn, 'campaign_progress')[0]!.figures).toEqual({
      submitted: 1,
      published: 0,
      total: 2,
    });
    const kh = await tasksOf(await h.login('noivu.khanhhoa'));
    expect(of(kh, 'campaign_progress')[0]!.figures).toEqual({
      submitted: 0,
      published: 0,
      total: 1,
    });
    expect(kinds(kh)).not.toContain('late_units');
  });

  it('tells the standing agency of units late once their reopening has ended', async () => {
    const start = h.clock.now();
    h.clock.set(new Date('2026-03-20T02:00:00Z'));
    try {
      const kh = await tasksOf(await h.login('noivu.khanhhoa'));
      expect(of(kh, 'late_units')).toEqual([
        expect.objectContaining({ link: `/campaigns/${c2026}`, figures: { count: 1 } }),
      ]);
      // The officer of Đại Lãnh can no longer save: no sheet to finish is offered.
      const officer = await tasksOf(await h.login('canbo.dailanh'));
      expect(of(officer, 'self_assessment')).toEqual([]);
    } finally {
      h.clock.set(start);
    }
  });

  it('gives the People’s Council member the supervision of its commune with its findings', async () => {
    const council = await h.login('hdnd.phuongtien');
    const t = await tasksOf(council);
    const [s] = of(t, 'supervision');
    expect(s!.unitName).toBe('Xã Phượng Tiến');
    const id = Number(s!.link.match(/^\/remediation\/supervisions\/(\d+)$/)?.[1]);
    const detail = await council.get(`/api/v1/supervisions/${id}`);
    expect(detail.status).toBe(200);
    expect(s!.figures.findings).toBe(detail.body.findings.length);
  });
});

describe('the enumerator and the administrator', () => {
  it('gives the enumerator its open survey and the field app with a QR code', async () => {
    const admin = await h.login('admin', ADMIN_PASSWORD);
    const khanhHoa = await h.login('noivu.khanhhoa');
    // The demo gives the enumerator an open survey of its own commune from the day it is loaded.
    const surveys = await khanhHoa.get('/api/v1/sipas/campaigns');
    const demo = surveys.body.items.find(
      (c: { name: string }) => c.name === 'Khảo sát sự hài lòng xã Đại Lãnh (dữ liệu mẫu)',
    );
    expect(demo).toMatchObject({ status: 'open' });
    const demoItem = expect.objectContaining({
      link: `/sipas/${demo.id}/paper`,
      subject: demo.name,
      unitName: 'Xã Đại Lãnh',
      due: demo.periodEnd,
    });
    expect(of(await tasksOf(await h.login('dieutra.dailanh')), 'sipas_collect')).toEqual([
      demoItem,
    ]);
    const questionnaires = await khanhHoa.get('/api/v1/sipas/questionnaires');
    const created = await khanhHoa.post('/api/v1/sipas/campaigns', {
      name: 'Khảo sát xã Đại Lãnh 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      ownerUnitId: await unitIdByCode(admin, '56'),
      questionnaireId: questionnaires.body.items[0].id,
      fields: [{ id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch' }],
      channels: ['paper', 'offline'],
      units: [{ unitId: daiLanh, transactions: { 'tu-phap-ho-tich': 100 } }],
    });
    expect(created.status).toBe(201);
    const enumerator = await h.login('dieutra.dailanh');
    const t = await tasksOf(enumerator);
    expect(of(t, 'sipas_collect')).toHaveLength(2);
    expect(of(t, 'sipas_collect')).toEqual(
      expect.arrayContaining([
        demoItem,
        expect.objectContaining({
          link: `/sipas/${created.body.id}/paper`,
          subject: 'Khảo sát xã Đại Lãnh 2026',
          unitName: 'Xã Đại Lãnh',
          due: '2026-06-30',
          figures: { answers: 0 },
        }),
      ]),
    );
    expect(t.fieldApp!.url).toMatch(/\/thu-thap\/$/);
    expect(t.fieldApp!.qrSvg).toMatch(/^<svg[^>]*>/);
    // Nobody else is sent to collect answers or shown the field app.
    const officer = await tasksOf(await h.login('canbo.dailanh'));
    expect(of(officer, 'sipas_collect')).toEqual([]);
    expect(officer.fieldApp).toBeNull();
  });

  it('gives the administrator the accounts and the health of the system', async () => {
    const admin = await h.login('admin', ADMIN_PASSWORD);
    const t = await tasksOf(admin);
    const users = await admin.get('/api/v1/users?limit=200');
    const [accounts] = of(t, 'accounts');
    expect(accounts!.link).toBe('/users');
    expect(accounts!.figures.total).toBe(users.body.total);
    const [health] = of(t, 'health');
    expect(health!.figures.storageOk).toBe(1);
    // No campaign work for an administrator (separation of duties).
    // Without SMTP, the e-mails kept in the outbox (ADR 43).
    const [outbox] = of(t, 'outbox');
    expect(outbox!.link).toBe('/outbox');
    const kept = await admin.get('/api/v1/outbox');
    expect(outbox!.figures.mails).toBe(kept.body.total);
    expect(kinds(t)).toEqual(['accounts', 'health', 'outbox']);
  });
});

describe('the sociological survey', () => {
  it('reminds the standing agency of its open survey, with the answers so far, and no one else', async () => {
    const agency = await h.login('noivu.thainguyen');
    const sets = await agency.get('/api/v1/criteria-sets');
    const setId = (sets.body.items as { id: number; origin: string }[]).find(
      (s) => s.origin === 'bundled:khung-2025-xa',
    )!.id;
    const created = await agency.post('/api/v1/campaigns', {
      name: 'Đợt có điều tra xã hội học',
      year: 2026,
      deadlines: {
        selfAssessment: '2027-01-10',
        round1: '2027-01-20',
        explanations: '2027-01-31',
        round2: '2027-02-10',
        publication: '2027-02-28',
      },
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: setId }],
    });
    expect(created.status).toBe(201);
    const id = created.body.campaign.id as number;
    const base = `/api/v1/campaigns/${id}/social-survey`;
    expect(
      (await agency.post(`/api/v1/campaigns/${id}/participants`, { unitCodes: ['05551'] })).status,
    ).toBeLessThan(300);
    expect((await agency.post(base, {})).status).toBe(201);
    const design = {
      method: 'favourable',
      scale: {
        levels: [
          { code: '1', label: 'Kém', valueHundredths: 0 },
          { code: '2', label: 'Tốt', valueHundredths: 10000 },
        ],
        excluded: [],
        favourable: ['2'],
      },
      nodes: [{ code: 'X1', title: 'Đánh giá', maxHundredths: 3000, source: 'questions' }],
      groups: [{ code: 'ND', name: 'Người dân', weight: 1 }],
      questions: [{ code: 'Q1', text: 'Hài lòng?', nodes: ['X1'], groups: ['ND'] }],
      rules: [],
    };
    expect(
      (await agency.put(`${base}/questionnaires/commune`, { version: null, design })).status,
    ).toBe(200);
    // A draft is not yet something to follow.
    expect(of(await tasksOf(agency), 'social_survey')).toEqual([]);
    expect((await agency.post(`${base}/open`, {})).status).toBe(200);
    const link = `/campaigns/${id}/social-survey?tab=progress`;
    expect(of(await tasksOf(agency), 'social_survey')).toEqual([
      expect.objectContaining({ link, role: 'standing_agency', figures: { responses: 0 } }),
    ]);
    const entered = await agency.post(`${base}/responses`, {
      responses: [{ group: 'ND', ratedUnitCode: '05551', answers: { Q1: '2' } }],
    });
    expect(entered.status).toBe(200);
    expect(of(await tasksOf(agency), 'social_survey')[0]!.figures).toEqual({ responses: 1 });
    // Another province's agency and the commune's officer get nothing of it.
    expect(of(await tasksOf(await h.login('noivu.khanhhoa')), 'social_survey')).toEqual([]);
    expect(of(await tasksOf(await h.login('canbo.kimphuong')), 'social_survey')).toEqual([]);
  });
});
