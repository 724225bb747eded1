-- The appraising agency of a campaign: the unit whose appraisal team and council score and decide
-- (the standing agency names it while setting the campaign up). NULL: the owner unit appraises.
ALTER TABLE campaigns ADD COLUMN appraising_unit_id integer REFERENCES units (id) DEFERRABLE;
