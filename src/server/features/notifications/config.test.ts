/** The e-mail settings read from the environment: a URL or parts, a sender required, clear errors. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

describe('notification e-mail settings', () => {
  it('keeps e-mail off without a server, with links to the local address', () => {
    const c = loadConfig({ PORT: '3100' });
    expect(c.smtp).toBeNull();
    expect(c.publicUrl).toBe('http://localhost:3100');
    expect(c.notifyIntervalMinutes).toBe(15);
  });

  it('reads a URL or host, port and credentials, with the sender', () => {
    expect(
      loadConfig({
        PARINDEX_SMTP_URL: 'smtps://u:p@mail.example.vn:465',
        PARINDEX_SMTP_FROM: 'cchc@example.vn',
        PARINDEX_PUBLIC_URL: 'https://cchc.example.vn/',
      }),
    ).toMatchObject({
      smtp: { url: 'smtps://u:p@mail.example.vn:465', from: 'cchc@example.vn' },
      publicUrl: 'https://cchc.example.vn',
    });
    expect(
      loadConfig({
        PARINDEX_SMTP_HOST: 'mail.example.vn',
        PARINDEX_SMTP_PORT: '587',
        PARINDEX_SMTP_USER: 'cchc',
        PARINDEX_SMTP_PASSWORD: 'secret',
        PARINDEX_SMTP_FROM: 'cchc@example.vn',
        PARINDEX_NOTIFY_INTERVAL_MINUTES: '0',
      }),
    ).toMatchObject({
      smtp: { host: 'mail.example.vn', port: 587, user: 'cchc', password: 'secret' },
      notifyIntervalMinutes: 0,
    });
  });

  it('refuses a server without a sender and a URL that is not SMTP, naming the variable', () => {
    expect(() => loadConfig({ PARINDEX_SMTP_HOST: 'mail.example.vn' })).toThrow(
      /PARINDEX_SMTP_FROM: missing/,
    );
    expect(() =>
      loadConfig({ PARINDEX_SMTP_URL: 'http://mail.example.vn', PARINDEX_SMTP_FROM: 'a@b.vn' }),
    ).toThrow(ConfigError);
  });
});
