/**
 * The officials a unit names by their one-stop code, through the HTTP API on a real database: who
 * may read and keep them on which unit, a code named twice, a name corrected and removed, a file
 * with bad rows refused whole with its rows and columns named, and the names reaching the
 * quarterly view that seed 003's annex is drafted from.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test-support/test-files.ts';
import {
  createHarness,
  DEMO_PASSWORD,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let officerKP: Client;
let headKP: Client;
let agencyKH: Client;
let districtOffice: Client;
let kimPhuong: number;
let daiLanh: number;
let commune: number;
let district: number;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  officerKP = await h.login('canbo.kimphuong');
  headKP = await h.login('chutich.kimphuong');
  agencyKH = await h.login('noivu.khanhhoa');
  districtOffice = await h.login('vanphong.dienbiendong', DEMO_PASSWORD);
  kimPhuong = await unitIdByCode(admin, '05551');
  daiLanh = await unitIdByCode(admin, '22504');
  district = await unitIdByCode(admin, 'H-DIENBIENDONG');
  commune = await unitIdByCode(admin, '03211');
}, 120_000);
afterAll(async () => h?.close());

const list = (client: Client, unitId: number) =>
  client.get(`/api/v1/dossiers/officials?unitId=${unitId}`);

function upload(client: Client, unitId: number, name: string, content: Buffer) {
  const { body, headers } = multipart(
    { name, content, type: 'application/octet-stream' },
    { unitId: String(unitId) },
  );
  return client.request('POST', '/api/v1/dossiers/officials/file', body, headers);
}

describe('keeping a unit’s officials', () => {
  it('lets the unit’s officer add, correct and remove a name, each audited', async () => {
    const empty = await list(officerKP, kimPhuong);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ officials: [], canEdit: true });

    const added = await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: '  KP-01 ',
      fullName: 'Nguyễn   Thị  Hòa',
    });
    expect(added.status).toBe(200);
    expect(added.body.officials).toEqual([{ code: 'KP-01', fullName: 'Nguyễn Thị Hòa' }]);

    const again = await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'KP-01',
      fullName: 'Người khác',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'Đơn vị «Xã Kim Phượng» đã có cán bộ mã «KP-01» (Nguyễn Thị Hòa); hãy sửa tên thay vì thêm mới.',
    );

    const renamed = await officerKP.put('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'KP-01',
      fullName: 'Nguyễn Thị Hoà Bình',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.officials).toEqual([{ code: 'KP-01', fullName: 'Nguyễn Thị Hoà Bình' }]);

    // The head reads the names but does not keep them.
    const read = await list(headKP, kimPhuong);
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect(read.body.officials).toHaveLength(1);

    const removed = await officerKP.delete(
      `/api/v1/dossiers/officials?unitId=${kimPhuong}&code=KP-01`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.officials).toEqual([]);

    const audit = await admin.get(`/api/v1/audit?unitId=${kimPhuong}&limit=50`);
    const actions = (audit.body.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dossier.official.add',
        'dossier.official.update',
        'dossier.official.delete',
      ]),
    );
  });

  it('names the field of a bad code or name, and saves nothing', async () => {
    const res = await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: '  ',
      fullName: 'x'.repeat(201),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'code', message: 'Thiếu mã cán bộ.' },
      { field: 'fullName', message: 'Họ và tên dài quá 200 ký tự.' },
    ]);
    const broken = await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'A\tB',
      fullName: 'Tên',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details[0].field).toBe('code');
    expect((await list(officerKP, kimPhuong)).body.officials).toEqual([]);
  });

  it('answers 404 for a name never recorded and for a unit that does not exist', async () => {
    const rename = await officerKP.put('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'KHONG-CO',
      fullName: 'Ai đó',
    });
    expect(rename.status).toBe(404);
    expect(rename.body.error.message).toBe(
      'Đơn vị «Xã Kim Phượng» chưa ghi tên cán bộ mã «KHONG-CO».',
    );
    const remove = await officerKP.delete(
      `/api/v1/dossiers/officials?unitId=${kimPhuong}&code=KHONG-CO`,
    );
    expect(remove.status).toBe(404);
    expect((await list(admin, 2_000_000_000)).status).toBe(404);
  });

  it('refuses (403) those who may not keep or read that unit’s officials', async () => {
    const body = (unitId: number) => ({ unitId, code: 'X-1', fullName: 'Cán bộ thử' });
    // An officer on another province's commune.
    expect((await officerKP.post('/api/v1/dossiers/officials', body(daiLanh))).status).toBe(403);
    expect((await list(officerKP, daiLanh)).status).toBe(403);
    // The unit's head reads but does not keep.
    expect((await headKP.post('/api/v1/dossiers/officials', body(kimPhuong))).status).toBe(403);
    expect(
      (await headKP.delete(`/api/v1/dossiers/officials?unitId=${kimPhuong}&code=X-1`)).status,
    ).toBe(403);
    // Another province's agency.
    expect((await agencyKH.put('/api/v1/dossiers/officials', body(kimPhuong))).status).toBe(403);
    const file = await upload(headKP, kimPhuong, 'can-bo.csv', Buffer.from('X-1,Cán bộ thử\n'));
    expect(file.status).toBe(403);
    expect((await list(officerKP, kimPhuong)).body.officials).toEqual([]);
  });
});

describe('naming officials from a file', () => {
  it('refuses a file with bad rows whole, naming each row and column in Vietnamese', async () => {
    const csv = [
      'Mã cán bộ,Họ và tên',
      'KP-01,Hoàng Văn Nam',
      ',Thiếu Mã',
      'KP-02,',
      'KP-01,Lặp Lại',
      `KP-03,${'y'.repeat(201)}`,
    ].join('\n');
    const res = await upload(officerKP, kimPhuong, 'can-bo.csv', Buffer.from(csv));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Tệp có 4 lỗi; danh sách cán bộ chưa được thay đổi. Hãy sửa các dòng được liệt kê rồi tải lên lại.',
    );
    expect(res.body.error.details).toEqual([
      { row: 3, column: 'Mã cán bộ', message: 'Dòng 3, cột «Mã cán bộ»: thiếu mã cán bộ.' },
      { row: 4, column: 'Họ và tên', message: 'Dòng 4, cột «Họ và tên»: thiếu họ và tên.' },
      {
        row: 5,
        column: 'Mã cán bộ',
        message: 'Dòng 5, cột «Mã cán bộ»: mã cán bộ «KP-01» đã có ở dòng 2.',
      },
      {
        row: 6,
        column: 'Họ và tên',
        message: 'Dòng 6, cột «Họ và tên»: họ và tên dài quá 200 ký tự.',
      },
    ]);
    expect((await list(officerKP, kimPhuong)).body.officials).toEqual([]);
  });

  it('adds new codes and renames known ones from an Excel file, keeping the others', async () => {
    await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'KP-09',
      fullName: 'Giữ Nguyên',
    });
    await officerKP.post('/api/v1/dossiers/officials', {
      unitId: kimPhuong,
      code: 'KP-01',
      fullName: 'Tên Cũ',
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(['Mã cán bộ', 'Họ và tên']);
    ws.addRow(['KP-01', 'Hoàng Văn Nam']);
    ws.addRow([]);
    ws.addRow(['KP-02', 'Đinh Thị Lan']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(officerKP, kimPhuong, 'can-bo.xlsx', content);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.officials).toEqual([
      { code: 'KP-01', fullName: 'Hoàng Văn Nam' },
      { code: 'KP-02', fullName: 'Đinh Thị Lan' },
      { code: 'KP-09', fullName: 'Giữ Nguyên' },
    ]);
  });

  it('refuses a file that is neither CSV nor Excel', async () => {
    const res = await upload(
      officerKP,
      kimPhuong,
      'anh.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
    );
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe(
      'Tệp không phải CSV hay Excel (.xlsx); danh sách cán bộ chưa được thay đổi.',
    );
  });
});

describe('names in the quarterly view seed 003 is drafted from', () => {
  it('prints a corrected name, and the code again once the name is removed', async () => {
    const view = async () =>
      (await districtOffice.get(`/api/v1/dossiers/quarter-view?unitId=${district}&period=2021-Q2`))
        .body.officials as Array<{ officialCode: string; officialName: string | null }>;
    const before = await view();
    expect(before.find((o) => o.officialCode === 'CB-03211-1')?.officialName).toBe('Sùng A Páo');

    const renamed = await districtOffice.put('/api/v1/dossiers/officials', {
      unitId: commune,
      code: 'CB-03211-1',
      fullName: 'Sùng A Pao',
    });
    expect(renamed.status).toBe(200);
    expect((await view()).find((o) => o.officialCode === 'CB-03211-1')?.officialName).toBe(
      'Sùng A Pao',
    );

    const removed = await districtOffice.delete(
      `/api/v1/dossiers/officials?unitId=${commune}&code=CB-03211-2`,
    );
    expect(removed.status).toBe(200);
    // The code of the commune's dossiers is offered to be named again.
    expect(removed.body.unnamedCodes).toEqual(['CB-03211-2']);
    expect((await view()).find((o) => o.officialCode === 'CB-03211-2')?.officialName).toBeNull();
  });
});
