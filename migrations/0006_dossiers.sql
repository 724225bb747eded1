-- Dossier-handling evaluation (Decree 61/2018, Circular 01/2018/TT-VPCP): dossiers imported from the
-- one-stop systems, keyed by dossier code (a re-import updates them), with the points each scored on
-- the nine indicators (hundredths, NULL = not scored); the import sources with their saved column
-- mapping; import jobs with their progress and problems; and the citizens' rating forms (one per
-- dossier). Quarterly results are computed by GROUP BY over the stored points. PostgreSQL 15 syntax.

CREATE TABLE dossier_sources (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  -- {"code": "Mã hồ sơ", "receivedAt": "Ngày nhận", …}: domain column → the file's own header.
  mapping jsonb NOT NULL,
  -- The headers of the file the mapping was saved from, in order.
  headers jsonb NOT NULL,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dossier_sources_name_idx ON dossier_sources (lower(name));

CREATE TABLE dossier_import_jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id integer REFERENCES dossier_sources (id) DEFERRABLE,
  file_name text NOT NULL,
  file_kind text NOT NULL CHECK (file_kind IN ('csv', 'xlsx')),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  rows_total integer,
  rows_done integer NOT NULL DEFAULT 0,
  rows_inserted integer NOT NULL DEFAULT 0,
  rows_updated integer NOT NULL DEFAULT 0,
  -- Rows with at least one problem; `problems` lists the first ones (row, column, message).
  problem_rows integer NOT NULL DEFAULT 0,
  problems jsonb NOT NULL DEFAULT '[]',
  -- Dossiers per quarter in the file: {"2024-Q1": 1200, …}.
  periods jsonb,
  error_message text,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX dossier_import_jobs_created_idx ON dossier_import_jobs (created_by, id);

CREATE TABLE dossiers (
  code text PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  unit_code text NOT NULL,
  official_code text,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL DEFAULT '',
  field text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL,
  due_at timestamptz,
  finished_at timestamptz,
  returned_at timestamptz,
  completion_requests integer CHECK (completion_requests >= 0),
  agencies_involved integer CHECK (agencies_involved >= 0),
  channel text NOT NULL CHECK (channel IN ('counter', 'online-full', 'online-partial', 'postal')),
  online_payment boolean,
  returned_by_post boolean,
  status text NOT NULL DEFAULT '',
  -- Ratings as imported (nine entries, hundredths or null); a rating form overrides the citizen's.
  citizen_ratings jsonb,
  self_ratings jsonb,
  -- Derived at import or rating time by the domain core (src/domain/dossiers), stored for GROUP BY.
  period text NOT NULL,
  timeliness text NOT NULL CHECK (timeliness IN ('early', 'on-time', 'late', 'pending', 'no-due-date')),
  handling_seconds bigint,
  citizen_points integer NOT NULL DEFAULT 0,
  citizen_count smallint NOT NULL DEFAULT 0,
  p1 smallint, p2 smallint, p3 smallint, p4 smallint, p5 smallint,
  p6 smallint, p7 smallint, p8 smallint, p9 smallint,
  config_version text NOT NULL,
  import_job_id integer REFERENCES dossier_import_jobs (id) DEFERRABLE,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (finished_at IS NULL OR finished_at >= received_at)
);
CREATE INDEX dossiers_period_unit_idx ON dossiers (period, unit_id);
CREATE INDEX dossiers_unit_received_idx ON dossiers (unit_id, received_at);

-- The citizen's rating form for one dossier: paper at the counter (entered by staff) or online.
CREATE TABLE dossier_ratings (
  dossier_code text PRIMARY KEY REFERENCES dossiers (code) ON DELETE CASCADE DEFERRABLE,
  channel text NOT NULL CHECK (channel IN ('counter-form', 'online')),
  -- Nine entries, hundredths or null.
  ratings jsonb NOT NULL,
  comment text,
  entered_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Template of the per-job staging tables (CREATE UNLOGGED TABLE … (LIKE dossier_staging)).
CREATE TABLE dossier_staging (
  row_no integer NOT NULL,
  code text NOT NULL,
  unit_id integer NOT NULL,
  unit_code text NOT NULL,
  official_code text,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  field text NOT NULL,
  received_ms bigint NOT NULL,
  due_ms bigint,
  finished_ms bigint,
  returned_ms bigint,
  completion_requests integer,
  agencies_involved integer,
  channel text NOT NULL,
  online_payment boolean,
  returned_by_post boolean,
  status text NOT NULL,
  citizen_ratings jsonb,
  self_ratings jsonb,
  period text NOT NULL,
  timeliness text NOT NULL,
  handling_seconds bigint,
  citizen_points integer NOT NULL,
  citizen_count smallint NOT NULL,
  p1 smallint, p2 smallint, p3 smallint, p4 smallint, p5 smallint,
  p6 smallint, p7 smallint, p8 smallint, p9 smallint
);
