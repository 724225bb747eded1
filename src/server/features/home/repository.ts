/**
 * What the home page reads across the features: open remediation tasks, supervisions, open
 * surveys, and the administrator's figures.
 */
import type { Queryable } from '../../infra/db.ts';

/** The open tasks of every remediation plan, by deadline, with their plan and unit. */
export async function findOpenTasks(db: Queryable) {
  return db.query<{
    id: number;
    plan_id: number;
    plan_title: string;
    unit_name: string;
    unit_path: string;
    content: string;
    deadline: string | null;
    responsible_user_id: number | null;
  }>(
    `SELECT t.id, t.plan_id, p.title AS plan_title, u.name AS unit_name, u.path AS unit_path,
            t.content, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.responsible_user_id
     FROM remediation_tasks t
     JOIN remediation_plans p ON p.id = t.plan_id
     JOIN units u ON u.id = p.unit_id
     WHERE t.status IN ('not_started', 'in_progress')
     ORDER BY t.deadline NULLS LAST, t.id`,
  );
}

/** Every supervision, latest period first, with its unit and how many findings have no task yet. */
export async function findSupervisions(db: Queryable) {
  return db.query<{
    id: number;
    plan_number: string;
    unit_name: string;
    unit_path: string;
    period_to: string;
    findings: number;
    without_task: number;
  }>(
    `SELECT s.id, s.plan_number, u.name AS unit_name, u.path AS unit_path,
            to_char(s.period_to, 'YYYY-MM-DD') AS period_to,
            (SELECT count(*)::int FROM supervision_findings f WHERE f.supervision_id = s.id) AS findings,
            (SELECT count(*)::int FROM supervision_findings f WHERE f.supervision_id = s.id
               AND NOT EXISTS (SELECT 1 FROM remediation_tasks t WHERE t.finding_id = f.id)) AS without_task
     FROM supervisions s JOIN units u ON u.id = s.unit_id
     ORDER BY s.period_to DESC, s.id DESC`,
  );
}

/** The units of every open survey whose period has not ended, with the answers collected there. */
export async function findOpenSurveyUnits(db: Queryable, today: string) {
  return db.query<{
    id: number;
    name: string;
    period_end: string;
    unit_name: string;
    unit_path: string;
    answers: number;
  }>(
    `SELECT c.id, c.name, to_char(c.period_end, 'YYYY-MM-DD') AS period_end,
            u.name AS unit_name, u.path AS unit_path,
            (SELECT count(*)::int FROM sipas_responses r
              WHERE r.campaign_id = c.id AND r.unit_id = u.id) AS answers
     FROM sipas_campaigns c
     JOIN sipas_campaign_units cu ON cu.campaign_id = c.id
     JOIN units u ON u.id = cu.unit_id
     WHERE c.status = 'open' AND c.period_end >= $1::date
     ORDER BY c.period_end, c.id, u.name`,
    [today],
  );
}

/** How many accounts there are, disabled, to change their password, locked and without a role. */
export async function countAccounts(db: Queryable, now: Date) {
  const [row] = await db.query<{
    total: number;
    disabled: number;
    must_change: number;
    locked: number;
    without_role: number;
  }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE disabled)::int AS disabled,
            count(*) FILTER (WHERE must_change_password AND NOT disabled)::int AS must_change,
            count(*) FILTER (WHERE locked_until > $1)::int AS locked,
            count(*) FILTER (WHERE NOT disabled AND NOT EXISTS
              (SELECT 1 FROM role_grants g WHERE g.user_id = users.id))::int AS without_role
     FROM users`,
    [now],
  );
  return row;
}

/** How many evidence checks wait and how many files could not be read. */
export async function countEvidenceChecks(db: Queryable) {
  const [row] = await db.query<{ pending: number; unreadable: number }>(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'unreadable')::int AS unreadable
     FROM evidence_checks`,
  );
  return row;
}

/** E-mails kept in the outbox (no SMTP server, ADR 43). */
export async function countOutbox(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox');
  return row?.n ?? 0;
}

/** Open sociological surveys (ADR 35), with their campaign's owner unit and the answers so far. */
export async function findOpenSocialSurveys(db: Queryable) {
  return db.query<{
    campaign_id: number;
    campaign_name: string;
    owner_unit_path: string | null;
    responses: number;
  }>(
    `SELECT s.campaign_id, c.name AS campaign_name, ou.path AS owner_unit_path,
            (SELECT count(*)::int FROM social_survey_responses r WHERE r.survey_id = s.id) AS responses
     FROM social_surveys s
     JOIN campaigns c ON c.id = s.campaign_id
     LEFT JOIN units ou ON ou.id = c.owner_unit_id
     WHERE s.status = 'open'
     ORDER BY s.campaign_id`,
  );
}
