-- Appraisal coverage (ADR 26): a sub-criterion no appraiser is assigned to keeps the unit's self
-- score only when the council chair accepts it, with a reason, for that unit. Without such an
-- acceptance round 1 cannot be closed on the unit nor its result approved.
CREATE TABLE campaign_self_score_acceptances (
  participant_id integer NOT NULL REFERENCES campaign_participants (id) ON DELETE CASCADE DEFERRABLE,
  node_code text NOT NULL,
  campaign_id integer NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE DEFERRABLE,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  accepted_by integer REFERENCES users (id) DEFERRABLE,
  accepted_at timestamptz NOT NULL,
  PRIMARY KEY (participant_id, node_code)
);
CREATE INDEX campaign_self_score_acceptances_campaign_idx
  ON campaign_self_score_acceptances (campaign_id);
