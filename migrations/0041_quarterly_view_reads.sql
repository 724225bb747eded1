-- The quarterly view at national size (ADR 50).
--
-- 1. The late list of an area, page by page: the quarter's late dossiers (finished late, or
--    unfinished and possibly past due) in the list's order, newest receipt first, with what the
--    list filters on carried in the index, so that a page of a province or of the whole country
--    reads its rows in order and stops.
CREATE INDEX dossiers_late_page_idx ON dossiers (period, received_at DESC, code DESC)
  INCLUDE (unit_id, timeliness, finished_at, due_at)
  WHERE timeliness = 'late' OR finished_at IS NULL;

--    Its total: those finished late are counted once per revision of the dossiers (see 2.); the
--    due moments of the unfinished ones are read from this index alone, once per revision, and
--    those past at the moment of reading are counted from them.
CREATE INDEX dossiers_unfinished_idx ON dossiers (period, unit_id) INCLUDE (due_at)
  WHERE finished_at IS NULL AND timeliness <> 'late';

-- 2. The revision of the dossiers: one number, set from a sequence in the transaction of every
--    statement that writes dossiers, units or their lineage (a value taken by a transaction that
--    rolls back is never taken again). A quarter's sums, and where each unit's dossiers count after
--    mergers, computed at a revision stay valid while it is current, so the readers of a quarterly
--    view share them instead of each scanning the quarter.
CREATE SEQUENCE dossier_revision_seq START 2;
CREATE TABLE dossier_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL
);
INSERT INTO dossier_revision (id, revision) VALUES (true, 1);

CREATE FUNCTION dossier_revision_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE dossier_revision SET revision = nextval('dossier_revision_seq') WHERE id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER dossiers_raise_revision AFTER INSERT OR UPDATE OR DELETE ON dossiers
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_revision_raise();
CREATE TRIGGER dossiers_raise_revision_on_truncate AFTER TRUNCATE ON dossiers
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_revision_raise();
CREATE TRIGGER units_raise_revision AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_revision_raise();
CREATE TRIGGER unit_lineage_raise_revision AFTER INSERT OR UPDATE OR DELETE ON unit_lineage
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_revision_raise();
