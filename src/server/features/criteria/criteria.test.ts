import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let other: Client;
let officer: Client;
beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  other = await h.login('noivu.khanhhoa');
  officer = await h.login('canbo.kimphuong');
});
afterAll(async () => h?.close());

interface Node {
  id: number | null;
  code: string;
  title: string;
  maxHundredths: number;
  ruleText: string | null;
  children: Node[];
  [key: string]: unknown;
}

const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const strip = (nodes: Node[]): unknown[] =>
  nodes.map(({ id: _id, rule: _rule, copiedFromId: _c, children, ...rest }) => ({
    ...rest,
    children: strip(children),
  }));

async function thaiNguyenSet(client: Client) {
  const list = await client.get('/api/v1/criteria-sets?year=2022');
  const set = list.body.items.find(
    (s: { origin: string }) => s.origin === 'bundled:thai-nguyen-xa-2022',
  );
  return (await client.get(`/api/v1/criteria-sets/${set.id}`)).body;
}

function upload(client: Client, content: Buffer, filename = 'bo-chi-so.xlsx') {
  const boundary = '----parindex-criteria';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', '/api/v1/criteria-sets/import', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function workbook(
  rows: unknown[][],
  build?: (ws: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bộ chỉ số');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = [
  'STT',
  'Tiêu chí, tiêu chí thành phần',
  'Điểm tối đa',
  'Cách chấm',
  'Tài liệu kiểm chứng',
  'Cơ quan thẩm định',
  'Quy tắc chấm',
];

describe('the bundled Thái Nguyên commune set', () => {
  it('has the eight criteria of seed 000 adding up to 100 points, with the sub-criteria of seed 002', async () => {
    const detail = await thaiNguyenSet(officer);
    expect(detail.nodes.map((n: Node) => n.maxHundredths)).toEqual([
      1000, 700, 2000, 2000, 1000, 500, 1200, 1600,
    ]);
    expect(detail.maxHundredths).toBe(10000);
    expect(detail.problems).toEqual([]);
    expect(detail.set.status).toBe('frozen');
    const byCode = new Map(flat(detail.nodes).map((n) => [n.code, n]));
    expect(byCode.get('2.2')?.maxHundredths).toBe(150);
    expect(byCode.get('2.3')?.maxHundredths).toBe(200);
    expect(byCode.get('7.2')?.maxHundredths).toBe(150);
  });

  it('cannot be edited once frozen', async () => {
    const detail = await thaiNguyenSet(agency);
    expect(detail.canEdit).toBe(false);
    const res = await agency.put(`/api/v1/criteria-sets/${detail.set.id}/tree`, {
      version: detail.set.version,
      nodes: detail.nodes,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/đã được khóa/);
  });
});

describe('editing a criteria set', () => {
  let setId = 0;

  it('lets the standing agency start a set from the 2025 template', async () => {
    const res = await agency.post('/api/v1/criteria-sets', {
      name: 'Bộ chỉ số CCHC cấp xã năm 2026',
      year: 2026,
      unitKind: 'commune',
      surveyMaxHundredths: 3000,
      bands: [
        { label: 'Tốt', fromPercent: 8000, toPercent: null },
        { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
        { label: 'Trung bình', fromPercent: 5000, toPercent: 6500 },
        { label: 'Yếu', fromPercent: 0, toPercent: 5000 },
      ],
      ownerUnitId: await unitIdByCode(agency, '19'),
      bundledId: 'khung-2025-xa',
    });
    expect(res.status).toBe(201);
    expect(res.body.canEdit).toBe(true);
    expect(res.body.nodes.length).toBeGreaterThanOrEqual(8);
    setId = res.body.set.id;
  });

  it('saves an edited tree and reports, in place, what does not add up', async () => {
    const detail = (await agency.get(`/api/v1/criteria-sets/${setId}`)).body;
    const nodes: Node[] = detail.nodes;
    const first = nodes[0]!;
    const leaf = (code: string, title: string, max: number): Node => ({
      id: null,
      code,
      title,
      maxHundredths: max,
      ruleText: 'chấm điểm',
      children: [],
    });
    // Children that do not add up to the parent's max, one of them with a duplicate code.
    first.children = [
      leaf(`${first.code}.1`, 'Kế hoạch CCHC', 100),
      leaf(`${first.code}.1`, 'Trùng mã', 50),
    ];
    const res = await agency.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: detail.set.version,
      nodes,
    });
    expect(res.status).toBe(200);
    const messages = res.body.problems
      .map((p: { code: string; message: string }) => `${p.code}: ${p.message}`)
      .join('\n');
    expect(messages).toMatch(new RegExp(`${first.code.replace('.', '\\.')}: .*`));
    expect(res.body.problems.some((p: { message: string }) => /trùng/i.test(p.message))).toBe(true);
    expect(res.body.set.version).toBe(detail.set.version + 1);
  });

  it('refuses an unreadable rule with the node code, and a stale version', async () => {
    const detail = (await agency.get(`/api/v1/criteria-sets/${setId}`)).body;
    const nodes: Node[] = detail.nodes;
    const leaf = flat(nodes).find((n) => n.children.length === 0)!;
    leaf.ruleText = 'khung: [0;50)=0; [40;100]=1x';
    const bad = await agency.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: detail.set.version,
      nodes,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe(`node:${leaf.code}`);
    expect(bad.body.error.details[0].message).toMatch(
      new RegExp(`^Tiêu chí ${leaf.code.replace(/\./g, '\\.')}: quy tắc chấm không hợp lệ`),
    );
    const fresh = (await agency.get(`/api/v1/criteria-sets/${setId}`)).body;
    const stale = await agency.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: fresh.set.version - 1,
      nodes: fresh.nodes,
    });
    expect(stale.status).toBe(409);
  });

  it('refuses to freeze a set with problems, listing them', async () => {
    const res = await agency.post(`/api/v1/criteria-sets/${setId}/freeze`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Bộ chỉ số còn \d+ lỗi cần sửa trước khi khóa\.$/);
  });

  it('keeps other provinces and unit officers out', async () => {
    const detail = (await agency.get(`/api/v1/criteria-sets/${setId}`)).body;
    const res = await other.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: detail.set.version,
      nodes: detail.nodes,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Bạn không có quyền thực hiện thao tác này trên đơn vị «Tỉnh Thái Nguyên».',
    );
    expect(
      (
        await officer.post('/api/v1/criteria-sets', {
          name: 'x',
          year: 2026,
          unitKind: 'commune',
          bands: [{ label: 'A', fromPercent: 0, toPercent: null }],
        })
      ).status,
    ).toBe(403);
    expect((await other.get(`/api/v1/criteria-sets/${setId}`)).body.canEdit).toBe(false);
    const listed = async (client: Client) =>
      (await client.get('/api/v1/criteria-sets')).body.items.find(
        (s: { id: number }) => s.id === setId,
      );
    expect((await listed(agency)).canManage).toBe(true);
    expect((await listed(other)).canManage).toBe(false);
  });
});

