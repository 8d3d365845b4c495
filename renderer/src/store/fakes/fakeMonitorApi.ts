// Part of the fake console API the slice tests use (see ../testing.ts). Not imported by the app.
import type { Alert, AlertPage, IpBlockView } from '../../../../media-core/contracts/alerts';
import type { Camera } from '../../../../media-core/contracts/api';
import type { AuditDecisionRow, AuditPage, AuditSessionRow } from '../../../../media-core/contracts/audit';
import type { SessionView } from '../../../../media-core/contracts/partners';
import type { AlertListQuery, AlertsApi } from '../../services/alertsApi';
import type { AuditApi, AuditListQuery } from '../../services/auditApi';
import { ConsoleApiError } from '../../services/consoleApiError';
import type { SessionsApi } from '../../services/sessionsApi';
import { FakePartnersApi } from './fakePartnersApi';

const AT = '2024-10-01T12:00:00.000Z';

export function alert(id: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    lastSeenAt: AT,
    occurrences: 1,
    detector: 'auth_failures',
    severity: 'warning',
    partnerId: 'news',
    partnerName: 'Partner news',
    camera: null,
    ip: '10.0.0.9',
    tokenId: null,
    summary: '12 authentication failures in a minute from 10.0.0.9',
    metrics: { failures: 12 },
    evidence: [],
    response: { level: 1, actions: [{ kind: 'warn' }], summary: 'Warning e-mailed to the partner' },
    acknowledged: false,
    acknowledgedAt: null,
    acknowledgedBy: null,
    notifications: [],
    history: [],
    ...overrides,
  };
}

export function liveSession(id: string, camera: string, overrides: Partial<SessionView> = {}): SessionView {
  return {
    id,
    partnerId: 'news',
    partnerName: 'Partner news',
    tokenId: 't1',
    method: 'otp',
    camera,
    protocol: 'hls',
    ip: '10.0.0.9',
    userAgent: null,
    startedAt: AT,
    bytes: 1000,
    requests: 3,
    ...overrides,
  };
}

/** Live sessions, blackouts, alerts, IP blocks and the audit trail kept in memory. */
export abstract class FakeMonitorApi extends FakePartnersApi implements SessionsApi, AlertsApi, AuditApi {
  sessions: SessionView[] = [];
  blackedOut = new Set<string>();
  alerts: Alert[] = [];
  blocks: IpBlockView[] = [];
  decisions: AuditDecisionRow[] = [];
  auditSessionRows: AuditSessionRow[] = [];
  readonly alertQueries: AlertListQuery[] = [];
  readonly auditQueries: AuditListQuery[] = [];

  /** The camera list of the console API (defined by the fake that extends this one). */
  abstract cameras: Camera[];

  async listSessions(token: string): Promise<SessionView[]> {
    this.authorize('listSessions', token);
    return this.sessions;
  }

  async endSession(token: string, id: string): Promise<void> {
    this.authorize('endSession', token);
    if (!this.sessions.some((s) => s.id === id)) throw new ConsoleApiError('NOT_FOUND', 'no such running session', 404);
    this.sessions = this.sessions.filter((s) => s.id !== id);
  }

  async setCameraBlackout(token: string, cameraId: string, on: boolean): Promise<Camera> {
    this.authorize('setCameraBlackout', token);
    const found = this.cameras.find((c) => c.id === cameraId);
    if (!found) throw new ConsoleApiError('NOT_FOUND', 'no such camera', 404);
    if (on) this.sessions = this.sessions.filter((s) => s.camera !== cameraId);
    return { ...found, blackout: on };
  }

  async listAlerts(token: string, query: AlertListQuery): Promise<AlertPage> {
    this.authorize('listAlerts', token);
    this.alertQueries.push(query);
    const newest = [...this.alerts]
      .sort((a, b) => b.id - a.id)
      .filter((a) => !query.before || a.id < Number(query.before))
      .filter((a) => (!query.severity?.length || query.severity.includes(a.severity)) && (!query.partner || a.partnerId === query.partner))
      .filter((a) => query.acknowledged === undefined || a.acknowledged === query.acknowledged);
    const limit = query.limit ?? 50;
    const items = newest.slice(0, limit);
    return { items, next: newest.length > limit ? String(items.at(-1)!.id) : null, unread: this.unread() };
  }

  async unreadAlertCount(token: string): Promise<number> {
    this.authorize('unreadAlertCount', token);
    return this.unread();
  }

  async acknowledgeAlert(token: string, id: number): Promise<Alert> {
    this.authorize('acknowledgeAlert', token);
    return this.changeAlert(id, { acknowledged: true, acknowledgedBy: 'admin', acknowledgedAt: AT });
  }

  async acknowledgeAllAlerts(token: string, upToId?: number): Promise<{ acknowledged: number; unread: number }> {
    this.authorize('acknowledgeAllAlerts', token);
    let acknowledged = 0;
    this.alerts = this.alerts.map((a) => {
      if (a.acknowledged || (upToId !== undefined && a.id > upToId)) return a;
      acknowledged += 1;
      return { ...a, acknowledged: true };
    });
    return { acknowledged, unread: this.unread() };
  }

  async escalateAlert(token: string, id: number): Promise<Alert> {
    this.authorize('escalateAlert', token);
    const found = this.findAlert(id);
    return this.changeAlert(id, { response: { ...found.response, level: Math.min(4, found.response.level + 1) as Alert['response']['level'] } });
  }

  async deescalateAlert(token: string, id: number): Promise<Alert> {
    this.authorize('deescalateAlert', token);
    const found = this.findAlert(id);
    return this.changeAlert(id, { response: { ...found.response, level: Math.max(0, found.response.level - 1) as Alert['response']['level'] } });
  }

  async listIpBlocks(token: string): Promise<IpBlockView[]> {
    this.authorize('listIpBlocks', token);
    return this.blocks;
  }

  async liftIpBlock(token: string, ip: string): Promise<IpBlockView> {
    this.authorize('liftIpBlock', token);
    const found = this.blocks.find((b) => b.ip === ip);
    if (!found) throw new ConsoleApiError('CONFLICT', `${ip} is not blocked`, 409);
    this.blocks = this.blocks.filter((b) => b.ip !== ip);
    return { ...found, active: false, liftedAt: AT, liftedBy: 'admin' };
  }

  async auditDecisions(token: string, query: AuditListQuery): Promise<AuditPage<AuditDecisionRow>> {
    this.authorize('auditDecisions', token);
    this.auditQueries.push(query);
    const rows = this.decisions.filter((d) => (!query.result || d.result === query.result) && (!query.before || d.id < Number(query.before)));
    const items = rows.slice(0, query.limit ?? 100);
    return { items, next: rows.length > items.length ? String(items.at(-1)!.id) : null };
  }

  async auditSessions(token: string, query: AuditListQuery): Promise<AuditPage<AuditSessionRow>> {
    this.authorize('auditSessions', token);
    this.auditQueries.push(query);
    return { items: this.auditSessionRows.slice(0, query.limit ?? 100), next: null };
  }

  private unread(): number {
    return this.alerts.filter((a) => !a.acknowledged).length;
  }

  private findAlert(id: number): Alert {
    const found = this.alerts.find((a) => a.id === id);
    if (!found) throw new ConsoleApiError('NOT_FOUND', `no alert #${id}`, 404);
    return found;
  }

  private changeAlert(id: number, change: Partial<Alert>): Alert {
    const updated = { ...this.findAlert(id), ...change };
    this.alerts = this.alerts.map((a) => (a.id === id ? updated : a));
    return updated;
  }
}
