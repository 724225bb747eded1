-- Official documents drafted from the data (Decree 30/2020 layout). Templates are Word files with
-- placeholders; the shipped ones are built by the product, a province may upload its own per
-- document type (the newest active version is used; earlier versions are kept). Drafting runs as
-- a job whose result (.docx, and the .pdf made from it) is kept in file storage.

CREATE TABLE document_templates (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_type text NOT NULL,
  -- The province (or other top unit) whose documents use it; NULL: every unit without its own.
  unit_id integer REFERENCES units (id) DEFERRABLE,
  storage_key text NOT NULL,
  file_name text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by integer REFERENCES users (id) DEFERRABLE,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  -- Withdrawn versions stay for the record; the newest active one is used.
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX document_templates_lookup_idx ON document_templates (doc_type, unit_id, id);

CREATE TABLE document_jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_type text NOT NULL,
  -- What the document is about: {"campaignId": 3, "unitId": 120} or {"unitId": 5, "period": "2021-Q2"}.
  params jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  -- 0…100
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  step text,
  file_name text,
  docx_key text,
  pdf_key text,
  pdf_status text NOT NULL DEFAULT 'none' CHECK (pdf_status IN ('none', 'running', 'ready', 'failed', 'unavailable')),
  -- Message catalogue key and parameters of a failure, shown in the user's language.
  error_code text,
  error_params jsonb,
  template_id integer REFERENCES document_templates (id) DEFERRABLE,
  created_by integer NOT NULL REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX document_jobs_created_idx ON document_jobs (created_by, id);
