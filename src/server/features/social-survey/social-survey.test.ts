/**
 * The sociological survey end to end over the API: a district's 10 communes rate its 4 offices and
 * the offices rate the communes; several hundred respondents answer through personal single-use
 * links and an imported file, with known answers; every node's points are computed here again from
 * those answers alone and must match the survey's results and the campaign's stored results
 * (provisional until the survey closes). Bad files are refused by row and column with nothing
 * saved; a respondent never rates their own unit and answers once per unit.
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { createDistrictCampaign } from '../../test-support/district-campaign.ts';

let h: Harness;
let admin: Client;
let agency: Client;
let campaignId = 0;
const base = () => `/api/v1/campaigns/${campaignId}/social-survey`;

const OFFICES = ['T901', 'T902', 'T903', 'T904'];
const COMMUNES = Array.from({ length: 10 }, (_, i) => `T9${11 + i}`);
const LEVELS = ['0', '1', '2', '3', '4', '5'];
const VALUE: Record<string, number> = { '1': 0, '2': 25, '3': 50, '4': 75, '5': 100 };

// District offices: favourable answers (levels 4, 5); commune leaders weigh 2, officials 1.
const OFFICE_DESIGN = {
  method: 'favourable',
  scale: {
    levels: [
      { code: '1', label: 'Rất kém', valueHundredths: 0 },
      { code: '2', label: 'Kém', valueHundredths: 2500 },
      { code: '3', label: 'Trung bình', valueHundredths: 5000 },
      { code: '4', label: 'Tốt', valueHundredths: 7500 },
      { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
    ],
    excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
    favourable: ['4', '5'],
  },
  nodes: [
    {
      code: 'X1',
      title: 'Đánh giá về cải cách thủ tục hành chính',
      maxHundredths: 300,
      source: 'questions',
    },
    {
      code: 'X2',
      title: 'Đánh giá về công chức và kết quả',
      maxHundredths: 2700,
      source: 'questions',
    },
  ],
  groups: [
    { code: 'LDX', name: 'Lãnh đạo UBND xã', weight: 2 },
    { code: 'CC', name: 'Công chức', weight: 1 },
  ],
  questions: [
    {
      code: 'Q1',
      text: 'Mức độ công khai, minh bạch thủ tục hành chính của đơn vị',
      nodes: ['X1'],
      groups: ['LDX', 'CC'],
    },
    { code: 'Q2', text: 'Thời gian giải quyết công việc', nodes: ['X1', 'X2'], groups: ['LDX'] },
    { code: 'Q3', text: 'Thái độ phục vụ của công chức', nodes: ['X2'], groups: ['LDX', 'CC'] },
  ],
  rules: [{ group: 'LDX', raterKind: 'commune', scope: 'same_parent', sampleSize: 5 }],
};

// Communes: the mean on the scale; office leaders and delegates weigh the same.
const COMMUNE_DESIGN = {
  ...OFFICE_DESIGN,
  method: 'mean',
  nodes: [
    {
      code: 'Y1',
      title: 'Đánh giá về chính quyền cơ sở',
      maxHundredths: 3000,
      source: 'questions',
    },
  ],
  groups: [
    { code: 'PB', name: 'Lãnh đạo phòng, ban', weight: 1 },
    { code: 'DB', name: 'Đại biểu HĐND', weight: 1 },
  ],
  questions: [
    {
      code: 'C1',
      text: 'Mức độ hài lòng với chỉ đạo, điều hành của UBND xã',
      nodes: ['Y1'],
      groups: ['PB', 'DB'],
    },
    { code: 'C2', text: 'Mức độ công khai ngân sách xã', nodes: ['Y1'], groups: ['DB'] },
  ],
  rules: [{ group: 'PB', raterKind: 'district_office', scope: 'same_parent', sampleSize: 3 }],
};

/** Every answer given in this test: unit code, group, question, level. */
const given: { unit: string; group: string; question: string; level: string }[] = [];

/** A fixed sequence of levels (a linear congruential generator), so the answers are known. */
let seed = 20_260_101;
function nextLevel(): string {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return LEVELS[seed % LEVELS.length]!;
}

