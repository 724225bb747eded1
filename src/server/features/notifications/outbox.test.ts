/**
 * The outbox (ADR 43) through the real stack, without an SMTP server: a campaign opened over HTTP
 * tells its unit of the deadline, the mails that would have been sent are kept once each with the
 * recipient's address, subject and text in the recipient's language, and only the national
 * administrator reads them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runMailCommand } from '../../../cli/mail.ts';
import { DEMO_ACCOUNTS } from '../../demo/demo-units.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { runNotificationScan, sendPendingEmails } from './service.ts';

interface Summary {
  id: number;
  to: string;
  recipientName: string | null;
  subject: string;
  kind: string | null;
  createdAt: string;
}

let h: Harness;
let admin: Client;
let campaignId = 0;
let kimPhuong = 0;

beforeAll(async () => {
  h = await createHarness({ publicUrl: 'https://cchc.example.vn' });
  // Other open campaigns (the demo's) are not what these tests are about.
  await h.deps.db.query("UPDATE campaigns SET status = 'closed' WHERE status = 'open'");
  // The unit head reads in English.
  await h.deps.db.query("UPDATE users SET locale = 'en' WHERE username = 'chutich.kimphuong'");
  admin = await h.login('admin');
  const agency = await h.login('noivu.thainguyen');
  kimPhuong = await unitIdByCode(agency, '05551');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  const template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa');
  // The test's clock reads 2 March 2026: the self-assessment is due in 5 days.
  const created = await agency.post('/api/v1/campaigns', {
    name: 'Chỉ số CCHC năm 2026 (hộp thư đi)',
    year: 2026,
    deadlines: {
      selfAssessment: '2026-03-07',
      round1: '2026-03-20',
      explanations: '2026-03-31',
      round2: '2026-04-10',
      publication: '2026-04-30',
    },
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: template.id }],
  });
  expect(created.status).toBe(201);
  campaignId = created.body.campaign.id;
  expect(
    (await agency.post(`/api/v1/campaigns/${campaignId}/participants`, { unitIds: [kimPhuong] }))
      .status,
  ).toBe(200);
  // Opening the campaign asks for a scan of it within seconds (no timer in tests).
  expect((await agency.post(`/api/v1/campaigns/${campaignId}/open`)).status).toBe(200);
});
afterAll(async () => {
  await h?.close();
});

/** The outbox as the administrator reads it, waiting up to 10 s for `count` mails. */
async function outboxWith(count: number, query = ''): Promise<Summary[]> {
  const deadline = Date.now() + 10_000;
  let items: Summary[] = [];
  while (Date.now() < deadline) {
    const res = await admin.get(`/api/v1/outbox${query}`);
    expect(res.status).toBe(200);
    items = (res.body as { items: Summary[] }).items;
    if (items.length >= count) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return items;
}

describe('mails kept without SMTP', () => {
  it('keeps the deadline notice of the campaign just opened, to the officer in Vietnamese', async () => {
    const items = await outboxWith(2);
    expect(items.map((i) => i.to).sort()).toEqual([
      'canbo.kimphuong@parindex.example',
      'chutich.kimphuong@parindex.example',
    ]);
    const officer = items.find((i) => i.to === 'canbo.kimphuong@parindex.example')!;
    expect(officer).toMatchObject({
      subject: 'Còn 5 ngày đến Hạn tự đánh giá, chấm điểm',
      recipientName: 'Công chức CCHC xã Kim Phượng (demo)',
      kind: 'deadline',
    });
    const head = items.find((i) => i.to === 'chutich.kimphuong@parindex.example')!;
    expect(head.subject).toBe('5 days until the self-assessment deadline');

    const list = (await admin.get('/api/v1/outbox')).body;
    expect(list).toMatchObject({ smtpConfigured: false, total: 2, nextBefore: null });

    const one = await admin.get(`/api/v1/outbox/${officer.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      to: 'canbo.kimphuong@parindex.example',
      subject: 'Còn 5 ngày đến Hạn tự đánh giá, chấm điểm',
      locale: 'vi',
      link: `/campaigns/${campaignId}/units/${kimPhuong}`,
    });
    expect(one.body.text).toContain('Kính gửi Công chức CCHC xã Kim Phượng (demo),');
    expect(one.body.text).toContain('ngày 07 tháng 3 năm 2026');
    expect(one.body.text).toContain(
      `Xem chi tiết: https://cchc.example.vn/campaigns/${campaignId}/units/${kimPhuong}`,
    );
  });

  it('marks the notice kept and never keeps it twice, however many scans run', async () => {
    const again = await Promise.all([
      runNotificationScan(h.deps, { campaignId }),
      runNotificationScan(h.deps, { campaignId }),
    ]);
    expect(again.map((r) => [r.created, r.kept])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect((await admin.get('/api/v1/outbox')).body.total).toBe(2);
    const rows = await h.deps.db.query<{ email_status: string; n: number }>(
      `SELECT n.email_status, count(m.id)::int AS n FROM notifications n
         LEFT JOIN mail_outbox m ON m.notification_id = n.id
        WHERE n.campaign_id = $1 GROUP BY n.id, n.email_status`,
      [campaignId],
    );
    expect(rows).toEqual([
      { email_status: 'kept', n: 1 },
      { email_status: 'kept', n: 1 },
    ]);
    // The bell still shows the notice, unread.
    const officer = await h.login('canbo.kimphuong');
    const bell = (await officer.get('/api/v1/notifications')).body;
    expect(bell.items[0]).toMatchObject({
      title: 'Còn 5 ngày đến Hạn tự đánh giá, chấm điểm',
      read: false,
    });
  });

  it('keeps nothing while an SMTP server is configured: the mail waits to be sent', async () => {
    const withSmtp = {
      ...h.deps,
      config: { ...h.deps.config, smtp: { host: '127.0.0.1', port: 1, from: 'x@example.vn' } },
    };
    h.clock.set(new Date('2026-03-05T02:00:00.000Z'));
    // Three days later the session has lapsed: the administrator signs in again.
    admin = await h.login('admin');
    const report = await runNotificationScan(withSmtp, { campaignId });
    // The 2-day notice to the officer and the head; the server cannot be reached.
    expect(report).toMatchObject({ created: 2, emailed: 0, emailFailed: 2, kept: 0 });
    expect((await admin.get('/api/v1/outbox')).body.total).toBe(2);
    // Without SMTP again, two processes keeping at once keep each mail once.
    const both = await Promise.all([sendPendingEmails(h.deps), sendPendingEmails(h.deps)]);
    expect(both[0].kept + both[1].kept).toBe(2);
    expect((await admin.get('/api/v1/outbox')).body.total).toBe(4);
    const subjects = (await admin.get('/api/v1/outbox?recipient=canbo')).body.items.map(
      (i: Summary) => i.subject,
    );
    expect(subjects).toEqual([
      'Còn 2 ngày đến Hạn tự đánh giá, chấm điểm',
      'Còn 5 ngày đến Hạn tự đánh giá, chấm điểm',
    ]);
  });
});

describe('reading the outbox', () => {
  it('pages newest first and filters by recipient, ignoring case and wildcards', async () => {
    const first = (await admin.get('/api/v1/outbox?limit=3')).body;
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(4);
    const rest = (await admin.get(`/api/v1/outbox?limit=3&before=${first.nextBefore}`)).body;
    expect(rest.items).toHaveLength(1);
    expect(rest.nextBefore).toBeNull();
    const ids = [...first.items, ...rest.items].map((i: Summary) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const heads = (await admin.get('/api/v1/outbox?recipient=CHUTICH.KimPhuong')).body.items;
    expect(heads.map((i: Summary) => i.to)).toEqual([
      'chutich.kimphuong@parindex.example',
      'chutich.kimphuong@parindex.example',
    ]);
    expect((await admin.get('/api/v1/outbox?recipient=%25')).body.items).toEqual([]);
    expect((await admin.get('/api/v1/outbox?recipient=nobody')).body.items).toEqual([]);
  });

  it('answers bad input with 400 naming the field, a missing mail with 404', async () => {
    const badLimit = await admin.get('/api/v1/outbox?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.details[0].field).toBe('limit');
    const badId = await admin.get('/api/v1/outbox/abc');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].field).toBe('id');
    const missing = await admin.get('/api/v1/outbox/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Không tìm thấy thư trong hộp thư đi.');
  });

  it('refuses every other role (403) and the signed-out (401)', async () => {
    const [mail] = (await admin.get('/api/v1/outbox')).body.items as Summary[];
    const others = DEMO_ACCOUNTS.filter((a) => a.role !== 'system_admin');
    expect(others.length).toBeGreaterThan(8);
    for (const account of others) {
      const client = await h.login(account.username);
      for (const url of ['/api/v1/outbox', `/api/v1/outbox/${mail!.id}`]) {
        const res = await client.get(url);
        expect([account.username, url, res.status]).toEqual([account.username, url, 403]);
        // Each in the account's language (the unit head reads English here).
        expect(res.body.error.message).toBe(
          account.username === 'chutich.kimphuong'
            ? 'You are not allowed to do this.'
            : 'Bạn không có quyền thực hiện thao tác này.',
        );
      }
    }
    // Even the officer the mail was written to reads it in the bell, not here.
    const officer = await h.login('canbo.kimphuong');
    expect((await officer.get(`/api/v1/outbox/${mail!.id}`)).status).toBe(403);
    for (const url of ['/api/v1/outbox', `/api/v1/outbox/${mail!.id}`])
      expect((await h.anonymous().get(url)).status).toBe(401);
  });
});

describe('parindex mail', () => {
  const console_ = {
    userId: 0,
    username: 'cli',
    fullName: 'Dòng lệnh',
    grants: [{ role: 'system_admin' as const, unitId: null, unitPath: null }],
  };
  class Usage extends Error {}
  async function output(sub: string, args: string[] = []): Promise<string> {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
    try {
      await runMailCommand(h.deps, console_, sub, args, (m) => new Usage(m));
    } finally {
      spy.mockRestore();
    }
    return lines.join('\n');
  }

  it('lists the outbox in words with Vietnam times, and shows one mail', async () => {
    const list = (await output('list', ['--to', 'canbo.kimphuong'])).split('\n');
    expect(list[0]).toBe(
      'Chưa cấu hình máy chủ SMTP: thư điện tử không được gửi mà được giữ lại trong hộp thư đi.',
    );
    expect(list[1]).toMatch(/^\s+Mã\s+Ngày giờ\s+Người nhận\s+Tiêu đề$/);
    // Kept at 09:00 in Vietnam on 5 March, then on 2 March.
    expect(list[2]).toMatch(
      /^\s*\d+\s+05\/03\/2026 09:00\s+canbo\.kimphuong@parindex\.example\s+Còn 2 ngày đến Hạn tự đánh giá, chấm điểm$/,
    );
    expect(list[3]).toMatch(
      /02\/03\/2026 \d\d:\d\d\s+canbo\.kimphuong@parindex\.example\s+Còn 5 ngày/,
    );
    expect(list[4]).toBe('2/4 thư.');

    const id = /^\s*(\d+)/.exec(list[2]!)![1]!;
    const shown = await output('show', [id]);
    expect(shown).toContain(
      'Người nhận  Công chức CCHC xã Kim Phượng (demo) <canbo.kimphuong@parindex.example>',
    );
    expect(shown).toContain('Tiêu đề     Còn 2 ngày đến Hạn tự đánh giá, chấm điểm');
    expect(shown).toContain('Kính gửi Công chức CCHC xã Kim Phượng (demo),');

    expect(await output('list', ['--to', 'nobody'])).toContain(
      'Không có thư nào gửi tới «nobody».',
    );
    await expect(output('show', ['999999'])).rejects.toThrow('Không có thư mã 999999');
    await expect(output('show', ['abc'])).rejects.toThrow('Mã thư «abc» không hợp lệ');
    await expect(output('list', ['--limit', '0'])).rejects.toThrow('Số thư «0» không hợp lệ');
    await expect(output('send')).rejects.toThrow('Cách dùng: parindex mail list');
  });
});
