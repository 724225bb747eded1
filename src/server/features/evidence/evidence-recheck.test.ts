/**
 * Re-checking a unit's whole evidence library as a background batch whose progress is polled,
 * through the HTTP API: who may start it, who may follow it, and that the findings are read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { drainEvidenceChecks } from './check.service.ts';
import {
  decree30Lines,
  textPdf,
  truncatedPdf,
  vietnameseFont,
} from '../../test-support/test-pdfs.ts';
import { multipart } from '../../test-support/test-files.ts';

let h: Harness;
let officer: Client;
let kimPhuong = 0;

beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('canbo.kimphuong');
  kimPhuong = await unitIdByCode(officer, '05551');
});
afterAll(async () => h?.close());

async function upload(name: string, content: Buffer): Promise<number> {
  const { body, headers } = multipart({ name, content });
  const res = await officer.request<any>(
    'POST',
    `/api/v1/units/${kimPhuong}/evidence`,
    body,
    headers,
  );
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Polls a batch, as the progress bar does, until it says it is done (or 60 s pass). */
async function pollUntilDone(client: Client, id: number) {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/v1/evidence-rechecks/${id}`);
    expect(res.status).toBe(200);
    seen.push(res.body.checked);
    if (res.body.done) return { last: res.body, seen };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`batch ${id} did not finish`);
}

describe.skipIf(!vietnameseFont)('re-checking the evidence library as a batch', () => {
  const plans: number[] = [];

  beforeAll(async () => {
    for (const n of [31, 32, 33]) {
      const lines = decree30Lines('Quy Kỳ, ngày 12 tháng 3 năm 2025');
      lines[2] = [`Số: ${n}/KH-UBND`, 'Quy Kỳ, ngày 12 tháng 3 năm 2025'];
      lines[5] = [`Kiểm tra lại hàng loạt, kế hoạch số ${n}`];
      plans.push(await upload(`ke-hoach-${n}.pdf`, await textPdf(lines)));
    }
    const broken = decree30Lines();
    broken[5] = ['Kiểm tra lại hàng loạt, tệp hỏng'];
    await upload('tep-hong.pdf', truncatedPdf(await textPdf(broken)));
    await drainEvidenceChecks(h.deps);
  });

  it('queues every file, returns at once, and reaches done with the findings read again', async () => {
    // What an older reader left: the first plan's check says it timed out, nothing read.
    const [stale] = plans;
    await h.deps.db.query(
      `UPDATE evidence_checks SET status = 'unreadable', error = 'timeout', metadata = NULL
       WHERE version_id = (SELECT id FROM evidence_versions WHERE document_id = $1)`,
      [stale],
    );
    const before = await officer.get(`/api/v1/evidence/${stale}/check`);
    expect(before.body.errorMessage).toBe(
      'Đọc nội dung tệp quá lâu nên đã dừng; hãy kiểm tra tệp bằng mắt.',
    );

    const started = await officer.post(`/api/v1/units/${kimPhuong}/evidence/rechecks`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ unitId: kimPhuong, total: 4, checked: 0, done: false });

    const { last, seen } = await pollUntilDone(officer, started.body.id);
    expect(last).toMatchObject({ total: 4, checked: 4, unreadable: 1, done: true });
    // Progress only goes forward.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const after = await officer.get(`/api/v1/evidence/${stale}/check`);
    expect(after.body).toMatchObject({
      status: 'done',
      errorMessage: null,
      metadata: { number: '31/KH-UBND', issuedOn: '2025-03-12' },
    });
  });

  it('lets the standing agency above the unit start one, and the appraiser follow it', async () => {
    const agency = await h.login('noivu.thainguyen');
    const started = await agency.post(`/api/v1/units/${kimPhuong}/evidence/rechecks`);
    expect(started.status).toBe(202);
    const appraiser = await h.login('thamdinh.thainguyen');
    const { last } = await pollUntilDone(appraiser, started.body.id);
    expect(last).toMatchObject({ total: 4, checked: 4, done: true });
  });

  it('refuses those who may not manage the unit’s evidence, and other units', async () => {
    const appraiser = await h.login('thamdinh.thainguyen');
    const refused = await appraiser.post(`/api/v1/units/${kimPhuong}/evidence/rechecks`);
    expect(refused.status).toBe(403);
    const other = await h.login('canbo.dailanh');
    const otherUnit = await other.post(`/api/v1/units/${kimPhuong}/evidence/rechecks`);
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.error.message).toMatch(
      /^Bạn không có quyền thực hiện thao tác này trên đơn vị «.*Kim Phượng»\.$/,
    );

    const own = await officer.post(`/api/v1/units/${kimPhuong}/evidence/rechecks`);
    expect(own.status).toBe(202);
    const peek = await other.get(`/api/v1/evidence-rechecks/${own.body.id}`);
    expect(peek.status).toBe(403);
    expect((await officer.get('/api/v1/evidence-rechecks/999999')).status).toBe(404);
    await pollUntilDone(officer, own.body.id);
    // Refused requests started nothing: the three batches are the only ones recorded.
    const batches = await h.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence_recheck_batches WHERE unit_id = $1',
      [kimPhuong],
    );
    expect(batches[0]!.n).toBe(3);
  });
});
