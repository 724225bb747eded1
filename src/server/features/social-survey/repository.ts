/** SQL of the sociological survey: surveys, questionnaires, respondents, invitations, answers, tallies. */
import type { SurveyDesign } from '../../../domain/social-survey/design.ts';
import type { TallyRow } from '../../../domain/social-survey/points.ts';
import type { Queryable } from '../../infra/db.ts';

export interface SurveyRow {
  id: number;
  campaign_id: number;
  status: 'draft' | 'open' | 'closed';
  sipas_campaign_id: number | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export interface QuestionnaireRow {
  survey_id: number;
  unit_kind: string;
  criteria_set_id: number;
  design: SurveyDesign;
  version: number;
  updated_at: Date;
}

export interface RespondentRow {
  id: number;
  code: string;
  group_code: string;
  full_name: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_parent_id: number | null;
  unit_kind: string | null;
  unit_path: string | null;
  email: string | null;
  user_id: number | null;
  /** The language of the respondent's account, when they hold one. */
  locale: string | null;
}

/** What the survey needs of its campaign. */
export interface CampaignView {
  id: number;
  name: string;
  status: 'setup' | 'open' | 'closed';
  owner_unit_id: number | null;
  owner_unit_path: string | null;
}

export async function findCampaignView(
  db: Queryable,
  campaignId: number,
): Promise<CampaignView | null> {
  const rows = await db.query<CampaignView>(
    `SELECT c.id, c.name, c.status, c.owner_unit_id, u.path AS owner_unit_path
     FROM campaigns c LEFT JOIN units u ON u.id = c.owner_unit_id WHERE c.id = $1`,
    [campaignId],
  );
  return rows[0] ?? null;
}

/** A unit kind of the campaign with its criteria set and that set's survey points. */
export interface CampaignKind {
  unit_kind: string;
  criteria_set_id: number;
  set_name: string;
  survey_max_hundredths: number | null;
}

export async function findCampaignKinds(
  db: Queryable,
  campaignId: number,
): Promise<CampaignKind[]> {
  return db.query<CampaignKind>(
    `SELECT cs.unit_kind, cs.criteria_set_id, s.name AS set_name, cs.survey_max_hundredths
     FROM campaign_criteria_sets cs JOIN criteria_sets s ON s.id = cs.criteria_set_id
     WHERE cs.campaign_id = $1 ORDER BY cs.unit_kind`,
    [campaignId],
  );
}

/** A unit taking part in the campaign, as the survey rates it. */
export interface ParticipantUnit {
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  unit_path: string;
  parent_id: number | null;
}

export async function findParticipantUnits(
  db: Queryable,
  campaignId: number,
): Promise<ParticipantUnit[]> {
  return db.query<ParticipantUnit>(
    `SELECT p.unit_id, u.code AS unit_code, u.name AS unit_name, p.unit_kind, u.path AS unit_path, u.parent_id
     FROM campaign_participants p JOIN units u ON u.id = p.unit_id
     WHERE p.campaign_id = $1 ORDER BY p.unit_kind, u.name, u.id`,
    [campaignId],
  );
}

/** Units by code (the current unit of each code). */
export async function findUnitsByCode(
  db: Queryable,
  codes: string[],
): Promise<Map<string, { id: number; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ id: number; code: string; name: string }>(
    `SELECT DISTINCT ON (code) id, code, name FROM units WHERE code = ANY($1::text[])
     ORDER BY code, valid_to DESC NULLS FIRST, id DESC`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name }]));
}

