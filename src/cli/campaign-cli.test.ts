/**
 * `parindex campaign …` end to end through the real command: create a campaign from a frozen set
 * and a file of unit codes, import scores (refused whole with row and column, then accepted), and
 * print the results as JSON, CSV and Excel. Seed 000's 58,25 (Trung bình) is the check.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDb } from '../server/infra/db.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/parindex.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'parindex-campaign-cli-'));
const dataDir = path.join(work, 'data');
const file = (name: string) => path.join(work, name);

async function parindex(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        PARINDEX_DATA_DIR: dataDir,
        PARINDEX_ADMIN_PASSWORD: 'admin-cli-password',
        LOG_LEVEL: 'silent',
      },
      timeout: 120_000,
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let setId = 0;
let campaignId = 0;

beforeAll(async () => {
  expect((await parindex('demo')).code).toBe(0);
  const db = await openEmbeddedDb(dataDir);
  try {
    const [row] = await db.query<{ id: number }>(
      "SELECT id FROM criteria_sets WHERE origin = 'bundled:thai-nguyen-xa-2022'",
    );
    setId = row!.id;
  } finally {
    await db.close();
  }
  writeFileSync(file('units.txt'), '05545\n05566\n');
  writeFileSync(file('bad-units.txt'), '05545\nKHONG-CO\n');
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test starts the command several times (a cold TypeScript start each): generous time limits.
describe('parindex campaign', { timeout: 240_000 }, () => {
  it('lists the campaign commands in the usage', async () => {
    expect((await parindex('help')).stdout).toMatch(
      /campaign import-scores <id đợt> <tệp.csv\|xlsx>/,
    );
  });

  it('refuses unknown unit codes with their line, and creates a campaign printing its id', async () => {
    const bad = await parindex(
      'campaign',
      'create',
      '--name',
      'Thử',
      '--year',
      '2022',
      '--criteria',
      String(setId),
      '--units',
      file('bad-units.txt'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Không tìm thấy đơn vị: dòng 2: «KHONG-CO»/);
    const created = await parindex(
      'campaign',
      'create',
      '--name',
      'Chỉ số CCHC 2022 (nhập từ tệp)',
      '--year',
      '2022',
      '--criteria',
      String(setId),
      '--units',
      file('units.txt'),
      '--survey-max',
      '0',
    );
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^\d+$/);
    campaignId = Number(created.stdout.trim());
  });

  it('imports nothing from a file with problems, listing each with its row and column', async () => {
    writeFileSync(
      file('bad.csv'),
      'unit_code,node_code,self,round1,round2,reason\n05545,1,6,,,\n05545,2,8,,,\n05545,99,1,,,\n05545,3,1.255,,,\nKHONG-CO,1,1,,,\n',
    );
    const res = await parindex('campaign', 'import-scores', String(campaignId), file('bad.csv'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Tệp điểm có 4 lỗi; chưa có điểm nào được nhập/);
    expect(res.stderr).toMatch(/dòng 3, cột «self»: Điểm 8 vượt điểm tối đa 7/);
    expect(res.stderr).toMatch(
      /dòng 4, cột «node_code»: Mã tiêu chí «99» không có trong bộ chỉ số/,
    );
    expect(res.stderr).toMatch(/dòng 5, cột «self»: .*hai chữ số/);
    expect(res.stderr).toMatch(/dòng 6, cột «unit_code»: Không có đơn vị mã «KHONG-CO»/);
    const results = JSON.parse(
      (await parindex('campaign', 'results', String(campaignId), '--format', 'json')).stdout,
    );
    expect(results.units.find((u: { unitCode: string }) => u.unitCode === '05545').total).toBe(0);
  });

  it('imports seed 000 and seed 002 from CSV and Excel, and prints the results', async () => {
    const quyKy = ['6', '6', '5', '13,5', '9', '3', '6,25', '9,5'].map(
      (s, i) => `05545,${i + 1},"${s}","${s}",,`,
    );
    writeFileSync(
      file('scores.csv'),
      ['unit_code,node_code,self,round1,round2,reason', ...quyKy, '05545,survey,0,,,'].join('\n'),
    );
    const ok = await parindex('campaign', 'import-scores', String(campaignId), file('scores.csv'));
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Đã nhập 8 dòng điểm và 1 điểm điều tra XHH của 1 đơn vị/);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Điểm');
    ws.addRow(['unit_code', 'node_code', 'self', 'round1', 'round2', 'reason']);
    ws.addRow([
      '05566',
      '2.2',
      1.5,
      1,
      null,
      'Có kế hoạch rà soát văn bản QPPL nhưng không có văn bản để rà soát.',
    ]);
    ws.addRow(['05566', '2.3', 2, 1.5, null, 'Việc công khai văn bản QPPL còn ít.']);
    ws.addRow([
      '05566',
      '7.2',
      0.5,
      0.5,
      null,
      'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
    ]);
    await wb.xlsx.writeFile(file('scores.xlsx'));
    const xlsx = await parindex(
      'campaign',
      'import-scores',
      String(campaignId),
      file('scores.xlsx'),
    );
    expect(xlsx.code).toBe(0);

    const json = await parindex('campaign', 'results', String(campaignId), '--format', 'json');
    expect(json.code).toBe(0);
    const results = JSON.parse(json.stdout);
    const unit = results.units.find((u: { unitCode: string }) => u.unitCode === '05545');
    expect(unit).toMatchObject({
      unitCode: '05545',
      total: 58.25,
      surveyPoints: 0,
      index: 58.25,
      class: 'Trung bình',
      rank: 1,
    });
    expect(unit.criteria[3]).toEqual({ code: '4', score: 13.5, max: 20, rank: 1 });

    const csv = await parindex('campaign', 'results', String(campaignId), '--format', 'csv');
    expect(csv.stdout).toMatch(
      /^\uFEFFunitCode,unitName,unitKind,total,surveyPoints,index,class,rank/,
    );
    expect(csv.stdout).toMatch(/05545,Xã Quy Kỳ,commune,58.25,0,58.25,Trung bình,1,6,10,1/);

    const out = file('results.xlsx');
    expect(
      (await parindex('campaign', 'results', String(campaignId), '--format', 'xlsx')).code,
    ).toBe(2);
    const written = await parindex(
      'campaign',
      'results',
      String(campaignId),
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(written.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === '05545')?.slice(3, 8)).toEqual([
      58.25,
      0,
      58.25,
      'Trung bình',
      1,
    ]);
  });
});
