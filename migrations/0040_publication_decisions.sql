-- The decision a unit's result was published by (Quyết định công bố): its number and symbol
-- ("125/QĐ-UBND") and its date, shown on the public results page. Both optional: a result
-- published before they were recorded, or without them, shows none.
ALTER TABLE campaign_participants
  ADD COLUMN publication_decision_number text,
  ADD COLUMN publication_decision_date date;
