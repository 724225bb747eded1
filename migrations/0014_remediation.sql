-- Remediation plans (kế hoạch khắc phục) built from a unit's appraised results, their tasks and
-- follow-up, and People's Council supervisions (giám sát của HĐND) with their findings. Scores and
-- rates are integers of hundredths (ADR 4). The text of the official documents these produce (bases,
-- purposes, recipients, signer…) is kept as JSON in `document`, checked by the feature's schemas.

CREATE TABLE remediation_plans (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  -- The results the plan starts from: a campaign and the unit scored in it (the plan's unit or
  -- one of its predecessors through lineage), with the standing at the time (index, class, rank).
  source_campaign_id integer REFERENCES campaigns (id) DEFERRABLE,
  source_unit_id integer REFERENCES units (id) DEFERRABLE,
  baseline jsonb,
  document jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, year)
);

-- A sub-criterion of the plan: what it lost and why, as the results said when the plan was made.
CREATE TABLE remediation_items (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES remediation_plans (id) ON DELETE CASCADE DEFERRABLE,
  code text NOT NULL,
  title text NOT NULL,
  max_hundredths integer NOT NULL CHECK (max_hundredths >= 0),
  self_hundredths integer,
  appraised_hundredths integer NOT NULL,
  lost_hundredths integer NOT NULL CHECK (lost_hundredths >= 0),
  reason text,
  round1_reason text,
  position integer NOT NULL,
  UNIQUE (plan_id, code)
);

-- People's Council supervisions of a unit.
CREATE TABLE supervisions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  -- The supervision plan (kế hoạch giám sát): number and date.
  plan_number text NOT NULL,
  plan_date date,
  -- The period supervised, and how the notice names it ("08 tháng đầu năm 2023").
  period_from date NOT NULL,
  period_to date NOT NULL,
  period_label text NOT NULL DEFAULT '',
  -- Members of the supervision team: [{name, role}].
  members jsonb NOT NULL DEFAULT '[]',
  source_campaign_id integer REFERENCES campaigns (id) DEFERRABLE,
  source_unit_id integer REFERENCES units (id) DEFERRABLE,
  -- Recommendations: [{audience: 'leadership' | 'officers', text}].
  recommendations jsonb NOT NULL DEFAULT '[]',
  document jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_from <= period_to)
);
CREATE INDEX supervisions_unit_idx ON supervisions (unit_id);

-- A finding per sub-criterion, in one of the notice's three groups.
CREATE TABLE supervision_findings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  supervision_id integer NOT NULL REFERENCES supervisions (id) ON DELETE CASCADE DEFERRABLE,
  grp text NOT NULL CHECK (grp IN ('check_with_upper', 'fix_now', 'improve_gradually')),
  code text NOT NULL,
  title text NOT NULL,
  max_hundredths integer CHECK (max_hundredths IS NULL OR max_hundredths >= 0),
  self_hundredths integer,
  appraised_hundredths integer,
  reason text NOT NULL DEFAULT '',
  -- Where the unit's report shows it ("Tại trang 6").
  reference text NOT NULL DEFAULT '',
  position integer NOT NULL
);
CREATE INDEX supervision_findings_supervision_idx ON supervision_findings (supervision_id);

CREATE TABLE remediation_tasks (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES remediation_plans (id) ON DELETE CASCADE DEFERRABLE,
  -- The sub-criterion it fixes; NULL: a task of the plan as a whole.
  item_id integer REFERENCES remediation_items (id) ON DELETE SET NULL DEFERRABLE,
  -- The supervision finding it came from, if any.
  finding_id integer REFERENCES supervision_findings (id) ON DELETE SET NULL DEFERRABLE,
  content text NOT NULL,
  output text NOT NULL DEFAULT '',
  responsible_user_id integer REFERENCES users (id) DEFERRABLE,
  -- The post as the plan names it ("Công chức Văn phòng – Thống kê").
  responsible_label text NOT NULL DEFAULT '',
  deadline date,
  -- A measurable target: a rate to reach (hundredths of a percent), measured by the system
  -- (target_metric) or typed by the official (current_percent).
  target_metric text CHECK (target_metric IS NULL OR target_metric IN ('sipas_satisfaction',
    'dossier_on_time', 'dossier_online', 'dossier_online_payment')),
  target_percent integer CHECK (target_percent IS NULL OR target_percent BETWEEN 0 AND 10000),
  current_percent integer CHECK (current_percent IS NULL OR current_percent BETWEEN 0 AND 10000),
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done',
    'cancelled')),
  progress_note text NOT NULL DEFAULT '',
  -- Evidence documents of the plan's unit (evidence_documents ids) proving completion.
  evidence jsonb NOT NULL DEFAULT '[]',
  completed_at timestamptz,
  -- When the responsible official was last told the task is overdue.
  overdue_notified_at timestamptz,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX remediation_tasks_plan_idx ON remediation_tasks (plan_id);
CREATE INDEX remediation_tasks_responsible_idx ON remediation_tasks (responsible_user_id);
