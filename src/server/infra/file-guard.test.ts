/**
 * Every file input goes through one guard: hostile Office files (zip bombs as .xlsx and .docx,
 * sizes in the archive that lie, XML with a DOCTYPE, too many cells) and heavy honest ones sent to
 * each file route get a clear refusal naming what is wrong (never a 500, nothing saved), and three
 * of them at once leave the server answering /healthz within a second, its memory bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../test-support/test-files.ts';
import {
  campaignIdByName,
  createHarness,
  type Client,
  type Harness,
} from '../test-support/harness.ts';
import {
  documentBomb,
  doctypeDocx,
  doctypeXlsx,
  largeXlsx,
  manyCellsXlsx,
  sharedStringsBomb,
  xlsxOf,
} from '../test-support/hostile-files.ts';
import { inspectZip, ZIP_POLICIES } from './zip-guard.ts';

const MB = 1024 * 1024;

let h: Harness;
let admin: Client;
let campaignId: number;
let sipasCampaignId: number;
let unitId: number;
let stringsBomb: Buffer;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  campaignId = await campaignIdByName(admin, 2026, /dữ liệu mẫu/);
  sipasCampaignId = (
    await h.deps.db.query<{ id: number }>('SELECT id FROM sipas_campaigns ORDER BY id LIMIT 1')
  )[0]!.id;
  unitId = (await h.deps.db.query<{ id: number }>("SELECT id FROM units WHERE code = '05545'"))[0]!
    .id;
  // 300 MB of shared strings in about 300 KB, the archive declaring 1 byte for it.
  stringsBomb = await sharedStringsBomb(300 * MB);
});

afterAll(async () => {
  await h?.close();
});

/** Sends `content` as the multipart file of a route, with its text fields. */
function send(
  client: Client,
  method: string,
  url: string,
  content: Buffer,
  name: string,
  fields: Record<string, string> = {},
) {
  const m = multipart({ name, content }, fields);
  return client.request(method, url, m.body, m.headers);
}

/** Every route that reads a workbook, with the fields it needs. */
const workbookRoutes = (): Array<{ url: string; method?: string; fields?: object }> => [
  { url: '/api/v1/criteria-sets/import' },
  { url: '/api/v1/sipas/questionnaires/import' },
  { url: `/api/v1/sipas/campaigns/${sipasCampaignId}/import/preview` },
  { url: `/api/v1/sipas/campaigns/${sipasCampaignId}/import/check`, fields: { mapping: '{}' } },
  { url: `/api/v1/campaigns/${campaignId}/scores/preview` },
  { url: `/api/v1/campaigns/${campaignId}/scores/import` },
  { url: '/api/v1/dossiers/import/preview', fields: { source: 'Nguồn thử' } },
  { url: '/api/v1/dossiers/import', fields: { source: 'Nguồn thử' } },
  { url: '/api/v1/dossiers/postal-catalogue/file', fields: { unitId: '' } },
  { url: `/api/v1/units/:unit/evidence` },
];

function routeUrl(url: string): string {
  return url.replace(':unit', String(unitId));
}

describe('the guard itself', () => {
  it('inflates a part whose declared size lies as a stream and stops at the cap, naming it', async () => {
    const before = process.memoryUsage().rss;
    const result = await inspectZip(stringsBomb, ZIP_POLICIES.dossiers);
    expect(result).toEqual({
      ok: false,
      problem: expect.objectContaining({ part: 'xl/sharedStrings.xml' }),
    });
    // The bomb never sat in memory: far less than the 160 MB it was allowed to reach.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MB);
  });

  it('refuses a document type declaration in any XML part', async () => {
    const result = await inspectZip(doctypeXlsx(), ZIP_POLICIES.workbook);
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'xml_doctype', part: 'xl/sharedStrings.xml' },
    });
  });

  it('lets an honest workbook through', async () => {
    const result = await inspectZip(
      xlsxOf([
        ['a', 'b'],
        ['1', '2'],
      ]),
      ZIP_POLICIES.workbook,
    );
    expect(result.ok).toBe(true);
  });
});