/** The survey of a campaign, optionally locked for an update. */
export async function findSurveyByCampaign(
  db: Queryable,
  campaignId: number,
  lock = false,
): Promise<SurveyRow | null> {
  const rows = await db.query<SurveyRow>(
    `SELECT id, campaign_id, status, sipas_campaign_id, created_at, updated_at, closed_at
     FROM social_surveys WHERE campaign_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [campaignId],
  );
  return rows[0] ?? null;
}

export async function insertSurvey(
  db: Queryable,
  s: { campaignId: number; sipasCampaignId: number | null; by: number | null; now: Date },
): Promise<SurveyRow> {
  const [row] = await db.query<SurveyRow>(
    `INSERT INTO social_surveys (campaign_id, sipas_campaign_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $4)
     RETURNING id, campaign_id, status, sipas_campaign_id, created_at, updated_at, closed_at`,
    [s.campaignId, s.sipasCampaignId, s.by, s.now.toISOString()],
  );
  return row!;
}

export async function updateSurveyStatus(
  db: Queryable,
  id: number,
  status: SurveyRow['status'],
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE social_surveys SET status = $2, updated_at = $3,
       closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz ELSE NULL END WHERE id = $1`,
    [id, status, now.toISOString()],
  );
}

export async function updateSurveySipas(
  db: Queryable,
  id: number,
  sipasCampaignId: number | null,
  now: Date,
): Promise<void> {
  await db.query(
    'UPDATE social_surveys SET sipas_campaign_id = $2, updated_at = $3 WHERE id = $1',
    [id, sipasCampaignId, now.toISOString()],
  );
}

export async function findQuestionnaires(
  db: Queryable,
  surveyId: number,
): Promise<QuestionnaireRow[]> {
  return db.query<QuestionnaireRow>(
    `SELECT survey_id, unit_kind, criteria_set_id, design, version, updated_at
     FROM social_survey_questionnaires WHERE survey_id = $1 ORDER BY unit_kind`,
    [surveyId],
  );
}

/** Writes a unit kind's questionnaire; returns its new version, or null when `expectedVersion` is stale. */
export async function saveQuestionnaire(
  db: Queryable,
  q: {
    surveyId: number;
    unitKind: string;
    criteriaSetId: number;
    design: SurveyDesign;
    expectedVersion: number | null;
    by: number | null;
    now: Date;
  },
): Promise<number | null> {
  if (q.expectedVersion === null) {
    const rows = await db.query<{ version: number }>(
      `INSERT INTO social_survey_questionnaires (survey_id, unit_kind, criteria_set_id, design, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING version`,
      [
        q.surveyId,
        q.unitKind,
        q.criteriaSetId,
        JSON.stringify(q.design),
        q.by,
        q.now.toISOString(),
      ],
    );
    return rows[0]?.version ?? null;
  }
  const rows = await db.query<{ version: number }>(
    `UPDATE social_survey_questionnaires SET criteria_set_id = $3, design = $4, version = version + 1,
       updated_by = $5, updated_at = $6
     WHERE survey_id = $1 AND unit_kind = $2 AND version = $7 RETURNING version`,
    [
      q.surveyId,
      q.unitKind,
      q.criteriaSetId,
      JSON.stringify(q.design),
      q.by,
      q.now.toISOString(),
      q.expectedVersion,
    ],
  );
  return rows[0]?.version ?? null;
}

const RESPONDENT_COLUMNS = `r.id, r.code, r.group_code, r.full_name, r.unit_id, u.code AS unit_code,
  u.name AS unit_name, u.parent_id AS unit_parent_id, u.kind AS unit_kind, u.path AS unit_path, r.email,
  r.user_id, us.locale`;

export async function findRespondents(db: Queryable, surveyId: number): Promise<RespondentRow[]> {
  return db.query<RespondentRow>(
    `SELECT ${RESPONDENT_COLUMNS} FROM social_survey_respondents r LEFT JOIN units u ON u.id = r.unit_id
     LEFT JOIN users us ON us.id = r.user_id
     WHERE r.survey_id = $1 ORDER BY r.code`,
    [surveyId],
  );
}

