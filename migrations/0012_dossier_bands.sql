-- Class bands of the dossier-handling evaluation chosen per province (or district): the quarterly
-- results of a unit use the choice of its nearest ancestor (itself included), else the default.
-- The bands are versioned presets of the domain configuration; only the choice is stored here.
CREATE TABLE dossier_band_choices (
  unit_id integer PRIMARY KEY REFERENCES units (id) DEFERRABLE,
  preset_id text NOT NULL,
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL
);
