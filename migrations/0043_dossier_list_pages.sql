-- The dossier list of an area, page by page (ADR 55).
--
-- The index on (period, unit_id) becomes an index on (period, unit_id, received_at DESC): the same
-- number of indexes for an import to keep up, a little wider. What it served it still serves (a
-- quarter's dossiers of a set of units, counted from the index alone); and a page of the list reads
-- each unit's newest receipts of the quarter from it in order, so the page's lower bound is found
-- without reading, let alone sorting, the area's other dossiers.
CREATE INDEX dossiers_period_unit_received_idx ON dossiers (period, unit_id, received_at DESC);
DROP INDEX dossiers_period_unit_idx;
