/**
 * Every view of a campaign's result agrees, on random campaign states: a few communes on the 2025
 * commune template (eight criteria, a bonus node 9.1 and a penalty node 9.2 outside the max, 30
 * survey points), copied with criterion 8 "not applicable: excluded" and criterion 6 "not
 * applicable: counts 0", declared not applicable at random by the unit's officer; random self, round-1 and round-2 scores in quarter points (so ties happen),
 * bonus and penalty points, survey points present or missing. The scorecard, the ranking, the
 * public page (after publication), the CSV export, the CLI's results table and a drafted
 * self-assessment report (one unit per state) must show the same
 * total, index, class and rank per unit and the same score per criterion, and those figures must
 * be what the methodology gives, computed here on their own (ADR 7, ADR 25): the final score of a
 * node is round 2's, else round 1's, else the self score (0 when not applicable, and out of the max
 * too when excluded); bonus and penalty each capped at their
 * node's max; the appraised total kept within 0 and the appraised max; the index on 100 with the
 * survey points, else on the appraised max (provisional), rounded half-up to 0,01 %; class from
 * the bands on that two-decimal index; competition rank (1, 1, 3) among the units of the kind.
 */
import fc from 'fast-check';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';
import { importScores, type ScoreRow } from './import.ts';
import { resultsTable } from './results.service.ts';

let h: Harness;
let agency: Client;
let admin: Client;
let setId = 0;
let bands: ReadonlyArray<{ label: string; fromPercent: number; toPercent: number | null }> = [];
/** Each commune's officer, who declares a criterion not applicable in the self-assessment. */
const officers = new Map<string, Client>();
/** Communes of Thái Nguyên, in code order: the units of every generated campaign. */
let communes: Array<{ id: number; code: string }> = [];

const ADMIN: Actor = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

/** The 2025 commune template's criteria and their maxima (hundredths), as its documents give them. */
const CRITERIA: ReadonlyArray<[string, number]> = [
  ['1', 700],
  ['2', 700],
  ['3', 1200],
  ['4', 600],
  ['5', 900],
  ['6', 700],
  ['7', 1200],
  ['8', 1000],
];
const APPRAISED_MAX = 7000;
const SURVEY_MAX = 3000;
const ADJUSTMENT_CAP = 200;
const NA_EXCLUDED = '8';
const NA_ZERO = '6';

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  admin = await h.login('admin');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  const templateId = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa').id;
  const copy = await admin.post(`/api/v1/criteria-sets/${templateId}/copy`, {
    year: 2026,
    name: 'Khung 2025 cấp xã, có tiêu chí không áp dụng',
  });
  expect(copy.status).toBe(201);
  setId = copy.body.set.id;
  bands = copy.body.set.bands;
  const withNa = (nodes: any[]): any[] =>
    nodes.map((n) => ({
      ...n,
      ...(n.code === NA_EXCLUDED ? { notApplicable: 'exclude' } : {}),
      ...(n.code === NA_ZERO ? { notApplicable: 'zero' } : {}),
      children: withNa(n.children ?? []),
    }));
  const saved = await admin.put(`/api/v1/criteria-sets/${setId}/tree`, {
    version: copy.body.set.version,
    nodes: withNa(copy.body.nodes),
  });
  expect({ status: saved.status, body: saved.status === 200 ? null : saved.body }).toEqual({
    status: 200,
    body: null,
  });
  const [province] = await h.deps.db.query<{ path: string }>(
    `SELECT path FROM units WHERE name LIKE '%Thái Nguyên' AND kind = 'province' AND valid_to IS NULL`,
  );
  communes = await h.deps.db.query<{ id: number; code: string }>(
    `SELECT id, code FROM units WHERE kind = 'commune' AND valid_to IS NULL AND path LIKE $1
     ORDER BY code LIMIT 4`,
    [`${province!.path}%`],
  );
  expect(communes.length).toBeGreaterThanOrEqual(3);
  for (const c of communes) {
    const created = await admin.post('/api/v1/users', {
      username: `canbo.tt.${c.code}`,
      fullName: `Cán bộ đơn vị ${c.code}`,
      grants: [{ role: 'unit_officer', unitId: c.id }],
    });
    expect(created.status).toBe(201);
    officers.set(c.code, await h.login(`canbo.tt.${c.code}`, created.body.temporaryPassword));
  }
}, 120_000);
afterAll(async () => h?.close());

// ---------------------------------------------------------------------------------------------
// Random campaign states

/** Quarter points up to `max` (hundredths): few distinct values, so ties between units happen. */
const quarters = (max: number) => fc.integer({ min: 0, max: max / 25 }).map((q) => q * 25);

