-- Evidence library (tài liệu kiểm chứng): each unit's documents with their metadata, and every
-- uploaded version of each document. The files themselves live in file storage under
-- `blob_key`; a row is only written once its file is completely stored.

CREATE TABLE evidence_documents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  -- Number and symbol as printed on the document ("87/KH-UBND"), when it has one.
  doc_number text,
  doc_type text NOT NULL,
  issued_on date,
  issuer text,
  -- Trích yếu: what the document is about; the file name when nothing better was given.
  summary text NOT NULL,
  -- Number, summary, issuer and file names folded like unit names (src/domain/text.ts).
  search_key text NOT NULL,
  current_version integer NOT NULL DEFAULT 1,
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id) DEFERRABLE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_documents_unit_idx ON evidence_documents (unit_id, id);

CREATE TABLE evidence_versions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id integer NOT NULL REFERENCES evidence_documents (id) ON DELETE CASCADE DEFERRABLE,
  -- The document's unit, repeated so that one unit's identical files can be refused by an index.
  unit_id integer NOT NULL REFERENCES units (id) DEFERRABLE,
  version_no integer NOT NULL CHECK (version_no >= 1),
  blob_key text NOT NULL UNIQUE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  media_type text NOT NULL,
  original_filename text NOT NULL,
  uploaded_by integer REFERENCES users (id) DEFERRABLE,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, version_no)
);
-- The same content is stored once per unit: a second upload is pointed at the first.
CREATE UNIQUE INDEX evidence_versions_unit_sha_idx ON evidence_versions (unit_id, sha256);

-- Features that cite a document (campaign answers) reference evidence_documents without
-- ON DELETE CASCADE and add their count to countEvidenceReferences, so a cited document cannot be
-- deleted.
