-- Dossier imports run as jobs of the job runner (ADR 54). An import keeps its own record in
-- `dossier_import_jobs` (file, source, mapping, counts, refused rows, outcome) and points at the
-- runner's job (`job_id`) that schedules it: while that job is queued or running, and when it was
-- interrupted or cancelled, the runner's state is the import's (the import's own `status` then
-- only says whether the import itself ended). The runner's lease replaces `owner`.
ALTER TABLE dossier_import_jobs ADD COLUMN job_id integer;
CREATE UNIQUE INDEX dossier_import_jobs_job_idx ON dossier_import_jobs (job_id)
  WHERE job_id IS NOT NULL;
DROP INDEX IF EXISTS dossier_import_jobs_open_idx;

-- Imports left open by a version that ran them outside the runner: nothing runs them any more.
UPDATE dossier_import_jobs SET status = 'interrupted', finished_at = now(),
  error_key = 'dossier_import_interrupted', error_params = NULL,
  error_message = 'Lượt nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa hồ sơ nào của tệp được ghi. Có thể chạy lại lượt nhập.'
WHERE status IN ('queued', 'running');
