-- Checks of evidence files (src/server/features/evidence/check.service.ts): what was read from
-- each uploaded version (Decree 30 metadata, digital signatures), run in the
-- background after the upload. One row per version; `pending` rows are the queue.

CREATE TABLE evidence_checks (
  version_id integer PRIMARY KEY REFERENCES evidence_versions (id) ON DELETE CASCADE DEFERRABLE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'unreadable')),
  -- What the reader found in the text (null for a scan or an unreadable file).
  metadata jsonb,
  -- Every signature with its verdict, signer and signing time; [] when unsigned.
  signatures jsonb,
  -- Why a file could not be read: encrypted, corrupt, timeout, scan…
  error text,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  checked_at timestamptz
);
CREATE INDEX evidence_checks_pending_idx ON evidence_checks (created_at) WHERE status = 'pending';
