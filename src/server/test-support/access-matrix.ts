/**
 * Who may call which route, as data: every route of the OpenAPI document × each role of the
 * product (one demo account per role) × the side of the object asked about, with the answer the
 * product must give. The test access-matrix.test.ts runs it on both databases; a route of the
 * OpenAPI document without an entry here fails that test by name.
 *
 * Actors, in the order of the letters of an expectation:
 *   anonymous     no session
 *   admin         system_admin, national
 *   agencyTN      standing_agency of Thái Nguyên (19)      agencyKH  the same of Khánh Hòa (56)
 *   chairTN       council_chair of Thái Nguyên             appraiserTN  appraiser of Thái Nguyên
 *   headKP        unit_head of xã Kim Phượng (Thái Nguyên) officerKP   unit_officer of xã Kim Phượng
 *   councilPT     council_member of xã Phượng Tiến (Thái Nguyên)
 *   enumeratorDL  enumerator of xã Đại Lãnh (Khánh Hòa)
 * Sides (targets): T asks about objects of Thái Nguyên (xã Kim Phượng's unit, evidence, dossier,
 * plan, the province's survey…), K about those of Khánh Hòa (xã Đại Lãnh). For agencyTN a T
 * object is in its subtree and a K object in another province; for officerKP T is its own unit.
 * Routes on national objects (a criteria set, the national campaign) have T only.
 *
 * Letters: a = allowed (any answer but 401/403: 2xx, or 400/404/409 for the matrix's dummy body
 * or missing object), 1 = 401, 3 = 403, 4 = 404 (the product hides that the object exists).
 */
import { multipart, samplePdf } from './test-files.ts';
import type { Fixtures, Side } from './access-matrix-fixtures.ts';

export const ACTORS = [
  'anonymous',
  'admin',
  'agencyTN',
  'agencyKH',
  'chairTN',
  'appraiserTN',
  'headKP',
  'officerKP',
  'councilPT',
  'enumeratorDL',
] as const;
export type ActorKey = (typeof ACTORS)[number];
export type TargetKey = 'T' | 'K';
export type Answer = 'a' | '1' | '3' | '4' | '5';

export interface MatrixEntry {
  /** Method and OpenAPI path, e.g. 'GET /api/v1/units/{id}'. */
  route: string;
  /** One letter per actor (ACTORS order) for side T and, when the route is about a unit, K. */
  expect: { T: string; K?: string };
  /** Query string of the request on one side. */
  query?: (side: Side, f: Fixtures) => Record<string, string>;
  /** Body of a write (default `{}`), or made from the side's fixtures. */
  body?: unknown | ((side: Side, f: Fixtures) => unknown);
  /** A multipart body (a file upload) with its content type, instead of `body`. */
  upload?: (side: Side, f: Fixtures) => { body: Buffer; headers: Record<string, string> };
  /** Why an answer is what it is, when not obvious. */
  note?: string;
}

/**
 * The matrix sends `{}` (or nothing readable as a file) to this write: the body is checked before
 * the unit, so every signed-in actor gets 400 and only the anonymous column tests access here; who
 * may write is tested by the feature's own tests.
 */
const DUMMY_BODY = 'dummy body: validated (400) before the unit is checked';

/** A dossier file of one row received by the unit `unitCode`, as a multipart upload. */
function dossierFile(unitCode: string, code: string) {
  const header =
    'Mã hồ sơ,Mã thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';
  const row = [code, '1.001193', unitCode, 'CB1', '05/08/2025 08:00', '05/08/2025 17:00'];
  const csv = `${header}\n${[...row, '05/08/2025 16:00', 'Trực tiếp'].join(',')}`;
  return multipart(
    { name: 'ho-so.csv', content: Buffer.from(csv), type: 'text/csv' },
    { source: 'Ma trận' },
  );
}

// Expectations used by many routes.
/** Anyone, signed in or not. */
const PUBLIC = 'aaaaaaaaaa';
/** Anyone signed in. */
const SIGNED_IN = '1aaaaaaaaa';

