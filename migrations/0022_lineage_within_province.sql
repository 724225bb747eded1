-- Lineage carries data (dossiers counted toward the successor, a remediation plan made from the
-- results of the units merged into it, year over year) only between units of one province: the
-- predecessor and the successor under the same top-level unit. A link between provinces stays in
-- unit_lineage as history (shown on the unit's lineage) but never lets anyone read the other
-- province's data: reading there needs a grant reaching it (ADR 19).
CREATE VIEW unit_lineage_in_province AS
SELECT l.predecessor_id, l.successor_id, l.merge_type, l.effective_date
FROM unit_lineage l
JOIN units p ON p.id = l.predecessor_id
JOIN units s ON s.id = l.successor_id
WHERE split_part(p.path, '/', 2) = split_part(s.path, '/', 2);