/** One node's scores: a self score, maybe round 1, and round 2 only on a round-1 finding. */
const nodeScores = (max: number) =>
  fc
    .record({
      self: quarters(max),
      round1: fc.option(quarters(max), { freq: 2 }),
      round2: fc.option(quarters(max), { freq: 2 }),
    })
    .map((s) => ({ ...s, round2: s.round1 === null ? null : s.round2 }));

interface UnitState {
  criteria: Array<{ self: number; round1: number | null; round2: number | null }>;
  bonus: { self: number; round1: number | null; round2: number | null };
  penalty: { self: number; round1: number | null; round2: number | null };
  survey: number | null;
  /** Criteria the unit declares not applicable. */
  notApplicable: string[];
}

const randomUnit: fc.Arbitrary<UnitState> = fc.record({
  criteria: fc.tuple(...CRITERIA.map(([, max]) => nodeScores(max))),
  bonus: nodeScores(ADJUSTMENT_CAP),
  penalty: nodeScores(ADJUSTMENT_CAP),
  survey: fc.option(quarters(SURVEY_MAX), { freq: 2 }),
  notApplicable: fc.subarray([NA_ZERO, NA_EXCLUDED]),
});

const scored = (v: number) => ({ self: v, round1: null, round2: null });

/** The edges: every criterion at its max with a bonus (kept at the max), or nothing with a penalty (kept at 0). */
const edgeUnit: fc.Arbitrary<UnitState> = fc
  .record({
    full: fc.boolean(),
    adjustment: fc.integer({ min: 1, max: ADJUSTMENT_CAP / 25 }).map((q) => q * 25),
    survey: fc.option(quarters(SURVEY_MAX), { freq: 2 }),
  })
  .map(({ full, adjustment, survey }) => ({
    criteria: CRITERIA.map(([, max]) => scored(full ? max : 0)),
    bonus: scored(full ? adjustment : 0),
    penalty: scored(full ? 0 : adjustment),
    survey,
    notApplicable: [],
  }));

const unitState = fc.oneof(
  { arbitrary: randomUnit, weight: 5 },
  { arbitrary: edgeUnit, weight: 1 },
);

/** A campaign: 2 to 4 units; often a copy of another unit's state, for exact ties. */
const campaignState = fc
  .array(fc.tuple(unitState, fc.option(fc.nat(3), { freq: 2 })), { minLength: 2, maxLength: 4 })
  .map((units) =>
    units.map(([state, copyOf], i) => (copyOf !== null && i > 0 ? units[copyOf % i]![0] : state)),
  );

// ---------------------------------------------------------------------------------------------
// The methodology, computed on its own

const finalOf = (s: { self: number; round1: number | null; round2: number | null }) =>
  s.round2 ?? s.round1 ?? s.self;

const halfUpDiv = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

function expected(units: UnitState[]) {
  const rows = units.map((u) => {
    const criteria = u.criteria.map((s, k) =>
      u.notApplicable.includes(CRITERIA[k]![0]) ? 0 : finalOf(s),
    );
    const appraisedMax =
      APPRAISED_MAX -
      (u.notApplicable.includes(NA_EXCLUDED) ? CRITERIA.find(([c]) => c === NA_EXCLUDED)![1] : 0);
    const appraisedRaw =
      criteria.reduce((a, b) => a + b, 0) +
      Math.min(finalOf(u.bonus), ADJUSTMENT_CAP) -
      Math.min(finalOf(u.penalty), ADJUSTMENT_CAP);
    const appraised = Math.max(0, Math.min(appraisedMax, appraisedRaw));
    const total = appraised + (u.survey ?? 0);
    const max = appraisedMax + (u.survey === null ? 0 : SURVEY_MAX);
    const index = halfUpDiv(total * 10_000, max);
    const band = bands.find(
      (b) =>
        index >= b.fromPercent &&
        (b.toPercent === null ||
          index < b.toPercent ||
          (b.toPercent === 10_000 && index === 10_000)),
    );
    return {
      criteria,
      total,
      max,
      index,
      classLabel: band?.label ?? null,
      provisional: u.survey === null,
    };
  });
  return rows.map((r) => ({
    ...r,
    rank: 1 + rows.filter((o) => o.index > r.index).length,
    unitsRanked: rows.length,
  }));
}

// ---------------------------------------------------------------------------------------------
// Building a campaign through the product

let runs = 0;

