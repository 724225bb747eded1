import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { describeVerify, verifyAudit } from './service.ts';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h?.close());

describe('audit log', () => {
  it('records who changed what, before and after', async () => {
    const province = await unitIdByCode(admin, '19');
    const created = (
      await admin.post('/api/v1/units', {
        code: 'AU-1',
        name: 'Tên cũ',
        kind: 'other',
        parentId: province,
      })
    ).body;
    await admin.put(`/api/v1/units/${created.id}`, {
      code: 'AU-1',
      name: 'Tên mới',
      kind: 'other',
      parentId: province,
      validFrom: null,
      validTo: null,
      version: created.version,
    });
    const log = await admin.get(`/api/v1/audit?unitId=${created.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'unit.update',
      'unit.create',
    ]);
    expect(log.body.items[0]).toMatchObject({
      actorName: 'admin',
      unitName: 'Tên mới',
      before: { name: 'Tên cũ' },
      after: { name: 'Tên mới' },
    });
  });

  it('filters by unit subtree, user and date, and pages', async () => {
    const agency = await h.login('noivu.thainguyen');
    const province = await unitIdByCode(agency, '19');
    for (let i = 0; i < 3; i++)
      await agency.post('/api/v1/units', {
        code: `AUF-${i}`,
        name: `Tổ ${i}`,
        kind: 'other',
        parentId: province,
      });
    const byUser = await admin.get(
      `/api/v1/audit?userId=${(await admin.get('/api/v1/users?q=noivu.thainguyen')).body.items[0].id}&limit=2`,
    );
    expect(byUser.body.items).toHaveLength(2);
    expect(
      byUser.body.items.every((e: { actorName: string }) => e.actorName === 'noivu.thainguyen'),
    ).toBe(true);
    const next = await admin.get(
      `/api/v1/audit?userId=${byUser.body.items[0].actorId}&limit=2&before=${byUser.body.nextBefore}`,
    );
    expect(next.body.items.length).toBeGreaterThan(0);
    expect(next.body.items[0].id).toBeLessThan(byUser.body.items[1].id);
    const today = h.clock.now().toISOString().slice(0, 10);
    expect(
      (await admin.get(`/api/v1/audit?from=${today}&to=${today}`)).body.items.length,
    ).toBeGreaterThan(0);
    expect((await admin.get('/api/v1/audit?from=2020-01-01&to=2020-12-31')).body.items).toEqual([]);
    // The province's log includes its sub-units' entries; a standing agency reads its own province only.
    const provinceLog = await agency.get(`/api/v1/audit?unitId=${province}`);
    expect(provinceLog.body.items.some((e: { action: string }) => e.action === 'unit.create')).toBe(
      true,
    );
    const other = await agency.get(`/api/v1/audit?unitId=${await unitIdByCode(agency, '56')}`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(
      'Bạn không có quyền thực hiện thao tác này trên đơn vị «Tỉnh Khánh Hòa».',
    );
  });

  it('is refused to roles without the right', async () => {
    const officer = await h.login('canbo.kimphuong');
    expect((await officer.get('/api/v1/audit')).status).toBe(403);
  });

  it('cannot be changed by the application', async () => {
    await expect(h.deps.db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(h.deps.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies the chain and reports the first altered and the first removed entry', async () => {
    const intact = await verifyAudit(h.deps);
    expect(intact.ok).toBe(true);
    const [{ id: target } = { id: 0 }] = await h.deps.db.query<{ id: number }>(
      'SELECT id FROM audit_log ORDER BY id OFFSET 3 LIMIT 1',
    );
    // Someone with direct database access bypasses the trigger.
    await h.deps.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await h.deps.db.query(`UPDATE audit_log SET after = '{"name":"giả mạo"}' WHERE id = $1`, [
      target,
    ]);
    const altered = await verifyAudit(h.deps);
    expect(altered).toMatchObject({ ok: false, problem: { kind: 'altered', id: target } });
    expect(describeVerify(altered)).toBe(
      `Bản ghi #${target} đã bị sửa (nội dung không khớp mã băm). 3 bản ghi trước đó còn nguyên vẹn.`,
    );
    await h.deps.db.query('DELETE FROM audit_log WHERE id = $1', [target]);
    const removed = await verifyAudit(h.deps);
    expect(removed).toMatchObject({ ok: false, problem: { kind: 'removed_before' } });
    await h.deps.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
});
