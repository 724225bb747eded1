/**
 * SIPAS questionnaires as Excel workbooks, through the HTTP API: one row per question with
 * Vietnamese headers, export then import gives the same questionnaire, a bad file is refused with
 * its sheet, row and column and nothing is saved, the file type is read from the content, and only
 * those who manage surveys may do any of it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let officer: Client;
let defaultId: number;
let exported: Buffer;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(filename: string, content: Buffer) {
  const boundary = '----parindex-questionnaire';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(client: Client, filename: string, content: Buffer) {
  const { body, headers } = multipart(filename, content);
  return client.request('POST', '/api/v1/sipas/questionnaires/import', body, headers);
}

async function count(): Promise<number> {
  const rows = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sipas_questionnaires',
  );
  return rows[0]!.n;
}

/** The exported workbook, changed by `edit`, as bytes again. */
async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function setVersion(wb: ExcelJS.Workbook, version: string): void {
  wb.getWorksheet('Thông tin')!.eachRow((row) => {
    if (row.getCell(1).value === 'Phiên bản') row.getCell(2).value = version;
  });
}

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  officer = await h.login('canbo.dailanh');
  const list = await agency.get('/api/v1/sipas/questionnaires');
  defaultId = list.body.items.find(
    (q: { code: string; version: string }) => q.code === 'sipas-bnv-2023' && q.version === '2023.1',
  ).id;
  const res = await agency.get(`/api/v1/sipas/questionnaires/${defaultId}/export.xlsx`);
  expect(res.status).toBe(200);
  exported = res.raw;
});

afterAll(async () => {
  await h?.close();
});

