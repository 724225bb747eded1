-- Campaigns at national size, and evidence cited by campaign entries.
--
-- 1. `campaign_participants.scores_version` counts every write to a unit's entries and survey
--    points (bumped by the repository in the same statement as the write, under the participant's
--    row lock the writer already holds), so whether stored results are stale is decided from a few
--    thousand participant rows instead of every entry of the campaign.
-- 2. `campaign_evidence_refs`: which evidence document supports which node of which unit's
--    assessment, at which step (self-assessment or explanation). One document may support several
--    nodes; a cited document cannot be deleted (no cascade from evidence_documents), and the
--    library can say where a document is used. The JSON arrays `self_evidence` and
--    `explanation_evidence` of campaign_entries stay as the entry's own copy (audit, history) and
--    are filled from the same save.

ALTER TABLE campaign_participants ADD COLUMN scores_version integer NOT NULL DEFAULT 0;

CREATE TABLE campaign_evidence_refs (
  participant_id integer NOT NULL REFERENCES campaign_participants (id) ON DELETE CASCADE DEFERRABLE,
  node_code text NOT NULL,
  step text NOT NULL CHECK (step IN ('self', 'explanation')),
  evidence_id integer NOT NULL REFERENCES evidence_documents (id) DEFERRABLE,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (participant_id, node_code, step, evidence_id)
);
CREATE INDEX campaign_evidence_refs_evidence_idx ON campaign_evidence_refs (evidence_id);

-- References already saved as JSON ids (documents that no longer exist are left out).
INSERT INTO campaign_evidence_refs (participant_id, node_code, step, evidence_id, campaign_id)
SELECT e.participant_id, e.node_code, r.step, d.id, e.campaign_id
FROM campaign_entries e
CROSS JOIN LATERAL (
  SELECT 'self' AS step, x AS id FROM jsonb_array_elements_text(e.self_evidence) x
  UNION ALL
  SELECT 'explanation', x FROM jsonb_array_elements_text(e.explanation_evidence) x
) r
JOIN evidence_documents d ON r.id ~ '^[0-9]{1,9}$' AND d.id = r.id::int
ON CONFLICT DO NOTHING;