export async function insertRespondents(
  db: Queryable,
  surveyId: number,
  rows: {
    code: string;
    group: string;
    fullName: string;
    unitId: number | null;
    userId: number | null;
    email: string | null;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO social_survey_respondents (survey_id, code, group_code, full_name, unit_id, user_id, email)
     SELECT $1, r.code, r.group_code, r.full_name, r.unit_id, r.user_id, r.email
     FROM json_to_recordset($2::json) AS r(code text, group_code text, full_name text, unit_id integer, user_id integer, email text)
     ON CONFLICT (survey_id, code) DO NOTHING RETURNING id`,
    [
      surveyId,
      JSON.stringify(
        rows.map((r) => ({
          code: r.code,
          group_code: r.group,
          full_name: r.fullName,
          unit_id: r.unitId,
          user_id: r.userId,
          email: r.email,
        })),
      ),
    ],
  );
  return inserted.length;
}

/** Invitations that exist, as "respondentId:unitId" keys. */
export async function findInvitationKeys(db: Queryable, surveyId: number): Promise<Set<string>> {
  const rows = await db.query<{ respondent_id: number; rated_unit_id: number }>(
    'SELECT respondent_id, rated_unit_id FROM social_survey_invitations WHERE survey_id = $1',
    [surveyId],
  );
  return new Set(rows.map((r) => `${r.respondent_id}:${r.rated_unit_id}`));
}

export async function insertInvitations(
  db: Queryable,
  surveyId: number,
  rows: { respondentId: number; unitId: number; tokenHash: string }[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.query(
      `INSERT INTO social_survey_invitations (survey_id, respondent_id, rated_unit_id, token_hash, created_at)
       SELECT $1, r.respondent_id, r.rated_unit_id, r.token_hash, $3
       FROM json_to_recordset($2::json) AS r(respondent_id integer, rated_unit_id integer, token_hash text)`,
      [
        surveyId,
        JSON.stringify(
          rows.slice(i, i + 1000).map((r) => ({
            respondent_id: r.respondentId,
            rated_unit_id: r.unitId,
            token_hash: r.tokenHash,
          })),
        ),
        now.toISOString(),
      ],
    );
  }
}

export interface InvitationRow {
  id: number;
  survey_id: number;
  campaign_id: number;
  status: SurveyRow['status'];
  respondent_id: number;
  group_code: string;
  full_name: string;
  rater_unit_id: number | null;
  rated_unit_id: number;
  rated_unit_name: string;
  rated_unit_kind: string;
  used_at: Date | null;
}

/** The invitation a token's hash names, with its survey and units; locked for an answer. */
export async function findInvitationByHash(
  db: Queryable,
  tokenHash: string,
  lock = false,
): Promise<InvitationRow | null> {
  const rows = await db.query<InvitationRow>(
    `SELECT i.id, i.survey_id, s.campaign_id, s.status, i.respondent_id, r.group_code, r.full_name,
       r.unit_id AS rater_unit_id, i.rated_unit_id, u.name AS rated_unit_name, u.kind AS rated_unit_kind, i.used_at
     FROM social_survey_invitations i
     JOIN social_surveys s ON s.id = i.survey_id
     JOIN social_survey_respondents r ON r.id = i.respondent_id
     JOIN units u ON u.id = i.rated_unit_id
     WHERE i.token_hash = $1${lock ? ' FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function markInvitationUsed(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('UPDATE social_survey_invitations SET used_at = $2 WHERE id = $1', [
    id,
    now.toISOString(),
  ]);
}

/** Pairs (respondent, rated unit) already answered among the given ones. */
export async function findAnsweredPairs(db: Queryable, surveyId: number): Promise<Set<string>> {
  const rows = await db.query<{ respondent_id: number; rated_unit_id: number }>(
    `SELECT respondent_id, rated_unit_id FROM social_survey_responses
     WHERE survey_id = $1 AND respondent_id IS NOT NULL`,
    [surveyId],
  );
  return new Set(rows.map((r) => `${r.respondent_id}:${r.rated_unit_id}`));
}

export interface NewResponse {
  respondentId: number | null;
  group: string;
  ratedUnitId: number;
  raterUnitId: number | null;
  channel: 'link' | 'paper' | 'import' | 'field';
  answers: { question: string; level: string }[];
  /** The device's id of a questionnaire from the field app (unique per survey). */
  clientId?: string;
}

