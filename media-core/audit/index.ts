export { AuditWriter, type AuditWriterOptions } from './audit-writer';
export { AuditRecorder } from './audit-recorder';
export { AuditQueries, type AuditKind } from './audit-query';
export { csvCell, csvLine, jsonLine } from './export';