describe('every workbook route', () => {
  it('refuses a shared-strings bomb with a message naming the part, in Vietnamese and English', async () => {
    for (const route of workbookRoutes()) {
      const fields = { ...(route.fields ?? {}) } as Record<string, string>;
      if ('unitId' in fields) fields.unitId = String(unitId);
      const res = await send(admin, 'POST', routeUrl(route.url), stringsBomb, 'bang.xlsx', fields);
      expect({ url: route.url, status: res.status }).toEqual({ url: route.url, status: 413 });
      expect(res.body.error.message).toMatch(
        /^Tệp (quá lớn khi giải nén: phần xl\/sharedStrings\.xml vượt|nén bất thường: phần xl\/sharedStrings\.xml giải nén ra gấp)/,
      );
    }
    const m = multipart({ name: 'bang.xlsx', content: stringsBomb });
    const english = await admin.request('POST', '/api/v1/criteria-sets/import', m.body, {
      ...m.headers,
      'accept-language': 'en',
    });
    expect(english.body.error.message).toMatch(/part xl\/sharedStrings\.xml/);
    // Eleven uploads, each a worker started and 50–160 MB inflated: minutes on a busy machine.
  }, 600_000);

  it('refuses a workbook with a DOCTYPE, and one with too many cells', async () => {
    const doctype = await send(
      admin,
      'POST',
      '/api/v1/criteria-sets/import',
      doctypeXlsx(),
      'b.xlsx',
    );
    expect(doctype.status).toBe(400);
    expect(doctype.body.error.message).toBe(
      'Tệp bị từ chối: phần xl/sharedStrings.xml có khai báo DOCTYPE hoặc ENTITY, điều tệp Office thật không có.',
    );
    const cells = await send(
      admin,
      'POST',
      '/api/v1/sipas/questionnaires/import',
      await manyCellsXlsx(400_000),
      'b.xlsx',
    );
    expect(cells.status).toBe(413);
    expect(cells.body.error.message).toBe(
      'Bảng tính có quá nhiều ô: tới phần xl/worksheets/sheet1.xml đã vượt 300.000 ô.',
    );
  });

  it('starts no dossier import job for a bomb', async () => {
    const jobs = await h.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossier_import_jobs',
    );
    expect(jobs[0]!.n).toBe(0);
  });
});

describe('the Word template upload', () => {
  it('refuses a 95 MB document part (declared or not) and a DOCTYPE; the shipped template stays', async () => {
    const url = '/api/v1/documents/templates/self_assessment_report';
    for (const lie of [false, true]) {
      const res = await send(admin, 'PUT', url, await documentBomb(95 * MB, { lie }), 'mau.docx');
      expect(res.status).toBe(413);
      expect(res.body.error.message).toMatch(
        /^Tệp (quá lớn khi giải nén: phần word\/document\.xml vượt 8 MB|nén bất thường: phần word\/document\.xml)/,
      );
    }
    const doctype = await send(admin, 'PUT', url, doctypeDocx(), 'mau.docx');
    expect(doctype.status).toBe(400);
    expect(doctype.body.error.message).toContain('phần word/document.xml có khai báo DOCTYPE');
    const list = await admin.get('/api/v1/documents/templates');
    const own = list.body.types.find((t: { type: string }) => t.type === 'self_assessment_report');
    expect(own.own).toBeNull();
  });
});

describe('three hostile files at once', () => {
  it('keep /healthz answering within 1 s and the process under 1.5 GB', async () => {
    const heavy = largeXlsx(10 * MB);
    expect(heavy.length).toBeGreaterThan(9 * MB);
    let done = false;
    let slowest = 0;
    let peakRss = process.memoryUsage().rss;
    let polls = 0;
    const poll = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await h.app.inject({ method: 'GET', url: '/healthz' });
        slowest = Math.max(slowest, performance.now() - started);
        expect(res.statusCode).toBe(200);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        polls++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let results: Awaited<ReturnType<typeof send>>[];
    try {
      results = await Promise.all([
        send(
          admin,
          'PUT',
          '/api/v1/documents/templates/self_assessment_report',
          await documentBomb(95 * MB, { lie: true }),
          'mau.docx',
        ),
        send(
          admin,
          'POST',
          `/api/v1/campaigns/${campaignId}/scores/preview`,
          stringsBomb,
          'd.xlsx',
        ),
        send(admin, 'POST', '/api/v1/dossiers/import/preview', stringsBomb, 'h.xlsx', {
          source: 'Nguồn thử',
        }),
        send(
          admin,
          'POST',
          `/api/v1/sipas/campaigns/${sipasCampaignId}/import/preview`,
          heavy,
          'phieu.xlsx',
        ),
      ]);
    } finally {
      done = true;
      await poll;
    }
    for (const res of results) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toMatch(/^(Tệp|Bảng tính|Đọc tệp)/);
    }
    expect(polls).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1000);
    expect(peakRss).toBeLessThan(1.5 * 1024 * MB);
  }, 300_000);
});