/** Saves responses and their answers (in the caller's transaction). */
export async function insertResponses(
  db: Queryable,
  surveyId: number,
  responses: NewResponse[],
  by: number | null,
  now: Date,
): Promise<number> {
  let count = 0;
  for (let i = 0; i < responses.length; i += 500) {
    const part = responses.slice(i, i + 500);
    // Ids taken first, so each answer knows its response whatever order the insert keeps.
    const ids = await db.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('social_survey_responses', 'id'))::int AS id
       FROM generate_series(1, $1::int) ORDER BY 1`,
      [part.length],
    );
    await db.query(
      `INSERT INTO social_survey_responses (id, survey_id, respondent_id, group_code, rated_unit_id, rater_unit_id, channel, client_id, created_by, created_at)
       OVERRIDING SYSTEM VALUE
       SELECT r.id, $1, r.respondent_id, r.group_code, r.rated_unit_id, r.rater_unit_id, r.channel, r.client_id, $3, $4
       FROM json_to_recordset($2::json) AS r(id integer, respondent_id integer, group_code text, rated_unit_id integer, rater_unit_id integer, channel text, client_id text)`,
      [
        surveyId,
        JSON.stringify(
          part.map((r, j) => ({
            id: ids[j]!.id,
            respondent_id: r.respondentId,
            group_code: r.group,
            rated_unit_id: r.ratedUnitId,
            rater_unit_id: r.raterUnitId,
            channel: r.channel,
            client_id: r.clientId ?? null,
          })),
        ),
        by,
        now.toISOString(),
      ],
    );
    const answers = part.flatMap((r, j) =>
      r.answers.map((a) => ({
        response_id: ids[j]!.id,
        rated_unit_id: r.ratedUnitId,
        group_code: r.group,
        question_code: a.question,
        level_code: a.level,
      })),
    );
    await db.query(
      `INSERT INTO social_survey_answers (response_id, survey_id, rated_unit_id, group_code, question_code, level_code)
       SELECT a.response_id, $1, a.rated_unit_id, a.group_code, a.question_code, a.level_code
       FROM json_to_recordset($2::json) AS a(response_id integer, rated_unit_id integer, group_code text, question_code text, level_code text)`,
      [surveyId, JSON.stringify(answers)],
    );
    count += part.length;
  }
  return count;
}

/** The tally of a survey's answers: one row per unit, group, question and level. */
export async function tallyAnswers(
  db: Queryable,
  surveyId: number,
  unitIds: number[] | null = null,
): Promise<TallyRow[]> {
  const rows = await db.query<{ u: number; g: string; q: string; l: string; c: number }>(
    `SELECT rated_unit_id AS u, group_code AS g, question_code AS q, level_code AS l, count(*)::int AS c
     FROM social_survey_answers WHERE survey_id = $1${unitIds === null ? '' : ' AND rated_unit_id = ANY($2::int[])'}
     GROUP BY rated_unit_id, group_code, question_code, level_code`,
    unitIds === null ? [surveyId] : [surveyId, unitIds],
  );
  return rows.map((r) => ({ unitId: r.u, group: r.g, question: r.q, level: r.l, count: r.c }));
}

/** Responses per rated unit and group; invitations per rated unit and group (sent, used). */
export async function progressCounts(
  db: Queryable,
  surveyId: number,
): Promise<
  { unit_id: number; group_code: string; responses: number; invited: number; used: number }[]
> {
  return db.query(
    `WITH res AS (
       SELECT rated_unit_id AS unit_id, group_code, count(*)::int AS responses
       FROM social_survey_responses WHERE survey_id = $1 GROUP BY 1, 2),
     inv AS (
       SELECT i.rated_unit_id AS unit_id, r.group_code, count(*)::int AS invited,
         count(i.used_at)::int AS used
       FROM social_survey_invitations i JOIN social_survey_respondents r ON r.id = i.respondent_id
       WHERE i.survey_id = $1 GROUP BY 1, 2)
     SELECT coalesce(res.unit_id, inv.unit_id) AS unit_id, coalesce(res.group_code, inv.group_code) AS group_code,
       coalesce(res.responses, 0) AS responses, coalesce(inv.invited, 0) AS invited, coalesce(inv.used, 0) AS used
     FROM res FULL JOIN inv ON inv.unit_id = res.unit_id AND inv.group_code = res.group_code`,
    [surveyId],
  );
}

/** An active account that can be a respondent, with the unit it is asked from. */
export interface SurveyAccount {
  user_id: number;
  username: string;
  full_name: string;
  email: string | null;
  unit_id: number;
}

/**
 * Active accounts holding one of `roles` on a participating unit of the campaign, or (with
 * `unitKind`) on a current unit of that kind in the province `provinceId` starts the paths of; each
 * once, with the deepest such unit (then the lowest unit code).
 */
export async function findAccountsForSurvey(
  db: Queryable,
  q: { campaignId: number; roles: string[]; unitKind: string | null; provinceId: string | null },
): Promise<SurveyAccount[]> {
  return db.query<SurveyAccount>(
    `SELECT DISTINCT ON (us.id) us.id AS user_id, us.username, us.full_name,
       nullif(trim(coalesce(us.email, '')), '') AS email, u.id AS unit_id
     FROM role_grants g JOIN users us ON us.id = g.user_id JOIN units u ON u.id = g.unit_id
     WHERE NOT us.disabled AND g.role = ANY($2::text[])
       AND CASE WHEN $3::text IS NULL
         THEN u.id IN (SELECT unit_id FROM campaign_participants WHERE campaign_id = $1)
         ELSE u.kind = $3::text AND u.path LIKE '/' || $4::text || '/%' AND u.valid_to IS NULL END
     ORDER BY us.id, u.depth DESC, u.code`,
    [q.campaignId, q.roles, q.unitKind, q.provinceId],
  );
}

/** An unused link of a survey, with what its reminder says and to whom. */
export interface UnusedInvitation {
  id: number;
  full_name: string;
  email: string | null;
  user_id: number | null;
  locale: string | null;
  rated_unit_name: string;
}

export async function findUnusedInvitations(
  db: Queryable,
  surveyId: number,
): Promise<UnusedInvitation[]> {
  return db.query<UnusedInvitation>(
    `SELECT i.id, r.full_name, nullif(trim(coalesce(r.email, '')), '') AS email, r.user_id,
       us.locale, u.name AS rated_unit_name
     FROM social_survey_invitations i
     JOIN social_survey_respondents r ON r.id = i.respondent_id
     JOIN units u ON u.id = i.rated_unit_id
     LEFT JOIN users us ON us.id = r.user_id
     WHERE i.survey_id = $1 AND i.used_at IS NULL
     ORDER BY i.id
     FOR UPDATE OF i`,
    [surveyId],
  );
}

/** Gives links new tokens (their hashes); the old tokens stop working. */
export async function replaceInvitationHashes(
  db: Queryable,
  rows: { id: number; tokenHash: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.query(
      `UPDATE social_survey_invitations i SET token_hash = x.token_hash
       FROM json_to_recordset($1::json) AS x(id integer, token_hash text) WHERE i.id = x.id`,
      [JSON.stringify(rows.slice(i, i + 1000).map((r) => ({ id: r.id, token_hash: r.tokenHash })))],
    );
  }
}

export interface RespondentListRow {
  id: number;
  code: string;
  full_name: string;
  group_code: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  email: string | null;
  from_account: boolean;
  links: number;
  links_used: number;
  responses: number;
}

/**
 * A page of the survey's respondents (by code), optionally of one group and one unit, with their
 * links made and used and their responses; and how many match.
 */
export async function listRespondents(
  db: Queryable,
  surveyId: number,
  filter: { group: string | null; unitId: number | null; limit: number; offset: number },
): Promise<{ total: number; rows: RespondentListRow[] }> {
  const where = `r.survey_id = $1 AND ($2::text IS NULL OR r.group_code = $2)
    AND ($3::int IS NULL OR r.unit_id = $3)`;
  const params = [surveyId, filter.group, filter.unitId];
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM social_survey_respondents r WHERE ${where}`,
    params,
  );
  const rows = await db.query<RespondentListRow>(
    `SELECT r.id, r.code, r.full_name, r.group_code, r.unit_id, u.code AS unit_code,
       u.name AS unit_name, r.email, r.user_id IS NOT NULL AS from_account,
       (SELECT count(*)::int FROM social_survey_invitations i WHERE i.respondent_id = r.id) AS links,
       (SELECT count(*)::int FROM social_survey_invitations i
         WHERE i.respondent_id = r.id AND i.used_at IS NOT NULL) AS links_used,
       (SELECT count(*)::int FROM social_survey_responses s WHERE s.respondent_id = r.id) AS responses
     FROM social_survey_respondents r LEFT JOIN units u ON u.id = r.unit_id
     WHERE ${where} ORDER BY r.code LIMIT $4 OFFSET $5`,
    [...params, filter.limit, filter.offset],
  );
  return { total: count?.n ?? 0, rows };
}

