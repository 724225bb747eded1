-- A campaign's ranking is read a page at a time (ADR 28). Each stored result keeps its place in
-- the campaign's ranking (unit kind, rank with the unranked last, unit name, unit id), given when
-- the results are computed, so a page, a filtered page and the page after a cursor are read
-- through an index instead of reading and ordering every result of the campaign.
ALTER TABLE campaign_results ADD COLUMN position integer;

UPDATE campaign_results r SET position = o.n
FROM (
  SELECT x.participant_id,
    row_number() OVER (PARTITION BY x.campaign_id ORDER BY x.unit_kind, x.rank NULLS LAST, u.name, u.id)::int AS n
  FROM campaign_results x JOIN units u ON u.id = x.unit_id
) o
WHERE o.participant_id = r.participant_id;

ALTER TABLE campaign_results ALTER COLUMN position SET NOT NULL;

DROP INDEX campaign_results_campaign_idx;
CREATE UNIQUE INDEX campaign_results_position_idx ON campaign_results (campaign_id, position);
CREATE INDEX campaign_results_kind_idx ON campaign_results (campaign_id, unit_kind, position);
CREATE INDEX campaign_results_class_idx ON campaign_results (campaign_id, class_label, position);
-- Year over year reads the previous year's results of the units of one page.
CREATE INDEX campaign_results_unit_idx ON campaign_results (unit_id);

-- The stored results counted per unit kind, class and whether published (units, indexed units,
-- sums of index and appraised points, largest appraised max, provisional units), written with the
-- results in the same transaction, so the class summary of a ranking page counts no rows.
ALTER TABLE campaigns ADD COLUMN results_counts jsonb;