function upload(client: Client, url: string, name: string, content: string) {
  const boundary = '----parindex-survey-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/**
 * The points a node should get, computed from `given` alone with exact big-integer fractions:
 * per question the groups' shares weighted, per node the mean of its questions, × max, half up.
 */
function expectedNode(
  design: typeof OFFICE_DESIGN,
  unit: string,
  node: { code: string; maxHundredths: number },
): number | null {
  type F = [bigint, bigint];
  const shares: F[] = [];
  for (const q of design.questions.filter((x) => x.nodes.includes(node.code))) {
    let num = 0n;
    let den = 1n;
    let weights = 0n;
    for (const g of design.groups.filter((x) => q.groups.includes(x.code))) {
      const levels = given
        .filter((a) => a.unit === unit && a.group === g.code && a.question === q.code)
        .map((a) => a.level)
        .filter((l) => l !== '0');
      if (levels.length === 0) continue;
      const share: F =
        design.method === 'favourable'
          ? [BigInt(levels.filter((l) => l === '4' || l === '5').length), BigInt(levels.length)]
          : [BigInt(levels.reduce((s, l) => s + VALUE[l]!, 0)), BigInt(levels.length) * 100n];
      // num/den += w × share
      num = num * share[1] + BigInt(g.weight) * share[0] * den;
      den = den * share[1];
      weights += BigInt(g.weight);
    }
    if (weights > 0n) shares.push([num, den * weights]);
  }
  if (shares.length === 0) return null;
  let num = 0n;
  let den = 1n;
  for (const [n, d] of shares) {
    num = num * d + n * den;
    den = den * d;
  }
  den *= BigInt(shares.length);
  const max = BigInt(node.maxHundredths);
  return Number((2n * num * max + den) / (2n * den));
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agency = await h.login('noivu.thainguyen');
  const province = await unitIdByCode(admin, '19');
  const district = await admin.post('/api/v1/units', {
    code: 'T900',
    name: 'Huyện Thử Nghiệm',
    kind: 'district',
    parentId: province,
  });
  expect(district.status).toBe(201);
  for (const [i, code] of OFFICES.entries())
    expect(
      (
        await admin.post('/api/v1/units', {
          code,
          name: `Phòng chuyên môn ${i + 1}`,
          kind: 'district_office',
          parentId: district.body.id,
        })
      ).status,
    ).toBe(201);
  for (const [i, code] of COMMUNES.entries())
    expect(
      (
        await admin.post('/api/v1/units', {
          code,
          name: `Xã Thử ${i + 1}`,
          kind: 'commune',
          parentId: district.body.id,
        })
      ).status,
    ).toBe(201);
  campaignId = await createDistrictCampaign(agency, 'Chỉ số CCHC huyện Thử Nghiệm 2026', [
    ...OFFICES,
    ...COMMUNES,
  ]);
}, 120_000);
afterAll(async () => h?.close());

