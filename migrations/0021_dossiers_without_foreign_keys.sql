-- Dossiers are the bulk of the database (a province imports millions a year) and are written only by
-- the import job, which takes each unit id from `units` and its own job id. PostgreSQL checks a
-- foreign key with one lookup per written row, which tripled the time of loading a million
-- dossiers; and suspending the keys for a large load locked `units` and `dossier_import_jobs`
-- against every reader. Units and import jobs are never deleted (a unit that ends is given its
-- valid_to), so the references hold without the keys (ADR 10).
ALTER TABLE dossiers DROP CONSTRAINT IF EXISTS dossiers_unit_id_fkey;
ALTER TABLE dossiers DROP CONSTRAINT IF EXISTS dossiers_import_job_id_fkey;
