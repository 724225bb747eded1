-- One job runner for every background task (ADR 37). A job is a row: its kind and payload, its
-- state, and while it runs a lease (the owner number of the process running it, ADR 23, and the
-- time the lease ends unless renewed). A process claims a queued job with FOR UPDATE SKIP LOCKED,
-- renews its lease while the job runs, and another process takes the job over when the lease has
-- expired or its owner is gone: queued again while attempts remain, else interrupted.
-- `dedupe_key` keeps one open job per key (a second enqueue of the same work joins the first).

CREATE TABLE jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  run_after timestamptz NOT NULL,
  lease_owner integer,
  lease_expires_at timestamptz,
  progress jsonb,
  result jsonb,
  error text,
  cancel_requested boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX jobs_open_dedupe_idx ON jobs (dedupe_key)
  WHERE status IN ('queued', 'running');
CREATE INDEX jobs_ready_idx ON jobs (run_after, id) WHERE status = 'queued';
CREATE INDEX jobs_leases_idx ON jobs (lease_expires_at) WHERE status = 'running';
CREATE INDEX jobs_kind_idx ON jobs (kind, id);