describe('designing the survey', () => {
  it('is for the standing agency of the campaign only', async () => {
    const officer = await h.login('canbo.kimphuong');
    expect((await officer.post(base(), {})).status).toBe(403);
    expect((await agency.get(base())).status).toBe(404);
    expect((await agency.post(base(), {})).status).toBe(201);
    expect((await agency.post(base(), {})).status).toBe(409);
    const agencyKH = await h.login('noivu.khanhhoa');
    expect((await agencyKH.get(base())).status).toBe(403);
  });

  it('refuses a questionnaire whose nodes do not add up to the set survey points, naming the field', async () => {
    const res = await agency.put(`${base()}/questionnaires/district_office`, {
      version: null,
      design: {
        ...OFFICE_DESIGN,
        nodes: [{ ...OFFICE_DESIGN.nodes[0], maxHundredths: 500 }, OFFICE_DESIGN.nodes[1]],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      field: 'design.nodes',
      message:
        'Tổng điểm tối đa các nút (32,00) phải bằng điểm điều tra xã hội học của bộ chỉ số (30,00).',
    });
  });

  it('saves both questionnaires, round-trips one through Excel, then opens', async () => {
    const a = await agency.put(`${base()}/questionnaires/district_office`, {
      version: null,
      design: OFFICE_DESIGN,
    });
    expect(a.body).toEqual({ unitKind: 'district_office', version: 1 });
    const b = await agency.put(`${base()}/questionnaires/commune`, {
      version: null,
      design: COMMUNE_DESIGN,
    });
    expect(b.status).toBe(200);
    const file = await agency.get(`${base()}/questionnaires/district_office/export.xlsx`);
    expect(file.status).toBe(200);
    // The file is named by the unit kind's words, not its code.
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="bang-hoi-phong-ban-chuyen-mon-cap-huyen-truoc-2025-v1\.xlsx"; /,
    );
    const boundary = '----xlsx';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.raw,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const back = await agency.request(
      'POST',
      `${base()}/questionnaires/district_office/import`,
      body,
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(back.status).toBe(200);
    expect(back.body.version).toBe(2);
    const survey = await agency.get(base());
    const kind = survey.body.unitKinds.find(
      (k: { unitKind: string }) => k.unitKind === 'district_office',
    );
    expect(kind.questionnaire.design).toEqual(OFFICE_DESIGN);
    const opened = await agency.post(`${base()}/open`, {});
    expect(opened.status).toBe(200);
    expect(
      (await agency.put(`${base()}/questionnaires/commune`, { version: 1, design: COMMUNE_DESIGN }))
        .status,
    ).toBe(409);
  });
});

describe('collecting answers', () => {
  const links: { respondentCode: string; unitCode: string; token: string }[] = [];

  it('makes single-use links by the rules, never to rate one’s own unit', async () => {
    const respondents = [
      ...COMMUNES.flatMap((c) =>
        [1, 2].map((n) => ({
          code: `LD-${c}-${n}`,
          group: 'LDX',
          fullName: `Lãnh đạo ${n} ${c}`,
          unitCode: c,
        })),
      ),
      ...OFFICES.flatMap((o) =>
        [1, 2, 3].map((n) => ({
          code: `PB-${o}-${n}`,
          group: 'PB',
          fullName: `Trưởng phòng ${n} ${o}`,
          unitCode: o,
        })),
      ),
    ];
    const bad = await agency.post(`${base()}/respondents`, {
      respondents: [
        ...respondents.slice(0, 2),
        { code: 'X', group: 'ZZ', fullName: 'Ai đó', unitCode: 'T911' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { field: 'respondents.2.group', message: 'Không có nhóm đối tượng «ZZ» trong bảng hỏi.' },
    ]);
    expect((await agency.post(`${base()}/respondents`, { respondents })).body).toEqual({
      added: 32,
      kept: 0,
    });
    const made = await agency.post(`${base()}/invitations`, {});
    expect(made.status).toBe(200);
    // 20 commune leaders × 4 offices + 12 office leaders × 10 communes
    expect(made.body.created).toBe(20 * 4 + 12 * 10);
    links.push(...made.body.links);
    expect(links.every((l) => !l.respondentCode.includes(l.unitCode))).toBe(true);
    expect((await agency.post(`${base()}/invitations`, {})).body.created).toBe(0);
  });

  it('takes answers through links, once each', async () => {
    const anonymous = h.anonymous();
    for (const link of links) {
      const form = await anonymous.get(`/api/v1/public/social-survey/${link.token}`);
      expect(form.status).toBe(200);
      const group = link.respondentCode.startsWith('LD') ? 'LDX' : 'PB';
      const answers: Record<string, string> = {};
      for (const q of form.body.questions as { code: string }[]) {
        answers[q.code] = nextLevel();
        given.push({ unit: link.unitCode, group, question: q.code, level: answers[q.code]! });
      }
      const res = await anonymous.post(`/api/v1/public/social-survey/${link.token}`, { answers });
      expect(res.status).toBe(200);
    }
    const again = await anonymous.post(`/api/v1/public/social-survey/${links[0]!.token}`, {
      answers: { Q1: '5' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'Đường dẫn này đã được dùng để trả lời; mỗi đường dẫn chỉ dùng một lần.',
    );
    const offScale = await anonymous.post(`/api/v1/public/social-survey/not-a-real-token-at-all`, {
      answers: {},
    });
    expect(offScale.status).toBe(404);
  });

  it('refuses a bad file by row and column, saving nothing', async () => {
    const before = (await agency.get(`${base()}/progress`)).body;
    const csv = [
      'nhom,don_vi_nguoi_tra_loi,don_vi_duoc_danh_gia,ma_nguoi_tra_loi,Q1,Q2,Q3,C1,C2',
      'CC,T911,T901,,4,,5,,',
      'CC,T901,T901,,4,,5,,',
      'CC,T912,T902,,7,,5,,',
      'XX,T913,T903,,4,,4,,',
      'LDX,,T902,LD-T911-1,4,4,4,,',
    ].join('\n');
    const res = await upload(agency, `${base()}/responses/import`, 'phieu.csv', csv);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        row: 3,
        column: 'don_vi_nguoi_tra_loi',
        message: 'Người trả lời không được đánh giá chính đơn vị mình («Phòng chuyên môn 1»).',
      },
      {
        row: 4,
        column: 'Q1',
        message: 'Câu trả lời «7» không có trong thang đo (1, 2, 3, 4, 5, 0).',
      },
      { row: 5, column: 'nhom', message: 'Không có nhóm đối tượng «XX» trong bảng hỏi.' },
      {
        row: 6,
        column: 'ma_nguoi_tra_loi',
        message:
          'Người trả lời «LD-T911-1» đã đánh giá «Phòng chuyên môn 2»; mỗi người chỉ đánh giá một đơn vị một lần.',
      },
    ]);
    expect((await agency.get(`${base()}/progress`)).body).toEqual(before);
  });

  it('imports several hundred paper answers from a file', async () => {
    const rows = ['nhom,don_vi_nguoi_tra_loi,don_vi_duoc_danh_gia,Q1,Q2,Q3,C1,C2'];
    for (let i = 0; i < 300; i++) {
      const office = OFFICES[i % OFFICES.length]!;
      const commune = COMMUNES[i % COMMUNES.length]!;
      const [q1, q3] = [nextLevel(), nextLevel()];
      rows.push(`CC,${commune},${office},${q1},,${q3},,`);
      given.push(
        { unit: office, group: 'CC', question: 'Q1', level: q1 },
        { unit: office, group: 'CC', question: 'Q3', level: q3 },
      );
      const [c1, c2] = [nextLevel(), nextLevel()];
      rows.push(`DB,,${commune},,,,${c1},${c2}`);
      given.push(
        { unit: commune, group: 'DB', question: 'C1', level: c1 },
        { unit: commune, group: 'DB', question: 'C2', level: c2 },
      );
    }
    const res = await upload(agency, `${base()}/responses/import`, 'phieu.csv', rows.join('\n'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ saved: 600, units: 14 });
    const progress = (await agency.get(`${base()}/progress`)).body;
    const t901 = progress.units.find((u: { unitCode: string }) => u.unitCode === 'T901');
    expect(t901.groups).toEqual([
      {
        group: 'LDX',
        name: 'Lãnh đạo UBND xã',
        responses: 20,
        invited: 20,
        linksUsed: 20,
        sampleSize: 5,
      },
      { group: 'CC', name: 'Công chức', responses: 75, invited: 0, linksUsed: 0, sampleSize: 0 },
    ]);
  });
});

describe('points', () => {
  it('gives every node the points computed from the answers alone, and flows them into the campaign', async () => {
    const res = await agency.get(`${base()}/results`);
    expect(res.status).toBe(200);
    expect(res.body.provisional).toBe(true);
    const campaign = await agency.get(`/api/v1/campaigns/${campaignId}/results`);
    let checked = 0;
    for (const u of res.body.units as {
      unitCode: string;
      unitKind: string;
      pointsHundredths: number | null;
      nodes: { code: string; maxHundredths: number; pointsHundredths: number | null }[];
    }[]) {
      const design = u.unitKind === 'commune' ? COMMUNE_DESIGN : OFFICE_DESIGN;
      const expected = design.nodes.map((n) => expectedNode(design, u.unitCode, n));
      expect(u.nodes.map((n) => n.pointsHundredths)).toEqual(expected);
      expect(expected.every((e) => e !== null)).toBe(true);
      const total = expected.reduce((s: number, e) => s + e!, 0);
      expect(u.pointsHundredths).toBe(total);
      const stored = campaign.body.units.find(
        (x: { unitCode: string }) => x.unitCode === u.unitCode,
      );
      expect(stored).toMatchObject({ surveyHundredths: total, provisional: true });
      checked++;
    }
    expect(checked).toBe(14);
    expect(given.length).toBeGreaterThan(1000);
  });

  it('gives the campaign report a survey part, provisional while the survey is open', async () => {
    const lines = await reportSurveyPart();
    expect(lines[1]).toBe(
      'Điểm điều tra xã hội học của từng cơ quan, đơn vị (tạm tính: cuộc điều tra chưa kết thúc), theo từng nút điều tra, kèm số phiếu theo nhóm đối tượng:',
    );
  });

  it('makes the points final when the survey closes', async () => {
    expect((await agency.post(`${base()}/close`, {})).body.unitsWithPoints).toBe(14);
    const campaign = await agency.get(`/api/v1/campaigns/${campaignId}/results`);
    const survey = await agency.get(`${base()}/results`);
    for (const u of survey.body.units as { unitCode: string; pointsHundredths: number }[]) {
      const stored = campaign.body.units.find(
        (x: { unitCode: string }) => x.unitCode === u.unitCode,
      );
      expect(stored).toMatchObject({ surveyHundredths: u.pointsHundredths, provisional: false });
    }
    const xlsx = await agency.get(`${base()}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('prints in the campaign report each unit’s survey points per node and responses per group', async () => {
    const lines = await reportSurveyPart();
    expect(lines[0]).toBe('3. Kết quả điều tra xã hội học');
    expect(lines[1]).toBe(
      'Điểm điều tra xã hội học của từng cơ quan, đơn vị, theo từng nút điều tra, kèm số phiếu theo nhóm đối tượng:',
    );
    // Office 1 (T901): its nodes from the answers alone; 20 commune leaders answered by link,
    // 75 officials on paper (300 rows over 4 offices). Commune 1 (T911): 12 office leaders by
    // link, 30 delegates on paper (300 rows over 10 communes).
    const line = (code: string, name: string, design: typeof OFFICE_DESIGN, counts: string) => {
      const nodes = design.nodes.map((n) => ({ ...n, pts: expectedNode(design, code, n)! }));
      const total = nodes.reduce((s, n) => s + n.pts, 0);
      const parts = nodes.map((n) => `${n.title}: ${pts(n.pts)}/${pts(n.maxHundredths)} điểm`);
      return `- ${name}: ${pts(total)}/30 điểm (${parts.join('; ')}); số phiếu: ${counts}.`;
    };
    expect(lines).toContain(
      line('T901', 'Phòng chuyên môn 1', OFFICE_DESIGN, 'Lãnh đạo UBND xã 20, Công chức 75'),
    );
    expect(lines).toContain(
      line('T911', 'Xã Thử 1', COMMUNE_DESIGN, 'Lãnh đạo phòng, ban 12, Đại biểu HĐND 30'),
    );
    // Every unit once: the 4 offices before the 10 communes, as the report orders its kinds.
    const units = lines.slice(2);
    expect(units).toHaveLength(14);
    expect(units.slice(0, 4).every((l) => l.startsWith('- Phòng chuyên môn'))).toBe(true);
  });
});

/** Points as the report prints them: "25,5", "30". */
function pts(hundredths: number): string {
  const text = `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
  return text.replace(/0+$/, '').replace(/,$/, '');
}

/** The survey part of the campaign report, drafted by the agency, from its heading to section IV. */
async function reportSurveyPart(): Promise<string[]> {
  const started = await agency.post('/api/v1/documents', {
    type: 'campaign_report',
    campaignId,
    pdf: false,
  });
  expect(started.status).toBe(202);
  let job = started.body;
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = (await agency.get(`/api/v1/documents/jobs/${job.id}`)).body;
  }
  expect(job.status).toBe('succeeded');
  const res = await agency.request('GET', `/api/v1/documents/jobs/${job.id}/docx`, undefined, {
    accept: '*/*',
  });
  expect(res.status).toBe(200);
  const xml = new PizZip(res.raw).file('word/document.xml')!.asText();
  const lines = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => t[1])
        .join('')
        .replace(/&amp;/g, '&'),
    )
    .filter((l) => l.trim() !== '');
  const start = lines.findIndex((l) => / Kết quả điều tra xã hội học$/.test(l));
  const end = lines.findIndex((l) => l.startsWith('IV. KẾT QUẢ CHỈ SỐ SIPAS'));
  expect(start).toBeGreaterThan(0);
  return lines.slice(start, end);
}
