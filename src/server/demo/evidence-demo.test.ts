/**
 * The demo's evidence file: xã Kim Phượng's 2026 plan, cited for 1.1.1, is read and found unsigned
 * where the sub-criterion asks for a signed plan, as the officer sees it in the pre-submission
 * check; loading it again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainEvidenceChecks } from '../features/evidence/check.service.ts';
import {
  campaignIdByName,
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../test-support/harness.ts';
import { loadDemoEvidence } from './evidence-demo.ts';

let h: Harness;
let officer: Client;
let c2026 = 0;
let kimPhuong = 0;

beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('canbo.kimphuong');
  c2026 = await campaignIdByName(officer, 2026, /dữ liệu mẫu/);
  kimPhuong = await unitIdByCode(officer, '05551');
});
afterAll(async () => h?.close());

describe('the demo’s evidence file', () => {
  it('is added once, to the unit’s library, and cited by its self-assessment of 1.1.1', async () => {
    expect(await loadDemoEvidence(h.deps)).toBe(true);
    expect(await loadDemoEvidence(h.deps)).toBe(false);
    const library = await officer.get(`/api/v1/units/${kimPhuong}/evidence`);
    expect(library.status).toBe(200);
    const plans = library.body.items.filter(
      (d: { number: string | null }) => d.number === '05/KH-UBND',
    );
    expect(plans).toHaveLength(1);
    const sheet = await officer.get(`/api/v1/campaigns/${c2026}/units/${kimPhuong}/sheet`);
    interface SheetNode {
      code: string;
      entry: { self: { evidence: string[] } } | null;
      children: SheetNode[];
    }
    const flat = (nodes: SheetNode[]): SheetNode[] =>
      nodes.flatMap((n) => [n, ...flat(n.children)]);
    const node = flat(sheet.body.nodes as SheetNode[]).find((n) => n.code === '1.1.1');
    expect(node?.entry?.self.evidence.map(Number)).toEqual([plans[0].id]);
  });

  it('shows the officer the plan read and found unsigned, where a signed plan is asked', async () => {
    await drainEvidenceChecks(h.deps);
    const res = await officer.get(`/api/v1/campaigns/${c2026}/units/${kimPhuong}/evidence-risks`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, pending: 0 });
    const plan = res.body.risks.find((r: { nodeCode: string }) => r.nodeCode === '1.1.1');
    expect(plan).toMatchObject({ documentNumber: '05/KH-UBND' });
    expect(plan.findings.map((f: { message: string }) => f.message)).toEqual([
      'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
    ]);
  });
});