export const MATRIX: readonly MatrixEntry[] = [
  { route: 'GET /healthz', expect: { T: PUBLIC } },
  { route: 'GET /readyz', expect: { T: PUBLIC } },
  { route: 'GET /api/v1/auth/me', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/units', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/unit-kinds', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/units/{id}', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  { route: 'GET /api/v1/units/{id}/lineage', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  { route: 'GET /api/v1/users', expect: { T: '1a33333333' } },
  { route: 'GET /api/v1/users/{id}', expect: { T: '1a33333333', K: '1a33333333' } },
  {
    route: 'GET /api/v1/audit',
    expect: { T: '1aa3a3a333', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  { route: 'GET /api/v1/criteria-sets', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/criteria-sets/bundled', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/criteria-sets/{id}', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  { route: 'GET /api/v1/criteria-sets/{id}/mapping', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  {
    route: 'GET /api/v1/criteria-sets/{id}/export.xlsx',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  { route: 'GET /api/v1/campaigns', expect: { T: SIGNED_IN } },
  { route: 'GET /api/v1/campaigns/{id}', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  { route: 'GET /api/v1/campaigns/{id}/appraisers', expect: { T: '1a33333333', K: '1a33333333' } },
  {
    route: 'GET /api/v1/campaigns/{id}/units/{unitId}/sheet',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
  },
  { route: 'GET /api/v1/campaigns/{id}/queue', expect: { T: SIGNED_IN, K: SIGNED_IN } },
  {
    route: 'GET /api/v1/campaigns/{id}/round1/progress',
    expect: { T: '1aaaaa3333', K: '1aaaaa3333' },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/coverage',
    expect: { T: '1aaaaa3333', K: '1aaaaa3333' },
    note: 'the staff over a participant, each over the units in their scope',
  },
  {
    route: 'GET /api/v1/campaigns/{id}/results',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/units/{unitId}/scorecard',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/results.csv',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/results.xlsx',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'GET /api/v1/public/campaigns/{id}/results',
    expect: { T: '4444444444', K: '4444444444' },
  },
  { route: 'GET /api/v1/campaigns/{id}/survey', expect: { T: '1a33333333', K: '1a33333333' } },
  { route: 'GET /api/v1/units/{unitId}/evidence', expect: { T: '1aa3aaaa33', K: '1a3a333333' } },
  { route: 'GET /api/v1/evidence/{id}', expect: { T: '1aa3aaaa33', K: '1a3a333333' } },
  { route: 'GET /api/v1/evidence/{id}/download', expect: { T: '1aa3aaaa33', K: '1a3a333333' } },
  { route: 'GET /api/v1/evidence/{id}/check', expect: { T: '1aa3aaaa33', K: '1a3a333333' } },
  {
    route: 'GET /api/v1/campaigns/{campaignId}/units/{unitId}/evidence-risks',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
  },
  { route: 'GET /api/v1/evidence-rechecks/{id}', expect: { T: '1444444444', K: '1444444444' } },
  { route: 'GET /api/v1/dossiers/jobs/{id}', expect: { T: '1a44444a44', K: '1a44444444' } },
  { route: 'GET /api/v1/dossiers/sources', expect: { T: '1aaa333a33' } },
  {
    route: 'GET /api/v1/dossiers',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  { route: 'GET /api/v1/dossiers/by-code/{code}', expect: { T: '1aa4a4aa44', K: '1a4a444444' } },
  {
    route: 'GET /api/v1/dossiers/rates/{key}/dossiers',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3', part: 'numerator' }),
  },
  {
    route: 'GET /api/v1/dossiers/quarter-view',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  {
    route: 'GET /api/v1/dossiers/quarter-view.xlsx',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  {
    route: 'GET /api/v1/dossiers/unit-result',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  {
    route: 'GET /api/v1/dossiers/dashboard-766',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  { route: 'GET /api/v1/dossiers/columns', expect: { T: SIGNED_IN } },
  {
    route: 'GET /api/v1/dossiers/rates-history',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit), period: '2025-Q3' }),
  },
  {
    route: 'GET /api/v1/dossiers/bands',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'GET /api/v1/dossiers/postal-catalogue',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'GET /api/v1/dossiers/officials',
    expect: { T: '1aa3a3aa33', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  { route: 'GET /api/v1/sipas/collection-forms', expect: { T: '1aaa333a3a' } },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/posters.pdf',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    // Side T's survey is open: its public form is for anyone; side K names no survey.
    route: 'GET /api/v1/public/sipas/forms/{campaignId}',
    expect: { T: PUBLIC, K: '4444444444' },
  },
  { route: 'GET /api/v1/public/sipas/links/{token}', expect: { T: '4444444444', K: '4444444444' } },
  { route: 'GET /api/v1/sipas/questionnaires', expect: { T: '1aaa333333' } },
  { route: 'GET /api/v1/sipas/questionnaires/{id}', expect: { T: '1aaa333333', K: '1aaa333333' } },
  {
    route: 'GET /api/v1/sipas/questionnaires/{id}/export',
    expect: { T: '1aaa333333', K: '1aaa333333' },
  },
  {
    route: 'GET /api/v1/sipas/questionnaires/{id}/export.xlsx',
    expect: { T: '1aaa333333', K: '1aaa333333' },
  },
  { route: 'GET /api/v1/sipas/campaigns', expect: { T: SIGNED_IN } },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/indexes',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/indexes.xlsx',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/responses',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/survey-points',
    expect: { T: '1aa3333333', K: '1444444444' },
    query: () => ({ surveyMax: '1000' }),
  },
  {
    route: 'GET /api/v1/sipas/campaigns/{campaignId}/entry-form',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  { route: 'GET /api/v1/documents/jobs/{id}', expect: { T: '1444444444', K: '1444444444' } },
  { route: 'GET /api/v1/documents/jobs/{id}/docx', expect: { T: '1444444444', K: '1444444444' } },
  { route: 'GET /api/v1/documents/jobs/{id}/pdf', expect: { T: '1444444444', K: '1444444444' } },
  {
    route: 'GET /api/v1/documents/templates',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'GET /api/v1/documents/templates/{type}/file',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  { route: 'GET /api/v1/units/{id}/result-sources', expect: { T: '1aa3a3aa33', K: '1a3a333333' } },
  {
    route: 'GET /api/v1/remediation-plans',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  { route: 'GET /api/v1/remediation-plans/{id}', expect: { T: '1aa3a3aa33', K: '1444444444' } },
  {
    route: 'GET /api/v1/remediation-plans/{id}/export.xlsx',
    expect: { T: '1aa3a3aa33', K: '1444444444' },
  },
  { route: 'GET /api/v1/remediation-tasks/overdue', expect: { T: SIGNED_IN } },
  {
    route: 'GET /api/v1/supervisions',
    expect: { T: SIGNED_IN, K: SIGNED_IN },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'GET /api/v1/supervisions/{id}',
    expect: { T: '1aa3a333a3', K: '1444444444' },
  },
  {
    route: 'GET /api/v1/supervisions/{id}/export.xlsx',
    expect: { T: '1aa3a333a3', K: '1444444444' },
  },
  { route: 'GET /api/v1/notifications', expect: { T: SIGNED_IN } },
  {
    route: 'GET /api/v1/outbox',
    expect: { T: '1a33333333' },
    note: "the mails kept without SMTP carry every account's notices: the national administrator only",
  },
  { route: 'GET /api/v1/outbox/{id}', expect: { T: '1a33333333' } },
  {
    route: 'GET /api/v1/me/tasks',
    expect: { T: SIGNED_IN },
    note: 'every signed-in person reads their own tasks, computed within their grants',
  },
  {
    route: 'POST /api/v1/units',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({
      code: `MT-${s.unit}`,
      name: 'Đơn vị thử',
      kind: 'other',
      parentId: s.unit,
      validFrom: null,
      validTo: null,
    }),
  },
  {
    route: 'PUT /api/v1/units/{id}',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({
      code: `MT-X-${s.unit}`,
      name: 'Đơn vị thử',
      kind: 'other',
      parentId: s.province,
      validFrom: null,
      validTo: null,
      version: 999,
    }),
    note: 'version 999: an allowed actor gets 409 and the unit is left as it is',
  },
  {
    route: 'POST /api/v1/unit-lineage',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({
      predecessorId: s.unit,
      successorId: s.province,
      mergeType: 'partial',
      effectiveDate: null,
    }),
  },
  {
    route: 'PUT /api/v1/unit-lineage/{predecessorId}/{successorId}',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: { mergeType: 'partial', effectiveDate: null, reason: 'Kiểm tra quyền' },
  },
  { route: 'POST /api/v1/units/import', note: DUMMY_BODY, expect: { T: SIGNED_IN } },
  {
    route: 'POST /api/v1/users',
    expect: { T: '1a33333333' },
    body: { username: 'matran.moi', fullName: 'Tài khoản thử' },
  },
  {
    route: 'PUT /api/v1/users/{id}',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: { fullName: 'Tài khoản thử', email: null, disabled: false, version: 999 },
  },
  { route: 'POST /api/v1/users/{id}/reset-password', expect: { T: '1a33333333', K: '1a33333333' } },
  {
    route: 'POST /api/v1/users/{id}/grants',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: (s: Side) => ({ role: 'unit_head', unitId: s.unit }),
  },
  {
    route: 'POST /api/v1/criteria-sets',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({
      name: 'Bộ tiêu chí thử của tỉnh',
      year: 2027,
      unitKind: 'commune',
      bands: [{ label: 'Tốt', fromPercent: 0, toPercent: null }],
      ownerUnitId: s.province,
    }),
    note: "each allowed actor creates a set of the side's province",
  },
  {
    route: 'PUT /api/v1/criteria-sets/{id}',
    expect: { T: '1aa3333333', K: '1aa3333333' },
    body: {
      name: 'Bộ thử',
      year: 2026,
      unitKind: 'commune',
      bands: [{ label: 'Tốt', fromPercent: 0, toPercent: null }],
      version: 999,
    },
    note: 'version 999: an allowed actor gets 409 and the set is left as it is',
  },
  {
    route: 'PUT /api/v1/criteria-sets/{id}/tree',
    expect: { T: '1aa3333333', K: '1aa3333333' },
    body: { version: 999, nodes: [] },
    note: 'version 999: an allowed actor gets 409 and the tree is left as it is',
  },
  { route: 'POST /api/v1/criteria-sets/{id}/freeze', expect: { T: '1aa3333333', K: '1aa3333333' } },
  {
    route: 'POST /api/v1/criteria-sets/{id}/copy',
    expect: { T: '1aa3333333', K: '1aa3333333' },
    body: { year: 2027, name: 'Bản sao thử' },
  },
  {
    route: 'PUT /api/v1/criteria-sets/{id}/mapping',
    expect: { T: '1aa3333333', K: '1aa3333333' },
    body: { entries: [] },
  },
  { route: 'POST /api/v1/criteria-sets/import', note: DUMMY_BODY, expect: { T: SIGNED_IN } },
  {
    route: 'POST /api/v1/campaigns',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side, f: Fixtures) => ({
      name: 'Đợt thử của tỉnh',
      year: 2027,
      deadlines: {
        selfAssessment: '2026-03-01',
        round1: '2026-04-01',
        explanations: '2026-05-01',
        round2: '2026-06-01',
        publication: '2026-07-01',
      },
      ownerUnitId: s.province,
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: f.criteriaSet }],
    }),
    note: "each allowed actor creates a campaign of the side's province",
  },
  {
    route: 'PUT /api/v1/campaigns/{id}',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: {
      name: 'Đợt thử',
      year: 2026,
      deadlines: {
        selfAssessment: '2026-03-01',
        round1: '2026-04-01',
        explanations: '2026-05-01',
        round2: '2026-06-01',
        publication: '2026-07-01',
      },
      version: 999,
    },
    note: 'version 999: an allowed actor gets 409 and the campaign is left as it is',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/participants',
    expect: { T: '1a33333333', K: '1a33333333' },
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/assignments',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: { assignments: [{ username: 'khong.ton.tai', nodeCodes: ['1'] }] },
    note: 'an unknown appraiser: an allowed actor gets 400 and the assignments are left as they are',
  },
  { route: 'POST /api/v1/campaigns/{id}/open', expect: { T: '1a33333333', K: '1a33333333' } },
  { route: 'POST /api/v1/campaigns/{id}/close', expect: { T: '1a33333333', K: '1a33333333' } },
  {
    route: 'PUT /api/v1/campaigns/{id}/units/{unitId}/entries/{code}/self',
    expect: { T: '133333aa33', K: '1333333333' },
    body: { version: 999, inputs: {}, evidence: [] },
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/units/{unitId}/entries/{code}/round1',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999, scoreHundredths: null },
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/units/{unitId}/entries/{code}/explanation',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999, text: 'Giải trình', evidence: [] },
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/units/{unitId}/entries/{code}/round2',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999, disposition: 'addressed', reason: 'Đã khắc phục' },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/submit',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/withdraw',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/reopen',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/close-round1',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/lock-explanations',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/approve',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/reopen-result',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/units/{unitId}/publish',
    expect: { T: '1aa3aaaa33', K: '1a3a333333' },
    body: { version: 999 },
    note: 'version 999: an allowed actor gets 409 and nothing changes',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/self-score-acceptances',
    expect: { T: '1333a33333', K: '1333a33333' },
    body: { codes: ['8'], reason: 'Tiêu chí 8 không phân công thẩm định (ma trận quyền).' },
    note: 'only whoever may close round 1 on a unit (the council chair over it) accepts a self score',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/round1/close',
    expect: { T: '1aaaaaaaa3', K: '1aaaaaaaa3' },
  },
  { route: 'POST /api/v1/campaigns/{id}/publish', expect: { T: '1aaaaaaaa3', K: '1aaaaaaaa3' } },
  {
    route: 'POST /api/v1/campaigns/{id}/participants/bulk',
    expect: { T: '1aa3aa3333', K: '1a3a333333' },
    body: (s: Side) => ({ action: 'remind', unitIds: [s.unit] }),
    note: 'staff over the unit get 200 (a reminder, or a refusal by unit: appraiserTN); anyone who is staff over none of the units, 403',
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/units/{unitId}/survey',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: { pointsHundredths: 0 },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/scores/preview',
    expect: { T: '1a33333333', K: '1a33333333' },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/scores/import',
    expect: { T: '1a33333333', K: '1a33333333' },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/survey/from-sipas',
    expect: { T: '1a33333333', K: '1433333333' },
    body: (s: Side) => ({ sipasCampaignId: s.sipasCampaign }),
  },
  // The sociological survey of a campaign (national here: only the administrator manages it).
  { route: 'GET /api/v1/campaigns/{id}/social-survey', expect: { T: '1a33333333' } },
  { route: 'POST /api/v1/campaigns/{id}/social-survey', expect: { T: '1a33333333' } },
  {
    route: 'PUT /api/v1/campaigns/{id}/social-survey/questionnaires/{unitKind}',
    expect: { T: '1a33333333' },
    body: {
      version: null,
      design: {
        method: 'favourable',
        scale: { levels: [], excluded: [], favourable: [] },
        nodes: [],
        groups: [],
        questions: [],
        rules: [],
      },
    },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/social-survey/questionnaires/{unitKind}/export.xlsx',
    expect: { T: '1a33333333' },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/questionnaires/{unitKind}/import',
    expect: { T: '1a33333333' },
  },
  { route: 'POST /api/v1/campaigns/{id}/social-survey/open', expect: { T: '1a33333333' } },
  { route: 'POST /api/v1/campaigns/{id}/social-survey/close', expect: { T: '1a33333333' } },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/respondents',
    expect: { T: '1a33333333' },
    body: { respondents: [{ code: 'MT1', group: 'G', fullName: 'Ma trận' }] },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/social-survey/respondents',
    expect: { T: '1a33333333' },
  },
  {
    route: 'DELETE /api/v1/campaigns/{id}/social-survey/respondents/{respondentId}',
    expect: { T: '1a33333333' },
    note: 'no such respondent: 404 for the administrator',
  },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/respondents/from-accounts',
    expect: { T: '1a33333333' },
    body: { group: 'G', roles: ['council_member'] },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/respondents/import',
    expect: { T: '1a33333333' },
  },
  { route: 'POST /api/v1/campaigns/{id}/social-survey/invitations', expect: { T: '1a33333333' } },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/invitations/remind',
    expect: { T: '1a33333333' },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/responses',
    expect: { T: '1a33333333' },
    body: { responses: [{ group: 'G', ratedUnitCode: '05551', answers: { Q1: '5' } }] },
  },
  {
    route: 'POST /api/v1/campaigns/{id}/social-survey/responses/import',
    expect: { T: '1a33333333' },
  },
  { route: 'GET /api/v1/campaigns/{id}/social-survey/progress', expect: { T: '1a33333333' } },
  { route: 'GET /api/v1/campaigns/{id}/social-survey/results', expect: { T: '1a33333333' } },
  { route: 'GET /api/v1/campaigns/{id}/social-survey/results.xlsx', expect: { T: '1a33333333' } },
  {
    route: 'GET /api/v1/social-survey/collection-forms',
    expect: { T: '1aaa333a3a' },
    note: 'who holds a SIPAS entry or management right somewhere, as the SIPAS field forms',
  },
  {
    route: 'POST /api/v1/social-survey/field-responses',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN },
  },
  { route: 'GET /api/v1/public/social-survey/{token}', expect: { T: '4444444444' } },
  {
    route: 'POST /api/v1/public/social-survey/{token}',
    expect: { T: '4444444444' },
    body: { answers: { Q1: '5' } },
    note: 'an unknown link: 404 for everyone',
  },
  {
    route: 'POST /api/v1/units/{unitId}/evidence',
    expect: { T: '1aa333aa33', K: '1a3a333333' },
    upload: () =>
      multipart(
        { name: 'bao-cao.pdf', content: samplePdf('Bao cao thu quyen'), type: 'application/pdf' },
        { number: '02/BC-UBND', type: 'plan', issuedOn: '2026-02-01', summary: 'Báo cáo thử' },
      ),
    note: 'the same file each time: the first allowed actor gets 201, the later ones 200 (duplicate)',
  },
  {
    route: 'PUT /api/v1/evidence/{id}',
    expect: { T: '1aa333aa33', K: '1a3a333333' },
    body: {
      number: null,
      type: 'plan',
      issuedOn: null,
      issuer: null,
      summary: 'Kiểm tra quyền',
      version: 999,
    },
  },
  {
    route: 'POST /api/v1/evidence/{id}/versions',
    expect: { T: '1aa333aa33', K: '1a3a333333' },
    upload: () =>
      multipart({
        name: 'ke-hoach-sua.pdf',
        content: samplePdf('Ke hoach sua doi'),
        type: 'application/pdf',
      }),
    note: 'the same file each time: the first allowed actor gets 201, the later ones 200 (duplicate)',
  },
  {
    route: 'POST /api/v1/units/{unitId}/evidence/rechecks',
    expect: { T: '1aa333aa33', K: '1a3a333333' },
  },
  {
    route: 'POST /api/v1/dossiers/import/preview',
    expect: { T: '1aaa333a33', K: '1aaa333a33' },
    upload: (s: Side, f: Fixtures) =>
      dossierFile(s === f.T ? '05551' : '22504', s === f.T ? 'MT-KP-2' : 'MT-DL-2'),
    note: 'the preview reads only the file sent: whoever may import dossiers may preview a file, and a row of a unit outside their own is shown as an error',
  },
  {
    route: 'POST /api/v1/dossiers/import',
    expect: { T: '1aaa333a33', K: '1aaa333a33' },
    upload: (s: Side, f: Fixtures) =>
      dossierFile(s === f.T ? '05551' : '22504', s === f.T ? 'MT-KP-3' : 'MT-DL-3'),
    note: 'whoever may import dossiers gets the job (202); a row of a unit outside their own is refused as the file is read, as the preview shows',
  },
  {
    route: 'POST /api/v1/dossiers/by-code/{code}/rating',
    expect: { T: '1aa3333a33', K: '1a3a333333' },
    body: { ratings: [1, 1, 1, 1, 1, 1, 1, 1, 1], comment: null },
    note: 'one paper form per dossier: the first allowed actor gets 201, the later ones 409',
  },
  { route: 'POST /api/v1/public/dossier-ratings', expect: { T: PUBLIC } },
  {
    route: 'PUT /api/v1/dossiers/bands',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({ unitId: s.unit, presetId: 'khong-co-bang-nay' }),
    note: 'an unknown preset: an allowed actor gets 400 and the choice is left as it is',
  },
  {
    route: 'PUT /api/v1/dossiers/postal-catalogue',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({ unitId: s.unit, text: '1.001193\tThủ tục thử' }),
    note: 'the same one-line list each time; the deletion removes it again',
  },
  {
    route: 'POST /api/v1/dossiers/officials',
    expect: { T: '1aa3333a33', K: '1a3a333333' },
    body: (s: Side) => ({ unitId: s.unit, code: 'MT-1', fullName: 'Cán bộ thử' }),
    note: 'the first allowed actor names the official, the next ones find the code taken (409)',
  },
  {
    route: 'PUT /api/v1/dossiers/officials',
    expect: { T: '1aa3333a33', K: '1a3a333333' },
    body: (s: Side) => ({ unitId: s.unit, code: 'MT-1', fullName: 'Cán bộ thử (sửa)' }),
  },
  {
    route: 'POST /api/v1/dossiers/officials/file',
    expect: { T: '1aa3333a33', K: '1a3a333333' },
    upload: (s: Side) =>
      multipart(
        { name: 'can-bo.csv', content: Buffer.from('MT-2,Cán bộ thử hai\n'), type: 'text/csv' },
        { unitId: String(s.unit) },
      ),
    note: "a one-line list of officials for the side's unit",
  },
  {
    route: 'POST /api/v1/dossiers/postal-catalogue/file',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    upload: (s: Side) =>
      multipart(
        {
          name: 'buu-chinh.csv',
          content: Buffer.from('1.001193,Thủ tục thử\n'),
          type: 'text/csv',
        },
        { unitId: String(s.unit) },
      ),
    note: "a one-line list of postal procedures for the side's unit",
  },
  { route: 'POST /api/v1/public/sipas/responses', expect: { T: PUBLIC } },
  { route: 'POST /api/v1/sipas/questionnaires', note: DUMMY_BODY, expect: { T: SIGNED_IN } },
  {
    route: 'PUT /api/v1/sipas/questionnaires/{id}',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/sipas/questionnaires/import',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN },
  },
  { route: 'POST /api/v1/sipas/campaigns', note: DUMMY_BODY, expect: { T: SIGNED_IN } },
  {
    route: 'PUT /api/v1/sipas/campaigns/{campaignId}',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/sipas/campaigns/{campaignId}/responses/paper',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  { route: 'POST /api/v1/sipas/responses/batch', note: DUMMY_BODY, expect: { T: SIGNED_IN } },
  {
    route: 'POST /api/v1/sipas/campaigns/{campaignId}/links',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/sipas/campaigns/{campaignId}/import/preview',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/sipas/campaigns/{campaignId}/import',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/sipas/campaigns/{campaignId}/import/check',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
  },
  {
    route: 'POST /api/v1/documents',
    expect: { T: '1aa333aa33', K: '1a3a333333' },
    body: (s: Side, f: Fixtures) => ({
      type: 'self_assessment_report',
      campaignId: f.campaign,
      unitId: s.unit,
      pdf: false,
    }),
  },
  {
    route: 'PUT /api/v1/documents/templates/{type}',
    note: DUMMY_BODY,
    expect: { T: SIGNED_IN, K: SIGNED_IN },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'POST /api/v1/units/{id}/remediation-plans',
    expect: { T: '1a3333a333', K: '1a33333333' },
    body: (_s: Side, f: Fixtures) => ({ year: 2026, campaignId: f.campaign }),
  },
  {
    route: 'PUT /api/v1/remediation-plans/{id}',
    expect: { T: '1a3333a333', K: '1444444444' },
    body: { version: 999, title: 'Kế hoạch thử', document: {} },
    note: 'version 999: an allowed actor gets 409 and the plan is left as it is',
  },
  {
    route: 'POST /api/v1/remediation-plans/{id}/what-if',
    expect: { T: '1aa3a3aa33', K: '1444444444' },
    body: { codes: [] },
  },
  {
    route: 'POST /api/v1/remediation-plans/{id}/tasks',
    expect: { T: '1a3333a333', K: '1444444444' },
    body: { content: 'Nhiệm vụ thử' },
  },
  {
    route: 'PUT /api/v1/remediation-tasks/{id}',
    expect: { T: '1a3333a333', K: '1444444444' },
    body: {
      version: 999,
      content: 'Nhiệm vụ thử',
      output: '',
      responsibleUserId: null,
      responsibleLabel: '',
      deadline: null,
      targetMetric: null,
      targetPercent: null,
    },
    note: 'version 999: an allowed actor gets 409 and the task is left as it is',
  },
  {
    route: 'PUT /api/v1/remediation-tasks/{id}/progress',
    expect: { T: '1a3333aa33', K: '1444444444' },
    body: { version: 999, status: 'in_progress' },
    note: 'version 999: an allowed actor gets 409 and the task is left as it is',
  },
  {
    route: 'POST /api/v1/supervisions',
    expect: { T: '1a33333333', K: '1a33333333' },
    body: (s: Side) => ({
      unitId: s.unit,
      planNumber: '01/KH-HĐND',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      members: [{ name: 'Nguyễn Văn A', role: 'Trưởng đoàn' }],
    }),
  },
  {
    route: 'PUT /api/v1/supervisions/{id}',
    expect: { T: '1a333333a3', K: '1444444444' },
    body: {
      version: 999,
      planNumber: '01/KH-HĐND',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      members: [{ name: 'Nguyễn Văn A', role: 'Trưởng đoàn' }],
    },
    note: 'version 999: an allowed actor gets 409 and the supervision is left as it is',
  },
  {
    route: 'POST /api/v1/supervisions/{id}/findings',
    expect: { T: '1a333333a3', K: '1444444444' },
    body: { group: 'fix_now', code: 'MT-1', title: 'Nội dung thử' },
  },
  {
    route: 'PUT /api/v1/supervision-findings/{id}',
    expect: { T: '1a333333a3', K: '1444444444' },
    body: { group: 'fix_now', code: 'MT-0', title: 'Nội dung thử' },
  },
  { route: 'POST /api/v1/notifications/{id}/read', expect: { T: '1444444444', K: '1444444444' } },
  {
    route: 'POST /api/v1/notifications/read-all',
    expect: { T: SIGNED_IN },
    note: 'every signed-in person marks their own notifications',
  },
  {
    route: 'DELETE /api/v1/unit-lineage/{predecessorId}/{successorId}',
    expect: { T: '14a3333333', K: '143a333333' },
    body: { reason: 'Kiểm tra quyền' },
  },
  {
    route: 'DELETE /api/v1/users/{id}/grants/{grantId}',
    expect: { T: '1a33333333', K: '1a33333333' },
  },
  { route: 'DELETE /api/v1/criteria-sets/{id}', expect: { T: '1aa3333333', K: '1aa3333333' } },
  {
    route: 'DELETE /api/v1/campaigns/{id}/participants/{unitId}',
    expect: { T: '1a33333333', K: '1a33333333' },
  },
  { route: 'DELETE /api/v1/evidence/{id}', expect: { T: '1444444a33', K: '144a333333' } },
  {
    route: 'DELETE /api/v1/dossiers/officials',
    expect: { T: '1aa3333a33', K: '1a3a333333' },
    note: 'the first allowed actor removes the name, the next ones find none (404)',
    query: (s) => ({ unitId: String(s.unit), code: 'MT-1' }),
  },
  {
    route: 'DELETE /api/v1/dossiers/postal-catalogue',
    expect: { T: '14a3333333', K: '143a333333' },
    note: 'the list the PUT set on the unit is removed by the agency of its province; the administrator, after it, finds none (404)',
    query: (s) => ({ unitId: String(s.unit) }),
  },
  {
    route: 'DELETE /api/v1/sipas/questionnaires/{id}',
    expect: { T: '1aaa333333', K: '1aaa333333' },
  },
  {
    route: 'DELETE /api/v1/sipas/campaigns/{campaignId}',
    expect: { T: '1aa3333333', K: '1444444444' },
  },
  {
    route: 'DELETE /api/v1/documents/templates/{type}',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    query: (s) => ({ unitId: String(s.unit) }),
  },
  { route: 'DELETE /api/v1/remediation-tasks/{id}', expect: { T: '144444a333', K: '1444444444' } },
  {
    route: 'DELETE /api/v1/supervision-findings/{id}',
    expect: { T: '14444444a3', K: '1444444444' },
  },
  { route: 'POST /api/v1/auth/login', expect: { T: PUBLIC } },
  { route: 'POST /api/v1/auth/logout', expect: { T: PUBLIC } },
  { route: 'POST /api/v1/auth/password', expect: { T: SIGNED_IN } },
  { route: 'DELETE /api/v1/remediation-plans/{id}', expect: { T: '144444a333', K: '1444444444' } },
  {
    route: 'GET /api/v1/dossiers/by-code/{code}/rating-receipt',
    expect: { T: '1aa4343a44', K: '1a4a444444' },
  },
  {
    route: 'GET /api/v1/dossiers/rates/postal-procedures/procedures',
    note: 'no unit or period sent: 400 to everyone signed in',
    expect: { T: SIGNED_IN },
  },
  { route: 'GET /api/v1/dossiers/method', expect: { T: SIGNED_IN } },
  { route: 'POST /api/v1/dossiers/jobs/{id}/retry', expect: { T: '1a44444a44', K: '1a44444444' } },
  {
    route: 'PUT /api/v1/dossiers/method',
    expect: { T: '1aa3333333', K: '1a3a333333' },
    body: (s: Side) => ({
      unitId: s.unit,
      divisor: 'evaluated',
      fewIndicators: 'full-max',
      dueWithoutTime: 'end-of-day',
    }),
    note: 'the default method: an allowed actor saves what is already in force',
  },
  { route: 'POST /api/v1/documents/jobs/{id}/retry', expect: { T: '1444444444', K: '1444444444' } },
];
