/**
 * Campaign recompute on the embedded database: 3.321 communes on one 120-node criteria set, each
 * with a self score, a round-1 score (a reason where points were lost) and round-2 decisions on
 * the findings, plus survey points, all stored in campaign tables; then the whole campaign's
 * results are recomputed as the server does it (load entries, computeResults, store every unit's
 * result). Prints the time of loading the data and of the recompute; no pass/fail target yet.
 *
 * Run with the others (`npm run bench`) or alone (`node --import tsx bench/campaign-recompute.bench.ts`).
 */
import { pathToFileURL } from 'node:url';
import { formatHundredths } from '../src/domain/format.ts';
import { openEmbeddedDb } from '../src/server/infra/db.ts';
import { migrate } from '../src/server/infra/migrate.ts';
import { insertSetWithTree, type NodeInput } from '../src/server/features/criteria/service.ts';
import { freezeSet } from '../src/server/features/criteria/repository.ts';
import * as repo from '../src/server/features/campaigns/repository.ts';
import { recomputeResults } from '../src/server/features/campaigns/results.service.ts';
import type { BenchModule, BenchResult } from './run.ts';

const COMMUNES = 3321;
const CRITERIA = 8;
const LEAVES_PER_CRITERION = 14; // 8 + 8 × 14 = 120 nodes
const LEAF_MAX = 100;

const ms = (value: number): string => `${formatHundredths(Math.round(value * 100), 2)} ms`;

function tree(): NodeInput[] {
  const node = (code: string, max: number, children: NodeInput[]): NodeInput => ({
    id: null,
    code,
    title: `Tiêu chí ${code}`,
    maxHundredths: max,
    ruleText: children.length === 0 ? 'chấm điểm' : null,
    notApplicable: null,
    kind: null,
    guidance: null,
    evidence: null,
    agency: null,
    source: null,
    toBeConfirmed: false,
    children,
  });
  return Array.from({ length: CRITERIA }, (_, c) =>
    node(
      String(c + 1),
      LEAF_MAX * LEAVES_PER_CRITERION,
      Array.from({ length: LEAVES_PER_CRITERION }, (_, l) =>
        node(`${c + 1}.${l + 1}`, LEAF_MAX, []),
      ),
    ),
  );
}

