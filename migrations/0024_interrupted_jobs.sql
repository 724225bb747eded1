-- Jobs that survive a crash (ADR 23). Each process that runs jobs takes an owner number from
-- job_owner_seq and holds a session advisory lock on it for its whole life; a queued or running
-- job records its owner. At start-up (and every minute) a process marks as `interrupted` the jobs
-- whose owner no longer holds its lock, and drops the staging tables no running job uses. An
-- interrupted dossier import keeps its uploaded file (`input_file`, a name under the data
-- directory's uploads/) and the column mapping it ran with, so it can be run again.

CREATE SEQUENCE job_owner_seq;

ALTER TABLE dossier_import_jobs DROP CONSTRAINT dossier_import_jobs_status_check;
ALTER TABLE dossier_import_jobs
  ADD CONSTRAINT dossier_import_jobs_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
  ADD COLUMN owner integer,
  ADD COLUMN input_file text,
  ADD COLUMN mapping jsonb,
  -- The job that ran this interrupted one again.
  ADD COLUMN retried_by integer REFERENCES dossier_import_jobs (id) DEFERRABLE;
CREATE INDEX dossier_import_jobs_open_idx ON dossier_import_jobs (owner)
  WHERE status IN ('queued', 'running');

ALTER TABLE document_jobs DROP CONSTRAINT document_jobs_status_check;
ALTER TABLE document_jobs
  ADD CONSTRAINT document_jobs_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
  ADD COLUMN owner integer,
  ADD COLUMN retried_by integer REFERENCES document_jobs (id) DEFERRABLE;
CREATE INDEX document_jobs_open_idx ON document_jobs (owner) WHERE status IN ('queued', 'running');
