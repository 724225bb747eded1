import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { createApp } from '../../http/app.ts';
import { createHarness, DEMO_PASSWORD, type Harness } from '../../test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    loginMaxFailures: 3,
    loginMaxDelaySeconds: 900,
    loginAccountMaxDelaySeconds: 30,
    loginRatePerMinute: 1000,
  });
});
afterAll(async () => h?.close());

/** A sign-in attempt as it reaches the server from `address` (the socket's peer), with headers. */
async function signIn(
  app: Harness['app'],
  username: string,
  password: string,
  address = '127.0.0.1',
  headers: Record<string, string> = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: address,
    headers,
  });
  return { status: res.statusCode, body: res.json(), res };
}

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and returns the anti-forgery token', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'canbo.kimphuong', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'parindex_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe('canbo.kimphuong');
    expect(body.grants[0]).toMatchObject({ role: 'unit_officer', unitName: 'Xã Kim Phượng' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password in Vietnamese without saying which part was wrong', async () => {
    const wrong = await h
      .anonymous()
      .post('/api/v1/auth/login', { username: 'canbo.kimphuong', password: 'sai-mat-khau' });
    const unknown = await h
      .anonymous()
      .post('/api/v1/auth/login', { username: 'khong.ton.tai', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({
      code: 'invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers in English when asked', async () => {
    const res = await h
      .anonymous()
      .request(
        'POST',
        '/api/v1/auth/login',
        { username: 'x', password: 'y' },
        { 'accept-language': 'en-US,en;q=0.9' },
      );
    expect(res.body.error.message).toBe('Wrong username or password.');
  });

  it('names the missing field of a malformed body', async () => {
    const res = await h.anonymous().post('/api/v1/auth/login', { username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([
      { field: 'password', message: 'Trường «password» là bắt buộc.' },
    ]);
  });

  it('rejects a body that is not JSON with a 400, not a 500', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'invalid_json',
      message: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
    });
  });

  it('makes attempts wait longer after each failure, in Vietnamese, instead of locking', async () => {
    const stranger = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signIn(h.app, 'dieutra.dailanh', 'sai-mat-khau', stranger)).status);
    // Three failures are free; the fourth is checked and counted, and makes the next one wait.
    expect(statuses).toEqual([401, 401, 401, 401]);
    const waiting = await signIn(h.app, 'dieutra.dailanh', 'sai-mat-khau', stranger);
    expect(waiting.status).toBe(429);
    expect(waiting.body.error).toEqual({
      code: 'login_throttled',
      message: 'Đăng nhập sai nhiều lần. Thử lại sau 2 giây.',
    });
    expect(waiting.res.headers['retry-after']).toBe('2');
    // Each further failure doubles the wait.
    h.clock.advance(2_000);
    expect((await signIn(h.app, 'dieutra.dailanh', 'sai-mat-khau', stranger)).status).toBe(401);
    expect(
      (await signIn(h.app, 'dieutra.dailanh', 'sai-mat-khau', stranger)).body.error.message,
    ).toBe('Đăng nhập sai nhiều lần. Thử lại sau 4 giây.');
    const english = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dieutra.dailanh', password: 'sai-mat-khau' },
      remoteAddress: stranger,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toBe('Too many failed sign-ins. Try again in 4 seconds.');
    h.clock.advance(4_000);
    expect((await signIn(h.app, 'dieutra.dailanh', DEMO_PASSWORD, stranger)).status).toBe(200);
    // A success forgets the failures of the account.
    expect((await signIn(h.app, 'dieutra.dailanh', 'sai-mat-khau', stranger)).status).toBe(401);
  });

  it('lets the owner in after a short wait however long a stranger keeps failing', async () => {
    const stranger = '203.0.113.8';
    const owner = '198.51.100.20';
    // The stranger fails 12 times, each time as soon as allowed.
    for (let i = 0; i < 12; i++) {
      let r = await signIn(h.app, 'canbo.kimphuong', 'sai-mat-khau', stranger);
      if (r.status === 429) {
        h.clock.advance(Number(r.res.headers['retry-after']) * 1000);
        r = await signIn(h.app, 'canbo.kimphuong', 'sai-mat-khau', stranger);
      }
      expect(r.status).toBe(401);
    }
    // From the stranger's address the account now waits long (2^9 s)…
    const strangerWait = await signIn(h.app, 'canbo.kimphuong', DEMO_PASSWORD, stranger);
    expect(strangerWait.status).toBe(429);
    expect(Number(strangerWait.res.headers['retry-after'])).toBeGreaterThan(60);
    // …but the owner, elsewhere, waits at most the account-wide 30 seconds, then signs in.
    const ownerWait = await signIn(h.app, 'canbo.kimphuong', DEMO_PASSWORD, owner);
    expect(ownerWait.status).toBe(429);
    expect(Number(ownerWait.res.headers['retry-after'])).toBeLessThanOrEqual(30);
    h.clock.advance(30_000);
    expect((await signIn(h.app, 'canbo.kimphuong', DEMO_PASSWORD, owner)).status).toBe(200);
    // The stranger still waits.
    expect((await signIn(h.app, 'canbo.kimphuong', 'sai-mat-khau', stranger)).status).toBe(429);
  });

  it('answers an unknown name exactly like a wrong password, failure after failure', async () => {
    const run = async (username: string, address: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await signIn(h.app, username, 'sai-mat-khau', address);
        out.push([r.status, r.body, r.res.headers['retry-after'] ?? null]);
      }
      return out;
    };
    const known = await run('hdnd.phuongtien', '192.0.2.10');
    const unknown = await run('khong.ai.ca', '192.0.2.11');
    expect(known[3]).toEqual([
      401,
      { error: expect.objectContaining({ code: 'invalid_credentials' }) },
      null,
    ]);
    expect(known[4]).toEqual([
      429,
      { error: expect.objectContaining({ code: 'login_throttled' }) },
      '2',
    ]);
    expect(unknown).toEqual(known);
  });

  it('takes as long for an unknown name as for a wrong password', async () => {
    const time = async (username: string, address: string) => {
      const t0 = performance.now();
      const r = await signIn(h.app, username, 'sai-mat-khau', address);
      expect(r.status).toBe(401);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Far apart in time and from fresh addresses, so no attempt is made to wait.
      h.clock.advance(25 * 3_600_000);
      known.push(await time('canbo.kimphuong', `192.0.2.${20 + i}`));
      unknown.push(await time(`khong.co.${i}`, `192.0.2.${40 + i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both verify an argon2id hash (tens of milliseconds); neither answers from the database alone.
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await createHarness({ loginRatePerMinute: 3 });
    try {
      const c = limited.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await c.post('/api/v1/auth/login', { username: 'nobody', password: 'whatever' })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await c.post('/api/v1/auth/login', { username: 'nobody', password: 'whatever' });
      expect(last.headers['retry-after']).toBeDefined();
      expect(last.body.error.message).toMatch(
        /^Bạn thao tác quá nhanh\. Hãy thử lại sau \d+ giây\.$/,
      );
    } finally {
      await limited.close();
    }
  });
});

describe('client address and protocol behind a reverse proxy', () => {
  /** The server as configured with this trust of proxies, over the same database. */
  async function appTrusting(trustProxy: string) {
    const config = {
      ...h.deps.config,
      trustProxy: loadConfig({ PARINDEX_TRUST_PROXY: trustProxy }).trustProxy,
    };
    const app = await createApp({ ...h.deps, config }, { logger: false });
    await app.ready();
    return app;
  }
  const lastSessionAddress = async () =>
    (
      await h.deps.db.query<{ ip: string }>(
        'SELECT ip FROM sessions ORDER BY created_at DESC, ip LIMIT 1',
      )
    )[0]!.ip;
  const signedInFrom = async (
    app: Harness['app'],
    peer: string,
    headers: Record<string, string>,
  ) => {
    h.clock.advance(1000);
    const r = await signIn(app, 'chutich.kimphuong', DEMO_PASSWORD, peer, headers);
    expect(r.status).toBe(200);
    return { address: await lastSessionAddress(), cookie: r.res.cookies[0]! };
  };

  it('reads the config: off, the nearest proxies, or a list of addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PARINDEX_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ PARINDEX_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ PARINDEX_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ PARINDEX_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ PARINDEX_TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.50' };
    const off = await appTrusting('0');
    const listed = await appTrusting('10.0.0.0/8');
    const oneHop = await appTrusting('1');
    try {
      expect((await signedInFrom(off, '10.0.0.5', forwarded)).address).toBe('10.0.0.5');
      expect((await signedInFrom(listed, '10.0.0.5', forwarded)).address).toBe('203.0.113.50');
      // A peer that is not a listed proxy cannot pass for someone else.
      expect((await signedInFrom(listed, '198.51.100.9', forwarded)).address).toBe('198.51.100.9');
      // One trusted hop: the address the proxy saw, not what the client wrote before it.
      expect(
        (
          await signedInFrom(oneHop, '10.0.0.5', {
            'x-forwarded-for': '1.2.3.4, 203.0.113.51',
          })
        ).address,
      ).toBe('203.0.113.51');
    } finally {
      await Promise.all([off.close(), listed.close(), oneHop.close()]);
    }
  });

  it('throttles the client behind the proxy, not the proxy', async () => {
    const app = await appTrusting('10.0.0.1');
    try {
      const from = (client: string) =>
        signIn(app, `khong.co.ai.${client}`, 'sai', '10.0.0.1', { 'x-forwarded-for': client });
      for (let i = 0; i < 13; i++) await from('203.0.113.60');
      // The address-wide wait of one client (after 12 free failures) leaves another one alone.
      expect((await from('203.0.113.60')).status).toBe(429);
      expect((await from('203.0.113.61')).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('marks the session cookie Secure behind a TLS proxy', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const trusted = await appTrusting('1');
    const untrusted = await appTrusting('0');
    try {
      expect((await signedInFrom(trusted, '10.0.0.5', https)).cookie.secure).toBe(true);
      expect((await signedInFrom(trusted, '10.0.0.5', {})).cookie.secure).not.toBe(true);
      // Without a trusted proxy the header is anyone's claim.
      expect((await signedInFrom(untrusted, '10.0.0.5', https)).cookie.secure).not.toBe(true);
    } finally {
      await Promise.all([trusted.close(), untrusted.close()]);
    }
  });
});

describe('sessions and anti-forgery', () => {
  it('refuses a state-changing request without the token, accepts it with the token', async () => {
    const admin = await h.login('admin');
    const kinds = await admin.get('/api/v1/unit-kinds');
    expect(kinds.status).toBe(200);
    const parent = (await admin.get('/api/v1/units?q=Tỉnh Khánh Hòa')).body.items[0];
    const body = { code: 'CSRF-TEST', name: 'Đơn vị thử', kind: 'other', parentId: parent.id };
    const without = await admin.request('POST', '/api/v1/units', body, {
      'x-csrf-token': 'forged',
    });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf_invalid');
    const created = await admin.post('/api/v1/units', body);
    expect(created.status).toBe(201);
  });

  it('lets a signed-in staff member answer a public form without the token: those read no session', async () => {
    const admin = await h.login('admin');
    // A survey link that does not exist: the public route answers, not the anti-forgery check.
    const link = await admin.request(
      'POST',
      '/api/v1/public/social-survey/khong-co-duong-dan-nay-0123456789',
      { answers: [] },
      { 'x-csrf-token': 'forged' },
    );
    expect(link.body.error?.code).not.toBe('csrf_invalid');
    expect(link.status).not.toBe(403);
    // Logging out stays protected: a forged request cannot end someone's session.
    const out = await admin.request('POST', '/api/v1/auth/logout', undefined, {
      'x-csrf-token': 'forged',
    });
    expect(out.status).toBe(403);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('ends the session on logout', async () => {
    const c = await h.login('chutich.kimphuong');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const after = await c.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('expires a session after its lifetime', async () => {
    const c = await h.login('hdnd.phuongtien');
    h.clock.advance(13 * 3_600_000);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('shares sessions between server processes through the database', async () => {
    const c = await h.login('thamdinh.thainguyen');
    const second = await (await import('../../http/app.ts')).createApp(h.deps, { logger: false });
    const res = await second.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: {
        cookie: `parindex_session=${(await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thamdinh.thainguyen', password: DEMO_PASSWORD } })).cookies[0]!.value}`,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('thamdinh.thainguyen');
    expect(c.csrfToken).toBeTruthy();
    await second.close();
  });

  it('changes the own password and keeps the current session', async () => {
    const c = await h.login('noivu.khanhhoa');
    const weak = await c.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toEqual({
      field: 'newPassword',
      message: 'Mật khẩu phải có ít nhất 10 ký tự.',
    });
    expect(
      (
        await c.post('/api/v1/auth/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'mat-khau-moi-2026',
        })
      ).status,
    ).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await h.login('noivu.khanhhoa', 'mat-khau-moi-2026');
  });
});

describe('health', () => {
  it('answers liveness and readiness', async () => {
    expect((await h.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI document', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/units',
        '/api/v1/units/{id}/lineage',
        '/api/v1/audit',
      ]),
    );
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const res = await h.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});
