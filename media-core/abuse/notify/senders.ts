import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { ResolvedNotificationConfig } from './notification-config';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

const TIMEOUT_MS = 15_000;

/** Sends one e-mail through the configured SMTP server. A fresh connection per message:
 *  alerts are rare, and a relay that went away must not poison a pooled connection. */
export async function sendEmail(smtp: ResolvedNotificationConfig['smtp'], m: EmailMessage): Promise<void> {
  if (!smtp.enabled || !smtp.host) throw new Error('SMTP is not configured');
  if (!smtp.from) throw new Error('SMTP has no sender address (from)');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    tls: { rejectUnauthorized: !smtp.allowSelfSigned },
  });
  try {
    const info = await transport.sendMail({ from: smtp.from, to: m.to, subject: m.subject, text: m.text });
    if (info.rejected.length > 0) throw new Error(`the server refused ${info.rejected.map(String).join(', ')}`);
  } finally {
    transport.close();
  }
}

/** "sha256=" + hex HMAC of `${timestamp}.${body}`: binding the time stops replays of an
 *  old delivery, binding the body stops tampering. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs one signed webhook delivery; anything but a 2xx answer is a failure. */
export async function postWebhook(url: string, secret: string, body: string, deliveryId: string, nowMs: number): Promise<void> {
  const timestamp = Math.floor(nowMs / 1000);
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      'content-type': 'application/json',
      'user-agent': 'WINK-Media-Router-Alerts/1',
      'x-wink-delivery': deliveryId,
      'x-wink-timestamp': String(timestamp),
      'x-wink-signature': webhookSignature(secret, timestamp, body),
    },
    body,
  });
  // Drain the body so the connection is released.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`the receiver answered HTTP ${res.status}`);
}

/** A webhook URL as shown to people: no query string, no credentials. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.split('?')[0]!;
  }
}
