import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let khanhHoa: Client;
let officer: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  khanhHoa = await h.login('noivu.khanhhoa');
  officer = await h.login('canbo.kimphuong');
});
afterAll(async () => h?.close());

interface UnitItem {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

describe('the official list', () => {
  it('has the 34 provinces and 3,321 communes in force today', async () => {
    const provinces = await officer.get('/api/v1/units?parentId=root&current=true&limit=200');
    expect(provinces.body.total).toBe(34);
    const [{ n } = { n: 0 }] = await h.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM units WHERE kind IN ('commune', 'ward', 'special_zone') AND valid_to IS NULL",
    );
    expect(n).toBe(3321);
  });

  it('returns units with the documented fields, past units marked by validTo', async () => {
    const res = await officer.get('/api/v1/units?q=quy%20ky');
    expect(res.status).toBe(200);
    const quyKy = (res.body.items as UnitItem[]).find((u) => u.code === '05545');
    expect(quyKy).toMatchObject({
      code: '05545',
      name: 'Xã Quy Kỳ',
      kind: 'commune',
      validTo: '2025-06-30',
    });
    expect(Object.keys(quyKy!)).toEqual(
      expect.arrayContaining(['id', 'code', 'name', 'kind', 'parentId', 'validFrom', 'validTo']),
    );
  });
});

