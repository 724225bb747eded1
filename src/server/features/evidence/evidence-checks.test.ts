import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { drainEvidenceChecks } from './check.service.ts';
import {
  appendIncrementalUpdate,
  createTestSigner,
  decree30Lines,
  encryptedPdf,
  imagePdf,
  pdftoppm,
  rasterise,
  scannedPdf,
  signPdf,
  textPdf,
  truncatedPdf,
  vietnameseFont,
  type TestSigner,
} from '../../test-support/test-pdfs.ts';
import { detectOcrTools } from './ocr.ts';
import { inspectPdfSignatures, PDF_LIMITS } from './pdf-signatures.ts';
import { multipart } from '../../test-support/test-files.ts';

let h: Harness;
let officer: Client;
let kimPhuong: number;
let signer: TestSigner;
let plan: Buffer;
const ocr = await detectOcrTools();

beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('canbo.kimphuong');
  kimPhuong = await unitIdByCode(officer, '05551');
  signer = createTestSigner();
  if (vietnameseFont) plan = await textPdf();
});
afterAll(async () => h?.close());

/** Uploads a file, waits for its background check and returns what the check endpoint says. */
async function uploadAndCheck(name: string, content: Buffer, query = '', client = officer) {
  const { body, headers } = multipart({ name, content });
  const res = await client.request<any>(
    'POST',
    `/api/v1/units/${kimPhuong}/evidence`,
    body,
    headers,
  );
  expect(res.status).toBe(201);
  await drainEvidenceChecks(h.deps);
  const check = await client.get(`/api/v1/evidence/${res.body.id}/check${query}`);
  expect(check.status).toBe(200);
  return check.body as any;
}

