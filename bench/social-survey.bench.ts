/**
 * A province-wide sociological survey on PostgreSQL (ADR 35): one province's 25 departments and
 * 400 communes in a campaign, a questionnaire per unit kind saved and opened through the API
 * (checked by the product's own validation), 5.000 respondents in three groups (leaders weigh 2,
 * officials and citizens 1), each rating 10 units: 50.000 responses and their answers (six
 * questions each, four for citizens: 260.000 answers), loaded with plain SQL. Then, in the same
 * run:
 * - the product, through the HTTP routes a person uses, the app listening on 127.0.0.1:
 *   `GET /api/v1/campaigns/:id/social-survey/results` (every unit's points per node, question and
 *   group, with counts and formulas), three times, and `POST …/social-survey/close` once (every
 *   unit's points computed and written into the campaign as final, then the campaign's results
 *   recomputed);
 * - the baseline: in a process of its own, plain `pg` sending the plain GROUP BY of the same
 *   answers (per unit, group, question and level, counted), three times.
 * Target: every unit's survey points in under 2 s, for both the results read and the close.
 *
 * Needs PARINDEX_BENCH_DATABASE_URL (a fresh database is created on that server and dropped
 * afterwards); without it the bench is printed as skipped. Run with the others
 * (`npm run bench -- social-survey`) or alone (`node --import tsx bench/social-survey.bench.ts`).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { formatHundredths } from '../src/domain/format.ts';
import type { SurveyDesign } from '../src/domain/social-survey/design.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Deps } from '../src/server/deps.ts';
import { createApp } from '../src/server/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/http/session.ts';
import { fixedClock } from '../src/server/infra/clock.ts';
import { openPostgresDb, type Db } from '../src/server/infra/db.ts';
import { migrate } from '../src/server/infra/migrate.ts';
import { createStorage } from '../src/server/infra/storage.ts';
import { hashPassword } from '../src/server/features/auth/password.ts';
import { insertSetWithTree, type NodeInput } from '../src/server/features/criteria/service.ts';
import { freezeSet } from '../src/server/features/criteria/repository.ts';
import * as campaigns from '../src/server/features/campaigns/repository.ts';
import { insertGrant, insertUser } from '../src/server/features/users/repository.ts';
import type { BenchFigure, BenchModule, BenchResult } from './run.ts';

const DEPARTMENTS = 25;
const COMMUNES = 400;
const RESPONDENTS = 5000;
const UNITS_PER_RESPONDENT = 10; // 50.000 responses
const RUNS = 3;
const TARGET_MS = 2000;
const PASSWORD = 'bench-password-123';
const here = path.dirname(fileURLToPath(import.meta.url));

/** The plain GROUP BY of the baseline: the same answers, counted per unit, group, question, level. */
const BASELINE_SQL = `SELECT rated_unit_id, group_code, question_code, level_code, count(*)::int AS n
  FROM social_survey_answers WHERE survey_id = $1
  GROUP BY rated_unit_id, group_code, question_code, level_code`;

const ms = (value: number): string => `${formatHundredths(Math.round(value * 100), 2)} ms`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const SCALE: SurveyDesign['scale'] = {
  levels: [
    { code: '1', label: 'Rất không hài lòng', valueHundredths: 0 },
    { code: '2', label: 'Không hài lòng', valueHundredths: 2500 },
    { code: '3', label: 'Bình thường', valueHundredths: 5000 },
    { code: '4', label: 'Hài lòng', valueHundredths: 7500 },
    { code: '5', label: 'Rất hài lòng', valueHundredths: 10000 },
  ],
  excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
  favourable: ['4', '5'],
};
const GROUPS: SurveyDesign['groups'] = [
  { code: 'LD', name: 'Lãnh đạo', weight: 2 },
  { code: 'CC', name: 'Công chức', weight: 1 },
  { code: 'ND', name: 'Người dân, doanh nghiệp', weight: 1 },
];

