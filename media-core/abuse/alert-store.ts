import type { Alert, AlertNotification, AlertPage, AlertQuery } from '../contracts/alerts';
import type { AlertRecord, AlertsRepo, NewAlert } from '../db/repos/alerts';
import type { NotificationOutboxRepo, OutboxRow } from '../db/repos/notification-outbox';
import type { AlertEventSink } from './types';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function notificationView(r: OutboxRow): AlertNotification {
  return {
    id: r.id,
    channel: r.channel,
    target: r.target,
    state: r.state,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.state === 'pending' ? iso(r.nextAttemptAt) : null,
    sentAt: iso(r.sentAt),
  };
}

export function alertView(a: AlertRecord, notifications: OutboxRow[]): Alert {
  return {
    id: a.id,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
    lastSeenAt: new Date(a.lastSeenAt).toISOString(),
    occurrences: a.occurrences,
    detector: a.detector,
    severity: a.severity,
    partnerId: a.partnerId,
    partnerName: a.partnerName,
    camera: a.camera,
    ip: a.ip,
    tokenId: a.tokenId,
    summary: a.summary,
    metrics: a.metrics,
    evidence: a.evidence,
    response: a.response,
    acknowledged: a.acknowledgedAt !== null,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    notifications: notifications.map(notificationView),
    history: a.history,
  };
}

/** Alerts as the console sees them, and the live events that keep it current. */
export class AlertStore {
  constructor(
    private readonly alerts: AlertsRepo,
    private readonly outbox: NotificationOutboxRepo,
    private readonly events: AlertEventSink,
    private readonly now: () => number,
  ) {}

  create(a: NewAlert): AlertRecord {
    return this.alerts.insert(a);
  }

  record(id: number): AlertRecord | undefined {
    return this.alerts.get(id);
  }

  /** Saves changes (stamping updatedAt) without telling anyone yet. */
  save(a: AlertRecord): void {
    a.updatedAt = this.now();
    this.alerts.save(a);
  }

  get(id: number): Alert | undefined {
    const a = this.alerts.get(id);
    return a ? alertView(a, this.outbox.forAlerts([id]).get(id) ?? []) : undefined;
  }

  list(q: AlertQuery): AlertPage {
    const page = this.alerts.list(q);
    const notes = this.outbox.forAlerts(page.items.map((a) => a.id));
    return { items: page.items.map((a) => alertView(a, notes.get(a.id) ?? [])), next: page.next, unread: this.alerts.unreadCount() };
  }

  unread(): number {
    return this.alerts.unreadCount();
  }

  acknowledgeAll(by: string, upToId: number | null): number[] {
    return this.alerts.acknowledgeAll(by, this.now(), upToId);
  }

  /** Pushes the alert's current state to every console. */
  publish(id: number, created = false): Alert | undefined {
    const alert = this.get(id);
    if (alert) this.events.publish({ type: created ? 'alert.created' : 'alert.updated', alert, unread: this.alerts.unreadCount() });
    return alert;
  }

  prune(before: number): number {
    return this.alerts.prune(before);
  }
}
