/**
 * Merger links and access: recording a link takes management rights on both units, a link can be
 * corrected or removed with a reason (audited), and a link from another province never lets the
 * successor's people read the predecessor's dossiers or results. Thái Nguyên's standing agency
 * tries to link Khánh Hòa's xã Đại Lãnh into its xã Kim Phượng; a link the national administrator
 * recorded between the two provinces carries nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let agencyTn: Client;
let officerKp: Client;
let officerDl: Client;
let kimPhuong = 0;
let daiLanh = 0;

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

async function importDossiers(client: Client, lines: string[]) {
  const boundary = '----parindex-lineage-boundary';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nĐại Lãnh\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${[HEADER, ...lines].join('\n')}\r\n--${boundary}--\r\n`,
  );
  const res = await client.request('POST', '/api/v1/dossiers/import', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (let i = 0; i < 400; i++) {
    const job = await client.get(`/api/v1/dossiers/jobs/${res.body.jobId}`);
    if (job.body.status === 'succeeded' || job.body.status === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

const link = (predecessorId: number, successorId: number) =>
  `/api/v1/unit-lineage/${predecessorId}/${successorId}`;

async function auditActions(entityId: string): Promise<Array<{ action: string; after: unknown }>> {
  const res = await admin.get(`/api/v1/audit?unitId=${kimPhuong}&limit=100`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ action: string; entityId: string; after: unknown }>)
    .filter((e) => e.entityId === entityId)
    .map((e) => ({ action: e.action, after: e.after }));
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agencyTn = await h.login('noivu.thainguyen');
  officerKp = await h.login('canbo.kimphuong');
  officerDl = await h.login('canbo.dailanh');
  kimPhuong = await unitIdByCode(admin, '05551');
  daiLanh = await unitIdByCode(admin, '22504');
  const job = await importDossiers(officerDl, [
    [
      'DL-1',
      '1.001193',
      '22504',
      'CB1',
      '05/08/2025 08:00',
      '05/08/2025 17:00',
      '05/08/2025 16:00',
      'Trực tiếp',
    ].join(','),
  ]);
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
});
afterAll(async () => h?.close());

describe('recording a merger', () => {
  it("refuses a province's agency linking another province's commune into its own, and records nothing", async () => {
    const res = await agencyTn.post('/api/v1/unit-lineage', {
      predecessorId: daiLanh,
      successorId: kimPhuong,
      mergeType: 'full',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Xã Đại Lãnh');
    const lineage = await agencyTn.get(`/api/v1/units/${kimPhuong}/lineage`);
    expect(lineage.body.predecessors.map((p: { id: number }) => p.id)).not.toContain(daiLanh);
  });

  it('refuses the other way round too: its own commune into another province', async () => {
    const res = await agencyTn.post('/api/v1/unit-lineage', {
      predecessorId: kimPhuong,
      successorId: daiLanh,
      mergeType: 'partial',
    });
    expect(res.status).toBe(403);
  });
});

describe('a link between two provinces', () => {
  beforeAll(async () => {
    const res = await admin.post('/api/v1/unit-lineage', {
      predecessorId: daiLanh,
      successorId: kimPhuong,
      mergeType: 'full',
      effectiveDate: '2025-07-01',
    });
    expect(res.status).toBe(204);
  });

  it("shows in the lineage but lets nobody of xã Kim Phượng read xã Đại Lãnh's dossiers", async () => {
    const lineage = await officerKp.get(`/api/v1/units/${kimPhuong}/lineage`);
    expect(lineage.body.predecessors.map((p: { code: string }) => p.code)).toContain('22504');
    // The dossier is there: Đại Lãnh's own officer reads it.
    expect((await officerDl.get('/api/v1/dossiers/by-code/DL-1')).status).toBe(200);
    expect((await officerKp.get('/api/v1/dossiers/by-code/DL-1')).status).toBe(404);
    const list = await officerKp.get('/api/v1/dossiers?limit=50');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { code: string }) => d.code)).not.toContain('DL-1');
    const result = await officerKp.get(
      `/api/v1/dossiers/unit-result?unitId=${kimPhuong}&period=2025-Q3`,
    );
    expect(result.status).toBe(200);
    expect(result.body.evaluation.dossiers ?? 0).toBe(0);
    const province = await unitIdByCode(admin, '19');
    const view = await agencyTn.get(
      `/api/v1/dossiers/quarter-view?unitId=${province}&period=2025-Q3`,
    );
    expect(view.status).toBe(200);
    expect(view.body.area.dossiers ?? 0).toBe(0);
  });

  it("does not offer xã Đại Lãnh's campaign results as a source of xã Kim Phượng's remediation plan", async () => {
    const res = await officerKp.get(`/api/v1/units/${kimPhuong}/result-sources`);
    expect(res.status).toBe(200);
    expect(res.body.sources.length).toBeGreaterThan(0);
    expect(res.body.sources.map((s: { unitId: number }) => s.unitId)).not.toContain(daiLanh);
  });

  it("cannot be corrected or removed by Thái Nguyên's agency, which manages only one side", async () => {
    const put = await agencyTn.put(link(daiLanh, kimPhuong), {
      mergeType: 'partial',
      effectiveDate: null,
      reason: 'Thử sửa',
    });
    expect(put.status).toBe(403);
    const del = await agencyTn.request('DELETE', link(daiLanh, kimPhuong), { reason: 'Thử xóa' });
    expect(del.status).toBe(403);
    const anonymous = await h.anonymous().request('DELETE', link(daiLanh, kimPhuong), {
      reason: 'x',
    });
    expect(anonymous.status).toBe(401);
  });

  it('is corrected with a reason, audited with what it was', async () => {
    const noReason = await admin.put(link(daiLanh, kimPhuong), {
      mergeType: 'partial',
      effectiveDate: '2025-07-01',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { field: string }) => d.field)).toContain('reason');
    const res = await admin.put(link(daiLanh, kimPhuong), {
      mergeType: 'partial',
      effectiveDate: '2025-07-01',
      reason: 'Ghi nhầm: Đại Lãnh không sáp nhập toàn bộ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      predecessorId: daiLanh,
      successorId: kimPhuong,
      mergeType: 'partial',
      effectiveDate: '2025-07-01',
    });
    const lineage = await admin.get(`/api/v1/units/${kimPhuong}/lineage`);
    expect(lineage.body.predecessors.find((p: { id: number }) => p.id === daiLanh)).toMatchObject({
      mergeType: 'partial',
    });
    const audit = await auditActions(`${daiLanh}>${kimPhuong}`);
    expect(audit.find((e) => e.action === 'unit.lineage.update')?.after).toMatchObject({
      mergeType: 'partial',
      reason: 'Ghi nhầm: Đại Lãnh không sáp nhập toàn bộ',
    });
  });

  it('is removed with a reason, audited, and is then gone', async () => {
    const noReason = await admin.request('DELETE', link(daiLanh, kimPhuong), {});
    expect(noReason.status).toBe(400);
    const res = await admin.request('DELETE', link(daiLanh, kimPhuong), {
      reason: 'Hai tỉnh khác nhau, không có sáp nhập',
    });
    expect(res.status).toBe(204);
    const lineage = await admin.get(`/api/v1/units/${kimPhuong}/lineage`);
    expect(lineage.body.predecessors.map((p: { id: number }) => p.id)).not.toContain(daiLanh);
    const audit = await auditActions(`${daiLanh}>${kimPhuong}`);
    expect(audit.map((e) => e.action).sort()).toEqual([
      'unit.lineage.add',
      'unit.lineage.remove',
      'unit.lineage.update',
    ]);
    expect(audit.find((e) => e.action === 'unit.lineage.remove')?.after).toEqual({
      reason: 'Hai tỉnh khác nhau, không có sáp nhập',
    });
    const again = await admin.request('DELETE', link(daiLanh, kimPhuong), { reason: 'lần hai' });
    expect(again.status).toBe(404);
  });
});

describe('a link inside one province', () => {
  it("is recorded, corrected and removed by the province's agency, which manages both units", async () => {
    const phuongTien = await unitIdByCode(agencyTn, '05563');
    const add = await agencyTn.post('/api/v1/unit-lineage', {
      predecessorId: phuongTien,
      successorId: kimPhuong,
      mergeType: 'partial',
    });
    expect(add.status).toBe(204);
    const put = await agencyTn.put(link(phuongTien, kimPhuong), {
      mergeType: 'partial',
      effectiveDate: '2025-07-01',
      reason: 'Thêm ngày hiệu lực',
    });
    expect(put.status).toBe(200);
    const del = await agencyTn.request('DELETE', link(phuongTien, kimPhuong), {
      reason: 'Ghi nhầm',
    });
    expect(del.status).toBe(204);
    // A unit officer manages neither.
    const byOfficer = await officerKp.post('/api/v1/unit-lineage', {
      predecessorId: phuongTien,
      successorId: kimPhuong,
      mergeType: 'partial',
    });
    expect(byOfficer.status).toBe(403);
  });
});
