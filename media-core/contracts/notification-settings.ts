// Where alerts are sent: SMTP e-mail and signed webhooks. Secrets go in, never out: the
// API answers `passSet` / `secretSet` instead.
import { z } from 'zod';
import type { Alert, AlertSeverity } from './alerts';

export interface WebhookView {
  id: string;
  url: string;
  enabled: boolean;
  minSeverity: AlertSeverity;
  secretSet: boolean;
}

export interface NotificationSettingsView {
  smtp: {
    enabled: boolean;
    host: string;
    port: number;
    /** true: TLS from the first byte (port 465); false: STARTTLS when offered. */
    secure: boolean;
    user: string;
    passSet: boolean;
    from: string;
    /** Accept a self-signed server certificate (on-prem mail relays often have one). */
    allowSelfSigned: boolean;
  };
  /** Operators' addresses: every alert at or above `operatorMinSeverity`. */
  operatorEmails: string[];
  operatorMinSeverity: AlertSeverity;
  /** The spec's level 1: e-mail the partner's technical contact at every response. */
  emailPartnerContact: boolean;
  webhooks: WebhookView[];
  /** Console address put in messages so people can click through (optional). */
  consoleUrl: string;
  maxAttempts: number;
}

const severity = z.enum(['info', 'warning', 'high', 'critical']);
const email = z.email().max(254);

export const NotificationSettingsUpdateSchema = z
  .object({
    smtp: z
      .object({
        enabled: z.boolean(),
        host: z.string().max(253),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: z.string().max(254),
        /** A string sets it, null clears it, absent keeps it. */
        pass: z.string().max(1000).nullable(),
        from: z.union([email, z.literal('')]),
        allowSelfSigned: z.boolean(),
      })
      .partial()
      .strict(),
    operatorEmails: z.array(email).max(50),
    operatorMinSeverity: severity,
    emailPartnerContact: z.boolean(),
    webhooks: z
      .array(
        z
          .object({
            /** Keep an existing hook (and its secret) by naming its id. */
            id: z.string().max(40).optional(),
            url: z.url({ protocol: /^https?$/ }).max(2000),
            enabled: z.boolean().default(true),
            minSeverity: severity.default('warning'),
            /** Required for a new hook; absent keeps an existing hook's secret. */
            secret: z.string().min(16).max(500).optional(),
          })
          .strict(),
      )
      .max(20),
    consoleUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]),
    maxAttempts: z.number().int().min(1).max(50),
  })
  .partial()
  .strict();
export type NotificationSettingsUpdate = z.output<typeof NotificationSettingsUpdateSchema>;

/** The JSON body of a webhook POST. Signed: X-Wink-Signature = "sha256=" +
 *  hex(HMAC-SHA256(secret, X-Wink-Timestamp + "." + body)). */
export interface AlertCreatedWebhook {
  /** alert.escalated: an operator moved the alert's partner up the ladder. */
  event: 'alert.created' | 'alert.escalated' | 'test';
  deliveredFor: string;
  alert: Omit<Alert, 'notifications' | 'history'>;
}