/** Six questions on two nodes; the last two are not asked of citizens, one feeds both nodes. */
function design(method: SurveyDesign['method'], prefix: string, raterKind: string): SurveyDesign {
  const all = ['LD', 'CC', 'ND'];
  return {
    method,
    scale: SCALE,
    nodes: [
      {
        code: `${prefix}1`,
        title: 'Công khai, minh bạch',
        maxHundredths: 1200,
        source: 'questions',
      },
      { code: `${prefix}2`, title: 'Chất lượng phục vụ', maxHundredths: 1800, source: 'questions' },
    ],
    groups: GROUPS,
    questions: [
      { code: `${prefix}Q1`, text: 'Công khai thủ tục', nodes: [`${prefix}1`], groups: all },
      { code: `${prefix}Q2`, text: 'Công khai ngân sách', nodes: [`${prefix}1`], groups: all },
      {
        code: `${prefix}Q3`,
        text: 'Thời gian giải quyết',
        nodes: [`${prefix}1`, `${prefix}2`],
        groups: all,
      },
      { code: `${prefix}Q4`, text: 'Thái độ phục vụ', nodes: [`${prefix}2`], groups: all },
      {
        code: `${prefix}Q5`,
        text: 'Phối hợp công tác',
        nodes: [`${prefix}2`],
        groups: ['LD', 'CC'],
      },
      {
        code: `${prefix}Q6`,
        text: 'Chỉ đạo, điều hành',
        nodes: [`${prefix}2`],
        groups: ['LD', 'CC'],
      },
    ],
    rules: [{ group: 'LD', raterKind, scope: 'province', sampleSize: 100 }],
  };
}

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
  return Array.from({ length: 7 }, (_, c) =>
    node(
      String(c + 1),
      1000,
      Array.from({ length: 5 }, (_, l) => node(`${c + 1}.${l + 1}`, 200, [])),
    ),
  );
}

