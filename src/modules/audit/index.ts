/**
 * The audit module's one entry. Any module may record into the log (`record` inside its own
 * transaction, with the `AuditContext` its route built by `auditContext(request)`); the log's
 * search, retention and purge are the composition root's to wire.
 */

export { type AuditContext, auditContext } from './context.js';
export { type AuditEntry, record } from './record.js';
export { auditRoutes } from './routes.js';
export type { Fields as AuditFields } from './rules.js';
export type { AuditEntryView } from './schemas.js';
export { type AuditService, createAuditService, PURGE_JOB as PURGE_AUDIT_JOB } from './service.js';
