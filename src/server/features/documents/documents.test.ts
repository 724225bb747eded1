/**
 * Official documents through the HTTP API on the demo data: each drafted .docx is opened and its
 * structure checked (Decree 30 header table, A4 and margins, Times New Roman, the numbers of the
 * seed it reproduces); the PDF made by LibreOffice is read back (text, fonts, where the header
 * sits); templates are refused with the reason when they would not render; who may draft what.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  DEMO_PASSWORD,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { sofficePath } from './pdf.ts';

let h: Harness;
let agency: Client;
let otherUnit: Client;
let admin: Client;
let c2022: number;
let quyKy: number;

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen', DEMO_PASSWORD);
  otherUnit = await h.login('canbo.dailanh', DEMO_PASSWORD);
  admin = await h.login('admin');
  const list = (await agency.get('/api/v1/campaigns')).body.items;
  c2022 = list.find(
    (c: { year: number; name: string }) => c.year === 2022 && /Định Hóa/.test(c.name),
  ).id;
  quyKy = await unitIdByCode(agency, '05545');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Drafts a document and waits for the job, as the web app does by polling. */
async function draft(client: Client, body: object) {
  const started = await client.post('/api/v1/documents', body);
  if (started.status !== 202) return started;
  let job = started.body;
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await client.get(`/api/v1/documents/jobs/${job.id}`)).body;
  }
  return { status: 200, body: job, headers: {}, raw: Buffer.alloc(0) };
}

async function download(client: Client, jobId: number, kind: 'docx' | 'pdf'): Promise<Buffer> {
  const res = await client.request('GET', `/api/v1/documents/jobs/${jobId}/${kind}`, undefined, {
    accept: '*/*',
  });
  expect(res.status).toBe(200);
  return res.raw;
}

/** The visible text of a .docx, paragraph by paragraph. */
function paragraphs(docx: Buffer): string[] {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

/** The Decree 30 layout every drafted document shares: page, margins, font, header, title. */
function expectDecree30Layout(docx: Buffer, typeName: string, symbol: RegExp): void {
  const zip = new PizZip(docx);
  const xml = zip.file('word/document.xml')!.asText();
  // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56,7 twips).
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
  const mm = (name: string) =>
    Math.round(Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]) / 56.7);
  expect([mm('top'), mm('bottom'), mm('left'), mm('right')]).toEqual([20, 20, 30, 15]);
  // Times New Roman; a different first page, so page numbers start on page 2.
  expect(zip.file('word/styles.xml')!.asText()).toMatch(/w:ascii="Times New Roman"/);
  expect(xml).toMatch(/<w:titlePg\/>/);
  // The two-column header table comes first, before the type name.
  expect(xml.indexOf('<w:tbl>')).toBeGreaterThan(-1);
  expect(xml.indexOf('<w:tbl>')).toBeLessThan(xml.indexOf(`>${typeName}<`));
  const text = paragraphs(docx);
  const header = text.slice(0, 10);
  expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(header).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(header.some((p) => symbol.test(p))).toBe(true);
  expect(header.some((p) => /, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(p))).toBe(true);
  expect(text).toContain(typeName);
  expect(text).toContain('Nơi nhận:');
  // Tables of data repeat their header row on every page.
  const tables = xml.split('<w:tbl>').length - 1;
  if (tables > 2) expect(xml).toMatch(/<w:tblHeader\/>/);
}

