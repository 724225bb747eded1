import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h?.close());

describe('user administration', () => {
  it('creates a user with a role on a unit and a temporary password that must be changed', async () => {
    const unitId = await unitIdByCode(admin, '05563');
    const res = await admin.post('/api/v1/users', {
      username: 'canbo.phuongtien',
      fullName: 'Nguyễn Văn A',
      grants: [{ role: 'unit_officer', unitId }],
    });
    expect(res.status).toBe(201);
    expect(res.body.user.grants).toMatchObject([
      { role: 'unit_officer', unitName: 'Xã Phượng Tiến' },
    ]);
    expect(res.body.temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    const login = await h.anonymous().post('/api/v1/auth/login', {
      username: 'CANBO.PHUONGTIEN',
      password: res.body.temporaryPassword,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('stores the password as an argon2id hash', async () => {
    const [row] = await h.deps.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'canbo.phuongtien'",
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a taken username, a short password and an unknown role, naming the field', async () => {
    const taken = await admin.post('/api/v1/users', { username: 'Admin', fullName: 'X' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([
      { field: 'username', message: 'Tên đăng nhập «Admin» đã được dùng.' },
    ]);
    const short = await admin.post('/api/v1/users', {
      username: 'ngan',
      fullName: 'X',
      password: '123',
    });
    expect(short.body.error.details).toEqual([
      { field: 'password', message: 'Mật khẩu phải có ít nhất 10 ký tự.' },
    ]);
    const role = await admin.post('/api/v1/users', {
      username: 'vaitro',
      fullName: 'X',
      grants: [{ role: 'king', unitId: null }],
    });
    expect(role.status).toBe(400);
    expect(role.body.error.details[0].field).toBe('grants.0.role');
  });

  it('disables a user, which ends their sessions and refuses their sign-in', async () => {
    const victim = await h.login('hdnd.phuongtien');
    const list = await admin.get('/api/v1/users?q=hdnd.phuongtien');
    const user = list.body.items[0];
    const res = await admin.put(`/api/v1/users/${user.id}`, {
      fullName: user.fullName,
      email: null,
      disabled: true,
      version: user.version,
    });
    expect(res.status).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).status).toBe(401);
    const again = await h
      .anonymous()
      .post('/api/v1/auth/login', { username: 'hdnd.phuongtien', password: 'demo-parindex' });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toBe(
      'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.',
    );
  });

  it('resets a password: the old one stops working, the new temporary one works', async () => {
    const user = (await admin.get('/api/v1/users?q=chutich.kimphuong')).body.items[0];
    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, {});
    expect(res.status).toBe(200);
    expect(
      (
        await h
          .anonymous()
          .post('/api/v1/auth/login', { username: 'chutich.kimphuong', password: 'demo-parindex' })
      ).status,
    ).toBe(401);
    expect(
      (
        await h.anonymous().post('/api/v1/auth/login', {
          username: 'chutich.kimphuong',
          password: res.body.temporaryPassword,
        })
      ).status,
    ).toBe(200);
  });

  it('grants and revokes roles; grants take effect at once', async () => {
    const khanhHoa = await unitIdByCode(admin, '56');
    const user = (await admin.get('/api/v1/users?q=canbo.dailanh')).body.items[0];
    const officer = await h.login('canbo.dailanh');
    expect((await officer.get(`/api/v1/audit?unitId=${khanhHoa}`)).status).toBe(403);
    const granted = await admin.post(`/api/v1/users/${user.id}/grants`, {
      role: 'standing_agency',
      unitId: khanhHoa,
    });
    expect(granted.status).toBe(200);
    expect((await officer.get(`/api/v1/audit?unitId=${khanhHoa}`)).status).toBe(200);
    const grantId = granted.body.grants.find(
      (g: { role: string }) => g.role === 'standing_agency',
    ).id;
    expect((await admin.delete(`/api/v1/users/${user.id}/grants/${grantId}`)).status).toBe(200);
    expect((await officer.get(`/api/v1/audit?unitId=${khanhHoa}`)).status).toBe(403);
  });

  it('keeps user administration away from everyone else', async () => {
    const agency = await h.login('noivu.thainguyen');
    expect((await agency.get('/api/v1/users')).status).toBe(403);
    const res = await agency.post('/api/v1/users', { username: 'lau', fullName: 'X' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('lets an administrator of one province grant roles only inside it', async () => {
    const thaiNguyen = await unitIdByCode(admin, '19');
    const khanhHoa = await unitIdByCode(admin, '56');
    const created = await admin.post('/api/v1/users', {
      username: 'qt.thainguyen',
      fullName: 'Quản trị Thái Nguyên',
      password: 'qt-thainguyen-2026',
      grants: [{ role: 'system_admin', unitId: thaiNguyen }],
    });
    expect(created.status).toBe(201);
    const provincial = await h.login('qt.thainguyen', 'qt-thainguyen-2026');
    const inside = await provincial.post('/api/v1/users', {
      username: 'cb.tn',
      fullName: 'CB',
      grants: [{ role: 'unit_officer', unitId: await unitIdByCode(admin, '05551') }],
    });
    expect(inside.status).toBe(201);
    const outside = await provincial.post('/api/v1/users', {
      username: 'cb.kh',
      fullName: 'CB',
      grants: [{ role: 'unit_officer', unitId: khanhHoa }],
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe(
      'Bạn không có quyền thực hiện thao tác này trên đơn vị «Tỉnh Khánh Hòa».',
    );
    const national = await provincial.post('/api/v1/users', {
      username: 'cb.all',
      fullName: 'CB',
      grants: [{ role: 'system_admin', unitId: null }],
    });
    expect(national.status).toBe(403);
    const list = await provincial.get('/api/v1/users?limit=200');
    expect(list.body.items.map((u: { username: string }) => u.username)).not.toContain(
      'noivu.khanhhoa',
    );
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain(
      'canbo.kimphuong',
    );
  });
});
