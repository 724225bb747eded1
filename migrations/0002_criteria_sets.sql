-- Criteria sets (bộ chỉ số): a versioned tree of criteria per year and unit kind, frozen once a
-- campaign uses it; a new year starts as a copy with a mapping from the old nodes to the new ones.

CREATE TABLE criteria_sets (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  unit_kind text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Max points of the sociological survey added on top of the tree (e.g. 30 of 100); NULL: none.
  survey_max_hundredths integer CHECK (survey_max_hundredths IS NULL OR survey_max_hundredths >= 0),
  -- Classification bands: [{"label","minPercent","maxPercent"}…] in the domain's ClassBand shape.
  bands jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen')),
  based_on_id integer REFERENCES criteria_sets (id) DEFERRABLE,
  -- Where the set came from: a bundled set id, an imported file name, or a copy.
  origin text,
  version integer NOT NULL DEFAULT 1,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  frozen_at timestamptz
);
CREATE INDEX criteria_sets_year_idx ON criteria_sets (year, unit_kind);

CREATE TABLE criteria_nodes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  set_id integer NOT NULL REFERENCES criteria_sets (id) ON DELETE CASCADE DEFERRABLE,
  parent_id integer REFERENCES criteria_nodes (id) ON DELETE CASCADE DEFERRABLE,
  position integer NOT NULL,
  code text NOT NULL,
  title text NOT NULL,
  max_hundredths integer NOT NULL CHECK (max_hundredths >= 0),
  -- The scoring rule as data (domain ScoringRule); NULL on parents.
  rule jsonb,
  not_applicable text CHECK (not_applicable IN ('exclude', 'zero')),
  kind text CHECK (kind IN ('normal', 'bonus', 'penalty')),
  guidance text,
  evidence text,
  agency text,
  source text,
  to_be_confirmed boolean NOT NULL DEFAULT false,
  -- The node of the previous year's set this one was copied from.
  copied_from_id integer REFERENCES criteria_nodes (id) ON DELETE SET NULL DEFERRABLE
);
CREATE INDEX criteria_nodes_set_idx ON criteria_nodes (set_id, parent_id, position);

-- How the nodes of one set map onto the next year's: kept, renamed, merged, split, removed, added.
CREATE TABLE criteria_mappings (
  from_set_id integer NOT NULL REFERENCES criteria_sets (id) ON DELETE CASCADE DEFERRABLE,
  to_set_id integer NOT NULL REFERENCES criteria_sets (id) ON DELETE CASCADE DEFERRABLE,
  -- [{"kind","from":[nodeCode…],"to":[nodeCode…]}…]
  entries jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_set_id, to_set_id)
);

-- The body that issues a set (a province, or NULL for a national template); it decides who edits it.
ALTER TABLE criteria_sets ADD COLUMN owner_unit_id integer REFERENCES units (id) DEFERRABLE;
