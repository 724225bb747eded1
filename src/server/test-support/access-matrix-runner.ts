/**
 * Runs the access matrix (access-matrix.ts) against a harness: signs in one account per role,
 * makes the fixtures once (an evidence document and a dossier in xã Kim Phượng, Thái Nguyên, and
 * in xã Đại Lãnh, Khánh Hòa; the demo's plans, supervisions, surveys and campaigns), fills each
 * route's path from them and sends the requests in parallel batches.
 */
import { DOCUMENT_TYPES } from '../../domain/documents/templates.ts';
import { multipart, samplePdf } from './test-files.ts';
import {
  ACTORS,
  type ActorKey,
  type Answer,
  type MatrixEntry,
  type TargetKey,
} from './access-matrix.ts';
import type { Fixtures, Side } from './access-matrix-fixtures.ts';
import { unitIdByCode, type Client, type Harness } from './harness.ts';

export type { Fixtures, Side } from './access-matrix-fixtures.ts';

/** An id no object has: an allowed actor gets 404. */
export const MISSING = 999_999;

const USERNAMES: Record<Exclude<ActorKey, 'anonymous'>, string> = {
  admin: 'admin',
  agencyTN: 'noivu.thainguyen',
  agencyKH: 'noivu.khanhhoa',
  chairTN: 'hoidong.thainguyen',
  appraiserTN: 'thamdinh.thainguyen',
  headKP: 'chutich.kimphuong',
  officerKP: 'canbo.kimphuong',
  councilPT: 'hdnd.phuongtien',
  enumeratorDL: 'dieutra.dailanh',
};

export async function signInAll(h: Harness): Promise<Record<ActorKey, Client>> {
  const entries = await Promise.all(
    ACTORS.map(async (a) => [a, a === 'anonymous' ? h.anonymous() : await h.login(USERNAMES[a])]),
  );
  return Object.fromEntries(entries) as Record<ActorKey, Client>;
}

const DOSSIER_HEADER =
  'Mã hồ sơ,Mã thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