describe.skipIf(!vietnameseFont)('checking uploaded evidence', () => {
  it('reads an unsigned plan and says it is not signed when a signature is needed', async () => {
    const check = await uploadAndCheck('ke-hoach.pdf', plan, '?kind=plan&signed=1&year=2023');
    expect(check).toMatchObject({
      status: 'done',
      readBy: 'text',
      error: null,
      errorMessage: null,
      metadata: {
        number: '87/KH-UBND',
        numberBlank: false,
        kind: 'plan',
        typeName: 'Kế hoạch',
        issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
        parentBody: 'UBND HUYỆN VÂN HỒ',
        place: 'Quy Kỳ',
        issuedOn: '2023-05-10',
        summary: 'Cải cách hành chính năm 2023',
        signing: { title: 'CHỦ TỊCH', capacity: 'TM', name: 'Luân Đức Quỳnh' },
      },
      signatures: [],
      changedAfterSigning: false,
      findings: [
        {
          code: 'not_signed',
          severity: 'problem',
          message: 'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
        },
      ],
    });
    expect(check.checkedAt).toBe('2026-03-02T02:00:00.000Z');
  });

  it('verifies a plan signed by the test CA and names the signer', async () => {
    const signed = await signPdf(plan, signer);
    const check = await uploadAndCheck('ke-hoach-ky.pdf', signed, '?signed=1');
    expect(check.status).toBe('done');
    expect(check.signatures).toHaveLength(1);
    expect(check.signatures[0]).toMatchObject({
      status: 'valid',
      coversWholeFile: true,
      digestAlgorithm: 'SHA-256',
      signer: { commonName: 'Luân Đức Quỳnh', organization: 'UBND xã Quy Kỳ' },
      issuer: { commonName: 'parindex Test CA' },
      signingTime: '2023-05-10T02:00:00.000Z',
      signingTimeSource: 'signed_attribute',
      trust: 'not_checked',
    });
    // No trust anchors are configured here: the signer's chain could not be checked, and says so.
    expect(check.trustAnchorsConfigured).toBe(false);
    expect(check.findings).toEqual([
      {
        code: 'trust_not_checked',
        severity: 'warning',
        message:
          'Không kiểm tra được chứng thư số của Luân Đức Quỳnh có thuộc tổ chức chứng thực chữ ký số được tin cậy hay không: máy chủ chưa được cấu hình chứng thư gốc (ví dụ chứng thư gốc quốc gia).',
      },
    ]);
  });

  it('records the reading the officer confirms, with the signature state the check found', async () => {
    const signed = await signPdf(
      await textPdf(decree30Lines('Quy Kỳ, ngày 09 tháng 5 năm 2023')),
      signer,
      new Date('2023-05-09T02:00:00Z'),
    );
    const { body, headers } = multipart({ name: 'ke-hoach-xac-nhan.pdf', content: signed });
    const uploaded = await officer.request<any>(
      'POST',
      `/api/v1/units/${kimPhuong}/evidence`,
      body,
      headers,
    );
    const id = uploaded.body.id;
    expect(uploaded.body).toMatchObject({ signerName: null, confirmed: null });
    // Confirming before the check has read the file is refused, and nothing changes.
    const early = await officer.put(`/api/v1/evidence/${id}`, {
      number: '87/KH-UBND',
      type: 'plan',
      issuedOn: '09/05/2023',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      summary: 'Cải cách hành chính năm 2023',
      signerName: 'Luân Đức Quỳnh',
      confirmReading: true,
      version: uploaded.body.version,
    });
    if (early.status !== 200) {
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('evidence_check_not_finished');
    }
    await drainEvidenceChecks(h.deps);
    const current = await officer.get<any>(`/api/v1/evidence/${id}`);
    const saved = await officer.put<any>(`/api/v1/evidence/${id}`, {
      number: '87/KH-UBND',
      type: 'plan',
      issuedOn: '09/05/2023',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      summary: 'Cải cách hành chính năm 2023',
      signerName: 'Luân Đức Quỳnh',
      signerTitle: 'CHỦ TỊCH',
      confirmReading: true,
      version: current.body.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      number: '87/KH-UBND',
      issuedOn: '2023-05-09',
      signerName: 'Luân Đức Quỳnh',
      signerTitle: 'CHỦ TỊCH',
      confirmed: {
        versionNo: 1,
        signatureStatus: 'valid',
        signatureTrust: 'not_checked',
        by: expect.any(String),
      },
    });
    // Another reader sees the same record; an edit without the signer keeps it.
    const again = await officer.put<any>(`/api/v1/evidence/${id}`, {
      number: '87/KH-UBND',
      type: 'plan',
      issuedOn: '09/05/2023',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      summary: 'Kế hoạch cải cách hành chính năm 2023',
      version: saved.body.version,
    });
    expect(again.body).toMatchObject({
      signerName: 'Luân Đức Quỳnh',
      confirmed: { signatureStatus: 'valid' },
    });
  });

  it('says the file was changed after signing when an update is appended', async () => {
    const changed = appendIncrementalUpdate(await signPdf(plan, signer));
    const check = await uploadAndCheck('ke-hoach-sua.pdf', changed);
    expect(check.changedAfterSigning).toBe(true);
    expect(check.signatures[0]).toMatchObject({ status: 'valid', coversWholeFile: false });
    expect(check.findings.map((f: any) => f.code)).toEqual([
      'trust_not_checked',
      'changed_after_signing',
    ]);
    expect(check.findings[1].message).toBe(
      'Tệp đã bị sửa sau khi Luân Đức Quỳnh ký số; cơ quan thẩm định sẽ thấy chữ ký không còn bảo đảm toàn vẹn.',
    );
  });

  it('says when a byte inside the signed range was altered', async () => {
    const tampered = Buffer.from(await signPdf(plan, signer));
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 1] = 'm'.charCodeAt(0);
    const inspection = await inspectPdfSignatures(tampered);
    expect(inspection).toMatchObject({ status: 'ok', signatures: [{ status: 'digest_mismatch' }] });
  });

  it('flags a signing date other than the printed date as putting the points at risk', async () => {
    const later = await signPdf(
      await textPdf(decree30Lines('Quy Kỳ, ngày 08 tháng 5 năm 2023')),
      signer,
      new Date('2023-05-12T03:00:00Z'),
    );
    const check = await uploadAndCheck('ke-hoach-ngay.pdf', later);
    expect(check.findings.filter((f: any) => f.code !== 'trust_not_checked')).toEqual([
      {
        code: 'signing_date_differs',
        severity: 'problem',
        message: 'Ngày ký số (12/05/2023) khác ngày ban hành ghi trên văn bản (08/05/2023).',
      },
    ]);
  });

  it('lists both signatures of a twice-signed file, in signing order', async () => {
    const deputy = createTestSigner('Hoàng Văn An');
    const twice = await signPdf(
      await signPdf(await textPdf(decree30Lines('Quy Kỳ, ngày 11 tháng 5 năm 2023')), signer),
      deputy,
      new Date('2023-05-11T02:00:00Z'),
    );
    const check = await uploadAndCheck('hai-chu-ky.pdf', twice);
    expect(
      check.signatures.map((s: any) => [s.signer.commonName, s.status, s.coversWholeFile]),
    ).toEqual([
      ['Luân Đức Quỳnh', 'valid', false],
      ['Hoàng Văn An', 'valid', true],
    ]);
    expect(check.changedAfterSigning).toBe(false);
  });

  it('reports an encrypted PDF without crashing, in English too', async () => {
    const check = await uploadAndCheck('mat-khau.pdf', encryptedPdf(await textPdf()));
    expect(check).toMatchObject({
      status: 'unreadable',
      error: 'encrypted',
      errorMessage: 'Tệp PDF được đặt mật khẩu (mã hóa) nên không đọc được nội dung.',
      metadata: null,
      signatures: [],
    });
    const en = await h.deps.db.query<{ id: number }>(
      'SELECT id FROM evidence_documents ORDER BY id DESC LIMIT 1',
    );
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/evidence/${en[0]!.id}/check`,
      headers: { 'accept-language': 'en', cookie: await loginCookie() },
    });
    expect(JSON.parse(res.body).errorMessage).toBe(
      'The PDF is password-protected (encrypted); its content cannot be read.',
    );
  });

  it('reports a damaged PDF', async () => {
    const check = await uploadAndCheck('hong.pdf', truncatedPdf(plan));
    expect(check).toMatchObject({ status: 'unreadable', error: 'corrupt', metadata: null });
  });

  it('says a scan without legible text was not read', async () => {
    const check = await uploadAndCheck('ban-quet.pdf', await scannedPdf(), '?signed=1');
    expect(check).toMatchObject(
      ocr.tesseract && ocr.pdftoppm
        ? {
            status: 'done',
            error: 'scan_no_text',
            errorMessage:
              'Bản quét (ảnh) đã qua nhận dạng chữ (OCR) nhưng không đọc được chữ nào; hãy quét lại rõ hơn.',
            readBy: null,
            metadata: null,
          }
        : {
            status: 'done',
            error: 'scan',
            errorMessage: 'Bản quét (ảnh), chưa đọc được chữ: máy chủ chưa có nhận dạng chữ (OCR).',
            readBy: null,
            metadata: null,
          },
    );
    expect(check.findings.map((f: any) => f.code)).toEqual(['not_read', 'not_signed']);
  });

  it.skipIf(!ocr.tesseract || !pdftoppm)(
    'reads a scanned plan by OCR and checks it against the criterion',
    async () => {
      const scan = await imagePdf([rasterise(plan)]);
      const check = await uploadAndCheck('ke-hoach-quet.pdf', scan, '?kind=report&year=2024');
      expect(check).toMatchObject({
        status: 'done',
        error: null,
        readBy: 'ocr',
        metadata: { number: '87/KH-UBND', issuedOn: '2023-05-10' },
      });
      expect(check.findings.map((f: any) => f.message)).toEqual([
        'Văn bản ban hành năm 2023, không thuộc năm đánh giá 2024.',
        'Văn bản là kế hoạch, trong khi tiêu chí yêu cầu báo cáo.',
      ]);
    },
  );

  it('keeps the check away from people without access to the unit', async () => {
    const { body, headers } = multipart({ name: 'rieng.pdf', content: await textPdf([['Riêng']]) });
    const res = await officer.request<any>(
      'POST',
      `/api/v1/units/${kimPhuong}/evidence`,
      body,
      headers,
    );
    const other = await h.login('canbo.dailanh');
    expect((await other.get(`/api/v1/evidence/${res.body.id}/check`)).status).toBe(403);
  });
});

describe('signature inspection limits', () => {
  it('refuses files over the size limit and non-PDFs without throwing', async () => {
    expect(await inspectPdfSignatures(Buffer.from('hello'))).toEqual({
      status: 'corrupt',
      reason: 'not_pdf',
    });
    const huge = { length: PDF_LIMITS.maxFileBytes + 1 } as unknown as Uint8Array;
    expect(await inspectPdfSignatures(huge)).toEqual({ status: 'too_large' });
  });

  it('ignores a signature dictionary whose byte range points outside the file', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Sig /ByteRange [0 10 99999 5] /Contents <3082> >> endobj\nstartxref\n0\n%%EOF\n',
      'latin1',
    );
    expect(await inspectPdfSignatures(pdf)).toEqual({
      status: 'ok',
      signatures: [],
      truncated: false,
      changedAfterSigning: false,
    });
  });
});

async function loginCookie(): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'canbo.kimphuong', password: 'demo-parindex' },
  });
  const cookie = res.cookies[0]!;
  return `${cookie.name}=${cookie.value}`;
}
