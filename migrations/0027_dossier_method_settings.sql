-- How a province reads Circular 01/2018 where its text leaves a choice (ADR 27): the divisor of an
-- indicator, how a unit scored on fewer than nine indicators is classed, and how long a due date
-- given without a time lasts. Set on a unit (normally the province), it applies to its subtree:
-- a unit uses the setting of its nearest ancestor, itself included, else the Circular's wording.
CREATE TABLE dossier_method_settings (
  unit_id integer PRIMARY KEY REFERENCES units (id) DEFERRABLE,
  divisor text NOT NULL CHECK (divisor IN ('evaluated', 'scored')),
  few_indicators text NOT NULL CHECK (few_indicators IN ('full-max', 'scored-max', 'not-classed')),
  due_without_time text NOT NULL CHECK (due_without_time IN ('end-of-day', 'start-of-day')),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL
);

-- The late list of a quarterly view (finished late, or unfinished and possibly past due), read by
-- period and unit without scanning the quarter's other dossiers.
CREATE INDEX dossiers_overdue_idx ON dossiers (period, unit_id, received_at DESC)
  WHERE timeliness = 'late' OR finished_at IS NULL;