async function importDossier(client: Client, code: string, unitCode: string): Promise<number> {
  const boundary = '----parindex-matrix';
  const row = [code, '1.001193', unitCode, 'CB1', '05/08/2025 08:00', '05/08/2025 17:00'];
  const csv = `${DOSSIER_HEADER}\n${[...row, '05/08/2025 16:00', 'Trực tiếp'].join(',')}`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nMa trận\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  const res = await client.request('POST', '/api/v1/dossiers/import', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  if (res.status !== 202)
    throw new Error(`dossier import: ${res.status} ${JSON.stringify(res.body)}`);
  const jobId = (res.body as { jobId: number }).jobId;
  for (let i = 0; i < 400; i++) {
    const job = await client.get<{ status: string }>(`/api/v1/dossiers/jobs/${jobId}`);
    if (job.body.status === 'succeeded') return jobId;
    if (job.body.status === 'failed') throw new Error('dossier import failed');
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('dossier import did not finish');
}

async function uploadEvidence(client: Client, unitId: number, text: string): Promise<number> {
  const { body, headers } = multipart(
    { name: 'ke-hoach.pdf', content: samplePdf(text), type: 'application/pdf' },
    { number: '01/KH-UBND', type: 'plan', issuedOn: '2026-01-15', summary: text },
  );
  const res = await client.request('POST', `/api/v1/units/${unitId}/evidence`, body, headers);
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`evidence upload: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: number }).id;
}

async function one(h: Harness, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await h.deps.db.query<{ id: number }>(sql, params);
  return rows[0]?.id ?? MISSING;
}

export async function makeFixtures(
  h: Harness,
  clients: Record<ActorKey, Client>,
): Promise<Fixtures> {
  const admin = clients.admin;
  const [kp, dl, tn, kh] = await Promise.all(
    ['05551', '22504', '19', '56'].map((c) => unitIdByCode(admin, c)),
  );
  // Accounts that user-management routes act on, so no actor's own session is touched.
  const matrixUser = async (username: string, unitId: number) => {
    const res = await admin.post<{ user: { id: number } }>('/api/v1/users', {
      username,
      fullName: username,
      password: 'matrix-password-2026',
    });
    if (res.status !== 201) throw new Error(`user ${username}: ${res.status}`);
    const grant = await admin.post(`/api/v1/users/${res.body.user.id}/grants`, {
      role: 'unit_officer',
      unitId,
    });
    if (grant.status !== 201 && grant.status !== 200)
      throw new Error(`grant ${username}: ${grant.status} ${JSON.stringify(grant.body)}`);
    const grantId = await one(h, 'SELECT id FROM role_grants WHERE user_id = $1', [
      res.body.user.id,
    ]);
    return { user: res.body.user.id, grant: grantId };
  };
  const userT = await matrixUser('matran.kimphuong', kp!);
  const userK = await matrixUser('matran.dailanh', dl!);
  const [evT, evK, jobT, jobK] = await Promise.all([
    uploadEvidence(clients.officerKP, kp!, 'Ke hoach CCHC Kim Phuong'),
    uploadEvidence(admin, dl!, 'Ke hoach CCHC Dai Lanh'),
    importDossier(clients.officerKP, 'MT-KP-1', '05551'),
    importDossier(admin, 'MT-DL-1', '22504'),
  ]);
  const plan = await one(h, 'SELECT id FROM remediation_plans WHERE unit_id = $1', [kp]);
  const supervision = await one(h, 'SELECT id FROM supervisions ORDER BY id LIMIT 1');
  const campaign = (
    await h.deps.db.query<{ id: number }>(
      'SELECT id FROM campaigns WHERE year = 2026 AND owner_unit_id IS NULL ORDER BY id LIMIT 1',
    )
  )[0]!.id;
  return {
    T: {
      unit: kp!,
      province: tn!,
      user: userT.user,
      grant: userT.grant,
      evidence: evT,
      dossierCode: 'MT-KP-1',
      dossierJob: jobT,
      plan,
      task: await one(h, 'SELECT id FROM remediation_tasks WHERE plan_id = $1 ORDER BY id', [plan]),
      supervision,
      finding: await one(
        h,
        'SELECT id FROM supervision_findings WHERE supervision_id = $1 ORDER BY id',
        [supervision],
      ),
      sipasCampaign: await one(h, 'SELECT id FROM sipas_campaigns ORDER BY id LIMIT 1'),
    },
    K: {
      unit: dl!,
      province: kh!,
      user: userK.user,
      grant: userK.grant,
      evidence: evK,
      dossierCode: 'MT-DL-1',
      dossierJob: jobK,
      plan: MISSING,
      task: MISSING,
      supervision: MISSING,
      finding: MISSING,
      sipasCampaign: MISSING,
    },
    campaign,
    criteriaSet: await one(h, 'SELECT id FROM criteria_sets ORDER BY id LIMIT 1'),
    questionnaire: await one(h, 'SELECT id FROM sipas_questionnaires ORDER BY id LIMIT 1'),
    templateType: DOCUMENT_TYPES[0],
  };
}

/** The id a path parameter stands for, from the segment before it. */
function paramValue(route: string, name: string, f: Fixtures, side: Side): string {
  const before =
    route
      .split('/{' + name + '}')[0]!
      .split('/')
      .pop() ?? '';
  switch (name) {
    case 'unitId':
      return String(side.unit);
    case 'campaignId':
      // Every SIPAS route names a SIPAS survey, never the PAR campaign of the same number.
      return String(route.includes('/sipas/') ? side.sipasCampaign : f.campaign);
    case 'code':
      return before === 'by-code' ? side.dossierCode : '1';
    case 'predecessorId':
      return String(side.unit);
    case 'successorId':
      return String(side.province);
    case 'grantId':
      return String(side.grant);
    case 'type':
      return f.templateType;
    case 'token':
      return 'not-a-token';
    case 'key':
      return 'late';
    case 'unitKind':
      return 'commune';
  }
  const byResource: Record<string, () => number> = {
    units: () => side.unit,
    campaigns: () => (route.includes('/sipas/') ? side.sipasCampaign : f.campaign),
    evidence: () => side.evidence,
    'evidence-rechecks': () => MISSING,
    users: () => side.user,
    'criteria-sets': () => f.criteriaSet,
    questionnaires: () => f.questionnaire,
    'remediation-plans': () => side.plan,
    'remediation-tasks': () => side.task,
    supervisions: () => side.supervision,
    'supervision-findings': () => side.finding,
    notifications: () => MISSING,
    outbox: () => MISSING,
    respondents: () => MISSING,
    jobs: () => (route.includes('/dossiers/') ? side.dossierJob : MISSING),
  };
  const pick = byResource[before];
  if (!pick) throw new Error(`no fixture for {${name}} in ${route}`);
  return String(pick());
}

/** The URL of an entry's request on one side. */
export function urlOf(entry: MatrixEntry, f: Fixtures, target: TargetKey): string {
  const side = f[target];
  const [, path] = entry.route.split(' ');
  const filled = path!.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(paramValue(entry.route, name, f, side)),
  );
  const query = entry.query?.(side, f);
  return query ? `${filled}?${new URLSearchParams(query).toString()}` : filled;
}

/** The body of an entry's write on one side. */
export function bodyOf(entry: MatrixEntry, f: Fixtures, target: TargetKey): unknown {
  const body = entry.body ?? {};
  return typeof body === 'function'
    ? (body as (s: Side, f: Fixtures) => unknown)(f[target], f)
    : body;
}

/** What the product answered, in the matrix's letters. */
export function answerOf(status: number): Answer {
  if (status === 401) return '1';
  if (status === 403) return '3';
  if (status === 404) return '4';
  if (status >= 500) return '5';
  return 'a';
}

/** Does the product's answer meet the expected letter? 'a' is any answer but 401/403 and 5xx. */
export function meets(expected: Answer, got: Answer): boolean {
  if (expected === 'a') return got === 'a' || got === '4';
  return expected === got;
}

export interface Cell {
  route: string;
  actor: ActorKey;
  target: TargetKey;
  status: number;
}

// Writes go least privileged first, so a forbidden answer is never changed by an allowed write of
// the same route (a deleted fixture would answer 404).
const WRITE_ORDER: readonly ActorKey[] = [
  'anonymous',
  'enumeratorDL',
  'councilPT',
  'officerKP',
  'headKP',
  'appraiserTN',
  'chairTN',
  'agencyKH',
  'agencyTN',
  'admin',
];

// Workflow actions change a unit's state, which decides how some saves are refused: they go after
// the saves.
const WORKFLOW =
  /^POST \/api\/v1\/campaigns\/\{id\}\/(units\/\{unitId\}\/[a-z0-9-]+|round1\/close|publish|open|close)$/;

/** 0 reads, 1 writes, 2 workflow actions, 3 deletions (one route at a time), 4 own password, 5 sign-out. */
const phase = (route: string): number => {
  if (route.startsWith('GET ')) return 0;
  if (route === 'POST /api/v1/auth/logout') return 5;
  if (route.startsWith('POST /api/v1/auth/')) return 4;
  if (route.startsWith('DELETE ')) return 3;
  if (WORKFLOW.test(route)) return 2;
  return 1;
};

/**
 * Sends every request of the matrix: reads in parallel batches of `batch`, then writes by phase
 * (changes, workflow actions, deletions, own password, signing out), `writeRoutesAtOnce` routes at
 * a time (deletions one route at a time), each route's actors one after the other, least
 * privileged first.
 */
export async function runMatrix(
  entries: readonly MatrixEntry[],
  clients: Record<ActorKey, Client>,
  f: Fixtures,
  batch = 24,
  writeRoutesAtOnce = 6,
): Promise<Cell[]> {
  const send = async (entry: MatrixEntry, actor: ActorKey, target: TargetKey): Promise<Cell> => {
    const method = entry.route.split(' ')[0]!;
    const url = urlOf(entry, f, target);
    const upload = entry.upload?.(f[target], f);
    const res =
      method === 'GET'
        ? await clients[actor].get(url)
        : upload
          ? await clients[actor].request(method, url, upload.body, upload.headers)
          : await clients[actor].request(method, url, bodyOf(entry, f, target));
    return { route: entry.route, actor, target, status: res.status };
  };
  const targetsOf = (e: MatrixEntry): TargetKey[] =>
    e.expect.K === undefined ? ['T'] : ['T', 'K'];
  const cells: Cell[] = [];
  const reads = entries
    .filter((e) => phase(e.route) === 0)
    .flatMap((e) => targetsOf(e).flatMap((t) => ACTORS.map((a) => () => send(e, a, t))));
  for (let i = 0; i < reads.length; i += batch)
    cells.push(...(await Promise.all(reads.slice(i, i + batch).map((j) => j()))));
  // Each write route's actors one after the other; a few routes of the same phase at once.
  const sequence = async (entry: MatrixEntry): Promise<Cell[]> => {
    const done: Cell[] = [];
    for (const target of targetsOf(entry))
      for (const actor of WRITE_ORDER) done.push(await send(entry, actor, target));
    return done;
  };
  for (const p of [1, 2, 3, 4, 5]) {
    const writes = entries.filter((e) => phase(e.route) === p);
    // Deletions in the matrix's order: a task before its plan.
    const atOnce = p === 3 ? 1 : writeRoutesAtOnce;
    for (let i = 0; i < writes.length; i += atOnce)
      cells.push(...(await Promise.all(writes.slice(i, i + atOnce).map(sequence))).flat());
  }
  return cells;
}