/** Units, criteria sets, the campaign with its participants and self scores, the bench user. */
async function seedCampaign(db: Db, now: Date): Promise<number> {
  const [province] = await db.query<{ id: number }>(
    `INSERT INTO units (code, name, kind, path, depth, search_key)
     VALUES ('KS0', 'Tỉnh Khảo Sát', 'province', '/', 0, 'tinh khao sat') RETURNING id`,
  );
  await db.query("UPDATE units SET path = '/' || id || '/' WHERE id = $1", [province!.id]);
  await db.query(
    `INSERT INTO units (code, name, kind, parent_id, path, depth, search_key)
     SELECT 'KSS' || g, 'Sở thử ' || g, 'province_department', $1::int, '/', 1, 'so thu ' || g
     FROM generate_series(1, $2::int) g
     UNION ALL
     SELECT 'KSX' || g, 'Xã thử ' || g, 'commune', $1::int, '/', 1, 'xa thu ' || g
     FROM generate_series(1, $3::int) g`,
    [province!.id, DEPARTMENTS, COMMUNES],
  );
  await db.query(
    `UPDATE units SET path = '/' || $1::int || '/' || id || '/' WHERE parent_id = $1`,
    [province!.id],
  );
  const units = await db.query<{ id: number; kind: string }>(
    'SELECT id, kind FROM units WHERE parent_id = $1 ORDER BY id',
    [province!.id],
  );
  const userId = await insertUser(
    db,
    {
      username: 'bench',
      fullName: 'Người đo',
      email: null,
      passwordHash: await hashPassword(PASSWORD),
      mustChangePassword: false,
    },
    now,
  );
  await insertGrant(db, userId, 'system_admin', null);
  const sets: { unitKind: string; id: number }[] = [];
  for (const unitKind of ['province_department', 'commune'])
    sets.push({
      unitKind,
      id: await db.transaction(async (tx) => {
        const id = await insertSetWithTree(
          tx,
          {
            name: `Bộ thử ${unitKind}`,
            year: 2026,
            unitKind,
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
      }),
    });
  const campaignId = await campaigns.insertCampaign(
    db,
    {
      year: 2026,
      name: 'Đợt thử điều tra xã hội học',
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
  await campaigns.replaceCampaignSets(
    db,
    campaignId,
    sets.map((s) => ({
      unitKind: s.unitKind,
      criteriaSetId: s.id,
      surveyMaxHundredths: 3000,
      bands: null,
    })),
  );
  await campaigns.insertParticipants(db, campaignId, units, null, now);
  const leaves = Array.from({ length: 35 }, (_, i) => `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`);
  await db.query(
    `INSERT INTO campaign_entries (participant_id, node_code, campaign_id, self_score_hundredths, self_at, updated_at)
     SELECT p.id, l.code, $1::int, 200 - ((p.id * 7 + l.n::int * 13) % 4) * 50, $3::timestamptz, $3::timestamptz
     FROM campaign_participants p CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS l(code, n)
     WHERE p.campaign_id = $1`,
    [campaignId, leaves, now.toISOString()],
  );
  return campaignId;
}

/**
 * Respondents and their answers, loaded with plain SQL: respondent r (group by r mod 10: leaders,
 * officials, citizens; leaders and officials work in a unit) rates the 10 units of index
 * (37 r + 43 k) mod 425, never their own; each answers the questions of the rated unit's kind asked
 * of their group, at a level (0–5) spread by the ids.
 */
async function seedAnswers(db: Db, surveyId: number, now: Date): Promise<void> {
  const units = `SELECT u.id, u.kind, (row_number() OVER (ORDER BY u.id) - 1)::int AS i
    FROM units u WHERE u.code LIKE 'KSS%' OR u.code LIKE 'KSX%'`;
  const count = DEPARTMENTS + COMMUNES;
  await db.query(
    `INSERT INTO social_survey_respondents (survey_id, code, group_code, full_name, unit_id)
     SELECT $1::int, 'NTL' || r, g.code, 'Người trả lời ' || r, CASE WHEN g.code <> 'ND' THEN u.id END
     FROM generate_series(0, $2::int - 1) r
     CROSS JOIN LATERAL (SELECT CASE WHEN r % 10 < 2 THEN 'LD' WHEN r % 10 < 6 THEN 'CC' ELSE 'ND' END AS code) g
     JOIN (${units}) u ON u.i = (r * 37 + 400) % $3::int`,
    [surveyId, RESPONDENTS, count],
  );
  await db.query(
    `INSERT INTO social_survey_responses (survey_id, respondent_id, group_code, rated_unit_id, rater_unit_id, channel, created_at)
     SELECT $1::int, p.id, p.group_code, u.id, p.unit_id, 'import', $4::timestamptz
     FROM social_survey_respondents p
     CROSS JOIN generate_series(0, $2::int - 1) k
     JOIN (${units}) u ON u.i = (substr(p.code, 4)::int * 37 + k * 43) % $3
     WHERE p.survey_id = $1`,
    [surveyId, UNITS_PER_RESPONDENT, count, now.toISOString()],
  );
  await db.query(
    `INSERT INTO social_survey_answers (response_id, survey_id, rated_unit_id, group_code, question_code, level_code)
     SELECT r.id, $1::int, r.rated_unit_id, r.group_code, q.prefix || 'Q' || q.n,
       ((r.id * 31 + q.n * 17 + r.rated_unit_id * 13) % 6)::text
     FROM social_survey_responses r JOIN units u ON u.id = r.rated_unit_id
     CROSS JOIN LATERAL (SELECT CASE WHEN u.kind = 'commune' THEN 'X' ELSE 'S' END AS prefix) k
     CROSS JOIN LATERAL (SELECT k.prefix, n FROM generate_series(1, 6) n
       WHERE n <= 4 OR r.group_code <> 'ND') q
     WHERE r.survey_id = $1`,
    [surveyId],
  );
  await db.query('ANALYZE');
}

/** Runs the plain `pg` GROUP BY in a process of its own; its times in ms and the rows it read. */
function baseline(url: string, surveyId: number): Promise<{ times: number[]; rows: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'support/plain-pg-query.ts')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          PARINDEX_BASELINE_URL: url,
          PARINDEX_BASELINE_SQL: BASELINE_SQL,
          PARINDEX_BASELINE_PARAMS: JSON.stringify([surveyId]),
          PARINDEX_BASELINE_RUNS: String(RUNS),
        },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`baseline exited with ${code}`));
      else
        resolve(
          JSON.parse(out.trim().split('\n').pop() ?? '{}') as { times: number[]; rows: number },
        );
    });
  });
}

