/**
 * What every feature's use-cases write to the audit log: one entry appended in the caller's
 * transaction, chained to the one before. Other features import it from here, never from the
 * audit repository.
 */
export { appendAuditEntry, type AuditInput } from './repository.ts';
