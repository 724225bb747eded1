/**
 * Importing dossiers from a CSV or XLSX file, one row per dossier. A preview matches the file's own
 * column names (the mapping saved for its source, else by name) and parses the first rows; the
 * import itself runs as a job off the request path: rows are streamed, checked and scored by the
 * domain core and written by binary COPY, on PostgreSQL straight into `dossiers` inside the job's
 * transaction, otherwise into the job's own staging table and then upserted by code in one
 * statement of one transaction (ADR 10). Anything that stops the job before its commit leaves the
 * dossiers exactly as they were.
 *
 * This module is what the routes, the CLI and the dossier service import; the work lives by concern
 * in import-rows.ts (a file row checked, scored and placed in its unit), import-preview.ts and
 * import-job.ts (the job: reading, COPY, staging, recording the outcome, retries).
 */
export {
  MAX_LISTED_PROBLEMS,
  type RowProblem,
  type RowProblemView,
  type DerivedDossier,
  deriveDossier,
  UnitResolver,
} from './import-rows.ts';
export { type PreviewInput, previewDossierImport } from './import-preview.ts';
export {
  type StartInput,
  type StartedImport,
  type JobView,
  presentJob,
  startDossierImport,
  awaitDossierImport,
  dossierFromDb,
  uploadsDir,
  retryImportJob,
  getImportJob,
} from './import-job.ts';
