-- The import job's failure as a message key and its parameters, so that it reads in the language of
-- whoever opens the job; error_message keeps the Vietnamese text (and is all that older jobs have).
-- Problems gain the same: each item of `problems` may carry "key" and "params" next to "message".
ALTER TABLE dossier_import_jobs ADD COLUMN error_key text, ADD COLUMN error_params jsonb;
