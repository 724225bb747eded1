-- The sociological survey of a campaign (điều tra xã hội học, ADR 35): per unit kind a
-- questionnaire drawn up against the campaign's criteria set (its survey nodes, scale, respondent
-- groups with weights, which groups answer which questions), the respondents, who rates which unit
-- through a personal single-use link, and the answers. The survey's points per unit are written
-- into campaign_survey_points (source 'survey'), provisional until the survey closes, so every
-- view of the campaign's results reads them from the one stored result.
CREATE TABLE social_surveys (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL UNIQUE REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  -- The SIPAS campaign whose satisfaction index feeds the nodes whose source is 'sipas'.
  sipas_campaign_id integer REFERENCES sipas_campaigns (id) DEFERRABLE,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz
);

-- One questionnaire per unit kind of the campaign, bound to the criteria set the campaign uses for
-- that kind; `version` counts its changes (exported with it and checked on import).
CREATE TABLE social_survey_questionnaires (
  survey_id integer NOT NULL REFERENCES social_surveys (id) ON DELETE CASCADE DEFERRABLE,
  unit_kind text NOT NULL REFERENCES unit_kinds (code) DEFERRABLE,
  criteria_set_id integer NOT NULL REFERENCES criteria_sets (id) DEFERRABLE,
  design jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (survey_id, unit_kind)
);

-- A person asked: in one respondent group, with their own unit (never rated by them).
CREATE TABLE social_survey_respondents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id integer NOT NULL REFERENCES social_surveys (id) ON DELETE CASCADE DEFERRABLE,
  code text NOT NULL,
  group_code text NOT NULL,
  full_name text NOT NULL,
  unit_id integer REFERENCES units (id) DEFERRABLE,
  user_id integer REFERENCES users (id) DEFERRABLE,
  email text,
  UNIQUE (survey_id, code)
);

-- Who rates which unit: one personal single-use link each (only the token's SHA-256 is kept).
CREATE TABLE social_survey_invitations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id integer NOT NULL REFERENCES social_surveys (id) ON DELETE CASCADE DEFERRABLE,
  respondent_id integer NOT NULL REFERENCES social_survey_respondents (id) ON DELETE CASCADE DEFERRABLE,
  rated_unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  UNIQUE (respondent_id, rated_unit_id)
);

-- One filled questionnaire about one unit. A known respondent answers once per unit.
CREATE TABLE social_survey_responses (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id integer NOT NULL REFERENCES social_surveys (id) ON DELETE CASCADE DEFERRABLE,
  respondent_id integer REFERENCES social_survey_respondents (id) ON DELETE CASCADE DEFERRABLE,
  group_code text NOT NULL,
  rated_unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  rater_unit_id integer REFERENCES units (id) DEFERRABLE,
  channel text NOT NULL CHECK (channel IN ('link', 'paper', 'import')),
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL,
  CHECK (rater_unit_id IS NULL OR rater_unit_id <> rated_unit_id),
  UNIQUE (respondent_id, rated_unit_id)
);

-- One answer per question, with the unit and group copied so the tally is one GROUP BY.
CREATE TABLE social_survey_answers (
  response_id integer NOT NULL REFERENCES social_survey_responses (id) ON DELETE CASCADE DEFERRABLE,
  survey_id integer NOT NULL REFERENCES social_surveys (id) ON DELETE CASCADE DEFERRABLE,
  rated_unit_id integer NOT NULL,
  group_code text NOT NULL,
  question_code text NOT NULL,
  level_code text NOT NULL,
  PRIMARY KEY (response_id, question_code)
);
CREATE INDEX social_survey_answers_tally_idx ON social_survey_answers (survey_id, rated_unit_id);

-- Survey points computed from the answers; provisional while the survey is open.
ALTER TABLE campaign_survey_points DROP CONSTRAINT campaign_survey_points_source_check;
ALTER TABLE campaign_survey_points ADD CONSTRAINT campaign_survey_points_source_check
  CHECK (source IN ('entered', 'imported', 'sipas', 'survey'));
ALTER TABLE campaign_survey_points ADD COLUMN provisional boolean NOT NULL DEFAULT false;
ALTER TABLE campaign_results ADD COLUMN survey_provisional boolean NOT NULL DEFAULT false;