describe('Excel export and import of a questionnaire', () => {
  it('writes one row per question under Vietnamese headers', async () => {
    const res = await agency.get(`/api/v1/sipas/questionnaires/${defaultId}/export.xlsx`);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="sipas-bnv-2023-2023.1.xlsx"; filename*=UTF-8''sipas-bnv-2023-2023.1.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Câu hỏi')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Thứ tự',
      'Mã yếu tố',
      'Tên yếu tố',
      'Mã câu hỏi',
      'Nội dung câu hỏi',
      'Loại câu hỏi',
      'Thang đo',
      'Bắt buộc',
      'Cho chọn «Không trả lời»',
    ]);
    // 16 questions of the five elements (3 + 4 + 3 + 3 + 3), then the overall question.
    expect(ws.actualRowCount).toBe(1 + 16 + 1);
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      1,
      'access',
      'Tiếp cận dịch vụ',
      '1.1',
      'Ông/Bà hài lòng thế nào về việc tìm hiểu thông tin về thủ tục hành chính (niêm yết tại nơi tiếp nhận, Cổng dịch vụ công, tổng đài hỗ trợ)?',
      'yếu tố',
    ]);
    expect(ws.getRow(18).getCell(4).value).toBe('TQ');
    expect(ws.getRow(18).getCell(6).value).toBe('đánh giá chung');
    expect(wb.getWorksheet('Thông tin người trả lời')!.actualRowCount).toBe(1 + 2 + 5 + 2 + 3);
  });

  it('imports the export back as the same questionnaire, under a new version', async () => {
    const before = await count();
    // The same code and version is refused: a version is never overwritten by an import.
    const same = await upload(agency, 'mau-phieu.xlsx', exported);
    expect(same.status).toBe(409);
    expect(same.body.error.message).toBe(
      'Mẫu phiếu sipas-bnv-2023 phiên bản 2023.1 đã có; hãy đặt số phiên bản mới.',
    );
    const res = await upload(
      agency,
      'mau-phieu.xlsx',
      await edited((wb) => setVersion(wb, '2026.1')),
    );
    expect(res.status).toBe(201);
    expect(await count()).toBe(before + 1);
    const original = await agency.get(`/api/v1/sipas/questionnaires/${defaultId}`);
    const copy = await agency.get(`/api/v1/sipas/questionnaires/${res.body.id}`);
    expect(copy.body.document).toEqual({ ...original.body.document, version: '2026.1' });
  });

  it('refuses a workbook with mistakes, naming sheet, row and column, and saves nothing', async () => {
    const before = await count();
    const file = await edited((wb) => {
      setVersion(wb, '2026.bad');
      const ws = wb.getWorksheet('Câu hỏi')!;
      ws.getRow(3).getCell(2).value = 'thu-tuc'; // not an element
      ws.getRow(5).getCell(5).value = ''; // empty question text
      ws.getRow(7).getCell(4).value = '1.1'; // the code of row 2
    });
    const res = await upload(agency, 'mau-phieu.xlsx', file);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp Excel có 3 lỗi; chưa có dữ liệu nào được lưu.');
    expect(res.body.error.details).toEqual([
      {
        sheet: 'Câu hỏi',
        row: 3,
        column: 'B (Mã yếu tố)',
        message:
          'giá trị «thu-tuc» không hợp lệ; dùng: access, procedure, civil-servant, result, feedback (hoặc 1–5)',
      },
      { sheet: 'Câu hỏi', row: 5, column: 'E (Nội dung câu hỏi)', message: 'thiếu giá trị' },
      {
        sheet: 'Câu hỏi',
        row: 7,
        column: 'D (Mã câu hỏi)',
        message: 'mã «1.1» bị trùng với dòng 2',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('names a missing overall question and a missing version', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('Câu hỏi')!.spliceRows(18, 1);
      const info = wb.getWorksheet('Thông tin')!;
      info.eachRow((row, r) => {
        if (row.getCell(1).value === 'Phiên bản') info.spliceRows(r, 1);
      });
    });
    const res = await upload(agency, 'mau-phieu.xlsx', file);
    expect(res.status).toBe(400);
    const messages = res.body.error.details.map(
      (d: { sheet: string; message: string }) => `${d.sheet}: ${d.message}`,
    );
    expect(messages).toContain(
      'Câu hỏi: chưa có câu hỏi đánh giá chung: cần một dòng có «Loại câu hỏi» là «đánh giá chung»',
    );
    expect(messages).toContain('Thông tin: thiếu dòng «Phiên bản»');
  });

  it('tells the file type by its content, and refuses empty files', async () => {
    const before = await count();
    const text = await upload(agency, 'mau-phieu.xlsx', Buffer.from('Mã yếu tố;Mã câu hỏi\n'));
    expect(text.status).toBe(415);
    expect(text.body.error.message).toBe(
      'Tệp không phải bảng tính Excel (.xlsx) hay tệp JSON của mẫu phiếu; chưa có gì được lưu.',
    );
    const pdf = await upload(agency, 'mau-phieu.json', Buffer.from('%PDF-1.7\n%âãÏÓ\n'));
    expect(pdf.status).toBe(415);
    const empty = await upload(agency, 'mau-phieu.xlsx', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Tệp nhập không có dòng dữ liệu nào.');
    const headersOnly = await edited((wb) => {
      const ws = wb.getWorksheet('Câu hỏi')!;
      ws.eachRow((row, r) => {
        if (r > 1) row.eachCell((cell) => (cell.value = null));
      });
    });
    const noRows = await upload(agency, 'mau-phieu.xlsx', headersOnly);
    expect(noRows.status).toBe(400);
    expect(noRows.body.error.message).toBe('Trang «Câu hỏi» không có dữ liệu.');
    expect(await count()).toBe(before);
  });
});

describe('saving from the editor', () => {
  it('changes an unused version in place; a version a survey uses only as a new version', async () => {
    const created = await agency.post('/api/v1/sipas/questionnaires', {
      document: {
        ...(await agency.get(`/api/v1/sipas/questionnaires/${defaultId}`)).body.document,
        version: '2026.edit',
      },
    });
    expect(created.status).toBe(201);
    const document = { ...created.body.document, name: 'Phiếu khảo sát đã sửa' };
    const updated = await agency.put(`/api/v1/sipas/questionnaires/${created.body.id}`, {
      document,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe('Phiếu khảo sát đã sửa');
    // The default questionnaire is used by the demo survey (with its 40 answers).
    const inUse = await agency.put(`/api/v1/sipas/questionnaires/${defaultId}`, {
      document: { ...document, version: '2023.1' },
    });
    expect(inUse.status).toBe(409);
    const stored = await agency.get(`/api/v1/sipas/questionnaires/${defaultId}`);
    expect(stored.body.name).not.toBe('Phiếu khảo sát đã sửa');
  });
});

describe('who may', () => {
  it('refuses a unit officer and anyone signed out', async () => {
    const before = await count();
    const file = await edited((wb) => setVersion(wb, '2026.officer'));
    expect(
      (await officer.get(`/api/v1/sipas/questionnaires/${defaultId}/export.xlsx`)).status,
    ).toBe(403);
    expect((await upload(officer, 'mau-phieu.xlsx', file)).status).toBe(403);
    const anonymous = h.anonymous();
    expect(
      (await anonymous.get(`/api/v1/sipas/questionnaires/${defaultId}/export.xlsx`)).status,
    ).toBe(401);
    expect((await upload(anonymous, 'mau-phieu.xlsx', file)).status).toBe(401);
    expect(await count()).toBe(before);
  });
});