async function buildCampaign(units: UnitState[]): Promise<number> {
  runs++;
  const created = await agency.post('/api/v1/campaigns', {
    name: `Chỉ số CCHC cấp xã, trạng thái ngẫu nhiên ${runs}`,
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
  const id = created.body.campaign.id as number;
  const codes = communes.slice(0, units.length).map((c) => c.code);
  const added = await agency.post(`/api/v1/campaigns/${id}/participants`, { unitCodes: codes });
  expect(added.status).toBeLessThan(300);
  const opened = await agency.post(`/api/v1/campaigns/${id}/open`);
  expect({ status: opened.status, body: opened.status === 200 ? null : opened.body }).toEqual({
    status: 200,
    body: null,
  });
  const text = (v: number | null) => (v === null ? '' : (v / 100).toFixed(2));
  const rows: ScoreRow[] = [];
  units.forEach((u, i) => {
    const nodes: Array<[string, UnitState['bonus']]> = [
      ...CRITERIA.map(([code], k) => [code, u.criteria[k]!] as [string, UnitState['bonus']]),
      ['9.1', u.bonus],
      ['9.2', u.penalty],
    ];
    for (const [code, s] of nodes)
      if (!u.notApplicable.includes(code))
        rows.push({
          row: rows.length + 2,
          unit_code: codes[i]!,
          node_code: code,
          self: text(s.self),
          round1: text(s.round1),
          round2: text(s.round2),
          reason: s.round1 === null ? '' : 'Thiếu tài liệu kiểm chứng',
        });
    if (u.survey !== null)
      rows.push({
        row: rows.length + 2,
        unit_code: codes[i]!,
        node_code: 'survey',
        self: text(u.survey),
        round1: '',
        round2: '',
        reason: '',
      });
  });
  // The officer declares the criteria not applicable in the self-assessment.
  for (const [i, u] of units.entries())
    for (const code of u.notApplicable) {
      const res = await officers
        .get(codes[i]!)!
        .put(`/api/v1/campaigns/${id}/units/${communes[i]!.id}/entries/${code}/self`, {
          version: 0,
          inputs: { notApplicable: true },
        });
      expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
        status: 200,
        body: null,
      });
    }
  await importScores(h.deps, ADMIN, id, rows);
  return id;
}

