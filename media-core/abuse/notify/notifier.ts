import { ALERT_SEVERITIES, type Alert, type AlertSeverity } from '../../contracts/alerts';
import type { NotificationOutboxRepo, OutboxRow } from '../../db/repos/notification-outbox';
import type { Logger } from '../../log/logger';
import { operatorEmail, partnerEmail, webhookBody } from './messages';
import type { NotificationConfig } from './notification-config';
import { displayUrl, postWebhook, sendEmail, type EmailMessage } from './senders';

export interface NotifierOptions {
  outbox: NotificationOutboxRepo;
  config: NotificationConfig;
  log: Logger;
  now: () => number;
  /** An alert's notification states changed (sent, failed, retrying). */
  onChange(alertId: number): void;
  /** First retry after this; doubles each time up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
}

const atLeast = (s: AlertSeverity, min: AlertSeverity) => ALERT_SEVERITIES.indexOf(s) >= ALERT_SEVERITIES.indexOf(min);

type WebhookPayload = { hookId: string; url: string; body: string };

/**
 * Delivers alert notifications through the outbox: every message is a row before any
 * attempt, failed attempts are retried with exponential backoff, and a message that
 * gives up stays as 'failed' on its alert for an operator to see and retry. Nothing is
 * dropped silently, and a restart picks up where the last run stopped.
 */
export class Notifier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;
  private again = false;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly o: NotifierOptions) {
    this.baseDelayMs = o.baseDelayMs ?? 30_000;
    this.maxDelayMs = o.maxDelayMs ?? 3_600_000;
  }

  /** Queues the messages an alert calls for. */
  enqueue(alert: Alert, partnerContact: string | null, opts: { partner: boolean; event?: 'alert.created' | 'alert.escalated' }): void {
    const cfg = this.o.config.view();
    const at = this.o.now();
    const smtpReady = cfg.smtp.enabled && !!cfg.smtp.host && !!cfg.smtp.from;
    const email = (m: EmailMessage) =>
      this.o.outbox.enqueue({ alertId: alert.id, channel: 'email', target: m.to, payload: JSON.stringify(m), at, skipped: smtpReady ? undefined : 'SMTP is not configured' });
    if (atLeast(alert.severity, cfg.operatorMinSeverity)) {
      for (const to of cfg.operatorEmails) email(operatorEmail(alert, to, cfg.consoleUrl));
    }
    if (opts.partner && cfg.emailPartnerContact && alert.response.level >= 1) {
      if (partnerContact) email(partnerEmail(alert, partnerContact));
      else
        this.o.outbox.enqueue({ alertId: alert.id, channel: 'email', target: '(partner technical contact)', payload: '{}', at, skipped: 'the partner has no technical contact e-mail on file' });
    }
    for (const h of cfg.webhooks) {
      if (!h.enabled || !atLeast(alert.severity, h.minSeverity)) continue;
      const payload: WebhookPayload = { hookId: h.id, url: h.url, body: webhookBody(alert, opts.event ?? 'alert.created') };
      this.o.outbox.enqueue({ alertId: alert.id, channel: 'webhook', target: displayUrl(h.url), payload: JSON.stringify(payload), at });
    }
    this.kick();
  }

  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => this.kick(), this.o.pollMs ?? 5_000);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Works through due messages soon, off the caller's stack. A failed pass (the
   *  database closing under it at shutdown) is logged; the messages stay in the outbox. */
  kick(): void {
    setImmediate(() => {
      if (this.stopped) return;
      this.runDue().catch((err: unknown) => this.o.log.warn({ err: (err as Error).message }, 'notification pass failed; messages stay queued'));
    });
  }

  /** Sends every message due now, one at a time. Returns how many were attempted. */
  runDue(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      let n = 0;
      do {
        this.again = false;
        for (let round = 0; round < 10; round++) {
          const due = this.o.outbox.due(this.o.now(), 20);
          if (due.length === 0) break;
          for (const row of due) {
            await this.deliver(row);
            n++;
          }
        }
      } while (this.again);
      return n;
    })();
    // Cleared only after the assignment (the run may finish synchronously); a call that
    // came in after the loop's last look runs once more before the promise settles.
    this.running = run.finally(() => {
      this.running = null;
      if (this.again) return this.runDue();
      return undefined;
    });
    return this.running;
  }

  /** Milliseconds before attempt `failures + 1`. */
  delayAfter(failures: number): number {
    return Math.min(this.baseDelayMs * 2 ** Math.max(0, failures - 1), this.maxDelayMs);
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const cfg = this.o.config.resolved();
    try {
      if (row.channel === 'email') {
        await sendEmail(cfg.smtp, JSON.parse(row.payload) as EmailMessage);
      } else {
        const p = JSON.parse(row.payload) as WebhookPayload;
        const hook = cfg.webhooks.find((h) => h.id === p.hookId);
        if (!hook?.secret) throw new Error('the webhook was removed from the settings');
        await postWebhook(hook.url, hook.secret, p.body, `${row.id}`, this.o.now());
      }
      this.o.outbox.markSent(row.id, this.o.now());
    } catch (err) {
      const failures = row.attempts + 1;
      const retryAt = failures >= cfg.maxAttempts ? null : this.o.now() + this.delayAfter(failures);
      const msg = (err as Error).message || String(err);
      this.o.outbox.markAttemptFailed(row.id, msg, retryAt);
      const log = retryAt === null ? this.o.log.error.bind(this.o.log) : this.o.log.warn.bind(this.o.log);
      log({ channel: row.channel, target: row.target, attempt: failures, alertId: row.alertId, err: msg }, retryAt === null ? 'alert notification gave up' : 'alert notification failed; will retry');
    }
    if (row.alertId !== null) this.o.onChange(row.alertId);
  }
}
