import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, DEMO_PASSWORD, type Harness } from '../../test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ loginMaxFailures: 3, lockoutMinutes: 15, loginRatePerMinute: 1000 });
});
afterAll(async () => h?.close());

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

  it('locks an account after repeated failures, then lets it in once the lock expires', async () => {
    const c = h.anonymous();
    for (let i = 0; i < 2; i++)
      expect(
        (
          await c.post('/api/v1/auth/login', {
            username: 'dieutra.dailanh',
            password: 'sai-mat-khau',
          })
        ).status,
      ).toBe(401);
    const third = await c.post('/api/v1/auth/login', {
      username: 'dieutra.dailanh',
      password: 'sai-mat-khau',
    });
    expect(third.status).toBe(423);
    expect(third.body.error.message).toBe(
      'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.',
    );
    // Even the right password is refused while locked.
    expect(
      (await c.post('/api/v1/auth/login', { username: 'dieutra.dailanh', password: DEMO_PASSWORD }))
        .status,
    ).toBe(423);
    h.clock.advance(16 * 60_000);
    expect(
      (await c.post('/api/v1/auth/login', { username: 'dieutra.dailanh', password: DEMO_PASSWORD }))
        .status,
    ).toBe(200);
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
