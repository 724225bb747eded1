/**
 * Notifications through the real stack: a campaign set up over HTTP, the deadline scan on the
 * test's clock (7-day and 2-day notices, each once), who is told what, the bell's API, and the
 * e-mails received by a real SMTP server on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { runNotificationScan } from './service.ts';

interface Received {
  to: string[];
  raw: string;
}

let h: Harness;
let smtp: SMTPServer;
const inbox: Received[] = [];
let agency: Client;
let campaignId = 0;
let kimPhuong = 0;
let phuongTien = 0;

/** Subject and text of a received mail (nodemailer writes UTF-8 as quoted-printable or base64). */
function decode(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(
    /=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, x: string) => String.fromCharCode(parseInt(x, 16))),
            'latin1',
          ).toString('utf8'),
  );
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, x: string) => String.fromCharCode(parseInt(x, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject, text };
}

const mailsTo = (address: string) =>
  inbox.filter((m) => m.to.includes(address)).map((m) => decode(m.raw));

const ADDRESSES: Record<string, string> = {
  'canbo.kimphuong': 'canbo.kimphuong@example.vn',
  'chutich.kimphuong': 'chutich.kimphuong@example.vn',
  'thamdinh.thainguyen': 'thamdinh@example.vn',
  'hoidong.thainguyen': 'hoidong@example.vn',
  'noivu.thainguyen': 'noivu@example.vn',
  'hdnd.phuongtien': 'hdnd.phuongtien@example.vn',
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await createHarness({
    smtp: { host: '127.0.0.1', port, secure: false, from: 'Chỉ số CCHC <cchc@example.vn>' },
    publicUrl: 'https://cchc.example.vn',
  });
  for (const [username, email] of Object.entries(ADDRESSES))
    await h.deps.db.query('UPDATE users SET email = $1 WHERE username = $2', [email, username]);
  // Other open campaigns (the demo's) are not what these tests are about.
  await h.deps.db.query("UPDATE campaigns SET status = 'closed' WHERE status = 'open'");
  agency = await h.login('noivu.thainguyen');
  kimPhuong = await unitIdByCode(agency, '05551');
  phuongTien = await unitIdByCode(agency, '05563');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  const template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa');
  const created = await agency.post('/api/v1/campaigns', {
    name: 'Chỉ số CCHC năm 2026 (thông báo)',
    year: 2026,
    deadlines: {
      selfAssessment: '2026-03-10',
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
    (
      await agency.post(`/api/v1/campaigns/${campaignId}/participants`, {
        unitIds: [kimPhuong, phuongTien],
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await agency.put(`/api/v1/campaigns/${campaignId}/assignments`, {
        assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['1', '2', '3'] }],
      })
    ).status,
  ).toBe(200);
  expect((await agency.post(`/api/v1/campaigns/${campaignId}/open`)).status).toBe(200);
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** Sets the clock to 09:00 in Vietnam on a day. */
const at = (day: string) => h.clock.set(new Date(`${day}T02:00:00.000Z`));

/** Asks again every 100 ms, for up to 10 s, until a value comes. */
async function until<T>(read: () => T | undefined): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

async function notices(username: string) {
  const client = await h.login(username);
  return (await client.get('/api/v1/notifications?limit=50')).body as {
    unread: number;
    items: { id: number; title: string; text: string; link: string; read: boolean }[];
  };
}

describe('deadline notices', () => {
  it('says nothing 8 days before the self-assessment deadline', async () => {
    at('2026-03-02');
    const report = await runNotificationScan(h.deps, { campaignId });
    expect(report.created).toBe(0);
    expect((await notices('canbo.kimphuong')).items).toEqual([]);
  });

  it('tells the unit officer and head 7 days ahead, once, and e-mails them in Vietnamese with a link', async () => {
    at('2026-03-03');
    const first = await runNotificationScan(h.deps, { campaignId });
    // Kim Phượng's officer and head; Phượng Tiến has no unit officer account in the demo.
    expect(first.created).toBe(2);
    expect(first.emailed).toBe(2);
    const again = await runNotificationScan(h.deps, { campaignId });
    expect(again).toMatchObject({ created: 0, emailed: 0 });
    h.clock.set(new Date('2026-03-04T10:00:00.000Z'));
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(0);

    const bell = await notices('canbo.kimphuong');
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      title: 'Còn 7 ngày đến Hạn tự đánh giá, chấm điểm',
      link: `/campaigns/${campaignId}/units/${kimPhuong}`,
      read: false,
    });
    expect(bell.items[0]!.text).toContain('ngày 10 tháng 3 năm 2026');
    expect(bell.items[0]!.text).toContain('Xã Kim Phượng');

    const mails = mailsTo('canbo.kimphuong@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Còn 7 ngày đến Hạn tự đánh giá, chấm điểm');
    expect(mails[0]!.text).toContain('Kính gửi Công chức CCHC xã Kim Phượng (demo),');
    expect(mails[0]!.text).toContain(
      `Xem chi tiết: https://cchc.example.vn/campaigns/${campaignId}/units/${kimPhuong}`,
    );
    expect(mailsTo('chutich.kimphuong@example.vn')).toHaveLength(1);
    // Staff and the People's Council delegate are not asked to self-assess.
    for (const who of ['thamdinh@example.vn', 'hoidong@example.vn', 'hdnd.phuongtien@example.vn'])
      expect(mailsTo(who)).toEqual([]);
  });

  it('sends the 2-day notice once, and nothing after the deadline', async () => {
    at('2026-03-08');
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(2);
    at('2026-03-09');
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(0);
    at('2026-03-11');
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(0);
    const titles = (await notices('canbo.kimphuong')).items.map((i) => i.title);
    expect(titles).toEqual([
      'Còn 2 ngày đến Hạn tự đánh giá, chấm điểm',
      'Còn 7 ngày đến Hạn tự đánh giá, chấm điểm',
    ]);
    expect(mailsTo('canbo.kimphuong@example.vn').map((m) => m.subject)).toEqual([
      'Còn 7 ngày đến Hạn tự đánh giá, chấm điểm',
      'Còn 2 ngày đến Hạn tự đánh giá, chấm điểm',
    ]);
  });

  it('tells the assigned appraiser and the council chair about round 1, not the unit', async () => {
    at('2026-03-13');
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(2);
    const appraiser = await notices('thamdinh.thainguyen');
    expect(appraiser.items.map((i) => i.title)).toEqual(['Còn 7 ngày đến Hạn thẩm định vòng 1']);
    expect(appraiser.items[0]!.link).toBe(`/campaigns/${campaignId}/queue`);
    expect((await notices('hoidong.thainguyen')).items).toHaveLength(1);
    expect((await notices('canbo.kimphuong')).items).toHaveLength(2);
    expect((await notices('noivu.thainguyen')).items).toHaveLength(0);
  });
});

describe('workflow notices', () => {
  it('tells the unit that round 1 closed and which findings need an explanation, once', async () => {
    at('2026-03-21');
    const [participant] = await h.deps.db.query<{ id: number }>(
      'SELECT id FROM campaign_participants WHERE campaign_id = $1 AND unit_id = $2',
      [campaignId, kimPhuong],
    );
    // Round 1 closed on Kim Phượng with two findings flagged "needs explanation".
    for (const code of ['2', '3'])
      await h.deps.db.query(
        `INSERT INTO campaign_entries (participant_id, node_code, campaign_id, round1_score_hundredths,
           round1_reason, round1_needs_explanation) VALUES ($1, $2, $3, 0, 'Thiếu tài liệu kiểm chứng.', true)`,
        [participant!.id, code, campaignId],
      );
    await h.deps.db.query(
      "UPDATE campaign_participants SET status = 'round1_closed' WHERE id = $1",
      [participant!.id],
    );
    await runNotificationScan(h.deps, { campaignId });
    // A scan the server started after an earlier workflow action may have recorded some of them
    // first: what counts is that officer and head each hold both notices, once.
    expect((await runNotificationScan(h.deps, { campaignId })).created).toBe(0);
    for (const person of ['canbo.kimphuong', 'chutich.kimphuong']) {
      const titles = (await notices(person)).items.map((i) => i.title);
      for (const title of [
        'Đã chốt thẩm định vòng 1: Xã Kim Phượng',
        'Xã Kim Phượng cần giải trình 2 tiêu chí',
      ])
        expect(
          titles.filter((t) => t === title),
          `${person}: ${title}`,
        ).toHaveLength(1);
    }
    // Whichever scan recorded it sends its mail; wait for the server's own scan to finish too.
    const mail = await until(() =>
      mailsTo('chutich.kimphuong@example.vn').find(
        (m) => m.subject === 'Xã Kim Phượng cần giải trình 2 tiêu chí',
      ),
    );
    expect(mail?.text).toContain('Hạn giải trình: ngày 31 tháng 3 năm 2026.');
    expect(mailsTo('hdnd.phuongtien@example.vn')).toEqual([]);
  });

  it('reminds only the unit with findings to explain of the explanations deadline', async () => {
    at('2026-03-24');
    const report = await runNotificationScan(h.deps, { campaignId });
    expect(report.created).toBe(2);
    const latest = (await notices('canbo.kimphuong')).items[0]!;
    expect(latest.title).toBe('Còn 7 ngày đến Hạn giải trình');
  });
});

describe('the bell', () => {
  it('marks one notice read, refuses another person’s, then marks all read', async () => {
    const officer = await h.login('canbo.kimphuong');
    const before = (await officer.get('/api/v1/notifications')).body;
    expect(before.unread).toBe(before.items.length);
    const one = await officer.post(`/api/v1/notifications/${before.items[0].id}/read`);
    expect(one.status).toBe(200);
    expect(one.body.unread).toBe(before.unread - 1);

    const head = await h.login('chutich.kimphuong');
    const others = await head.post(`/api/v1/notifications/${before.items[1].id}/read`);
    expect(others.status).toBe(404);
    expect(others.body.error.message).toBe('Không tìm thấy thông báo.');

    const all = await officer.post('/api/v1/notifications/read-all');
    expect(all.body).toEqual({ marked: before.unread - 1, unread: 0 });
    expect((await officer.get('/api/v1/notifications')).body.unread).toBe(0);
    expect((await h.anonymous().get('/api/v1/notifications')).status).toBe(401);
    expect((await officer.get('/api/v1/notifications?limit=-5')).status).toBe(400);
    const badId = await officer.post('/api/v1/notifications/abc/read');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].field).toBe('id');
  });

  it('answers in English when asked', async () => {
    const officer = await h.login('canbo.kimphuong');
    const res = await officer.request('GET', '/api/v1/notifications', undefined, {
      'accept-language': 'en',
    });
    expect(res.body.items.map((i: { title: string }) => i.title)).toContain(
      '7 days until the self-assessment deadline',
    );
  });
});