describe('a new year as a copy, with a mapping', () => {
  it("copies the 2022 set, proposes a mapping from the copy links, and saves the user's one", async () => {
    const source = await thaiNguyenSet(agency);
    const copy = await agency.post(`/api/v1/criteria-sets/${source.set.id}/copy`, {
      year: 2023,
      name: 'Bộ chỉ số cấp xã Thái Nguyên năm 2023',
    });
    expect(copy.status).toBe(201);
    expect(copy.body.set).toMatchObject({ status: 'draft', basedOnId: source.set.id, year: 2023 });
    expect(strip(copy.body.nodes)).toEqual(strip(source.nodes));

    const nodes: Node[] = copy.body.nodes;
    const c2 = nodes[1]!;
    c2.children[0]!.title = 'Rà soát, hệ thống hóa văn bản QPPL (tên mới)';
    const removed = c2.children.pop()!;
    c2.children.push({
      ...removed,
      id: null,
      code: removed.code,
      title: 'Nội dung mới',
      children: [],
    });
    const saved = await agency.put(`/api/v1/criteria-sets/${copy.body.set.id}/tree`, {
      version: copy.body.set.version,
      nodes,
    });
    expect(saved.status).toBe(200);

    const preview = await agency.get(`/api/v1/criteria-sets/${copy.body.set.id}/mapping`);
    expect(preview.body.saved).toBe(false);
    const kinds = (code: string) =>
      preview.body.entries
        .filter(
          (e: { from: string[]; to: string[] }) => e.from.includes(code) || e.to.includes(code),
        )
        .map((e: { kind: string }) => e.kind)
        .sort();
    expect(kinds(c2.children[0]!.code)).toEqual(['renamed']);
    expect(kinds(removed.code)).toEqual(['added', 'removed']);
    expect(kinds('1')).toEqual(['kept']);

    const entries = [
      ...preview.body.entries,
      { kind: 'merged', from: ['2.2', '2.3'], to: ['2.2'] },
    ];
    const put = await agency.put(`/api/v1/criteria-sets/${copy.body.set.id}/mapping`, { entries });
    expect(put.status).toBe(200);
    expect(
      (await agency.get(`/api/v1/criteria-sets/${copy.body.set.id}/mapping`)).body,
    ).toMatchObject({ saved: true, entries });
    const wrong = await agency.put(`/api/v1/criteria-sets/${copy.body.set.id}/mapping`, {
      entries: [{ kind: 'kept', from: ['99.9'], to: ['1'] }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toEqual({
      field: 'entries.0.from',
      message: 'Mã tiêu chí «99.9» không có trong bộ chỉ số năm trước.',
    });
  });
});

describe('Excel', () => {
  it('exports and imports a set without loss', async () => {
    const source = await thaiNguyenSet(agency);
    const res = await h.app.inject({
      url: `/api/v1/criteria-sets/${source.set.id}/export.xlsx`,
      headers: { cookie: await cookieOf('noivu.thainguyen') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const imported = await upload(agency, res.rawPayload);
    expect(imported.status).toBe(201);
    expect(strip(imported.body.nodes)).toEqual(strip(source.nodes));
    expect(imported.body.set).toMatchObject({
      name: source.set.name,
      year: 2022,
      unitKind: 'commune',
      surveyMaxHundredths: source.set.surveyMaxHundredths,
      bands: source.set.bands,
      status: 'draft',
    });
  });

  it('keeps what each criterion asks of its evidence through export and import', async () => {
    const source = await thaiNguyenSet(agency);
    const copy = await agency.post(`/api/v1/criteria-sets/${source.set.id}/copy`, {
      year: 2024,
      name: 'Bộ chỉ số cấp xã 2024 (yêu cầu tài liệu trong Excel)',
    });
    expect(copy.status).toBe(201);
    const nodes: Node[] = copy.body.nodes;
    const byCode = new Map(flat(nodes).map((n) => [n.code, n]));
    byCode.get('2.2')!.evidenceRequirement = {
      kind: 'report',
      mustBeSigned: true,
      deadline: '2024-12-15',
      signingDateDiffers: 'warning',
    };
    byCode.get('7.2')!.evidenceRequirement = { kind: 'regulation' };
    byCode.get('1')!.evidenceRequirement = { mustBeSigned: true, signingDateDiffers: 'problem' };
    const saved = await agency.put(`/api/v1/criteria-sets/${copy.body.set.id}/tree`, {
      version: copy.body.set.version,
      nodes,
    });
    expect(saved.status).toBe(200);

    const res = await h.app.inject({
      url: `/api/v1/criteria-sets/${copy.body.set.id}/export.xlsx`,
      headers: { cookie: await cookieOf('noivu.thainguyen') },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Bộ chỉ số')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col('Loại văn bản yêu cầu')).toBeGreaterThan(0);
    const rowOf = (code: string) => {
      let found = 0;
      ws.eachRow((row, r) => {
        if (row.getCell(1).value === code) found = r;
      });
      return ws.getRow(found);
    };
    const shown = (code: string) =>
      ['Loại văn bản yêu cầu', 'Phải ký số', 'Hạn ban hành', 'Ngày ký khác ngày ban hành'].map(
        (name) => rowOf(code).getCell(col(name)).value ?? '',
      );
    expect(shown('2.2')).toEqual(['báo cáo', 'x', '15/12/2024', 'cảnh báo']);
    expect(shown('7.2')).toEqual(['quy chế, quy định', '', '', '']);
    expect(shown('1')).toEqual(['', 'x', '', 'mất điểm']);
    expect(shown('2.3')).toEqual(['', '', '', '']);

    const imported = await upload(agency, res.rawPayload);
    expect(imported.status).toBe(201);
    const back = new Map(flat(imported.body.nodes).map((n: Node) => [n.code, n]));
    expect(back.get('2.2')!.evidenceRequirement).toEqual({
      kind: 'report',
      mustBeSigned: true,
      deadline: '2024-12-15',
      signingDateDiffers: 'warning',
    });
    expect(back.get('7.2')!.evidenceRequirement).toEqual({ kind: 'regulation' });
    expect(back.get('1')!.evidenceRequirement).toEqual({
      mustBeSigned: true,
      signingDateDiffers: 'problem',
    });
    expect(back.get('2.3')!.evidenceRequirement).toBeNull();
    expect(strip(imported.body.nodes)).toEqual(strip(saved.body.nodes));
  });

  it('refuses an unknown type of document, an impossible deadline or signing-date rule, naming row and column', async () => {
    const before = await countSets();
    const file = await workbook([
      [
        ...HEADER,
        'Loại văn bản yêu cầu',
        'Phải ký số',
        'Hạn ban hành',
        'Ngày ký khác ngày ban hành',
      ],
      ['1', 'Kế hoạch CCHC', '2', '', '', '', 'chấm điểm', 'Kế hoạch', 'có', '31/12/2026', ''],
      ['2', 'Giấy mời họp', '1', '', '', '', 'chấm điểm', 'giấy mời', '', '31/02/2026', ''],
      ['3', 'Báo cáo', '1', '', '', '', 'chấm điểm', '', 'chắc chắn', '', 'bỏ qua'],
    ]);
    const res = await upload(agency, file);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp Excel có 4 lỗi; chưa có dữ liệu nào được lưu.');
    expect(res.body.error.details).toEqual([
      {
        sheet: 'Bộ chỉ số',
        row: 3,
        column: 'H (Loại văn bản yêu cầu)',
        message: expect.stringMatching(/^giá trị «giấy mời» không hợp lệ; dùng: nghị quyết; /),
      },
      {
        sheet: 'Bộ chỉ số',
        row: 3,
        column: 'J (Hạn ban hành)',
        message: 'ngày «31/02/2026» không hợp lệ (dạng 15/01/2026)',
      },
      {
        sheet: 'Bộ chỉ số',
        row: 4,
        column: 'I (Phải ký số)',
        message: 'giá trị «chắc chắn» không hợp lệ; dùng: x (có), để trống (không)',
      },
      {
        sheet: 'Bộ chỉ số',
        row: 4,
        column: 'K (Ngày ký khác ngày ban hành)',
        message: 'giá trị «bỏ qua» không hợp lệ; dùng: mất điểm, cảnh báo, để trống (mất điểm)',
      },
    ]);
    expect(await countSets()).toBe(before);
  });

  it('reads a province annex with title lines, Vietnamese headers and decimal commas', async () => {
    const file = await workbook([
      ['PHỤ LỤC I'],
      ['BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ'],
      HEADER,
      ['1', 'Công tác chỉ đạo, điều hành', '2,5', '', '', 'Nội vụ', ''],
      [
        '1.1',
        'Kế hoạch CCHC năm',
        1.5,
        'Ban hành đúng hạn',
        'Kế hoạch',
        'Nội vụ',
        'đúng hạn: hạn 31/12/2021; trễ 0,5',
      ],
      ['1.2', 'Báo cáo CCHC', '1', '', 'Báo cáo', 'Nội vụ', 'trừ: 0,25/lần'],
    ]);
    const res = await upload(agency, file, 'phu-luc-1.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.set.name).toBe('phu-luc-1');
    expect(res.body.nodes[0]).toMatchObject({
      code: '1',
      maxHundredths: 250,
      agency: 'Nội vụ',
      children: [
        { code: '1.1', maxHundredths: 150 },
        { code: '1.2', maxHundredths: 100 },
      ],
    });
    expect(res.body.problems).toEqual([]);
  });

  const countSets = async () => (await agency.get('/api/v1/criteria-sets')).body.items.length;

  it.each([
    [
      'a missing column',
      [
        ['STT', 'Tiêu chí', 'Cách chấm'],
        ['1', 'A', ''],
      ],
      'Trang «Bộ chỉ số» thiếu cột: STT, Tiêu chí, tiêu chí thành phần, Điểm tối đa. Dòng tiêu đề phải có các cột này.',
      undefined,
    ],
    [
      'a renamed column',
      [
        ['STT', 'Tiêu chí', 'Điểm'],
        ['1', 'A', '1'],
      ],
      'Trang «Bộ chỉ số» thiếu cột: STT, Tiêu chí, tiêu chí thành phần, Điểm tối đa. Dòng tiêu đề phải có các cột này.',
      undefined,
    ],
    [
      'text in a number cell',
      [HEADER, ['1', 'A', 'mười', '', '', '', 'chấm điểm']],
      'Tệp Excel có 1 lỗi; chưa có dữ liệu nào được lưu.',
      { sheet: 'Bộ chỉ số', row: 2, column: 'C (Điểm tối đa)', message: '«mười» không phải số' },
    ],
    [
      'three decimals',
      [HEADER, ['1', 'A', '1,255', '', '', '', 'chấm điểm']],
      'Tệp Excel có 1 lỗi; chưa có dữ liệu nào được lưu.',
      {
        sheet: 'Bộ chỉ số',
        row: 2,
        column: 'C (Điểm tối đa)',
        message: '«1,255» có quá hai chữ số thập phân',
      },
    ],
    [
      'an orphan code',
      [HEADER, ['1', 'A', '1', '', '', '', ''], ['3.1', 'B', '1', '', '', '', '']],
      'Tệp Excel có 1 lỗi; chưa có dữ liệu nào được lưu.',
      {
        sheet: 'Bộ chỉ số',
        row: 3,
        column: 'A (STT)',
        message: 'không có tiêu chí cấp trên «3» ở các dòng phía trên',
      },
    ],
    [
      'a bad rule',
      [HEADER, ['1', 'A', '1', '', '', '', 'khung: [0;50)=0; [50;abc]=1']],
      'Tệp Excel có 1 lỗi; chưa có dữ liệu nào được lưu.',
      { sheet: 'Bộ chỉ số', row: 2, column: 'G (Quy tắc chấm)' },
    ],
  ])(
    'refuses %s with sheet, row and column, saving nothing',
    async (_name, rows, message, detail) => {
      const before = await countSets();
      const res = await upload(agency, await workbook(rows as unknown[][]));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
      if (detail) expect(res.body.error.details[0]).toMatchObject(detail);
      expect(await countSets()).toBe(before);
    },
  );

  it('refuses merged cells', async () => {
    const file = await workbook(
      [HEADER, ['1', 'A', '1', '', '', '', 'chấm điểm'], ['', '', '', '', '', '', '']],
      (ws) => ws.mergeCells('A2:A3'),
    );
    const res = await upload(agency, file);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({
      sheet: 'Bộ chỉ số',
      row: 2,
      column: 'A',
      message: 'ô gộp A2:A3 không được hỗ trợ; hãy bỏ gộp ô',
    });
  });

  it('refuses an empty sheet and a sheet of 6,000 rows', async () => {
    const empty = await upload(agency, await workbook([]));
    expect(empty.body.error.message).toBe('Trang «Bộ chỉ số» không có dữ liệu.');
    const rows: unknown[][] = [HEADER];
    for (let i = 1; i <= 6_000; i++)
      rows.push([String(i), `Tiêu chí ${i}`, '1', '', '', '', 'chấm điểm']);
    const big = await upload(agency, await workbook(rows));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(
      /^Trang «Bộ chỉ số» có [\d.]+ dòng, vượt giới hạn 5\.000 dòng\.$/,
    );
  });

  it('refuses a file that is not xlsx, whatever its name', async () => {
    const csv = await upload(
      agency,
      Buffer.from('STT,Tiêu chí,Điểm tối đa\n1,A,1\n'),
      'bo-chi-so.xlsx',
    );
    expect(csv.status).toBe(415);
    expect(csv.body.error.message).toBe('Tệp không phải bảng tính Excel (.xlsx).');
    const zipOfText = zipFile([{ name: 'hello.txt', data: Buffer.from('xin chào') }]);
    expect((await upload(agency, zipOfText)).body.error.message).toBe(
      'Tệp Excel bị hỏng, không đọc được.',
    );
  });

  it('stops a zip bomb before inflating it', async () => {
    const bomb = zipFile([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(agency, bomb);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe(
      'Tệp quá lớn khi giải nén: phần xl/worksheets/sheet1.xml vượt 48 MB; có thể là tệp độc hại.',
    );
  });
});

async function cookieOf(username: string): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'demo-parindex' },
  });
  return `parindex_session=${res.cookies.find((c) => c.name === 'parindex_session')!.value}`;
}

/** A minimal zip writer (deflate), so the tests can build hostile archives. */
function zipFile(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const compressed = deflateRawSync(e.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
