-- Assessment campaigns (đợt đánh giá Chỉ số CCHC): set-up (criteria set per unit kind, deadlines,
-- survey share, appraiser assignments), each participating unit's assessment state, its entries per
-- node through self-assessment, round 1, explanation and round 2, survey points, stored results,
-- and results of earlier years. Scores are integers of hundredths (ADR 4). Who changed a score and
-- when is kept in `*_by`/`*_at` columns and, for every change, in the audit log.

CREATE TABLE campaigns (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name text NOT NULL,
  status text NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'open', 'closed')),
  -- Deadlines as ISO dates ('2023-01-15', the whole day in Vietnam time) or instants with offset.
  deadline_self_assessment text NOT NULL,
  deadline_round1 text NOT NULL,
  deadline_explanations text NOT NULL,
  deadline_round2 text NOT NULL,
  deadline_publication text NOT NULL,
  survey_source text NOT NULL DEFAULT 'entered' CHECK (survey_source IN ('entered', 'imported', 'sipas')),
  -- Class bands of the campaign (domain ClassBand[]); NULL: the default bands.
  bands jsonb,
  -- The standing agency's unit that runs the campaign; NULL: national.
  owner_unit_id integer REFERENCES units (id) DEFERRABLE,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  opened_at timestamptz,
  -- When campaign_results were last computed, and a summary of what they were computed from
  -- (counts and version sums of entries, states and survey points): a different token means stale.
  results_computed_at timestamptz,
  results_token text
);
CREATE INDEX campaigns_year_idx ON campaigns (year);

-- One frozen criteria set per unit kind; using a set in a campaign freezes it.
CREATE TABLE campaign_criteria_sets (
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  unit_kind text NOT NULL REFERENCES unit_kinds (code) DEFERRABLE,
  criteria_set_id integer NOT NULL REFERENCES criteria_sets (id) DEFERRABLE,
  -- Max survey points on top of the tree (30 in 70 + 30); NULL: no survey part.
  survey_max_hundredths integer CHECK (survey_max_hundredths IS NULL OR survey_max_hundredths >= 0),
  -- Bands of this set overriding the campaign's; NULL: the campaign's.
  bands jsonb,
  PRIMARY KEY (campaign_id, unit_kind)
);

CREATE TABLE campaign_participants (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  -- The unit's kind when it joined: it picks the criteria set.
  unit_kind text NOT NULL,
  -- The workflow state (domain AssessmentStatus) and the standing agency's reopening, if any.
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'draft', 'submitted',
    'reopened', 'round1_in_progress', 'round1_closed', 'explaining', 'explanations_locked',
    'round2_in_progress', 'approved', 'published')),
  reopened jsonb,
  -- Optimistic locking of the state.
  version integer NOT NULL DEFAULT 1,
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, unit_id)
);
CREATE INDEX campaign_participants_unit_idx ON campaign_participants (unit_id);

CREATE TABLE campaign_assignments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  user_id integer NOT NULL REFERENCES users (id) DEFERRABLE,
  -- Codes the appraiser scores; a code covers its subtree ('2' covers '2.3.1').
  node_codes jsonb NOT NULL,
  -- Limits the assignment to one unit kind's set; NULL: every set of the campaign.
  unit_kind text
);
CREATE INDEX campaign_assignments_campaign_idx ON campaign_assignments (campaign_id, user_id);

-- One row per participant and node: every step of its scoring.
CREATE TABLE campaign_entries (
  participant_id integer NOT NULL REFERENCES campaign_participants (id) ON DELETE CASCADE DEFERRABLE,
  node_code text NOT NULL,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  -- Self-assessment: the rule's inputs, the score they give (NULL with self_na), explanation, evidence ids.
  self_inputs jsonb,
  self_score_hundredths integer CHECK (self_score_hundredths IS NULL OR self_score_hundredths >= 0),
  self_na boolean NOT NULL DEFAULT false,
  self_explanation text,
  self_evidence jsonb NOT NULL DEFAULT '[]',
  self_by integer REFERENCES users (id) DEFERRABLE,
  self_at timestamptz,
  -- Round 1.
  round1_score_hundredths integer CHECK (round1_score_hundredths IS NULL OR round1_score_hundredths >= 0),
  round1_na boolean NOT NULL DEFAULT false,
  round1_reason text,
  round1_needs_explanation boolean NOT NULL DEFAULT false,
  round1_by integer REFERENCES users (id) DEFERRABLE,
  round1_at timestamptz,
  -- The unit's explanation of a round-1 finding.
  explanation_text text,
  explanation_evidence jsonb NOT NULL DEFAULT '[]',
  explanation_by integer REFERENCES users (id) DEFERRABLE,
  explanation_at timestamptz,
  -- Round 2's decision on the finding.
  round2_disposition text CHECK (round2_disposition IN ('addressed', 'defended', 'still_open')),
  round2_score_hundredths integer CHECK (round2_score_hundredths IS NULL OR round2_score_hundredths >= 0),
  round2_reason text,
  round2_by integer REFERENCES users (id) DEFERRABLE,
  round2_at timestamptz,
  -- Optimistic locking: a save names the version it read.
  version integer NOT NULL DEFAULT 1,
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_id, node_code)
);
CREATE INDEX campaign_entries_campaign_idx ON campaign_entries (campaign_id, updated_at);

CREATE TABLE campaign_survey_points (
  participant_id integer PRIMARY KEY REFERENCES campaign_participants (id) ON DELETE CASCADE DEFERRABLE,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  points_hundredths integer NOT NULL CHECK (points_hundredths >= 0),
  source text NOT NULL CHECK (source IN ('entered', 'imported', 'sipas')),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Results as last computed (recomputed on demand when entries changed since).
CREATE TABLE campaign_results (
  participant_id integer PRIMARY KEY REFERENCES campaign_participants (id) ON DELETE CASCADE DEFERRABLE,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  unit_kind text NOT NULL,
  appraised_hundredths integer NOT NULL,
  max_appraised_hundredths integer NOT NULL,
  survey_hundredths integer,
  max_survey_hundredths integer,
  index_hundredths integer,
  class_label text,
  rank integer,
  units_ranked integer NOT NULL,
  -- [{code, title, score, max, rank}] for the top-level criteria.
  criteria jsonb NOT NULL,
  computed_at timestamptz NOT NULL
);
CREATE INDEX campaign_results_campaign_idx ON campaign_results (campaign_id, unit_kind, rank);

-- Published results of years before the system was used (e.g. a unit's 2021 index), for the
-- year-over-year comparison.
CREATE TABLE historical_results (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  index_hundredths integer NOT NULL CHECK (index_hundredths >= 0),
  max_hundredths integer NOT NULL CHECK (max_hundredths > 0),
  rank integer,
  units_ranked integer,
  class_label text,
  source text NOT NULL,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, year)
);