describe('search ignores diacritics and case', () => {
  it.each([
    ['quy ky', 'Xã Quy Kỳ'],
    ['QUY KỲ', 'Xã Quy Kỳ'],
    ['dai lanh', 'Xã Đại Lãnh'],
    ['kim phuong', 'Xã Kim Phượng'],
  ])('"%s" finds %s', async (q, name) => {
    const res = await officer.get(`/api/v1/units?q=${encodeURIComponent(q)}`);
    expect((res.body.items as UnitItem[]).map((u) => u.name)).toContain(name);
  });

  it('finds by code prefix, and only current units when asked', async () => {
    const all = await officer.get('/api/v1/units?q=05551');
    expect((all.body.items as UnitItem[]).filter((u) => u.code === '05551')).toHaveLength(2); // the old and the new xã Kim Phượng
    const current = await officer.get('/api/v1/units?q=05551&current=true');
    expect((current.body.items as UnitItem[]).map((u) => [u.code, u.validTo])).toEqual([
      ['05551', null],
    ]);
  });

  it('refuses an over-long query with a message naming the field', async () => {
    const res = await officer.get(`/api/v1/units?q=${'a'.repeat(300)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({
      field: 'q',
      message: 'Trường «q» chỉ được tối đa 100 ký tự.',
    });
  });
});

describe('lineage', () => {
  it("finds xã Quy Kỳ as a predecessor of today's xã Kim Phượng", async () => {
    const id = await unitIdByCode(officer, '05551');
    const res = await officer.get(`/api/v1/units/${id}/lineage`);
    expect(res.status).toBe(200);
    const preds = (res.body.predecessors as Array<UnitItem & { mergeType: string }>).map((p) => [
      p.code,
      p.name,
      p.mergeType,
    ]);
    expect(preds).toEqual(
      expect.arrayContaining([
        ['05545', 'Xã Quy Kỳ', 'full'],
        ['05551', 'Xã Kim Phượng', 'full'],
      ]),
    );
    expect(res.body.successors).toEqual([]);
  });

  it('follows a past unit to its successor', async () => {
    const quyKy = (await officer.get('/api/v1/units?q=quy ky')).body.items.find(
      (u: UnitItem) => u.code === '05545',
    );
    const res = await officer.get(`/api/v1/units/${quyKy.id}/lineage`);
    expect(res.body.successors.map((s: UnitItem) => s.name)).toEqual(['Xã Kim Phượng']);
  });

  it('places the demo districts before 2025 with their communes', async () => {
    const quyKy = (await officer.get('/api/v1/units?q=quy ky')).body.items.find(
      (u: UnitItem) => u.code === '05545',
    );
    const detail = await officer.get(`/api/v1/units/${quyKy.id}`);
    expect(detail.body.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Thái Nguyên',
      'Huyện Định Hóa',
    ]);
    const baoYen = (await officer.get('/api/v1/units?q=huyen bao yen')).body.items[0];
    const children = await officer.get(`/api/v1/units?parentId=${baoYen.id}&limit=100`);
    const kinds = (children.body.items as UnitItem[]).map((u) => u.kind);
    expect(kinds.filter((k) => k === 'district_office')).toHaveLength(12);
    expect(kinds.filter((k) => k !== 'district_office')).toHaveLength(17);
  });
});

describe('adding and editing units', () => {
  it('lets the standing agency add a department under its province, with validity dates, audited', async () => {
    const province = await unitIdByCode(khanhHoa, '56');
    const res = await khanhHoa.post('/api/v1/units', {
      code: 'SNV-56',
      name: 'Sở Nội vụ tỉnh Khánh Hòa',
      kind: 'province_department',
      parentId: province,
      validFrom: '2025-07-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'SNV-56',
      parentId: province,
      validFrom: '2025-07-01',
      validTo: null,
    });
    const audit = await admin.get(`/api/v1/audit?unitId=${res.body.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'unit.create',
      actorName: 'noivu.khanhhoa',
    });
  });

  it("refuses a unit under a province outside the actor's scope", async () => {
    const thaiNguyen = await unitIdByCode(khanhHoa, '19');
    const res = await khanhHoa.post('/api/v1/units', {
      code: 'X-1',
      name: 'Ngoài phạm vi',
      kind: 'other',
      parentId: thaiNguyen,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Bạn không có quyền thực hiện thao tác này trên đơn vị «Tỉnh Thái Nguyên».',
    );
  });

  it('refuses every change to a commune officer', async () => {
    const kimPhuong = await unitIdByCode(officer, '05551');
    const res = await officer.post('/api/v1/units', {
      code: 'X-2',
      name: 'Thôn',
      kind: 'other',
      parentId: kimPhuong,
    });
    expect(res.status).toBe(403);
  });

  it('refuses a duplicate code in the same period, but accepts it for another period', async () => {
    const province = await unitIdByCode(admin, '56');
    const dup = await admin.post('/api/v1/units', {
      code: '22504',
      name: 'Trùng mã',
      kind: 'commune',
      parentId: province,
      validFrom: '2026-01-01',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0]).toEqual({
      field: 'code',
      message: 'Mã đơn vị «22504» đã được dùng cho «Xã Đại Lãnh» trong cùng thời gian hiệu lực.',
    });
    const current = await admin.post('/api/v1/units', {
      code: 'DUP-1',
      name: 'Ban mới',
      kind: 'other',
      parentId: province,
      validFrom: '2025-07-01',
    });
    expect(current.status).toBe(201);
    const past = await admin.post('/api/v1/units', {
      code: 'DUP-1',
      name: 'Ban cũ',
      kind: 'other',
      parentId: province,
      validFrom: '2000-01-01',
      validTo: '2025-06-30',
    });
    expect(past.status).toBe(201);
    const overlapping = await admin.post('/api/v1/units', {
      code: 'DUP-1',
      name: 'Ban trùng',
      kind: 'other',
      parentId: province,
      validFrom: '2025-06-30',
    });
    expect(overlapping.status).toBe(409);
  });

  it('refuses a unit kind that does not exist and an end before the start', async () => {
    const province = await unitIdByCode(admin, '56');
    const kind = await admin.post('/api/v1/units', {
      code: 'K-1',
      name: 'A',
      kind: 'galaxy',
      parentId: province,
    });
    expect(kind.status).toBe(400);
    expect(kind.body.error.details[0].field).toBe('kind');
    const dates = await admin.post('/api/v1/units', {
      code: 'K-2',
      name: 'A',
      kind: 'other',
      parentId: province,
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.details[0]).toEqual({
      field: 'validTo',
      message: 'Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
    });
  });

  it('moves a unit with its subtree and refuses a cycle', async () => {
    const province = await unitIdByCode(admin, '56');
    const a = (
      await admin.post('/api/v1/units', {
        code: 'MV-A',
        name: 'Khối A',
        kind: 'other',
        parentId: province,
      })
    ).body;
    const b = (
      await admin.post('/api/v1/units', {
        code: 'MV-B',
        name: 'Khối B',
        kind: 'other',
        parentId: a.id,
      })
    ).body;
    const c = (
      await admin.post('/api/v1/units', {
        code: 'MV-C',
        name: 'Khối C',
        kind: 'other',
        parentId: b.id,
      })
    ).body;
    const cycle = await admin.put(`/api/v1/units/${a.id}`, {
      ...pick(a),
      parentId: c.id,
      version: a.version,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toBe(
      'Không thể đặt «Khối A» vào bên trong chính nó hoặc đơn vị cấp dưới của nó.',
    );
    const moved = await admin.put(`/api/v1/units/${b.id}`, {
      ...pick(b),
      parentId: province,
      version: b.version,
    });
    expect(moved.status).toBe(200);
    const detail = await admin.get(`/api/v1/units/${c.id}`);
    expect(detail.body.ancestors.map((x: { name: string }) => x.name)).toEqual([
      'Tỉnh Khánh Hòa',
      'Khối B',
    ]);
  });

  it('refuses a stale edit instead of losing the other one', async () => {
    const province = await unitIdByCode(admin, '56');
    const u = (
      await admin.post('/api/v1/units', {
        code: 'VER-1',
        name: 'Bản 1',
        kind: 'other',
        parentId: province,
      })
    ).body;
    expect(
      (await admin.put(`/api/v1/units/${u.id}`, { ...pick(u), name: 'Bản 2', version: u.version }))
        .status,
    ).toBe(200);
    const stale = await admin.put(`/api/v1/units/${u.id}`, {
      ...pick(u),
      name: 'Bản 3',
      version: u.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      'Dữ liệu đã bị người khác thay đổi. Hãy tải lại trang rồi thử lại.',
    );
  });

  it('records a merger and shows it in the lineage of both units', async () => {
    const province = await unitIdByCode(admin, '56');
    const old = (
      await admin.post('/api/v1/units', {
        code: 'OLD-1',
        name: 'Phòng cũ',
        kind: 'other',
        parentId: province,
        validTo: '2025-06-30',
      })
    ).body;
    const neu = (
      await admin.post('/api/v1/units', {
        code: 'NEW-1',
        name: 'Phòng mới',
        kind: 'other',
        parentId: province,
        validFrom: '2025-07-01',
      })
    ).body;
    expect(
      (
        await admin.post('/api/v1/unit-lineage', {
          predecessorId: old.id,
          successorId: neu.id,
          mergeType: 'partial',
          effectiveDate: '2025-07-01',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await admin.post('/api/v1/unit-lineage', {
          predecessorId: old.id,
          successorId: neu.id,
          mergeType: 'partial',
        })
      ).status,
    ).toBe(409);
    const lineage = await admin.get(`/api/v1/units/${neu.id}/lineage`);
    expect(lineage.body.predecessors).toMatchObject([
      { code: 'OLD-1', mergeType: 'partial', effectiveDate: '2025-07-01' },
    ]);
  });
});

describe('importing units from CSV', () => {
  const upload = (client: Client, content: string | Buffer, filename = 'units.csv') => {
    const boundary = '----parindex-test';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request('POST', '/api/v1/units/import', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };

  it('imports a valid file, parents before children, in one go', async () => {
    const csv =
      'code,name,kind,parent_code,valid_from,valid_to\nIMP-P,Ban Chỉ đạo CCHC,other,56,01/07/2025,\nIMP-C,Tổ giúp việc,other,IMP-P,2025-07-01,\n';
    const res = await upload(admin, csv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2 });
    const child = (await admin.get('/api/v1/units?q=IMP-C')).body.items[0];
    expect(child.parentName).toBe('Ban Chỉ đạo CCHC');
  });

  it('refuses a file with one bad row, names row and column, and imports nothing', async () => {
    const csv = [
      'mã,tên,loại,mã cấp trên,hiệu lực từ',
      'BAD-1,Đơn vị tốt,other,56,01/07/2025',
      'BAD-2,Đơn vị ngày sai,other,56,31/02/2025',
      'BAD-3,Đơn vị cha lạ,other,NOPE,',
      'BAD-1,Trùng mã,other,56,',
    ].join('\n');
    const res = await upload(admin, csv);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp nhập có 3 dòng lỗi; chưa có dữ liệu nào được nhập.');
    expect(res.body.error.details).toEqual([
      {
        row: 3,
        column: 'hiệu lực từ',
        message: 'ngày «31/02/2025» không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)',
      },
      { row: 5, column: 'mã', message: 'mã «BAD-1» bị trùng với dòng 2' },
      { row: 4, column: 'mã cấp trên', message: 'không tìm thấy đơn vị cấp trên có mã «NOPE»' },
    ]);
    expect((await admin.get('/api/v1/units?q=BAD-1')).body.total).toBe(0);
  });

  it('refuses a parent cycle inside the file', async () => {
    const res = await upload(
      admin,
      'code,name,kind,parent_code\nCY-A,A,other,CY-B\nCY-B,B,other,CY-A\n',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { row: number }) => d.row)).toEqual([2, 3]);
  });

  it('refuses an empty file, a file without the required columns, and a binary file', async () => {
    expect((await upload(admin, '')).body.error.message).toBe(
      'Tệp nhập không có dòng dữ liệu nào.',
    );
    expect((await upload(admin, 'code,name\nA,B\n')).body.error.message).toBe(
      'Tệp nhập thiếu cột: kind.',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await upload(admin, png, 'units.csv');
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe('Tệp nhập không phải tệp CSV văn bản (UTF-8).');
  });

  it('refuses the import to someone without the right', async () => {
    expect((await upload(khanhHoa, 'code,name,kind\nZ,Z,other\n')).status).toBe(403);
  });
});

function pick(u: UnitItem) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
  };
}