async function measureOn(url: string): Promise<BenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-'));
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const now = clock.now();
  const db = await openPostgresDb(url, 10);
  try {
    await migrate(db);
    const loadStart = performance.now();
    const campaignId = await seedCampaign(db, now);

    const config = loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const deps: Deps = { db, clock, config, storage: createStorage(config) };
    const app = await createApp(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'bench', password: PASSWORD },
    });
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const base = `http://127.0.0.1:${port}/api/v1/campaigns/${campaignId}/social-survey`;
    const call = async <T>(method: string, url: string, body?: unknown) => {
      const start = performance.now();
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { [CSRF_HEADER]: csrf }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const took = performance.now() - start;
      if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return { body: JSON.parse(text) as T, ms: took, bytes: text.length };
    };

    const survey = await call<{ id: number }>('POST', '', {});
    await call('PUT', '/questionnaires/province_department', {
      version: null,
      design: design('favourable', 'S', 'commune'),
    });
    await call('PUT', '/questionnaires/commune', {
      version: null,
      design: design('mean', 'X', 'province_department'),
    });
    await call('POST', '/open', {});
    await seedAnswers(db, survey.body.id, now);
    const loadMs = performance.now() - loadStart;
    const [counts] = await db.query<{ responses: number; answers: number }>(
      `SELECT (SELECT count(*)::int FROM social_survey_responses WHERE survey_id = $1) AS responses,
         (SELECT count(*)::int FROM social_survey_answers WHERE survey_id = $1) AS answers`,
      [survey.body.id],
    );

    type Results = { units: { pointsHundredths: number | null }[] };
    const reads: number[] = [];
    let read: { body: Results; bytes: number } | null = null;
    for (let i = 0; i < RUNS; i++) {
      const r = await call<Results>('GET', '/results');
      reads.push(r.ms);
      read = r;
    }
    const closed = await call<{ status: string; unitsWithPoints: number }>('POST', '/close', {});
    await app.close();
    const [stored] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM campaign_survey_points
       WHERE campaign_id = $1 AND source = 'survey' AND NOT provisional`,
      [campaignId],
    );

    const plain = await baseline(url, survey.body.id);
    const baseMs = median(plain.times);
    const readMs = median(reads);
    const withPoints = read?.body.units.filter((u) => u.pointsHundredths !== null).length ?? 0;
    const pass =
      readMs < TARGET_MS &&
      closed.ms < TARGET_MS &&
      closed.body.unitsWithPoints === DEPARTMENTS + COMMUNES &&
      stored?.n === DEPARTMENTS + COMMUNES;
    const figures: BenchFigure[] = [
      {
        label: 'Điều tra',
        value: `${DEPARTMENTS} sở + ${COMMUNES} xã, ${RESPONDENTS} người trả lời (3 nhóm), ${counts?.responses ?? 0} phiếu, ${counts?.answers ?? 0} câu trả lời (nạp ${ms(loadMs)})`,
      },
      {
        label: 'Sản phẩm: GET …/social-survey/results',
        value: `trung vị ${ms(readMs)} (${reads.map(ms).join(', ')}); ${withPoints} đơn vị có điểm, ${Math.round((read?.bytes ?? 0) / 1024)} KB`,
      },
      {
        label: 'Sản phẩm: POST …/social-survey/close',
        value: `${ms(closed.ms)} (${closed.body.unitsWithPoints} đơn vị ghi điểm chính thức, ${stored?.n ?? 0} trong bảng; gồm tính lại kết quả đợt)`,
      },
      {
        label: 'Đối chứng: GROUP BY (pg thuần, tiến trình riêng)',
        value: `trung vị ${ms(baseMs)} (${plain.times.map(ms).join(', ')}); ${plain.rows} dòng`,
      },
      {
        label: 'Tỉ lệ sản phẩm / đối chứng',
        value: `đọc kết quả ${formatHundredths(Math.round((readMs / baseMs) * 100), 2)}, đóng ${formatHundredths(Math.round((closed.ms / baseMs) * 100), 2)}`,
      },
    ];
    return {
      figures,
      target: `every unit's survey points in under ${TARGET_MS / 1000} s (results read and close, PostgreSQL)`,
      pass,
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(): Promise<BenchResult> {
  const url = process.env.PARINDEX_BENCH_DATABASE_URL;
  if (!url)
    return {
      figures: [
        {
          label: '[PostgreSQL]',
          value:
            'bỏ qua: đặt PARINDEX_BENCH_DATABASE_URL=postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu (một cơ sở dữ liệu tạm được tạo rồi xóa) và chạy lại `npm run bench -- social-survey`',
        },
      ],
      target: 'PostgreSQL only; not measured',
    };
  const name = `parindex_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await measureOn(target.toString());
  } finally {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Điều tra xã hội học toàn tỉnh: 50.000 phiếu, điểm mọi đơn vị (PostgreSQL, so với GROUP BY)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await measure();
  printResult(bench.name, result);
  if (result.pass === false) process.exitCode = 1;
}
