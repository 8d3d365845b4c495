// How long the audit trail (access decisions and partner sessions) is kept.
import { z } from 'zod';

export const AUDIT_RETENTION_DEFAULT_DAYS = 365;
export const AUDIT_RETENTION_MIN_DAYS = 7;
export const AUDIT_RETENTION_MAX_DAYS = 3650;

export interface AuditRetention {
  retentionDays: number;
}

export const AuditRetentionSchema = z
  .object({ retentionDays: z.number().int().min(AUDIT_RETENTION_MIN_DAYS).max(AUDIT_RETENTION_MAX_DAYS) })
  .strict();
