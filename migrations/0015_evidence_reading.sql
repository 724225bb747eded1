-- Evidence checks, second part: how a file's text was read (its text layer, or OCR of a scan), and
-- what a sub-criterion asks of its evidence, kept on the criteria node so that it is versioned with
-- its criteria set (document type, must be signed, deadline; see src/domain/documents/findings.ts).

ALTER TABLE evidence_checks
  ADD COLUMN read_by text CHECK (read_by IN ('text', 'ocr'));

-- {"kind": "plan", "mustBeSigned": true, "deadline": "2023-12-31"}; NULL when nothing is required.
ALTER TABLE criteria_nodes
  ADD COLUMN evidence_requirement jsonb;