/** Every group and unit of the survey's respondents, with the count per group (for filters). */
export async function respondentFacets(
  db: Queryable,
  surveyId: number,
): Promise<{
  groups: { group_code: string; n: number }[];
  units: { id: number; code: string; name: string }[];
}> {
  const [groups, units] = await Promise.all([
    db.query<{ group_code: string; n: number }>(
      `SELECT group_code, count(*)::int AS n FROM social_survey_respondents WHERE survey_id = $1
       GROUP BY group_code ORDER BY group_code`,
      [surveyId],
    ),
    db.query<{ id: number; code: string; name: string }>(
      `SELECT DISTINCT u.id, u.code, u.name FROM social_survey_respondents r
       JOIN units u ON u.id = r.unit_id WHERE r.survey_id = $1 ORDER BY u.code`,
      [surveyId],
    ),
  ]);
  return { groups, units };
}

/** One respondent of the survey, with their responses and links counted; locked when asked. */
export async function findRespondentForRemoval(
  db: Queryable,
  surveyId: number,
  respondentId: number,
): Promise<{
  id: number;
  code: string;
  full_name: string;
  group_code: string;
  responses: number;
  links: number;
} | null> {
  const rows = await db.query<{
    id: number;
    code: string;
    full_name: string;
    group_code: string;
    responses: number;
    links: number;
  }>(
    `SELECT r.id, r.code, r.full_name, r.group_code,
       (SELECT count(*)::int FROM social_survey_responses s WHERE s.respondent_id = r.id) AS responses,
       (SELECT count(*)::int FROM social_survey_invitations i WHERE i.respondent_id = r.id) AS links
     FROM social_survey_respondents r WHERE r.survey_id = $1 AND r.id = $2 FOR UPDATE OF r`,
    [surveyId, respondentId],
  );
  return rows[0] ?? null;
}

