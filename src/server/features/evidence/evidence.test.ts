import { readdirSync, existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../http/session.ts';
import {
  multipart,
  sampleDocx,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleText,
  sampleXlsx,
} from '../../test-support/test-files.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let h: Harness;
let officer: Client; // unit_officer of xã Kim Phượng (Thái Nguyên)
let head: Client; // unit_head of xã Kim Phượng
let appraiser: Client; // appraiser of the province of Thái Nguyên
let otherOfficer: Client; // unit_officer of xã Đại Lãnh (Khánh Hòa)
let enumerator: Client; // enumerator: no right on evidence
let kimPhuong: number;
let daiLanh: number;

beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('canbo.kimphuong');
  head = await h.login('chutich.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  otherOfficer = await h.login('canbo.dailanh');
  enumerator = await h.login('dieutra.dailanh');
  kimPhuong = await unitIdByCode(officer, '05551');
  daiLanh = await unitIdByCode(otherOfficer, '22504');
});
afterAll(async () => h?.close());

/** Every stored or half-stored file under a data directory. */
function filesUnder(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dataDir, full));
    }
  };
  walk(path.join(dataDir, 'files'));
  walk(path.join(dataDir, 'uploads'));
  return out.sort();
}

async function countRows(harness: Harness): Promise<{ documents: number; versions: number }> {
  const [row] = await harness.deps.db.query<{ documents: number; versions: number }>(
    `SELECT (SELECT count(*)::int FROM evidence_documents) AS documents,
            (SELECT count(*)::int FROM evidence_versions) AS versions`,
  );
  return row!;
}

function upload(
  client: Client,
  unitId: number,
  name: string,
  content: Buffer,
  fields: Record<string, string> = {},
  options: { fieldsAfter?: boolean } = {},
) {
  const { body, headers } = multipart({ name, content }, fields, options);
  return client.request('POST', `/api/v1/units/${unitId}/evidence`, body, headers);
}

function uploadVersion(client: Client, id: number, name: string, content: Buffer) {
  const { body, headers } = multipart({ name, content });
  return client.request('POST', `/api/v1/evidence/${id}/versions`, body, headers);
}

