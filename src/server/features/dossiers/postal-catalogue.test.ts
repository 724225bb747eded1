/**
 * The postal-service catalogue of a province through the HTTP API on a real database: who may read
 * and replace it, pasted and uploaded lists with bad rows refused whole, and the seed 001 rate
 * "procedures offered by post that had dossiers" computed against it, with its dossiers listed.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let agency: Client;
let officer: Client;
let province: number;
let commune: number;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agency = await h.login('noivu.thainguyen');
  officer = await h.login('canbo.kimphuong');
  province = await unitIdByCode(admin, '19');
  commune = await unitIdByCode(admin, '05551');
});
afterAll(async () => h.close());

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = '----parindex-catalogue-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function uploadCatalogue(client: Client, unitId: number, name: string, content: Buffer) {
  const { body, headers } = multipart({ unitId: String(unitId) }, { name, content });
  return client.request('POST', '/api/v1/dossiers/postal-catalogue/file', body, headers);
}

async function xlsx(rows: Array<Array<string | null>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CATALOGUE = [
  'Mã TTHC\tTên thủ tục',
  '1.001193\tĐăng ký khai sinh',
  '2.000635\tChứng thực bản sao từ bản chính',
  '1.004946\tĐăng ký kết hôn',
  '1.003583\tXác nhận tình trạng hôn nhân',
].join('\n');

const catalogueUrl = (unitId: number) => `/api/v1/dossiers/postal-catalogue?unitId=${unitId}`;

describe('who may read and replace the catalogue', () => {
  it('lets units under the province read it and refuses everyone else', async () => {
    const empty = await agency.get(catalogueUrl(province));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ setOn: null, procedures: [], canEdit: true });

    // A commune's officer reads, but may not replace it, on the commune or the province.
    expect((await officer.get(catalogueUrl(commune))).body.canEdit).toBe(false);
    const put = (client: Client, unitId: number) =>
      client.put('/api/v1/dossiers/postal-catalogue', { unitId, text: '1.001193' });
    expect((await put(officer, commune)).status).toBe(403);
    expect((await put(officer, province)).status).toBe(403);
    expect((await officer.get(catalogueUrl(province))).status).toBe(403);
    expect(
      (await uploadCatalogue(officer, commune, 'dm.csv', Buffer.from('1.001193\n'))).status,
    ).toBe(403);
    expect((await officer.delete(catalogueUrl(commune))).status).toBe(403);

    // Another province's standing agency neither reads nor writes Thái Nguyên's.
    const khanhHoa = await h.login('noivu.khanhhoa');
    expect((await khanhHoa.get(catalogueUrl(province))).status).toBe(403);
    expect((await put(khanhHoa, province)).status).toBe(403);
    expect((await agency.get(catalogueUrl(999_999))).status).toBe(404);
    expect((await h.anonymous().get(catalogueUrl(province))).status).toBe(401);
    expect((await agency.get(catalogueUrl(province))).body.procedures).toEqual([]);
  });
});

describe('replacing the catalogue from a pasted list', () => {
  it('refuses the whole list when a row is bad, naming each row in Vietnamese', async () => {
    const res = await agency.put('/api/v1/dossiers/postal-catalogue', {
      unitId: province,
      text: ['1.001193\tĐăng ký khai sinh', '\tTên không có mã', 'khai sinh#1', '1.001193'].join(
        '\n',
      ),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Danh mục có 3 dòng lỗi; danh mục chưa được thay đổi. Hãy sửa các dòng được liệt kê rồi lưu lại.',
    );
    expect(res.body.error.details.map((d: { message: string }) => d.message)).toEqual([
      'Dòng 2: thiếu mã TTHC.',
      'Dòng 3: mã TTHC «khai» không hợp lệ (chỉ gồm chữ không dấu, chữ số và các dấu . _ - /, tối đa 50 ký tự).',
      'Dòng 4: mã TTHC «1.001193» đã có ở dòng 1.',
    ]);
    expect((await agency.get(catalogueUrl(province))).body.setOn).toBeNull();
    const blank = await agency.put('/api/v1/dossiers/postal-catalogue', {
      unitId: province,
      text: '\n  \n',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('Danh mục chưa có thủ tục nào');
  });

  it('saves a good list for the province, with an audit entry; its communes inherit it', async () => {
    const res = await agency.put('/api/v1/dossiers/postal-catalogue', {
      unitId: province,
      text: CATALOGUE,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.procedures).toHaveLength(4);
    expect(res.body.procedures[0]).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh' });

    const seen = await officer.get(catalogueUrl(commune));
    expect(seen.body).toMatchObject({ inherited: true, canEdit: false, setOn: { id: province } });
    expect(seen.body.procedures.map((p: { code: string }) => p.code)).toEqual([
      '1.001193',
      '1.003583',
      '1.004946',
      '2.000635',
    ]);

    const audit = await admin.get(`/api/v1/audit?unitId=${province}`);
    const entry = audit.body.items.find(
      (i: { action: string }) => i.action === 'dossier.postal_catalogue.replace',
    );
    expect(entry).toMatchObject({ actorName: 'noivu.thainguyen', before: null });
    expect(entry.after.codes).toHaveLength(4);
  });
});

// Kim Phượng's dossiers of Q4 2025: one of the four catalogue procedures had a postal dossier.
const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';
const DOSSIERS = [
  'BC-KP-1,1.001193,Đăng ký khai sinh,05551,05/11/2025 08:00,10/11/2025 17:00,06/11/2025 10:00,Bưu chính công ích',
  'BC-KP-2,1.001193,Đăng ký khai sinh,05551,05/11/2025 08:00,10/11/2025 17:00,06/11/2025 10:00,Trực tiếp',
  'BC-KP-3,2.000635,Chứng thực bản sao,05551,05/11/2025 08:00,10/11/2025 17:00,06/11/2025 10:00,Trực tiếp',
  'BC-KP-4,9.999001,Thủ tục ngoài danh mục,05551,05/11/2025 08:00,10/11/2025 17:00,06/11/2025 10:00,Bưu chính công ích',
];

describe('the rate of catalogue procedures that had postal dossiers', () => {
  it('gives 1 of 4 procedures = 25,0 % ("Đạt" against 25 %), with its dossiers one click away', async () => {
    const { body, headers } = multipart(
      { source: 'Bưu chính Kim Phượng' },
      { name: 'q4.csv', content: Buffer.from([HEADER, ...DOSSIERS].join('\n')) },
    );
    const started = await admin.request('POST', '/api/v1/dossiers/import', body, headers);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let job = { status: 'queued', inserted: 0 };
    for (let i = 0; i < 400 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await admin.get(`/api/v1/dossiers/jobs/${started.body.jobId}`)).body;
    }
    expect(job).toMatchObject({ status: 'succeeded', inserted: 4 });

    const unit = await officer.get(`/api/v1/dossiers/unit-result?unitId=${commune}&period=2025-Q4`);
    expect(unit.status).toBe(200);
    expect(unit.body.rates['postal-procedures']).toMatchObject({
      num: 1,
      den: 4,
      text: '25,0 %',
      basis: 'trên số TTHC trong danh mục bưu chính công ích',
      target: { text: '≥ 25 %', met: true },
    });
    // BC-KP-4's procedure is not in the catalogue: 1 postal of the 3 catalogue dossiers.
    expect(unit.body.rates['postal-dossiers']).toMatchObject({ num: 1, den: 3, text: '33,3 %' });

    const view = await agency.get(
      `/api/v1/dossiers/quarter-view?unitId=${province}&period=2025-Q4`,
    );
    expect(view.status).toBe(200);
    expect(view.body.area.rates['postal-procedures']).toMatchObject({ num: 1, den: 4 });
    const row = view.body.groups
      .flatMap((g: { rows: Array<{ unitId: number }> }) => g.rows)
      .find((r: { unitId: number }) => r.unitId === commune);
    expect(row.rates['postal-procedures']).toMatchObject({ num: 1, den: 4, text: '25,0 %' });

    const list = async (part: string, key = 'postal-procedures') =>
      (
        await officer.get(
          `/api/v1/dossiers/rates/${key}/dossiers?unitId=${commune}&period=2025-Q4&part=${part}`,
        )
      ).body.items
        .map((d: { code: string }) => d.code)
        .sort();
    expect(await list('numerator')).toEqual(['BC-KP-1']);
    expect(await list('denominator')).toEqual(['BC-KP-1', 'BC-KP-2', 'BC-KP-3']);
    expect(await list('denominator', 'postal-dossiers')).toEqual(['BC-KP-1', 'BC-KP-2', 'BC-KP-3']);
  });
});

describe('replacing the catalogue from a file', () => {
  it('refuses an XLSX file with a bad row, saying which row, and keeps the old catalogue', async () => {
    const file = await xlsx([
      ['Mã TTHC', 'Tên thủ tục'],
      ['1.001193', 'Đăng ký khai sinh'],
      [null, 'Đăng ký kết hôn'],
    ]);
    const res = await uploadCatalogue(agency, province, 'danh-muc.xlsx', file);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { row: 3, column: 'Mã TTHC', message: 'Dòng 3: thiếu mã TTHC.' },
    ]);
    expect((await agency.get(catalogueUrl(province))).body.procedures).toHaveLength(4);
    const pdf = await uploadCatalogue(agency, province, 'dm.pdf', Buffer.from('%PDF-1.4\0\0'));
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.message).toBe(
      'Tệp không phải CSV hay Excel (.xlsx); danh mục chưa được thay đổi.',
    );
  });

  it('replaces it from a CSV file, after which the rate has a new denominator', async () => {
    const res = await uploadCatalogue(
      agency,
      province,
      'danh-muc.csv',
      Buffer.from('Mã TTHC,Tên thủ tục\n1.001193,Đăng ký khai sinh\n2.000635,Chứng thực\n'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.procedures.map((p: { code: string }) => p.code)).toEqual([
      '1.001193',
      '2.000635',
    ]);
    const unit = await officer.get(`/api/v1/dossiers/unit-result?unitId=${commune}&period=2025-Q4`);
    expect(unit.body.rates['postal-procedures']).toMatchObject({ num: 1, den: 2, text: '50,0 %' });
  });

  it('removes the province catalogue: the rate has no data again', async () => {
    const res = await agency.delete(catalogueUrl(province));
    expect(res.status).toBe(200);
    expect(res.body.setOn).toBeNull();
    expect((await agency.delete(catalogueUrl(province))).status).toBe(404);
    const unit = await officer.get(`/api/v1/dossiers/unit-result?unitId=${commune}&period=2025-Q4`);
    expect(unit.body.rates['postal-procedures']).toMatchObject({
      text: 'Không có dữ liệu',
      basis: 'chưa có danh mục TTHC thực hiện qua bưu chính công ích',
    });
    // A unit under no catalogue is left out of both postal rates (nothing to measure against).
    expect(unit.body.rates['postal-dossiers']).toMatchObject({
      num: 0,
      den: 0,
      text: 'Không có dữ liệu',
      basisKey: 'no-postal-catalogue',
    });
  });
});
