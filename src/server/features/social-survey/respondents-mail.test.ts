/**
 * Respondents of the sociological survey drawn from the product's accounts and from a file, their
 * links e-mailed (kept in the outbox without SMTP) and the reminders that replace an unused link
 * with a new one. A district of the test (2 offices and 3 communes taking part, a third office that
 * does not) with accounts made here, so every expected count follows from what this file creates.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { createDistrictCampaign } from '../../test-support/district-campaign.ts';

let h: Harness;
let admin: Client;
let agency: Client;
let campaignId = 0;
const base = () => `/api/v1/campaigns/${campaignId}/social-survey`;
const PUBLIC_URL = 'https://cchc.example.vn';

const SCALE = {
  levels: [
    { code: '1', label: 'Kém', valueHundredths: 0 },
    { code: '2', label: 'Trung bình', valueHundredths: 5000 },
    { code: '3', label: 'Tốt', valueHundredths: 10000 },
  ],
  excluded: [{ code: '0', label: 'Không biết' }],
  favourable: ['3'],
};
const OFFICE_DESIGN = {
  method: 'favourable',
  scale: SCALE,
  nodes: [{ code: 'X1', title: 'Đánh giá của xã', maxHundredths: 3000, source: 'questions' }],
  groups: [{ code: 'LDX', name: 'Lãnh đạo UBND xã', weight: 1 }],
  questions: [{ code: 'Q1', text: 'Mức độ hài lòng', nodes: ['X1'], groups: ['LDX'] }],
  rules: [{ group: 'LDX', raterKind: 'commune', scope: 'same_parent', sampleSize: 2 }],
};
const COMMUNE_DESIGN = {
  ...OFFICE_DESIGN,
  nodes: [{ code: 'Y1', title: 'Đánh giá của phòng', maxHundredths: 3000, source: 'questions' }],
  groups: [
    { code: 'PB', name: 'Lãnh đạo phòng, ban', weight: 1 },
    { code: 'DB', name: 'Đại biểu HĐND', weight: 1 },
  ],
  questions: [{ code: 'C1', text: 'Mức độ hài lòng', nodes: ['Y1'], groups: ['PB', 'DB'] }],
  rules: [{ group: 'PB', raterKind: 'district_office', scope: 'same_parent', sampleSize: 2 }],
};

function upload(client: Client, url: string, name: string, content: Buffer | string) {
  const boundary = '----parindex-respondents';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function respondents() {
  return h.deps.db.query<{
    code: string;
    group_code: string;
    full_name: string;
    unit_code: string | null;
    username: string | null;
    email: string | null;
  }>(
    `SELECT r.code, r.group_code, r.full_name, u.code AS unit_code, us.username, r.email
     FROM social_survey_respondents r JOIN social_surveys s ON s.id = r.survey_id
     LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN users us ON us.id = r.user_id
     WHERE s.campaign_id = $1 ORDER BY r.code`,
    [campaignId],
  );
}

interface Mail {
  id: number;
  to: string;
  subject: string;
}
async function outbox(): Promise<Mail[]> {
  const res = await admin.get('/api/v1/outbox?limit=100');
  expect(res.status).toBe(200);
  return res.body.items;
}
const tokenIn = (text: string) => /\/dieu-tra\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

beforeAll(async () => {
  h = await createHarness({ publicUrl: PUBLIC_URL });
  admin = await h.login('admin');
  agency = await h.login('noivu.thainguyen');
  const unit = async (code: string, name: string, kind: string, parentId: number) => {
    const res = await admin.post('/api/v1/units', { code, name, kind, parentId });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const district = await unit('T800', 'Huyện Thư Mời', 'district', await unitIdByCode(admin, '19'));
  const ids: Record<string, number> = {};
  ids.T801 = await unit('T801', 'Phòng Nội vụ Thư Mời', 'district_office', district);
  ids.T802 = await unit('T802', 'Phòng Tư pháp Thư Mời', 'district_office', district);
  ids.T803 = await unit('T803', 'Phòng Y tế Thư Mời', 'district_office', district);
  ids.T811 = await unit('T811', 'Xã Thư Một', 'commune', district);
  ids.T812 = await unit('T812', 'Xã Thư Hai', 'commune', district);
  ids.T813 = await unit('T813', 'Xã Thư Ba', 'commune', district);
  const far = await unit('T850', 'Huyện Xa', 'district', await unitIdByCode(admin, '56'));
  ids.T851 = await unit('T851', 'Phòng Nội vụ Huyện Xa', 'district_office', far);
  const account = async (
    username: string,
    fullName: string,
    email: string | null,
    grants: [string, string][],
  ) => {
    const res = await admin.post('/api/v1/users', {
      username,
      fullName,
      email,
      grants: grants.map(([role, code]) => ({ role, unitId: ids[code] })),
    });
    expect(res.status).toBe(201);
    return res.body.user as { id: number; version: number };
  };
  await account('ct.t811', 'Chủ tịch Xã Thư Một', 'ct811@example.vn', [['unit_head', 'T811']]);
  await account('ct.t812', 'Chủ tịch Xã Thư Hai', 'ct812@example.vn', [['unit_head', 'T812']]);
  await account('ct.t813', 'Chủ tịch Xã Thư Ba', null, [['unit_head', 'T813']]);
  await account('cb.t811', 'Công chức Xã Thư Một', 'cb811@example.vn', [['unit_officer', 'T811']]);
  const old = await account('ct.cu', 'Chủ tịch cũ', 'cu@example.vn', [['unit_head', 'T812']]);
  expect(
    (
      await admin.put(`/api/v1/users/${old.id}`, {
        fullName: 'Chủ tịch cũ',
        email: 'cu@example.vn',
        disabled: true,
        version: old.version,
      })
    ).status,
  ).toBe(200);
  await account('tp.t801', 'Trưởng phòng Nội vụ', 'tp801@example.vn', [['unit_head', 'T801']]);
  await account('tp.t803', 'Trưởng phòng Y tế', 'tp803@example.vn', [['unit_head', 'T803']]);
  await account('tp.t851', 'Trưởng phòng Huyện Xa', 'tp851@example.vn', [['unit_head', 'T851']]);

  campaignId = await createDistrictCampaign(agency, 'Chỉ số CCHC huyện Thư Mời 2026', [
    'T801',
    'T802',
    'T811',
    'T812',
    'T813',
  ]);
  expect((await agency.post(base(), {})).status).toBe(201);
  for (const [kind, design] of [
    ['district_office', OFFICE_DESIGN],
    ['commune', COMMUNE_DESIGN],
  ] as const)
    expect(
      (await agency.put(`${base()}/questionnaires/${kind}`, { version: null, design })).status,
    ).toBe(200);
}, 120_000);
afterAll(async () => h?.close());

describe('who may use the new routes', () => {
  it('refuses anyone signed out (401) and anyone without campaign.manage on the owner unit (403)', async () => {
    const anonymous = h.anonymous();
    const officer = await h.login('canbo.kimphuong');
    const otherAgency = await h.login('noivu.khanhhoa');
    const calls: [string, unknown][] = [
      [`${base()}/respondents/from-accounts`, { group: 'LDX', roles: ['unit_head'] }],
      [`${base()}/invitations/remind`, {}],
      [`${base()}/invitations`, { sendEmail: true }],
    ];
    for (const [url, body] of calls) {
      expect((await anonymous.post(url, body)).status).toBe(401);
      expect((await officer.post(url, body)).status).toBe(403);
      expect((await otherAgency.post(url, body)).status).toBe(403);
    }
    const csv = 'ma,ho_ten,nhom\nA1,Nguyễn Văn A,LDX\n';
    expect((await upload(anonymous, `${base()}/respondents/import`, 'a.csv', csv)).status).toBe(
      401,
    );
    expect((await upload(officer, `${base()}/respondents/import`, 'a.csv', csv)).status).toBe(403);
    expect((await upload(otherAgency, `${base()}/respondents/import`, 'a.csv', csv)).status).toBe(
      403,
    );
    expect(await respondents()).toEqual([]);
  });
});

describe('respondents from accounts', () => {
  it('refuses an unknown group, role or unit kind with a Vietnamese message', async () => {
    const url = `${base()}/respondents/from-accounts`;
    const group = await agency.post(url, { group: 'ZZ', roles: ['unit_head'] });
    expect(group.status).toBe(400);
    expect(group.body.error.details).toEqual([
      { field: 'group', message: 'Không có nhóm đối tượng «ZZ» trong bảng hỏi.' },
    ]);
    const kind = await agency.post(url, { group: 'PB', roles: ['unit_head'], unitKind: 'so_ban' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.details).toEqual([
      { field: 'unitKind', message: 'Không có loại đơn vị «so_ban».' },
    ]);
    expect((await agency.post(url, { group: 'PB', roles: ['chu_tich'] })).status).toBe(400);
    expect((await agency.post(url, { group: 'PB', roles: [] })).status).toBe(400);
    expect(await respondents()).toEqual([]);
  });

  it('takes the active accounts holding a role on a participating unit, once, with their unit and address', async () => {
    const url = `${base()}/respondents/from-accounts`;
    const res = await agency.post(url, { group: 'LDX', roles: ['unit_head'] });
    expect(res.status).toBe(200);
    // The heads of T811, T812, T813 and T801: not the officer (another role), not the disabled
    // account, not the heads of T803 (not taking part) and T851.
    expect(res.body).toEqual({ added: 4, kept: 0 });
    expect(await respondents()).toEqual([
      {
        code: 'LDX-ct.t811',
        group_code: 'LDX',
        full_name: 'Chủ tịch Xã Thư Một',
        unit_code: 'T811',
        username: 'ct.t811',
        email: 'ct811@example.vn',
      },
      {
        code: 'LDX-ct.t812',
        group_code: 'LDX',
        full_name: 'Chủ tịch Xã Thư Hai',
        unit_code: 'T812',
        username: 'ct.t812',
        email: 'ct812@example.vn',
      },
      {
        code: 'LDX-ct.t813',
        group_code: 'LDX',
        full_name: 'Chủ tịch Xã Thư Ba',
        unit_code: 'T813',
        username: 'ct.t813',
        email: null,
      },
      {
        code: 'LDX-tp.t801',
        group_code: 'LDX',
        full_name: 'Trưởng phòng Nội vụ',
        unit_code: 'T801',
        username: 'tp.t801',
        email: 'tp801@example.vn',
      },
    ]);
    // The same accounts again are kept, not added twice.
    expect((await agency.post(url, { group: 'LDX', roles: ['unit_head'] })).body).toEqual({
      added: 0,
      kept: 4,
    });
  });

  it('takes, for a unit kind, the accounts on units of that kind in the campaign owner’s province', async () => {
    const res = await agency.post(`${base()}/respondents/from-accounts`, {
      group: 'PB',
      roles: ['unit_head'],
      unitKind: 'district_office',
    });
    expect(res.status).toBe(200);
    const pb = (await respondents()).filter((r) => r.group_code === 'PB');
    // T801 and T803 (in Thái Nguyên, T803 not taking part), not T851 (Khánh Hòa).
    expect(pb.map((r) => [r.code, r.unit_code])).toEqual([
      ['PB-tp.t801', 'T801'],
      ['PB-tp.t803', 'T803'],
    ]);
    expect(res.body).toEqual({ added: 2, kept: 0 });
    const audit = await h.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'social_survey.respondents.accounts'",
    );
    expect(audit[0]!.n).toBe(3);
  });
});

describe('respondents from a file', () => {
  it('refuses a bad file by row and column, saving nothing', async () => {
    const before = await respondents();
    const csv = [
      'ma,ho_ten,nhom,don_vi,email',
      'DB-1,Nguyễn Thị Một,DB,T811,db1@example.vn',
      ',Không Mã,DB,T811,',
      'DB-3,,DB,T812,',
      'DB-4,Trần Văn Bốn,XX,T812,',
      'DB-5,Lê Văn Năm,DB,T999,',
      'DB-6,Phạm Văn Sáu,DB,T813,khong-phai-thu',
      'DB-1,Nguyễn Thị Một Lần Nữa,DB,T813,',
    ].join('\n');
    const res = await upload(agency, `${base()}/respondents/import`, 'nguoi.csv', csv);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Có 6 lỗi; chưa có phiếu nào được lưu.');
    expect(res.body.error.details).toEqual([
      { row: 3, column: 'ma', message: 'Thiếu mã người trả lời.' },
      { row: 4, column: 'ho_ten', message: 'Thiếu họ và tên.' },
      { row: 5, column: 'nhom', message: 'Không có nhóm đối tượng «XX» trong bảng hỏi.' },
      { row: 6, column: 'don_vi', message: 'Không có đơn vị mã «T999».' },
      {
        row: 7,
        column: 'email',
        message: '«khong-phai-thu» không phải là địa chỉ thư điện tử.',
      },
      { row: 8, column: 'ma', message: 'Mã người trả lời «DB-1» đã có ở dòng 2.' },
    ]);
    expect(await respondents()).toEqual(before);
    const columns = await upload(
      agency,
      `${base()}/respondents/import`,
      'x.csv',
      'ma,nhom\nA,DB\n',
    );
    expect(columns.status).toBe(400);
    expect(columns.body.error.message).toBe('Tệp nhập thiếu cột: ho_ten.');
  });

  it('adds the respondents of an Excel file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Người trả lời');
    sheet.addRow(['ma', 'ho_ten', 'nhom', 'don_vi', 'email']);
    sheet.addRow(['DB-1', 'Nguyễn Thị Một', 'DB', 'T811', 'db1@example.vn']);
    sheet.addRow(['DB-2', 'Trần Văn Hai', 'DB', '', '']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(agency, `${base()}/respondents/import`, 'nguoi.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ added: 2, kept: 0 });
    const db = (await respondents()).filter((r) => r.group_code === 'DB');
    expect(db).toEqual([
      {
        code: 'DB-1',
        group_code: 'DB',
        full_name: 'Nguyễn Thị Một',
        unit_code: 'T811',
        username: null,
        email: 'db1@example.vn',
      },
      {
        code: 'DB-2',
        group_code: 'DB',
        full_name: 'Trần Văn Hai',
        unit_code: null,
        username: null,
        email: null,
      },
    ]);
  });
});

describe('links by e-mail and reminders', () => {
  const links: { respondentCode: string; unitCode: string; unitName: string; token: string }[] = [];

  it('refuses a reminder before the survey is open', async () => {
    const res = await agency.post(`${base()}/invitations/remind`, {});
    expect(res.status).toBe(409);
  });

  it('e-mails each new link whose respondent has an address, into the outbox without SMTP', async () => {
    expect((await agency.post(`${base()}/open`, {})).status).toBe(200);
    const mailsBefore = (await outbox()).length;
    const bad = await agency.post(`${base()}/invitations`, {
      sendEmail: true,
      deadline: '2026-02-31',
    });
    expect(bad.status).toBe(400);
    const res = await agency.post(`${base()}/invitations`, {
      sendEmail: true,
      deadline: '2026-03-20',
    });
    expect(res.status).toBe(200);
    // LDX: the 3 commune heads each rate the 2 participating offices of their district (the
    // office head is of another kind than the rule's raters); PB: the heads of T801 and T803
    // each rate the 3 communes. The head of T813 has no address.
    expect(res.body.created).toBe(3 * 2 + 2 * 3);
    expect(res.body.withoutEmail).toBe(2);
    expect(res.body.emailed).toBe(10);
    links.push(...res.body.links);
    const mails = (await outbox()).slice(0, 10);
    expect((await outbox()).length).toBe(mailsBefore + 10);
    const toT811 = mails.filter((m) => m.to === 'ct811@example.vn');
    expect(toT811.map((m) => m.subject).sort()).toEqual([
      'Mời trả lời phiếu điều tra xã hội học về Phòng Nội vụ Thư Mời',
      'Mời trả lời phiếu điều tra xã hội học về Phòng Tư pháp Thư Mời',
    ]);
    const full = await admin.get(`/api/v1/outbox/${toT811[0]!.id}`);
    const text: string = full.body.text;
    expect(text).toContain('Kính gửi Chủ tịch Xã Thư Một,');
    expect(text).toContain('«Chỉ số CCHC huyện Thư Mời 2026»');
    expect(text).toContain('Hạn trả lời: 20/03/2026.');
    const token = tokenIn(text)!;
    expect(text).toContain(`${PUBLIC_URL}/dieu-tra/${token}`);
    const unitName = toT811[0]!.subject.replace('Mời trả lời phiếu điều tra xã hội học về ', '');
    expect(links).toContainEqual(
      expect.objectContaining({ respondentCode: 'LDX-ct.t811', unitName, token }),
    );
    const form = await h.anonymous().get(`/api/v1/public/social-survey/${token}`);
    expect(form.status).toBe(200);
    expect(form.body.unitName).toBe(unitName);
    // A request without a body makes links without mailing them (the route's first form).
    const plain = await agency.request('POST', `${base()}/invitations`);
    expect([plain.status, plain.body]).toEqual([200, { created: 0, links: [] }]);
    expect(plain.body).toEqual({ created: 0, links: [] });
    // Nothing new to make: nothing mailed.
    expect((await agency.post(`${base()}/invitations`, { sendEmail: true })).body).toEqual({
      created: 0,
      emailed: 0,
      withoutEmail: 0,
      links: [],
    });
  });

  it('reminds with a new link in place of each unused one, the old one no longer working', async () => {
    const anonymous = h.anonymous();
    const answered = links.find((l) => l.respondentCode === 'PB-tp.t801')!;
    expect(
      (
        await anonymous.post(`/api/v1/public/social-survey/${answered.token}`, {
          answers: { C1: '3' },
        })
      ).status,
    ).toBe(200);
    const mailsBefore = (await outbox()).length;
    const res = await agency.post(`${base()}/invitations/remind`, { deadline: '2026-03-25' });
    expect(res.status).toBe(200);
    // 12 links, 1 used, 2 of the head of T813 (no address).
    expect(res.body).toEqual({ reissued: 9, emailed: 9, withoutEmail: 2 });
    const mails = await outbox();
    expect(mails.length).toBe(mailsBefore + 9);
    const old = links.find((l) => l.respondentCode === 'LDX-ct.t812')!;
    expect((await anonymous.get(`/api/v1/public/social-survey/${old.token}`)).status).toBe(404);
    const reminder = mails.find(
      (m) => m.to === 'ct812@example.vn' && m.subject.endsWith(old.unitName),
    )!;
    expect(reminder.subject).toBe(`Nhắc trả lời phiếu điều tra xã hội học về ${old.unitName}`);
    const text: string = (await admin.get(`/api/v1/outbox/${reminder.id}`)).body.text;
    expect(text).toContain('Hạn trả lời: 25/03/2026.');
    const fresh = tokenIn(text)!;
    expect(fresh).not.toBe(old.token);
    expect((await anonymous.get(`/api/v1/public/social-survey/${fresh}`)).status).toBe(200);
    // The links of the respondent without an address are left as they were.
    const kept = links.find((l) => l.respondentCode === 'LDX-ct.t813')!;
    expect((await anonymous.get(`/api/v1/public/social-survey/${kept.token}`)).status).toBe(200);
    // The used link stays used.
    expect((await anonymous.get(`/api/v1/public/social-survey/${answered.token}`)).status).toBe(
      409,
    );
    const audit = await h.deps.db.query<{ after: { reissued: number } }>(
      "SELECT after FROM audit_log WHERE action = 'social_survey.invitations.remind'",
    );
    expect(audit.map((a) => a.after.reissued)).toEqual([9]);
  });

  it('counts, per unit, the links sent and used', async () => {
    const progress = (await agency.get(`${base()}/progress`)).body;
    const commune = progress.units.find((u: { unitCode: string }) => u.unitCode === 'T811');
    // T811 is rated by the heads of T801 and T803; the head of T801 answered about T811 or another commune.
    expect(commune.invited).toBe(2);
    const used = progress.units.reduce((s: number, u: { linksUsed: number }) => s + u.linksUsed, 0);
    const sent = progress.units.reduce((s: number, u: { invited: number }) => s + u.invited, 0);
    expect([sent, used]).toEqual([12, 1]);
  });
});

describe('the list of saved respondents', () => {
  const list = async (query = '') => {
    const res = await agency.get(`${base()}/respondents${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      total: number;
      items: {
        id: number;
        code: string;
        group: string;
        unitCode: string | null;
        links: number;
        linksUsed: number;
        responses: number;
        removable: boolean;
      }[];
      groups: { code: string; name: string; count: number }[];
      units: { code: string }[];
    };
  };
  // What this file saved: 4 LDX and 2 PB from accounts, 2 DB from the Excel file.
  const ALL = [
    'DB-1',
    'DB-2',
    'LDX-ct.t811',
    'LDX-ct.t812',
    'LDX-ct.t813',
    'LDX-tp.t801',
    'PB-tp.t801',
    'PB-tp.t803',
  ];

  it('refuses anyone signed out (401) and anyone without campaign.manage (403)', async () => {
    const officer = await h.login('canbo.kimphuong');
    const otherAgency = await h.login('noivu.khanhhoa');
    for (const client of [h.anonymous(), officer, otherAgency]) {
      const expected = client === officer || client === otherAgency ? 403 : 401;
      expect((await client.get(`${base()}/respondents`)).status).toBe(expected);
      expect((await client.request('DELETE', `${base()}/respondents/1`)).status).toBe(expected);
    }
    expect((await list()).total).toBe(ALL.length);
  });

  it('pages through every respondent by code, with the groups and units to filter by', async () => {
    const first = await list('?limit=3');
    expect(first.total).toBe(8);
    expect(first.items.map((r) => r.code)).toEqual(ALL.slice(0, 3));
    const rest = await list('?limit=3&offset=3');
    expect(rest.items.map((r) => r.code)).toEqual(ALL.slice(3, 6));
    expect((await list('?limit=3&offset=6')).items.map((r) => r.code)).toEqual(ALL.slice(6));
    expect(first.groups).toEqual([
      { code: 'DB', name: 'Đại biểu HĐND', count: 2 },
      { code: 'LDX', name: 'Lãnh đạo UBND xã', count: 4 },
      { code: 'PB', name: 'Lãnh đạo phòng, ban', count: 2 },
    ]);
    expect(first.units.map((u) => u.code)).toEqual(['T801', 'T803', 'T811', 'T812', 'T813']);
    expect((await agency.get(`${base()}/respondents?limit=0`)).status).toBe(400);
    expect((await agency.get(`${base()}/respondents?unitId=abc`)).status).toBe(400);
  });

  it('filters by group and unit, telling who answered and the links made and used, no link itself', async () => {
    const pb = await list('?group=PB');
    // Each office head rates the 3 communes; the head of T801 answered once through a link.
    expect(pb.total).toBe(2);
    expect(pb.items.map((r) => [r.code, r.links, r.linksUsed, r.responses, r.removable])).toEqual([
      ['PB-tp.t801', 3, 1, 1, false],
      ['PB-tp.t803', 3, 0, 0, true],
    ]);
    const t811 = await unitIdByCode(admin, 'T811');
    const ofUnit = await list(`?unitId=${t811}`);
    expect(ofUnit.items.map((r) => [r.code, r.group, r.unitCode, r.links])).toEqual([
      ['DB-1', 'DB', 'T811', 0],
      ['LDX-ct.t811', 'LDX', 'T811', 2],
    ]);
    expect((await list(`?group=LDX&unitId=${t811}`)).items.map((r) => r.code)).toEqual([
      'LDX-ct.t811',
    ]);
    expect((await list('?group=ZZ')).total).toBe(0);
    // The tokens of the links (in the mails) appear nowhere in the list.
    const everyone = JSON.stringify(await list('?limit=200'));
    for (const mail of await outbox()) {
      const token = tokenIn((await admin.get(`/api/v1/outbox/${mail.id}`)).body.text);
      if (token) expect(everyone).not.toContain(token);
    }
  });

  it('removes a respondent who has not answered, whose links stop working, and audits it', async () => {
    const pb = await list('?group=PB');
    const answered = pb.items.find((r) => r.code === 'PB-tp.t801')!;
    const refused = await agency.request('DELETE', `${base()}/respondents/${answered.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Trưởng phòng Nội vụ đã trả lời 1 phiếu: không bỏ được người đã trả lời khỏi cuộc điều tra.',
    );
    // The newest link mailed to the head of T803 (the reminder's).
    const mails = (await outbox()).filter((m) => m.to === 'tp803@example.vn');
    const token = tokenIn((await admin.get(`/api/v1/outbox/${mails[0]!.id}`)).body.text)!;
    expect((await h.anonymous().get(`/api/v1/public/social-survey/${token}`)).status).toBe(200);
    const other = pb.items.find((r) => r.code === 'PB-tp.t803')!;
    const res = await agency.request('DELETE', `${base()}/respondents/${other.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ removed: true, links: 3 });
    expect((await h.anonymous().get(`/api/v1/public/social-survey/${token}`)).status).toBe(404);
    expect((await list('?group=PB')).items.map((r) => r.code)).toEqual(['PB-tp.t801']);
    expect((await agency.request('DELETE', `${base()}/respondents/${other.id}`)).status).toBe(404);
    const audit = await h.deps.db.query<{ before: { code: string; links: number } }>(
      "SELECT before FROM audit_log WHERE action = 'social_survey.respondents.remove'",
    );
    expect(audit.map((a) => [a.before.code, a.before.links])).toEqual([['PB-tp.t803', 3]]);
    const progress = (await agency.get(`${base()}/progress`)).body;
    const sent = progress.units.reduce((s: number, u: { invited: number }) => s + u.invited, 0);
    expect(sent).toBe(12 - 3);
  });

  it('removes no one once the survey is closed', async () => {
    expect((await agency.post(`${base()}/close`, {})).status).toBe(200);
    const all = await list('?limit=200');
    expect(all.items.every((r) => !r.removable)).toBe(true);
    const db2 = all.items.find((r) => r.code === 'DB-2')!;
    expect((await agency.request('DELETE', `${base()}/respondents/${db2.id}`)).status).toBe(409);
  });
});