describe('e-mail failures', () => {
  it('keeps a notice for the next scan when the SMTP server is down, and gives up after five tries', async () => {
    const { deps } = h;
    const down = {
      ...deps,
      config: { ...deps.config, smtp: { host: '127.0.0.1', port: 1, from: 'x@example.vn' } },
    };
    at('2026-04-03');
    const report = await runNotificationScan(down, { campaignId });
    // Round 2 in 7 days: the appraiser and the chair.
    expect(report).toMatchObject({ created: 2, emailed: 0, emailFailed: 2 });
    const rows = await deps.db.query<{ email_status: string; email_attempts: number }>(
      "SELECT email_status, email_attempts FROM notifications WHERE key LIKE '%:round2:%'",
    );
    expect(rows).toEqual([
      { email_status: 'pending', email_attempts: 1 },
      { email_status: 'pending', email_attempts: 1 },
    ]);
    // A scan skips a row another process holds locked at that moment (SKIP LOCKED), so scan until
    // nothing waits; each row must then have been tried exactly five times and given up.
    let after: { email_status: string; email_attempts: number }[] = [];
    for (let i = 0; i < 10; i += 1) {
      await runNotificationScan(down, { campaignId });
      after = await deps.db.query<{ email_status: string; email_attempts: number }>(
        "SELECT email_status, email_attempts FROM notifications WHERE key LIKE '%:round2:%' ORDER BY id",
      );
      if (after.every((r) => r.email_status !== 'pending')) break;
    }
    expect(after).toEqual([
      { email_status: 'failed', email_attempts: 5 },
      { email_status: 'failed', email_attempts: 5 },
    ]);
    // The bell still shows them.
    expect((await notices('thamdinh.thainguyen')).items[0]!.title).toBe(
      'Còn 7 ngày đến Hạn thẩm định vòng 2',
    );
  });
});

