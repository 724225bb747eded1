-- Foundation: unit kinds, units and their lineage, users, role grants, sessions, the audit log,
-- Foreign keys are DEFERRABLE so that a restore can load tables in any order inside one transaction.
-- and a table for shared rate-limit counters. PostgreSQL 15 syntax only (the embedded database is newer).

CREATE TABLE unit_kinds (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

INSERT INTO unit_kinds (code, name_vi, name_en, sort_order) VALUES
  ('province', 'Tỉnh, thành phố', 'Province or city', 10),
  ('province_department', 'Sở, ban, ngành tỉnh', 'Provincial department', 20),
  ('district', 'Huyện, quận, thị xã, thành phố thuộc tỉnh (trước 2025)', 'District (before 2025)', 30),
  ('district_office', 'Phòng, ban chuyên môn cấp huyện (trước 2025)', 'District office (before 2025)', 40),
  ('commune', 'Xã', 'Commune', 50),
  ('ward', 'Phường', 'Ward', 51),
  ('special_zone', 'Đặc khu', 'Special zone', 52),
  ('township', 'Thị trấn (trước 2025)', 'Township (before 2025)', 53),
  ('other', 'Đơn vị khác', 'Other unit', 90);

CREATE TABLE units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL REFERENCES unit_kinds (code) DEFERRABLE,
  parent_id integer REFERENCES units (id) DEFERRABLE,
  -- '/1/25/300/': ids from the root down, for subtree checks in one indexed comparison.
  path text NOT NULL,
  depth integer NOT NULL,
  valid_from date,
  valid_to date,
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to),
  CONSTRAINT units_code_format CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$')
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_code_idx ON units (code);
CREATE INDEX units_code_lower_idx ON units (lower(code) text_pattern_ops);
CREATE INDEX units_path_idx ON units (path text_pattern_ops);

CREATE TABLE unit_lineage (
  predecessor_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  successor_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  -- 'full': the whole predecessor went into the successor; 'partial': only part of it.
  merge_type text NOT NULL CHECK (merge_type IN ('full', 'partial')),
  effective_date date,
  PRIMARY KEY (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_lineage_successor_idx ON unit_lineage (successor_id);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  full_name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  locale text NOT NULL DEFAULT 'vi',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_idx ON users (lower(username));

CREATE TABLE role_grants (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  role text NOT NULL CHECK (role IN ('system_admin', 'standing_agency', 'unit_officer', 'unit_head',
    'appraiser', 'council_chair', 'council_member', 'enumerator')),
  -- NULL: the whole country.
  unit_id integer REFERENCES units (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_grants_unique_idx ON role_grants (user_id, role, coalesce(unit_id, 0));

CREATE TABLE sessions (
  -- SHA-256 of the cookie value: a leaked table does not hand out live sessions.
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE DEFERRABLE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id integer,
  actor_name text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  unit_id integer,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The newest entry's id and hash: removing entries at the end of the chain is detected too.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);

-- The log is append-only for the application: updates and deletes are refused by the database.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- Counters shared by every server process (login rate limits per address).
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