/** Removes a respondent; their links go with them (ON DELETE CASCADE). */
export async function deleteRespondent(db: Queryable, respondentId: number): Promise<void> {
  await db.query('DELETE FROM social_survey_respondents WHERE id = $1', [respondentId]);
}

/** The surveys open for answers, with their campaign. */
export async function findOpenSurveys(
  db: Queryable,
): Promise<{ survey_id: number; campaign_id: number; campaign_name: string }[]> {
  return db.query(
    `SELECT s.id AS survey_id, c.id AS campaign_id, c.name AS campaign_name
     FROM social_surveys s JOIN campaigns c ON c.id = s.campaign_id
     WHERE s.status = 'open' ORDER BY c.id`,
  );
}

/** A questionnaire from the field app, by the device's id: the receipt it was given. */
export async function findFieldReceipt(
  db: Queryable,
  surveyId: number,
  clientId: string,
): Promise<{
  id: number;
  rated_unit_id: number;
  unit_name: string;
  group_code: string;
  created_at: string | Date;
  answers: number;
} | null> {
  const rows = await db.query<{
    id: number;
    rated_unit_id: number;
    unit_name: string;
    group_code: string;
    created_at: string | Date;
    answers: number;
  }>(
    `SELECT r.id, r.rated_unit_id, u.name AS unit_name, r.group_code, r.created_at,
            (SELECT count(*)::int FROM social_survey_answers a WHERE a.response_id = r.id) AS answers
     FROM social_survey_responses r JOIN units u ON u.id = r.rated_unit_id
     WHERE r.survey_id = $1 AND r.client_id = $2`,
    [surveyId, clientId],
  );
  return rows[0] ?? null;
}
