-- Batch re-checks of a unit's evidence library (src/server/features/evidence/recheck.service.ts):
-- the current version of every document is queued again in evidence_checks (which stays the queue
-- the background worker drains), and the batch remembers which versions it asked for, so that its
-- progress is counted from their checks.

CREATE TABLE evidence_recheck_batches (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  -- NULL when started from the command line.
  requested_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_recheck_batches_unit_idx ON evidence_recheck_batches (unit_id, id);

CREATE TABLE evidence_recheck_items (
  batch_id integer NOT NULL REFERENCES evidence_recheck_batches (id) ON DELETE CASCADE DEFERRABLE,
  version_id integer NOT NULL REFERENCES evidence_versions (id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (batch_id, version_id)
);
