/**
 * The dossier list page by page: whatever the scope (a district with its communes, the whole
 * scope of the user), with or without a quarter, the pages put together are the scope's dossiers
 * newest receipt first (then code), each once, with the right total — receipts shared by several
 * dossiers at a page's edge included. The expected order is worked out here from the rows
 * written to the file.
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

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h.close());

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Tên thủ tục,Mã đơn vị,Mã cán bộ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Số lần bổ sung,Số cơ quan,Kênh tiếp nhận,Thanh toán trực tuyến';
const MAPPING = {
  code: 'Mã hồ sơ',
  procedureCode: 'Mã thủ tục',
  procedureName: 'Tên thủ tục',
  unitCode: 'Mã đơn vị',
  officialCode: 'Mã cán bộ',
  receivedAt: 'Ngày tiếp nhận',
  dueAt: 'Ngày hẹn trả',
  finishedAt: 'Ngày trả kết quả',
  completionRequests: 'Số lần bổ sung',
  agenciesInvolved: 'Số cơ quan',
  channel: 'Kênh tiếp nhận',
  onlinePayment: 'Thanh toán trực tuyến',
};

interface Written {
  code: string;
  unit: string;
  /** Sortable receipt: yyyy-mm-dd hh:mm. */
  at: string;
  period: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * 66 dossiers of three communes of Điện Biên Đông in two quarters of 2024; receipts repeat (three
 * dossiers in a row share theirs), so pages end inside a run of equal times.
 */
function dossiers(): Written[] {
  const units = ['03203', '03205', '03208'];
  const out: Written[] = [];
  for (let i = 0; i < 66; i++) {
    const month = i % 2 === 0 ? 2 : 5;
    // The k-th dossier of its month; three in a row share a receipt.
    const k = Math.floor(i / 2);
    const day = 1 + Math.floor(k / 3);
    const minute = (k * 7) % 60;
    out.push({
      code: `LP-${String((i * 37) % 101).padStart(3, '0')}-${i}`,
      unit: units[i % 3]!,
      at: `2024-${two(month)}-${two(day)} 08:${two(k % 3 === 0 ? minute : ((k - (k % 3)) * 7) % 60)}`,
      period: month === 2 ? '2024-Q1' : '2024-Q2',
    });
  }
  return out;
}

function csvRow(d: Written): string {
  const [date, time] = d.at.split(' ');
  const [y, m, day] = date!.split('-');
  const received = `${day}/${m}/${y} ${time}`;
  const due = `${two(Number(day) + 3)}/${m}/${y} 17:00`;
  return [
    d.code,
    '1.001193',
    'Đăng ký khai sinh',
    d.unit,
    'CB1',
    received,
    due,
    '',
    '0',
    '1',
    'Trực tiếp',
    '',
  ].join(',');
}

/** Newest receipt first, then code (as the list's order says). */
function expectedOrder(rows: Written[]): string[] {
  return [...rows]
    .sort((a, b) => (a.at === b.at ? (a.code < b.code ? -1 : 1) : a.at < b.at ? 1 : -1))
    .map((d) => d.code);
}

async function allPages(client: Client, query: string, size: number) {
  const codes: string[] = [];
  let total = -1;
  for (let offset = 0; offset < 5000; offset += size) {
    const res = await client.get<{ items: Array<{ code: string }>; total: number }>(
      `/api/v1/dossiers?${query}&limit=${size}&offset=${offset}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    total = res.body.total;
    codes.push(...res.body.items.map((d) => d.code));
    if (res.body.items.length < size) break;
  }
  return { codes, total };
}

describe('the dossier list, page by page', () => {
  it('gives every dossier of the scope once, newest first, whatever the page size', async () => {
    const rows = dossiers();
    await importRows(rows);
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    const q1 = rows.filter((d) => d.period === '2024-Q1');
    for (const size of [7, 11, 50]) {
      const page = await allPages(admin, `unitId=${district}&period=2024-Q1`, size);
      expect(page.codes).toEqual(expectedOrder(q1));
      expect(page.total).toBe(q1.length);
    }
    // Every quarter: these and the demo's dossiers of the district, each once.
    const both = await allPages(admin, `unitId=${district}`, 9);
    expect(both.codes.filter((c) => c.startsWith('LP-'))).toEqual(expectedOrder(rows));
    expect(new Set(both.codes).size).toBe(both.codes.length);
    expect(both.total).toBe(both.codes.length);
    // Without a unit: the user's whole scope (here everything, these and the demo's dossiers).
    const everywhere = await allPages(admin, 'period=2024-Q2', 13);
    expect(new Set(everywhere.codes).size).toBe(everywhere.codes.length);
    expect(everywhere.codes.filter((c) => c.startsWith('LP-'))).toEqual(
      expectedOrder(rows.filter((d) => d.period === '2024-Q2')),
    );
    expect(everywhere.total).toBe(everywhere.codes.length);
    // One commune: its dossiers only.
    const commune = await unitIdByCode(admin, '03205');
    const own = await allPages(admin, `unitId=${commune}&period=2024-Q1`, 4);
    expect(own.codes).toEqual(expectedOrder(q1.filter((d) => d.unit === '03205')));
    // Another dossier of the quarter: the next read counts it (totals are not kept past a write).
    const extra: Written = {
      code: 'LP-999-X',
      unit: '03208',
      at: '2024-03-20 09:00',
      period: '2024-Q1',
    };
    await importRows([extra]);
    q1.push(extra);
    const after = await allPages(admin, `unitId=${district}&period=2024-Q1`, 50);
    expect(after.codes).toEqual(expectedOrder(q1));
    expect(after.total).toBe(q1.length);
    // Past the end: an empty page and the same total.
    const past = await admin.get<{ items: unknown[]; total: number }>(
      `/api/v1/dossiers?unitId=${district}&period=2024-Q1&limit=10&offset=500`,
    );
    expect(past.body).toMatchObject({ items: [], total: q1.length });
  });
});

async function importRows(rows: Written[]): Promise<void> {
  const { body, headers } = multipart(
    { source: 'Trang danh sách', mapping: JSON.stringify(MAPPING) },
    [HEADER, ...rows.map(csvRow)].join('\n'),
  );
  const started = await admin.request('POST', '/api/v1/dossiers/import', body, headers);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; ; i++) {
    const job = await admin.get<{ status: string }>(`/api/v1/dossiers/jobs/${started.body.jobId}`);
    if (job.body.status === 'succeeded') break;
    expect(job.body.status).not.toBe('failed');
    expect(i).toBeLessThan(400);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function multipart(
  fields: Record<string, string>,
  csv: string,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----parindex-list-pages';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return {
    body: Buffer.from(parts.join('')),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
