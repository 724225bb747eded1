-- The catalogue of procedures a province offers through the public postal service (Danh mục TTHC
-- thực hiện qua dịch vụ bưu chính công ích). Set on a unit (usually the province), it applies to
-- its subtree: a unit uses the catalogue of its nearest ancestor, itself included (ADR 18).
CREATE TABLE dossier_postal_catalogues (
  unit_id integer PRIMARY KEY REFERENCES units (id) DEFERRABLE,
  updated_by integer REFERENCES users (id) DEFERRABLE,
  updated_at timestamptz NOT NULL
);

CREATE TABLE dossier_postal_procedures (
  unit_id integer NOT NULL REFERENCES dossier_postal_catalogues (unit_id) ON DELETE CASCADE DEFERRABLE,
  procedure_code text NOT NULL CHECK (length(procedure_code) BETWEEN 1 AND 50),
  procedure_name text CHECK (procedure_name IS NULL OR length(procedure_name) <= 1000),
  PRIMARY KEY (unit_id, procedure_code)
);

-- Remediation targets may follow the two postal rates as well.
ALTER TABLE remediation_tasks DROP CONSTRAINT remediation_tasks_target_metric_check;
ALTER TABLE remediation_tasks ADD CONSTRAINT remediation_tasks_target_metric_check CHECK (
  target_metric IS NULL OR target_metric IN ('sipas_satisfaction', 'dossier_on_time',
    'dossier_online', 'dossier_online_payment', 'dossier_postal_procedures', 'dossier_postal'));
