/**
 * The checks against what each sub-criterion asks (configured on the criteria node, versioned with
 * its set) and the pre-submission check of a unit's self-assessment, through the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { drainEvidenceChecks } from './check.service.ts';
import { decree30Lines, textPdf, vietnameseFont } from '../../test-support/test-pdfs.ts';
import { multipart } from '../../test-support/test-files.ts';

let h: Harness;
let agency: Client;
let officer: Client;
let appraiser: Client;
let kimPhuong = 0;
let setId = 0;
let campaignId = 0;

interface Node {
  code: string;
  evidenceRequirement: unknown;
  children: Node[];
}
const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  officer = await h.login('canbo.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  kimPhuong = await unitIdByCode(agency, '05551');
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

describe('what a criteria node asks of its evidence', () => {
  it('is saved with the criteria set and refused when malformed', async () => {
    const copy = await agency.post('/api/v1/criteria-sets', {
      name: 'Bộ chỉ số cấp xã 2026 (kiểm tra tài liệu)',
      year: 2026,
      unitKind: 'commune',
      surveyMaxHundredths: 3000,
      bands: [
        { label: 'Tốt', fromPercent: 8000, toPercent: null },
        { label: 'Yếu', fromPercent: 0, toPercent: 8000 },
      ],
      ownerUnitId: await unitIdByCode(agency, '19'),
      bundledId: 'khung-2025-xa',
    });
    expect(copy.status).toBe(201);
    setId = copy.body.set.id;
    const nodes: Node[] = copy.body.nodes;
    const byCode = new Map(flat(nodes).map((n) => [n.code, n]));
    byCode.get('1')!.evidenceRequirement = {
      kind: 'plan',
      mustBeSigned: true,
      deadline: '2026-01-15',
    };
    byCode.get('2')!.evidenceRequirement = { kind: 'report' };

    const bad = structuredClone(nodes);
    flat(bad).find((n) => n.code === '2')!.evidenceRequirement = { deadline: '15/01/2026' };
    const refused = await agency.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: copy.body.set.version,
      nodes: bad,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toMatch(/evidenceRequirement\.deadline$/);

    const saved = await agency.put(`/api/v1/criteria-sets/${setId}/tree`, {
      version: copy.body.set.version,
      nodes,
    });
    expect(saved.status).toBe(200);
    const read = await agency.get(`/api/v1/criteria-sets/${setId}`);
    const savedByCode = new Map(flat(read.body.nodes).map((n) => [n.code, n]));
    expect(savedByCode.get('1')!.evidenceRequirement).toEqual({
      kind: 'plan',
      mustBeSigned: true,
      deadline: '2026-01-15',
    });
    expect(savedByCode.get('3')!.evidenceRequirement).toBeNull();
  });

  it('moves its deadline with the set copied for the next year', async () => {
    const next = await agency.post(`/api/v1/criteria-sets/${setId}/copy`, {
      year: 2027,
      name: 'Bộ chỉ số cấp xã 2027',
    });
    expect(next.status).toBe(201);
    const node1 = flat(next.body.nodes).find((n: Node) => n.code === '1')!;
    expect(node1.evidenceRequirement).toEqual({
      kind: 'plan',
      mustBeSigned: true,
      deadline: '2027-01-15',
    });
  });
});

describe.skipIf(!vietnameseFont)('the pre-submission check of a self-assessment', () => {
  let planId = 0;

  beforeAll(async () => {
    const created = await agency.post('/api/v1/campaigns', {
      name: 'Chỉ số CCHC năm 2026 (kiểm tra tài liệu)',
      year: 2026,
      deadlines: {
        selfAssessment: '2026-03-10',
        round1: '2026-03-20',
        explanations: '2026-03-31',
        round2: '2026-04-10',
        publication: '2026-04-30',
      },
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: setId }],
    });
    expect(created.status).toBe(201);
    campaignId = created.body.campaign.id;
    const base = `/api/v1/campaigns/${campaignId}`;
    expect((await agency.post(`${base}/participants`, { unitCodes: ['05551'] })).status).toBe(200);
    expect(
      (
        await agency.put(`${base}/assignments`, {
          assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['1', '2', '3'] }],
        })
      ).status,
    ).toBe(200);
    expect((await agency.post(`${base}/open`)).status).toBe(200);

    // A plan issued on 20/01/2026, after the node's deadline, and not signed digitally.
    const lines = decree30Lines('Quy Kỳ, ngày 20 tháng 01 năm 2026');
    lines[2] = ['Số: 05/KH-UBND', 'Quy Kỳ, ngày 20 tháng 01 năm 2026'];
    planId = await upload('ke-hoach-cchc-2026.pdf', await textPdf(lines));
    const unit = `${base}/units/${kimPhuong}`;
    const first = await officer.put(`${unit}/entries/1/self`, {
      version: 0,
      inputs: { score: 650 },
      explanation: 'Đã ban hành kế hoạch CCHC năm 2026.',
      evidence: [planId],
    });
    expect(first.status).toBe(200);
    // Points claimed on node 2 (a report is required) with nothing attached.
    const second = await officer.put(`${unit}/entries/2/self`, {
      version: 0,
      inputs: { score: 500 },
      explanation: 'Đã báo cáo đầy đủ.',
    });
    expect(second.status).toBe(200);
    await drainEvidenceChecks(h.deps);
  });

  it('checks a piece of evidence against its node and the campaign year', async () => {
    const check = await officer.get(
      `/api/v1/evidence/${planId}/check?campaign=${campaignId}&node=1`,
    );
    expect(check.status).toBe(200);
    expect(check.body.findings.map((f: { message: string }) => f.message)).toEqual([
      'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
      'Văn bản ban hành ngày 20/01/2026, sau thời hạn 15/01/2026.',
    ]);
    const unknownNode = await officer.get(
      `/api/v1/evidence/${planId}/check?campaign=${campaignId}&node=42`,
    );
    expect(unknownNode.status).toBe(404);
  });

  it('lists every risk, the most points at risk first', async () => {
    const res = await officer.get(
      `/api/v1/campaigns/${campaignId}/units/${kimPhuong}/evidence-risks`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, pending: 0, checked: 1, pointsAtRisk: 1150 });
    expect(
      res.body.risks.map((r: any) => [
        r.nodeCode,
        r.pointsAtRisk,
        r.documentNumber,
        r.findings.map((f: any) => f.code),
      ]),
    ).toEqual([
      ['1', 650, '05/KH-UBND', ['not_signed', 'issued_after_deadline']],
      ['2', 500, null, ['no_evidence']],
    ]);
    expect(res.body.risks[1].findings[0].message).toBe(
      'Tiêu chí có điểm tự chấm nhưng chưa gắn tài liệu kiểm chứng nào; cơ quan thẩm định sẽ không có căn cứ để công nhận điểm.',
    );
  });

  it('shows the appraiser the same findings and keeps other units out', async () => {
    const own = await officer.get(
      `/api/v1/campaigns/${campaignId}/units/${kimPhuong}/evidence-risks`,
    );
    const seen = await appraiser.get(
      `/api/v1/campaigns/${campaignId}/units/${kimPhuong}/evidence-risks`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.risks).toEqual(own.body.risks);
    const other = await h.login('canbo.dailanh');
    const refused = await other.get(
      `/api/v1/campaigns/${campaignId}/units/${kimPhuong}/evidence-risks`,
    );
    expect(refused.status).toBe(403);
    const unknown = await agency.get(`/api/v1/campaigns/999999/units/${kimPhuong}/evidence-risks`);
    expect(unknown.status).toBe(404);
  });

  it('flags the same file attached to unrelated sub-criteria, and spares the node it was asked for', async () => {
    const unit = `/api/v1/campaigns/${campaignId}/units/${kimPhuong}`;
    const lines = decree30Lines('Quy Kỳ, ngày 02 tháng 02 năm 2026');
    lines[2] = ['Số: 14/BC-UBND', 'Quy Kỳ, ngày 02 tháng 02 năm 2026'];
    lines[4] = ['BÁO CÁO'];
    lines[5] = ['Kết quả kiểm soát thủ tục hành chính năm 2026 (cùng tệp, hai tiêu chí)'];
    const reportId = await upload('bao-cao-kiem-soat-tthc.pdf', await textPdf(lines));
    // Nodes 3 and 4 are different criteria and ask for no type of document: both are flagged.
    for (const [code, score] of [
      ['3', 900],
      ['4', 500],
    ] as const) {
      const saved = await officer.put(`${unit}/entries/${code}/self`, {
        version: 0,
        inputs: { score },
        explanation: 'Có báo cáo kèm theo.',
        evidence: [reportId],
      });
      expect(saved.status).toBe(200);
    }
    // The plan of node 1 (which asks for a plan) also attached to node 5: only node 5 is flagged.
    const five = await officer.put(`${unit}/entries/5/self`, {
      version: 0,
      inputs: { score: 300 },
      explanation: 'Xem kế hoạch CCHC.',
      evidence: [planId],
    });
    expect(five.status).toBe(200);
    await drainEvidenceChecks(h.deps);

    const res = await officer.get(`${unit}/evidence-risks`);
    expect(res.status).toBe(200);
    const byNode = (code: string) => res.body.risks.filter((r: any) => r.nodeCode === code);
    expect(byNode('1').map((r: any) => r.findings.map((f: any) => f.code))).toEqual([
      ['not_signed', 'issued_after_deadline'],
    ]);
    expect(
      ['3', '4', '5'].map((code) =>
        byNode(code).map((r: any) => [r.pointsAtRisk, r.documentNumber, r.findings]),
      ),
    ).toEqual([
      [
        [
          900,
          '14/BC-UBND',
          [
            {
              code: 'same_file_unrelated_node',
              severity: 'problem',
              message:
                'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí 4, không liên quan đến tiêu chí 3; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
            },
          ],
        ],
      ],
      [
        [
          500,
          '14/BC-UBND',
          [
            {
              code: 'same_file_unrelated_node',
              severity: 'problem',
              message:
                'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí 3, không liên quan đến tiêu chí 4; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
            },
          ],
        ],
      ],
      [
        [
          300,
          '05/KH-UBND',
          [
            {
              code: 'same_file_unrelated_node',
              severity: 'problem',
              message:
                'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí 1, không liên quan đến tiêu chí 5; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
            },
          ],
        ],
      ],
    ]);
    // Nodes 1 (6,50), 2 (5,00), 3 (9,00), 4 (5,00) and 5 (3,00) are at risk.
    expect(res.body.pointsAtRisk).toBe(650 + 500 + 900 + 500 + 300);
    expect(res.body.risks[0]).toMatchObject({ nodeCode: '3', pointsAtRisk: 900 });

    // The appraiser sees it beside the piece of evidence, in English too.
    const beside = await appraiser.request<any>(
      'GET',
      `/api/v1/evidence/${planId}/check?campaign=${campaignId}&node=5`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(beside.status).toBe(200);
    expect(beside.body.findings.map((f: any) => f.message)).toEqual([
      'The same file is also attached as evidence to 1, unrelated to 5; the appraiser will see evidence that does not match the criterion and may not accept the points.',
    ]);
    const home = await appraiser.get(
      `/api/v1/evidence/${planId}/check?campaign=${campaignId}&node=1`,
    );
    expect(home.body.findings.map((f: any) => f.code)).toEqual([
      'not_signed',
      'issued_after_deadline',
    ]);
  });
});