async function measure(): Promise<BenchResult> {
  const db = await openEmbeddedDb(null);
  try {
    await migrate(db);
    const now = new Date('2026-03-02T02:00:00Z');
    const loadStart = performance.now();
    await db.query(
      `INSERT INTO units (code, name, kind, path, depth, search_key)
       SELECT 'BX' || g, 'Xã thử ' || g, 'commune', '/', 1, 'xa thu ' || g FROM generate_series(1, $1::int) g`,
      [COMMUNES],
    );
    await db.query("UPDATE units SET path = '/' || id || '/'");
    const units = await db.query<{ id: number }>(
      "SELECT id FROM units WHERE code LIKE 'BX%' ORDER BY id",
    );
    const setId = await db.transaction(async (tx) => {
      const id = await insertSetWithTree(
        tx,
        {
          name: 'Bộ thử 120 nút',
          year: 2026,
          unitKind: 'commune',
          description: '',
          surveyMaxHundredths: 3000,
          bands: [],
          basedOnId: null,
          origin: 'bench',
          ownerUnitId: null,
          createdBy: null,
        },
        tree(),
        now,
      );
      await freezeSet(tx, id, now);
      return id;
    });
    const campaignId = await repo.insertCampaign(
      db,
      {
        year: 2026,
        name: 'Đợt thử',
        deadlines: {
          selfAssessment: '2026-01-15',
          round1: '2026-02-15',
          explanations: '2026-02-28',
          round2: '2026-03-15',
          publication: '2026-03-31',
        },
        surveySource: 'entered',
        bands: null,
        ownerUnitId: null,
      },
      null,
      now,
    );
    await repo.replaceCampaignSets(db, campaignId, [
      { unitKind: 'commune', criteriaSetId: setId, surveyMaxHundredths: 3000, bands: null },
    ]);
    await repo.insertParticipants(
      db,
      campaignId,
      units.map((u) => ({ id: u.id, kind: 'commune' })),
      null,
      now,
    );
    const codes = Array.from(
      { length: CRITERIA * LEAVES_PER_CRITERION },
      (_, i) => `${Math.floor(i / LEAVES_PER_CRITERION) + 1}.${(i % LEAVES_PER_CRITERION) + 1}`,
    );
    // Scores from the ids: self 25–100, round 1 lowers one leaf in five by 0,25 with a reason,
    // round 2 decides every finding (addressed, defended or still open in turn).
    await db.query(
      `INSERT INTO campaign_entries (participant_id, node_code, campaign_id, self_score_hundredths, self_at,
         round1_score_hundredths, round1_reason, round1_at, round2_disposition, round2_score_hundredths, round2_reason, round2_at, updated_at)
       SELECT p.id, l.code, $1, s.self, $3,
         s.self - s.cut, CASE WHEN s.cut > 0 OR s.self < 100 THEN 'Thiếu tài liệu kiểm chứng' END, $3,
         CASE WHEN s.cut > 0 THEN (ARRAY['addressed', 'defended', 'still_open'])[1 + (p.id + l.n::int) % 3] END,
         CASE WHEN s.cut > 0 AND (p.id + l.n::int) % 3 = 0 THEN s.self END,
         CASE WHEN s.cut > 0 THEN 'Đã xem xét giải trình' END, CASE WHEN s.cut > 0 THEN $3::timestamptz END, $3
       FROM campaign_participants p
       CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS l(code, n)
       CROSS JOIN LATERAL (SELECT 100 - ((p.id * 7 + l.n::int * 13) % 4) * 25 AS self,
         CASE WHEN (p.id + l.n::int) % 5 = 0 AND (p.id * 7 + l.n::int * 13) % 4 < 3 THEN 25 ELSE 0 END AS cut) s
       WHERE p.campaign_id = $1`,
      [campaignId, codes, now.toISOString()],
    );
    await db.query(
      `INSERT INTO campaign_survey_points (participant_id, campaign_id, points_hundredths, source, updated_at)
       SELECT id, campaign_id, 1500 + (id * 37) % 1500, 'entered', $2 FROM campaign_participants WHERE campaign_id = $1`,
      [campaignId, now.toISOString()],
    );
    const loadMs = performance.now() - loadStart;
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM campaign_entries WHERE campaign_id = $1',
      [campaignId],
    );

    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      await db.transaction((tx) => recomputeResults(tx, campaignId, now));
      times.push(performance.now() - start);
    }
    const fetchStart = performance.now();
    await repo.findCampaignScores(db, campaignId);
    const fetchMs = performance.now() - fetchStart;
    const stored = await repo.findResults(db, campaignId);
    const top = stored[0];
    const sorted = [...times].sort((a, b) => a - b);
    return {
      figures: [
        {
          label: 'Đơn vị × nút',
          value: `${COMMUNES} xã × ${CRITERIA + CRITERIA * LEAVES_PER_CRITERION} nút`,
        },
        { label: 'Dòng điểm đã lưu (tự chấm, vòng 1, vòng 2)', value: String(n) },
        { label: 'Nạp dữ liệu thử', value: ms(loadMs) },
        { label: 'Tính lại lần đầu', value: ms(times[0] ?? 0) },
        { label: 'Tính lại nhanh nhất (3 lần)', value: ms(sorted[0] ?? 0) },
        { label: 'trong đó: đọc các dòng điểm', value: ms(fetchMs) },
        { label: 'Kết quả đã lưu', value: String(stored.length) },
        {
          label: 'Đứng đầu',
          value: top
            ? `${top.unit_name}: ${formatHundredths(top.index_hundredths ?? 0, 2)} %`
            : '—',
        },
      ],
    };
  } finally {
    await db.close();
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Tính lại kết quả một đợt đánh giá (campaign recompute, embedded DB)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await measure());
}
