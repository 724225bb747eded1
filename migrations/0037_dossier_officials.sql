-- The officials of a unit's one-stop desk by the code the one-stop system gives them, with their
-- full names, so the quarterly report names them (seed 003) instead of printing their codes.
CREATE TABLE dossier_officials (
  unit_id integer NOT NULL REFERENCES units (id) ON DELETE CASCADE DEFERRABLE,
  official_code text NOT NULL,
  full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
  PRIMARY KEY (unit_id, official_code)
);