describe('publication deadline', () => {
  it('tells the council chair and the standing agency, not the appraiser', async () => {
    at('2026-04-23');
    const report = await runNotificationScan(h.deps, { campaignId });
    expect(report.created).toBe(2);
    const agencyBell = await notices('noivu.thainguyen');
    expect(agencyBell.items[0]).toMatchObject({
      title: 'Còn 7 ngày đến Hạn công bố kết quả',
      link: `/campaigns/${campaignId}/results`,
    });
    expect((await notices('hoidong.thainguyen')).items[0]!.title).toBe(
      'Còn 7 ngày đến Hạn công bố kết quả',
    );
    expect((await notices('thamdinh.thainguyen')).items[0]!.title).not.toBe(
      'Còn 7 ngày đến Hạn công bố kết quả',
    );
  });
});

describe('after a workflow action', () => {
  it('scans the campaign within seconds of its opening, without waiting for the timer', async () => {
    at('2026-04-23');
    const agencyNow = await h.login('noivu.thainguyen');
    const sets = (await agencyNow.get('/api/v1/criteria-sets')).body.items;
    const template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa');
    const created = await agencyNow.post('/api/v1/campaigns', {
      name: 'Đợt nhắc hạn ngay khi mở',
      year: 2026,
      deadlines: {
        selfAssessment: '2026-04-28',
        round1: '2026-05-10',
        explanations: '2026-05-20',
        round2: '2026-05-30',
        publication: '2026-06-10',
      },
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: template.id }],
    });
    const id = created.body.campaign.id as number;
    await agencyNow.post(`/api/v1/campaigns/${id}/participants`, { unitIds: [kimPhuong] });
    expect((await agencyNow.post(`/api/v1/campaigns/${id}/open`)).status).toBe(200);
    const officer = await h.login('canbo.kimphuong');
    const deadline = Date.now() + 10_000;
    let titles: string[] = [];
    while (Date.now() < deadline) {
      const items = (await officer.get('/api/v1/notifications')).body.items as {
        title: string;
        link: string;
      }[];
      titles = items.filter((i) => i.link.startsWith(`/campaigns/${id}/`)).map((i) => i.title);
      if (titles.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(titles).toEqual(['Còn 5 ngày đến Hạn tự đánh giá, chấm điểm']);
  });
});
