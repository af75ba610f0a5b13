/** The public face of the audit module: what other modules may import. */
export * from './audit-entry.js';
export * from './audit-hash.js';
export * from './audit-log.repository.js';
export * from './audit-log.service.js';
export * from './audit.module.js';
export { AUDIT_ENTRY_EXAMPLE, AuditEntryView } from './dto/audit-entry.view.js';
