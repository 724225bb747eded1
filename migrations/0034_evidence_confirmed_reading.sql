-- What the evidence check read from a document, confirmed or corrected by the officer into the
-- library record: the signer (name and own title, as printed under the signing block) and, for the
-- version whose reading was confirmed, the state of its last digital signature and of its chain of
-- trust as the check found them, with who confirmed it and when. Nothing confirmed: all null.
ALTER TABLE evidence_documents
  ADD COLUMN signer_name text,
  ADD COLUMN signer_title text,
  -- 'none' (no signature), 'valid', 'invalid' (does not verify, or the file changed after signing).
  ADD COLUMN signature_status text
    CHECK (signature_status IS NULL OR signature_status IN ('none', 'valid', 'invalid')),
  -- 'trusted', 'not_trusted', 'not_checked' (no trust anchors configured); null without a signature.
  ADD COLUMN signature_trust text
    CHECK (signature_trust IS NULL OR signature_trust IN ('trusted', 'not_trusted', 'not_checked')),
  ADD COLUMN confirmed_version integer,
  ADD COLUMN confirmed_by integer REFERENCES users (id) DEFERRABLE,
  ADD COLUMN confirmed_at timestamptz;