describe('uploading evidence', () => {
  it('stores a PDF with its metadata and returns the document', async () => {
    const res = await upload(officer, kimPhuong, 'ke-hoach-cchc-2026.pdf', samplePdf(), {
      number: 'Số: 87/KH-UBND',
      type: 'plan',
      issuedOn: '15/01/2026',
      issuer: 'UBND xã Kim Phượng',
      summary: 'Kế hoạch cải cách hành chính năm 2026',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      unitId: kimPhuong,
      unitName: 'Xã Kim Phượng',
      number: '87/KH-UBND',
      type: 'plan',
      issuedOn: '2026-01-15',
      issuer: 'UBND xã Kim Phượng',
      summary: 'Kế hoạch cải cách hành chính năm 2026',
      currentVersion: 1,
      duplicate: false,
      notice: null,
      permissions: { write: true },
      file: {
        versionNo: 1,
        filename: 'ke-hoach-cchc-2026.pdf',
        mediaType: 'application/pdf',
        size: samplePdf().length,
        uploadedBy: 'Công chức CCHC xã Kim Phượng (demo)',
      },
    });
    expect(res.body.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.versions).toHaveLength(1);
  });

  it.each([
    ['anh-hop.png', samplePng([1, 2, 3]), 'image/png'],
    ['anh-hien-truong.jpg', sampleJpeg(), 'image/jpeg'],
    ['bao-cao.docx', sampleDocx(), DOCX],
  ])('accepts %s as %s', async (name, content, mediaType) => {
    const res = await upload(officer, kimPhuong, name, content);
    expect(res.status).toBe(201);
    expect(res.body.file.mediaType).toBe(mediaType);
    expect(res.body.summary).toBe(name.replace(/\.\w+$/, ''));
    expect(res.body.type).toBe('other');
  });

  it('accepts an Excel workbook written by Excel tools', async () => {
    const res = await upload(head, kimPhuong, 'so-lieu.xlsx', await sampleXlsx(), {
      type: 'report',
    });
    expect(res.status).toBe(201);
    expect(res.body.file.mediaType).toBe(XLSX);
  });

  it('judges the type by content: a PNG named .pdf is stored and served as a PNG', async () => {
    const res = await upload(officer, kimPhuong, 'bien-ban.pdf', samplePng([9, 9, 9]));
    expect(res.status).toBe(201);
    expect(res.body.file.mediaType).toBe('image/png');
    const file = await officer.get(`/api/v1/evidence/${res.body.id}/download`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain('filename="bien-ban.png"');
  });

  it.each([
    ['a program', 'quyet-dinh.pdf', sampleExe()],
    ['a web page', 'quyet-dinh.pdf', sampleHtml()],
    ['plain text', 'quyet-dinh.pdf', sampleText()],
    ['a zip that is not an Office file', 'bang-tinh.xlsx', Buffer.from('PK\x03\x04junk', 'latin1')],
  ])(
    'refuses %s renamed with 415 and a Vietnamese message, storing nothing',
    async (_, name, content) => {
      const before = { files: filesUnder(h.deps.config.dataDir), rows: await countRows(h) };
      const res = await upload(officer, kimPhuong, name, content);
      expect(res.status).toBe(415);
      expect(res.body.error).toEqual({
        code: 'evidence_type_refused',
        message: `Tệp «${name}» không phải PDF, Word (.docx), Excel (.xlsx), ảnh JPG hay PNG (nhận biết theo nội dung tệp, không theo tên); tệp không được lưu.`,
      });
      expect(filesUnder(h.deps.config.dataDir)).toEqual(before.files);
      expect(await countRows(h)).toEqual(before.rows);
    },
  );

  it('refuses an empty file', async () => {
    const before = filesUnder(h.deps.config.dataDir);
    const res = await upload(officer, kimPhuong, 'rong.pdf', Buffer.alloc(0));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp «rong.pdf» rỗng (0 byte); hãy chọn lại tệp.');
    expect(filesUnder(h.deps.config.dataDir)).toEqual(before);
  });

  it('refuses a form without a file, and bad metadata naming the field (nothing stored)', async () => {
    const { body, headers } = multipart(null, { summary: 'Không có tệp' });
    const noFile = await officer.request(
      'POST',
      `/api/v1/units/${kimPhuong}/evidence`,
      body,
      headers,
    );
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toBe('Thiếu tệp đính kèm (trường «file»).');

    const before = { files: filesUnder(h.deps.config.dataDir), rows: await countRows(h) };
    const badDate = await upload(officer, kimPhuong, 'x.pdf', samplePdf('bad date'), {
      issuedOn: '31/02/2026',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details).toEqual([
      { field: 'issuedOn', message: 'Trường «issuedOn» không đúng định dạng.' },
    ]);
    const badType = await upload(
      officer,
      kimPhuong,
      'x.pdf',
      samplePdf('bad type'),
      { type: 'poem' },
      { fieldsAfter: true },
    );
    expect(badType.status).toBe(400);
    expect(badType.body.error.details[0].field).toBe('type');
    expect(filesUnder(h.deps.config.dataDir)).toEqual(before.files);
    expect(await countRows(h)).toEqual(before.rows);
  });

  it('reads metadata fields sent after the file too', async () => {
    const res = await upload(
      officer,
      kimPhuong,
      'cong-van.pdf',
      samplePdf('fields after'),
      { number: '12/UBND-VP', type: 'official_letter' },
      { fieldsAfter: true },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: '12/UBND-VP', type: 'official_letter' });
  });

  it('refuses two files in one upload, keeping neither', async () => {
    const before = { files: filesUnder(h.deps.config.dataDir), rows: await countRows(h) };
    const first = multipart({ name: 'a.pdf', content: samplePdf('first of two') });
    const second = multipart({ name: 'b.pdf', content: samplePdf('second of two') });
    // Both file parts, one closing boundary.
    const body = Buffer.concat([
      first.body.subarray(0, first.body.lastIndexOf('------parindex-evidence-test--')),
      second.body,
    ]);
    const res = await officer.request(
      'POST',
      `/api/v1/units/${kimPhuong}/evidence`,
      body,
      first.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Mỗi lần chỉ tải lên một tệp.');
    expect(filesUnder(h.deps.config.dataDir)).toEqual(before.files);
    expect(await countRows(h)).toEqual(before.rows);
  });

  it('refuses a request that is not multipart', async () => {
    const res = await officer.post(`/api/v1/units/${kimPhuong}/evidence`, { file: 'x' });
    expect(res.status).toBe(415);
  });
});

describe('de-duplication', () => {
  it('keeps one copy per unit and points a second upload at the first', async () => {
    const content = samplePdf('duplicate check');
    const first = await upload(officer, kimPhuong, 'quyet-dinh-12.pdf', content, {
      summary: 'Quyết định kiện toàn tổ CCHC',
    });
    expect(first.status).toBe(201);
    const files = filesUnder(h.deps.config.dataDir);
    const second = await upload(head, kimPhuong, 'ban-sao.pdf', content, { summary: 'Bản sao' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      id: first.body.id,
      duplicate: true,
      summary: 'Quyết định kiện toàn tổ CCHC',
      notice:
        'Tệp này đã có trong thư viện tài liệu của đơn vị: «Quyết định kiện toàn tổ CCHC» (phiên bản 1); không lưu thêm bản trùng.',
    });
    expect(filesUnder(h.deps.config.dataDir)).toEqual(files);
  });

  it('stores the same content again for another unit (libraries are per unit)', async () => {
    const res = await upload(
      otherOfficer,
      daiLanh,
      'quyet-dinh-12.pdf',
      samplePdf('duplicate check'),
    );
    expect(res.status).toBe(201);
    expect(res.body.unitId).toBe(daiLanh);
  });
});

describe('versions, metadata and deletion', () => {
  let id: number;
  const v1 = samplePdf('bao cao quy I');
  const v2 = samplePdf('bao cao quy I (sua doi)');

  it('adds a version and keeps the older one downloadable', async () => {
    const created = await upload(officer, kimPhuong, 'bao-cao-q1.pdf', v1, { type: 'report' });
    id = created.body.id;
    const added = await uploadVersion(head, id, 'bao-cao-q1-sua-doi.pdf', v2);
    expect(added.status).toBe(201);
    expect(added.body.currentVersion).toBe(2);
    expect(
      added.body.versions.map((v: { versionNo: number; filename: string }) => [
        v.versionNo,
        v.filename,
      ]),
    ).toEqual([
      [2, 'bao-cao-q1-sua-doi.pdf'],
      [1, 'bao-cao-q1.pdf'],
    ]);
    const current = await officer.get(`/api/v1/evidence/${id}/download`);
    expect(current.body).toBe(v2.toString('latin1'));
    const old = await officer.get(`/api/v1/evidence/${id}/download?version=1`);
    expect(old.body).toBe(v1.toString('latin1'));
    const missing = await officer.get(`/api/v1/evidence/${id}/download?version=9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Không tìm thấy phiên bản tài liệu.');
  });

  it('answers a version identical to one already stored as a duplicate', async () => {
    const res = await uploadVersion(officer, id, 'lai-ban-cu.pdf', v1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, duplicate: true, currentVersion: 2 });
  });

  it('refuses a new version of the wrong type', async () => {
    const res = await uploadVersion(officer, id, 'v3.pdf', sampleHtml());
    expect(res.status).toBe(415);
  });

  it('edits metadata with a version check', async () => {
    const detail = await officer.get(`/api/v1/evidence/${id}`);
    const body = {
      number: '45/BC-UBND',
      type: 'report',
      issuedOn: '2026-04-02',
      issuer: 'UBND xã Kim Phượng',
      summary: 'Báo cáo CCHC quý I năm 2026',
      version: detail.body.version,
    };
    const saved = await officer.put(`/api/v1/evidence/${id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      number: '45/BC-UBND',
      summary: 'Báo cáo CCHC quý I năm 2026',
    });
    const stale = await officer.put(`/api/v1/evidence/${id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
  });

  it('finds documents by words without diacritics and by type', async () => {
    const byWords = await officer.get(`/api/v1/units/${kimPhuong}/evidence?q=bao%20cao%20quy%20i`);
    expect(byWords.status).toBe(200);
    expect(byWords.body.items.map((d: { id: number }) => d.id)).toContain(id);
    const byNumber = await appraiser.get(`/api/v1/units/${kimPhuong}/evidence?q=45/BC`);
    expect(byNumber.body.items.map((d: { id: number }) => d.id)).toEqual([id]);
    const plans = await officer.get(`/api/v1/units/${kimPhuong}/evidence?type=plan`);
    expect(plans.body.items.map((d: { number: string }) => d.number)).toEqual(['87/KH-UBND']);
  });

  it('audits every change in the audit log', async () => {
    const rows = await h.deps.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'evidence_document' AND entity_id = $1 ORDER BY id",
      [String(id)],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'evidence.create',
      'evidence.version.add',
      'evidence.update',
    ]);
  });

  it('deletes a document with its versions and their files', async () => {
    const files = filesUnder(h.deps.config.dataDir);
    const res = await head.delete(`/api/v1/evidence/${id}`);
    expect(res.status).toBe(204);
    expect((await officer.get(`/api/v1/evidence/${id}`)).status).toBe(404);
    expect(filesUnder(h.deps.config.dataDir)).toHaveLength(files.length - 2);
    const [audit] = await h.deps.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'evidence_document' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.action).toBe('evidence.delete');
  });
});

describe('download and preview', () => {
  let pdfId: number;
  let docxId: number;

  beforeAll(async () => {
    pdfId = (await upload(officer, kimPhuong, 'Kế hoạch số 87.pdf', samplePdf('preview'))).body.id;
    docxId = (await upload(officer, kimPhuong, 'bien-ban-hop.docx', sampleDocx('preview'))).body.id;
  });

  it('previews a PDF inline with its content type, nosniff and a restrictive policy', async () => {
    const res = await appraiser.get(`/api/v1/evidence/${pdfId}/download?inline=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="Ke hoach so 87.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch số 87.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none';/);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toBe(samplePdf('preview').toString('latin1'));
  });

  it('sends a PDF as an attachment unless asked inline, and a Word file always as one', async () => {
    const pdf = await officer.get(`/api/v1/evidence/${pdfId}/download`);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; /);
    const docx = await officer.get(`/api/v1/evidence/${docxId}/download?inline=1`);
    expect(docx.headers['content-type']).toBe(DOCX);
    expect(docx.headers['content-disposition']).toMatch(
      /^attachment; filename="bien-ban-hop.docx"/,
    );
    expect(docx.headers['content-security-policy']).toContain('sandbox');
  });

  it('shows the document with its permissions to a reader', async () => {
    const res = await appraiser.get(`/api/v1/evidence/${pdfId}`);
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual({ write: false });
    expect(res.body.downloadUrl).toBe(`/api/v1/evidence/${pdfId}/download`);
  });
});

describe('who may see and change a library', () => {
  let id: number;
  beforeAll(async () => {
    id = (await upload(officer, kimPhuong, 'noi-bo.pdf', samplePdf('restricted'))).body.id;
  });

  it('refuses a user of another unit: list, detail, download, upload, new version, delete', async () => {
    const forbidden = 'Bạn không có quyền thực hiện thao tác này trên đơn vị «Xã Kim Phượng».';
    const attempts = [
      await otherOfficer.get(`/api/v1/units/${kimPhuong}/evidence`),
      await otherOfficer.get(`/api/v1/evidence/${id}`),
      await otherOfficer.get(`/api/v1/evidence/${id}/download`),
      await upload(otherOfficer, kimPhuong, 'x.pdf', samplePdf('intruder')),
      await uploadVersion(otherOfficer, id, 'x.pdf', samplePdf('intruder')),
      await otherOfficer.delete(`/api/v1/evidence/${id}`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(forbidden);
    }
  });

  it('lets readers above the unit read but not write', async () => {
    expect((await appraiser.get(`/api/v1/units/${kimPhuong}/evidence`)).status).toBe(200);
    expect((await appraiser.get(`/api/v1/evidence/${id}/download`)).status).toBe(200);
    expect((await upload(appraiser, kimPhuong, 'x.pdf', samplePdf('appraiser'))).status).toBe(403);
    expect((await appraiser.delete(`/api/v1/evidence/${id}`)).status).toBe(403);
  });

  it('gives an enumerator nothing', async () => {
    expect((await enumerator.get(`/api/v1/units/${daiLanh}/evidence`)).status).toBe(403);
  });

  it('refuses a download without a session with 401', async () => {
    const res = await h.anonymous().get(`/api/v1/evidence/${id}/download`);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });

  it('answers 404 for an unknown unit or document', async () => {
    expect((await officer.get('/api/v1/units/99999999/evidence')).status).toBe(404);
    const res = await officer.get('/api/v1/evidence/99999999');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Không tìm thấy tài liệu kiểm chứng.');
  });
});

describe('an upload interrupted half-way', () => {
  it('leaves neither a file nor a row', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'canbo.kimphuong', password: 'demo-parindex' },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const before = { files: filesUnder(h.deps.config.dataDir), rows: await countRows(h) };

    const boundary = '----parindex-interrupted';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/units/${kimPhuong}/evidence`,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(10 * 1024 * 1024),
        cookie: `${SESSION_COOKIE}=${cookie}`,
        [CSRF_HEADER]: csrf,
      },
    });
    req.on('error', () => {});
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    req.write(Buffer.concat([samplePdf('interrupted'), Buffer.alloc(256 * 1024, 0x20)]));
    // Wait until the server is writing the file, then cut the connection.
    const deadline = Date.now() + 5000;
    while (!filesUnder(h.deps.config.dataDir).some((f) => f.startsWith('uploads/'))) {
      if (Date.now() > deadline) throw new Error('the upload never started');
      await new Promise((r) => setTimeout(r, 20));
    }
    req.destroy();
    const settle = Date.now() + 5000;
    while (filesUnder(h.deps.config.dataDir).length !== before.files.length && Date.now() < settle)
      await new Promise((r) => setTimeout(r, 20));
    expect(filesUnder(h.deps.config.dataDir)).toEqual(before.files);
    expect(await countRows(h)).toEqual(before.rows);
  });
});

describe('with a small upload limit', () => {
  let small: Harness;
  let client: Client;
  beforeAll(async () => {
    small = await createHarness({ maxUploadBytes: 2048 });
    client = await small.login('canbo.kimphuong');
  });
  afterAll(async () => small?.close());

  it('refuses a file over the limit with 413 and leaves nothing on disk', async () => {
    const unitId = await unitIdByCode(client, '05551');
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(4096, 0x20)]);
    const res = await upload(client, unitId, 'lon.pdf', big);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('Tệp hoặc dữ liệu gửi lên quá lớn (tối đa 2 KB).');
    expect(filesUnder(small.deps.config.dataDir)).toEqual([]);
    expect(await countRows(small)).toEqual({ documents: 0, versions: 0 });
  });

  it('accepts a file of exactly the limit', async () => {
    const unitId = await unitIdByCode(client, '05551');
    const pdf = samplePdf('exact');
    const exact = Buffer.concat([pdf, Buffer.alloc(2048 - pdf.length, 0x20)]);
    const res = await upload(client, unitId, 'vua-du.pdf', exact);
    expect(res.status).toBe(201);
    expect(res.body.file.size).toBe(2048);
  });
});