/** Approves every unit and publishes it through the publish action (with a reason when provisional). */
async function publishAll(id: number, units: UnitState[]): Promise<void> {
  await h.deps.db.query(
    `UPDATE campaign_participants SET status = 'approved', version = version + 1 WHERE campaign_id = $1`,
    [id],
  );
  for (const [i, u] of units.entries()) {
    const res = await agency.post(
      `/api/v1/campaigns/${id}/units/${communes[i]!.id}/publish`,
      u.survey === null ? { reason: 'Công bố trước, bổ sung điểm khảo sát sau.' } : {},
    );
    expect({ unit: i, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      unit: i,
      status: 200,
      body: null,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The views

interface Seen {
  total: number;
  index: number | null;
  classLabel: string | null;
  rank: number | null;
  unitsRanked: number | null;
  provisional: boolean;
  criteria: Record<string, number>;
}

const scoresOf = (criteria: Array<{ code: string; score: number }>) =>
  Object.fromEntries(criteria.map((c) => [c.code, c.score]));

function fromResult(r: any): Seen {
  return {
    total: r.totalHundredths,
    index: r.indexHundredths,
    classLabel: r.classLabel,
    rank: r.rank,
    unitsRanked: r.unitsRanked,
    provisional: r.provisional,
    criteria: scoresOf(r.criteria),
  };
}

async function views(id: number, units: UnitState[]) {
  const codes = communes.slice(0, units.length).map((c) => c.code);
  const out: Record<string, Seen[]> = {};

  out.scorecard = [];
  out.scorecardTable = [];
  for (const c of communes.slice(0, units.length)) {
    const card = await agency.get(`/api/v1/campaigns/${id}/units/${c.id}/scorecard`);
    expect(card.status).toBe(200);
    out.scorecard.push(fromResult(card.body.result));
    // The scorecard's table: the final column of the top-level criteria.
    const top = card.body.nodes.filter((n: { depth: number; kind: string }) => n.depth <= 1);
    out.scorecardTable.push({
      ...fromResult(card.body.result),
      criteria: Object.fromEntries(
        top
          .filter((n: { code: string }) => CRITERIA.some(([code]) => code === n.code))
          .map((n: { code: string; final: { score: number } }) => [n.code, n.final.score]),
      ),
    });
  }

  const ranking = await admin.get(`/api/v1/campaigns/${id}/results`);
  expect(ranking.status).toBe(200);
  out.ranking = codes.map((code) =>
    fromResult(ranking.body.units.find((u: { unitCode: string }) => u.unitCode === code)),
  );

  const pub = await h.anonymous().get(`/api/v1/public/campaigns/${id}/results`);
  expect(pub.status).toBe(200);
  out.public = codes.map((code) =>
    fromResult(pub.body.units.find((u: { unitCode: string }) => u.unitCode === code)),
  );

  const csv = (await admin.get(`/api/v1/campaigns/${id}/results.csv`)).raw
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
  const header = csv[0]!.split(',');
  const hundredths = (v: string | undefined) =>
    v === undefined || v === '' ? null : Math.round(Number(v) * 100);
  out.csv = codes.map((code) => {
    const line = csv.find((l) => l.startsWith(`${code},`))!.split(',');
    const at = (name: string) => line[header.indexOf(name)];
    return {
      total: hundredths(at('total'))!,
      index: hundredths(at('index')),
      classLabel: at('class') || null,
      rank: at('rank') ? Number(at('rank')) : null,
      unitsRanked: units.length,
      provisional: units[codes.indexOf(code)]!.survey === null,
      criteria: Object.fromEntries(CRITERIA.map(([c]) => [c, hundredths(at(`c${c}_score`))!])),
    };
  });

  const table = await resultsTable(h.deps, ADMIN, id);
  out.cli = codes.map((code) => {
    const u = table.units.find((x) => x.unitCode === code)!;
    return {
      total: Math.round(u.total * 100),
      index: u.index === null ? null : Math.round(u.index * 100),
      classLabel: u.class,
      rank: u.rank,
      unitsRanked: u.unitsRanked,
      provisional: u.provisional,
      criteria: Object.fromEntries(u.criteria.map((c) => [c.code, Math.round(c.score * 100)])),
    };
  });
  return out;
}

/** The text of a drafted document (paragraph per line). */
function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** Drafts a unit's self-assessment report as the standing agency and returns its text. */
async function draftReport(campaignId: number, unitId: number): Promise<string> {
  const started = await agency.post('/api/v1/documents', {
    type: 'self_assessment_report',
    campaignId,
    unitId,
    pdf: false,
  });
  expect(started.status).toBe(202);
  let job = started.body;
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await agency.get(`/api/v1/documents/jobs/${job.id}`)).body;
  }
  expect(job.status).toBe('succeeded');
  const file = await agency.request('GET', `/api/v1/documents/jobs/${job.id}/docx`, undefined, {
    accept: '*/*',
  });
  expect(file.status).toBe(200);
  return docxText(file.raw);
}

/** Points as a document writes them: decimal comma, no trailing zeros (69, 69,5, 69,25). */
const docPoints = (hundredths: number) =>
  (hundredths / 100)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');

describe('every view of a random campaign state', () => {
  it('shows the methodology’s total, index, class, rank and criterion scores everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(campaignState, async (units) => {
        const id = await buildCampaign(units);
        await publishAll(id, units);
        const want = expected(units).map((e) => ({
          total: e.total,
          index: e.index,
          classLabel: e.classLabel,
          rank: e.rank,
          unitsRanked: e.unitsRanked,
          provisional: e.provisional,
          criteria: Object.fromEntries(CRITERIA.map(([code], k) => [code, e.criteria[k]!])),
        }));
        const seen = await views(id, units);
        for (const [view, list] of Object.entries(seen))
          list.forEach((got, i) => {
            // Only the eight criteria are compared per criterion (9 holds the adjustments).
            const criteria = Object.fromEntries(
              Object.entries(got.criteria).filter(([code]) => CRITERIA.some(([c]) => c === code)),
            );
            expect({ view, unit: i, ...got, criteria }).toEqual({ view, unit: i, ...want[i]! });
          });
        // The drafted report of one unit states its total, class and rank.
        const i = runs % units.length;
        const e = want[i]!;
        const text = await draftReport(id, communes[i]!.id);
        const max =
          APPRAISED_MAX +
          (e.provisional ? 0 : SURVEY_MAX) -
          (units[i]!.notApplicable.includes(NA_EXCLUDED)
            ? CRITERIA.find(([c]) => c === NA_EXCLUDED)![1]
            : 0);
        expect(text).toContain(
          `đạt ${docPoints(e.total)}/${docPoints(max)} điểm${
            e.provisional ? ' (tạm tính — chưa có điểm điều tra xã hội học)' : ''
          }, xếp loại ${e.classLabel}, xếp hạng ${e.rank}/${e.unitsRanked}.`,
        );
      }),
      { seed: 20261207, numRuns: 20, endOnFailure: true },
    );
  }, 300_000);
});