describe('self-assessment report (seed 000)', () => {
  let docx: Buffer;
  let job: { id: number; pdfStatus: string; fileName: string };

  beforeAll(async () => {
    const res = await draft(agency, {
      type: 'self_assessment_report',
      campaignId: c2022,
      unitId: quyKy,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    job = res.body;
    docx = await download(agency, job.id, 'docx');
  }, 180_000);

  it('is laid out as Decree 30 prescribes', () => {
    expectDecree30Layout(docx, 'BÁO CÁO', /^Số: +\/BC-UBND$/);
    const zip = new PizZip(docx);
    const xml = zip.file('word/document.xml')!.asText();
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56,7 twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect(Math.round(twips('top') / 56.7)).toBe(20);
    expect(Math.round(twips('bottom') / 56.7)).toBe(20);
    expect(Math.round(twips('left') / 56.7)).toBe(30);
    expect(Math.round(twips('right') / 56.7)).toBe(15);
    // Times New Roman as the document's font; different first page (no number on page 1).
    expect(zip.file('word/styles.xml')!.asText()).toMatch(/w:ascii="Times New Roman"/);
    expect(xml).toMatch(/<w:titlePg\/>/);
    // The header is a two-column table that comes before the type name.
    const firstTable = xml.indexOf('<w:tbl>');
    expect(firstTable).toBeGreaterThan(-1);
    expect(firstTable).toBeLessThan(xml.indexOf('BÁO CÁO'));
    const text = paragraphs(docx);
    const header = text.slice(0, 8);
    expect(header).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(header).toContain('UBND XÃ QUY KỲ');
    // The number is left blank for the clerk, as the seeds do.
    expect(header.some((p) => /^Số: +\/BC-UBND$/.test(p))).toBe(true);
    expect(header.some((p) => /^Quy Kỳ, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(p))).toBe(true);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it("reproduces seed 000's numbers", () => {
    const text = paragraphs(docx);
    const body = text.join('\n');
    expect(body).toContain(
      'Kết quả tự đánh giá chỉ số cải cách hành chính, sự hài lòng của tổ chức, cá nhân đối với sự phục vụ hành chính năm 2022 của UBND xã Quy Kỳ',
    );
    expect(body).toMatch(/đạt 58,25\/100 điểm, xếp loại Trung bình/);
    expect(body).toContain(
      'Chỉ số điểm cải cách hành chính năm 2021 đạt 65 điểm; năm 2022 đạt 58,25 điểm = 89,6% so với cùng kỳ năm 2021.',
    );
    // Seed 000, section II.2: the eight criteria in order, score against max.
    const criteria = text.filter((p) => /^- .+: đạt [\d,]+\/[\d,]+ điểm;$/.test(p));
    expect(criteria.map((p) => /đạt ([\d,]+\/[\d,]+) điểm/.exec(p)![1])).toEqual([
      '6/10',
      '6/7',
      '5/20',
      '13,5/20',
      '9/10',
      '3/5',
      '6,25/12',
      '9,5/16',
    ]);
    // Seed 000, SIPAS: 62,50 % overall; tư pháp – hộ tịch 14 forms, 10 satisfied (71,43 %).
    expect(body).toContain('đạt 62,50 %');
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    expect(xml).toContain('Tư pháp – Hộ tịch');
    expect(xml).toContain('10 (71,43%)');
    // Every sub-criterion that lost points is listed with its points.
    expect(text.filter((p) => /^\+ .+: \d+(,\d+)?\/\d+(,\d+)? điểm\.$/.test(p)).length).toBe(
      text.filter((p) => p.startsWith('+ ')).length,
    );
    expect(text.some((p) => p.startsWith('+ '))).toBe(true);
  });

  it('has a PDF made from the same file, with the header where Decree 30 puts it', async () => {
    if (!sofficePath()) {
      expect(job.pdfStatus).toBe('unavailable');
      return;
    }
    expect(job.pdfStatus).toBe('ready');
    const pdf = await download(agency, job.id, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'parindex-doc-test-'));
    try {
      const file = path.join(dir, 'doc.pdf');
      writeFileSync(file, pdf);
      // The diacritics come back out of the PDF as written: every glyph had a font.
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toMatch(/đạt 58,25\/100 điểm/);
      const fonts = execFileSync('pdffonts', [file]).toString();
      const fontLines = fonts.split('\n').slice(2).filter(Boolean);
      expect(fontLines.length).toBeGreaterThan(0);
      for (const line of fontLines) expect(line).toMatch(/Serif|Times|Tinos/);
      // Where the national name sits: top of page 1, right half (x from the left edge, in pt).
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']).toString();
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>CỘNG<\/word>/.exec(bbox);
      expect(word).not.toBeNull();
      const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
      expect(Number(word![1])).toBeGreaterThan(pageWidth * 0.4);
      expect(Number(word![2])).toBeLessThan(120);
      const number = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Số:<\/word>/.exec(bbox);
      expect(Number(number![1])).toBeLessThan(pageWidth / 2);
      // The page turns into an image (what a reader sees).
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        file,
        path.join(dir, 'p'),
      ]);
      const png = ['p-1.png', 'p-01.png'].map((n) => path.join(dir, n)).find((p) => existsSync(p));
      expect(png).toBeDefined();
      expect(readFileSync(png!).length).toBeGreaterThan(5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('campaign report (seed 004) and dossier quarterly report (seed 003)', () => {
  it('lists every unit in the annex with its class and the class shares adding to 100 %', async () => {
    const res = await draft(agency, { type: 'campaign_report', campaignId: c2022, pdf: false });
    expect(res.body.status).toBe('succeeded');
    const docx = await download(agency, res.body.id, 'docx');
    expectDecree30Layout(docx, 'BÁO CÁO', /^Số: +\/BC-UBND$/);
    const text = paragraphs(docx);
    const results = (await agency.get(`/api/v1/campaigns/${c2022}/results`)).body.units;
    for (const u of results) expect(text).toContain(u.unitName);
    const body = text.join('\n');
    expect(body).toMatch(/Xếp loại Trung bình: 01\/02 đơn vị \(50,0%\)/);
  });

  it("counts the district's communes per class in seed 003's words", async () => {
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    const res = await draft(admin, {
      type: 'dossier_quarter_report',
      unitId: district,
      period: '2021-Q2',
      bands: 'dien-bien-dong-509-2020',
      pdf: false,
    });
    expect(res.body.status).toBe('succeeded');
    expect(res.body.fileName).toMatch(/^Báo cáo đánh giá giải quyết TTHC quý 2 năm 2021 /);
    const docx = await download(admin, res.body.id, 'docx');
    expectDecree30Layout(docx, 'BÁO CÁO', /^Số: +\/BC-UBND$/);
    const text = paragraphs(docx);
    expect(text.join('\n')).toContain(
      'Kết quả chấm điểm đánh giá việc giải quyết thủ tục hành chính Quý II năm 2021 trên địa bàn huyện Điện Biên Đông',
    );
    expect(text).toContain(
      '- Cấp xã: 01 đơn vị đạt loại Xuất sắc; 01 đơn vị đạt loại Tốt; 01 đơn vị đạt loại Trung bình; 01 đơn vị chưa phát sinh hồ sơ; 01 chưa thực hiện việc chấm điểm.',
    );
    // The readings of Circular 01 the figures were computed with (no setting: its wording).
    expect(text.join('\n')).toContain(
      'Cách tính theo Thông tư 01/2018/TT-VPCP (theo câu chữ của Thông tư, chưa có thiết lập riêng): điểm mỗi chỉ số chia cho tổng số hồ sơ được đánh giá',
    );
  });
});

describe('remediation plan (seed 001) and supervision notice (seed 002)', () => {
  it("drafts xã Kim Phượng's plan with its lost points, tasks, owners, deadlines and targets", async () => {
    const plans = (await agency.get('/api/v1/remediation-plans')).body.items;
    const plan = plans.find((p: { unitName: string }) => p.unitName === 'Xã Kim Phượng');
    expect(plan).toBeDefined();
    const detail = (await agency.get(`/api/v1/remediation-plans/${plan.id}`)).body;
    const res = await draft(agency, { type: 'remediation_plan', planId: plan.id, pdf: false });
    expect(res.body.status).toBe('succeeded');
    const docx = await download(agency, res.body.id, 'docx');
    expectDecree30Layout(docx, 'KẾ HOẠCH', /^Số: +\/KH-UBND$/);
    const text = paragraphs(docx);
    const body = text.join('\n');
    expect(body).toMatch(/^Số: +\/KH-UBND$/m);
    expect(body).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    // Every task of the plan is in a table row with its owner; a measured target reads "85 %".
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    for (const task of detail.tasks) expect(xml).toContain(task.content);
    const withTarget = detail.tasks.find(
      (t: { target: { targetPercent: number } | null }) => t.target?.targetPercent === 8500,
    );
    if (withTarget) expect(xml).toContain('85 %');
    // Every sub-criterion that lost points is quoted with its reason.
    for (const item of detail.items.filter((i: { code: string }) => i.code.includes('.')))
      expect(body).toContain(`Mục ${item.code}: ${item.title}`);
  });

  it("drafts the notice of xã Phượng Tiến's supervision with seed 002's findings and points", async () => {
    const list = (await agency.get('/api/v1/supervisions')).body.items;
    const supervision = list.find((x: { unitName?: string }) =>
      /Phượng Tiến/.test(x.unitName ?? ''),
    );
    expect(supervision).toBeDefined();
    const res = await draft(agency, {
      type: 'supervision_notice',
      supervisionId: supervision.id,
      pdf: false,
    });
    expect(res.body.status).toBe('succeeded');
    const docx = await download(agency, res.body.id, 'docx');
    expectDecree30Layout(docx, 'THÔNG BÁO', /^Số: +\/TB-HĐND$/);
    const text = paragraphs(docx);
    const body = text.join('\n');
    expect(body).toMatch(/^Số: +\/TB-HĐND$/m);
    expect(text).toContain('TM. THƯỜNG TRỰC HĐND');
    // Seed 002, group 1: "Mục 2.2: Rà soát và xử lý văn bản sau rà soát: Điểm tối đa 1,5 điểm,
    // thẩm định 1 điểm (thiếu 0,5 điểm)".
    expect(body).toMatch(
      /Mục 2\.2: Rà soát và xử lý văn bản sau rà soát: Điểm tối đa 1,5 điểm, .*thẩm định 1 điểm \(thiếu 0,5 điểm\)/,
    );
    expect(body).toMatch(/Mục 1\.5: Sáng kiến, giải pháp trong công tác CCHC/);
    // The three groups in seed 002's order.
    const g1 = body.indexOf('cần kiểm tra cụ thể');
    const g2 = body.indexOf('khắc phục ngay');
    const g3 = body.indexOf('từng bước khắc phục');
    expect(g1).toBeGreaterThan(-1);
    expect(g2).toBeGreaterThan(g1);
    expect(g3).toBeGreaterThan(g2);
    expect(body).toContain('Ma Văn Quyết');
  });
});

describe('who may draft', () => {
  it("refuses another unit's self-assessment report", async () => {
    const res = await otherUnit.post('/api/v1/documents', {
      type: 'self_assessment_report',
      campaignId: c2022,
      unitId: quyKy,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/không có quyền/);
  });

  it('refuses the campaign report to a unit officer', async () => {
    const res = await otherUnit.post('/api/v1/documents', {
      type: 'campaign_report',
      campaignId: c2022,
    });
    expect(res.status).toBe(403);
  });

  it("does not show one user's job to another", async () => {
    const res = await draft(agency, { type: 'campaign_report', campaignId: c2022, pdf: false });
    expect((await otherUnit.get(`/api/v1/documents/jobs/${res.body.id}`)).status).toBe(404);
    expect((await otherUnit.get(`/api/v1/documents/jobs/${res.body.id}/docx`)).status).toBe(404);
  });
});

describe('templates belong to the users', () => {
  let province: number;

  beforeAll(async () => {
    province = await unitIdByCode(agency, '19');
  });

  async function upload(client: Client, content: Buffer, name = 'mau.docx') {
    const boundary = '----parindex' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request(
      'PUT',
      `/api/v1/documents/templates/self_assessment_report?unitId=${province}`,
      payload,
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
  }

  async function shipped(): Promise<Buffer> {
    const res = await agency.request(
      'GET',
      `/api/v1/documents/templates/self_assessment_report/file?unitId=${province}&shipped=1`,
      undefined,
      { accept: '*/*' },
    );
    expect(res.status).toBe(200);
    return res.raw;
  }

  function edit(docx: Buffer, change: (xml: string) => string): Buffer {
    const zip = new PizZip(docx);
    zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
    return zip.generate({ type: 'nodebuffer' }) as Buffer;
  }

  it('documents the placeholders of every type', async () => {
    const res = await agency.get(`/api/v1/documents/templates?unitId=${province}`);
    expect(res.status).toBe(200);
    const sa = res.body.types.find((t: { type: string }) => t.type === 'self_assessment_report');
    expect(sa.placeholders.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['issuingBody', 'placeDate', 'total', 'lostGroups']),
    );
    expect(sa.own).toBeNull();
  });

  it('refuses a template with an unknown placeholder, naming it, and keeps the previous one', async () => {
    const bad = edit(await shipped(), (xml) => xml.replace('{organisationText}', '{tenDonVi}'));
    const res = await upload(agency, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('{tenDonVi}');
    const list = await agency.get(`/api/v1/documents/templates?unitId=${province}`);
    const sa = list.body.types.find((t: { type: string }) => t.type === 'self_assessment_report');
    expect(sa.own).toBeNull();
  });

  it('refuses a template whose tags do not close, and a file that is not Word', async () => {
    const broken = edit(await shipped(), (xml) =>
      xml.replace('{organisationText}', '{organisationText'),
    );
    const res = await upload(agency, broken);
    expect(res.status).toBe(400);
    // Explained in words, naming the placeholder and where it is, not as a raw code.
    expect(res.body.error.message).toMatch(
      /^Mẫu văn bản không dùng được: trường «organisationText/,
    );
    expect(res.body.error.message).toContain('thiếu dấu đóng «}» (trong phần thân văn bản)');
    expect(res.body.error.message).not.toMatch(/unclosed_tag/);
    const notWord = await upload(agency, Buffer.from('%PDF-1.4 not a template'), 'mau.docx');
    expect(notWord.status).toBe(415);
    expect(notWord.body.error.message).toMatch(/không phải tệp Word/);
  });

  it("uses a province's edited template for its units' documents, until it is reset", async () => {
    const edited = edit(await shipped(), (xml) =>
      xml.replace('I. CÔNG TÁC TỔ CHỨC, TRIỂN KHAI THỰC HIỆN', 'I. TÌNH HÌNH TRIỂN KHAI'),
    );
    expect((await upload(otherUnit, edited)).status).toBe(403);
    const res = await upload(agency, edited);
    expect(res.status).toBe(200);
    const draftBody = {
      type: 'self_assessment_report',
      campaignId: c2022,
      unitId: quyKy,
      pdf: false,
    };
    let text = paragraphs(await download(agency, (await draft(agency, draftBody)).body.id, 'docx'));
    expect(text).toContain('I. TÌNH HÌNH TRIỂN KHAI');
    expect(
      (
        await agency.request(
          'DELETE',
          `/api/v1/documents/templates/self_assessment_report?unitId=${province}`,
        )
      ).status,
    ).toBe(200);
    text = paragraphs(await download(agency, (await draft(agency, draftBody)).body.id, 'docx'));
    expect(text).toContain('I. CÔNG TÁC TỔ CHỨC, TRIỂN KHAI THỰC HIỆN');
  });
});
