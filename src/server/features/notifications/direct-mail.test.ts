/**
 * Mails written outside the notices (a survey link, ADR 45): with an SMTP server they leave at
 * once; those the server refuses, like every one without a server, are kept in the outbox, where
 * the administrator reads them with no notice behind them.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/harness.ts';
import { sendDirectMails, type DirectMail } from './direct-mail.ts';

let h: Harness;
let smtp: SMTPServer;
const received: string[][] = [];

const mails: DirectMail[] = [
  { to: 'a@example.vn', subject: 'Thư một', text: 'Nội dung một', userId: null, locale: 'vi' },
  { to: 'b@example.vn', subject: 'Thư hai', text: 'Nội dung hai', userId: null, locale: 'vi' },
];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await createHarness({
    smtp: { host: '127.0.0.1', port, secure: false, from: 'cchc@example.vn' },
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const outboxCount = async () =>
  (await h.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox'))[0]!.n;

describe('mails outside the notices', () => {
  it('sends them through the SMTP server, keeping nothing', async () => {
    const before = await outboxCount();
    expect(await sendDirectMails(h.deps, mails)).toEqual({ sent: 2, kept: 0 });
    expect(received).toEqual([['a@example.vn'], ['b@example.vn']]);
    expect(await outboxCount()).toBe(before);
  });

  it('keeps in the outbox those a server refuses, readable by the administrator', async () => {
    const down = {
      ...h.deps,
      config: { ...h.deps.config, smtp: { host: '127.0.0.1', port: 1, from: 'x@example.vn' } },
    };
    expect(await sendDirectMails(down, mails)).toEqual({ sent: 0, kept: 2 });
    const admin = await h.login('admin');
    const list = await admin.get('/api/v1/outbox?recipient=example.vn');
    expect(list.status).toBe(200);
    const kept = list.body.items.filter((m: { to: string }) =>
      ['a@example.vn', 'b@example.vn'].includes(m.to),
    );
    expect(kept.map((m: { subject: string; kind: string | null }) => [m.subject, m.kind])).toEqual([
      ['Thư hai', null],
      ['Thư một', null],
    ]);
    const one = await admin.get(`/api/v1/outbox/${kept[0].id}`);
    expect(one.body).toMatchObject({ text: 'Nội dung hai', link: null, notificationId: null });
  });
});
