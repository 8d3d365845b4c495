import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import {
  AlertQuerySchema,
  IpBlockRequestSchema,
  NotificationSettingsUpdateSchema,
  OperatorNoteSchema,
  type AbuseActionRow,
  type AbuseSettings,
  type Alert,
  type AlertPage,
  type AlertQuery,
  type GeoDatabaseStatus,
  type IpBlockView,
  type NotificationSettingsUpdate,
  type NotificationSettingsView,
  type PartnerAbuseState,
} from '../../contracts/alerts';
import { parseOr400 } from '../common/parse';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

/** The abuse monitor as the console needs it. Methods throw ApiError for refusals
 *  (CONFLICT, VALIDATION_FAILED); undefined means "no such alert". */
export interface ConsoleAlerts {
  list(q: AlertQuery): AlertPage;
  get(id: number): Alert | undefined;
  unread(): number;
  acknowledge(id: number, operator: string, note: string | null): Alert | undefined;
  acknowledgeAll(operator: string, upToId: number | null): number;
  escalate(id: number, operator: string, note: string | null): Alert | undefined;
  deescalate(id: number, operator: string, note: string | null): Alert | undefined;
  retryNotifications(id: number, operator: string): Alert | undefined;
  partners(): PartnerAbuseState[];
  movePartner(partnerId: string, dir: 1 | -1, operator: string, note: string | null): PartnerAbuseState;
  reinstatePartner(partnerId: string, operator: string, note: string | null): PartnerAbuseState;
  blocks(activeOnly: boolean): IpBlockView[];
  block(ip: string, minutes: number | null, operator: string, note: string | null): IpBlockView;
  liftBlock(ip: string, operator: string, note: string | null): IpBlockView;
  actions(limit: number, before: number | undefined): AbuseActionRow[];
  settings(): AbuseSettings;
  updateSettings(patch: unknown, operator: string): AbuseSettings;
  notificationSettings(): NotificationSettingsView;
  updateNotificationSettings(u: NotificationSettingsUpdate, operator: string): NotificationSettingsView;
  testNotifications(operator: string, to: string | null): Promise<{ channel: string; target: string; ok: boolean; error: string | null }[]>;
  geoStatus(): GeoDatabaseStatus;
  reloadGeo(operator: string): Promise<GeoDatabaseStatus>;
}

const IdParam = z.object({ id: z.coerce.number().int().min(1) });
const AckAllSchema = z.object({ upToId: z.number().int().min(1).optional() }).strict();
const ActionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), before: z.coerce.number().int().min(1).optional() }).strict();
const BlocksQuery = z.object({ all: z.enum(['true', 'false']).optional() }).strict();
const TestSchema = z.object({ to: z.email().optional() }).strict();

const A = `${API_PREFIX}/alerts`;
const B = `${API_PREFIX}/abuse`;

/** GET /alerts (newest first, filtered), the unread count, operator actions on alerts,
 *  and /abuse/* for the response ladder, IP blocks, thresholds and notifications. */
export function registerAlertRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const alerts = deps.alerts!;
  const who = (req: FastifyRequest) => requireOperator(deps.operators, req).username;
  const admin = (req: FastifyRequest) => {
    const name = who(req);
    requireAdmin(req);
    return name;
  };
  const note = (body: unknown) => parseOr400(OperatorNoteSchema, body ?? {}).note ?? null;
  const found = <T>(v: T | undefined, id: number): T => {
    if (v === undefined) throw new ApiError('NOT_FOUND', `no alert #${id}`);
    return v;
  };

  app.get(A, async (req) => {
    who(req);
    return alerts.list(parseOr400(AlertQuerySchema, req.query));
  });
  app.get(`${A}/unread-count`, async (req) => {
    who(req);
    return { unread: alerts.unread() };
  });
  app.post(`${A}/acknowledge-all`, async (req) => {
    const name = who(req);
    return { acknowledged: alerts.acknowledgeAll(name, parseOr400(AckAllSchema, req.body ?? {}).upToId ?? null), unread: alerts.unread() };
  });
  app.get(`${A}/:id`, async (req) => {
    who(req);
    const { id } = parseOr400(IdParam, req.params);
    return found(alerts.get(id), id);
  });
  app.post(`${A}/:id/acknowledge`, async (req) => {
    const name = who(req);
    const { id } = parseOr400(IdParam, req.params);
    return found(alerts.acknowledge(id, name, note(req.body)), id);
  });
  for (const [path, dir] of [['escalate', 1], ['de-escalate', -1]] as const) {
    app.post(`${A}/:id/${path}`, async (req) => {
      const name = admin(req);
      const { id } = parseOr400(IdParam, req.params);
      const n = note(req.body);
      return found(dir > 0 ? alerts.escalate(id, name, n) : alerts.deescalate(id, name, n), id);
    });
  }
  app.post(`${A}/:id/notifications/retry`, async (req) => {
    const name = admin(req);
    const { id } = parseOr400(IdParam, req.params);
    return found(alerts.retryNotifications(id, name), id);
  });

  app.get(`${B}/partners`, async (req) => {
    who(req);
    return alerts.partners();
  });
  for (const [path, run] of [
    ['escalate', (id: string, n: string, x: string | null) => alerts.movePartner(id, 1, n, x)],
    ['de-escalate', (id: string, n: string, x: string | null) => alerts.movePartner(id, -1, n, x)],
    ['reinstate', (id: string, n: string, x: string | null) => alerts.reinstatePartner(id, n, x)],
  ] as const) {
    app.post<{ Params: { id: string } }>(`${B}/partners/:id/${path}`, async (req) => run(req.params.id, admin(req), note(req.body)));
  }

  app.get(`${B}/blocks`, async (req) => {
    who(req);
    return alerts.blocks(parseOr400(BlocksQuery, req.query).all !== 'true');
  });
  app.post(`${B}/blocks`, async (req, reply) => {
    const name = admin(req);
    const b = parseOr400(IpBlockRequestSchema, req.body);
    return reply.status(201).send(alerts.block(b.ip, b.minutes ?? null, name, b.note ?? null));
  });
  app.delete<{ Params: { ip: string } }>(`${B}/blocks/:ip`, async (req) => alerts.liftBlock(req.params.ip, admin(req), note(req.body)));

  app.get(`${B}/actions`, async (req) => {
    who(req);
    const q = parseOr400(ActionsQuery, req.query);
    return alerts.actions(q.limit, q.before);
  });
  app.get(`${B}/settings`, async (req) => {
    who(req);
    return alerts.settings();
  });
  app.put(`${B}/settings`, async (req) => alerts.updateSettings(req.body ?? {}, admin(req)));
  app.get(`${B}/notifications`, async (req) => {
    admin(req);
    return alerts.notificationSettings();
  });
  app.put(`${B}/notifications`, async (req) => {
    const name = admin(req);
    return alerts.updateNotificationSettings(parseOr400(NotificationSettingsUpdateSchema, req.body ?? {}), name);
  });
  app.post(`${B}/notifications/test`, async (req) => {
    const name = admin(req);
    return { results: await alerts.testNotifications(name, parseOr400(TestSchema, req.body ?? {}).to ?? null) };
  });
  app.get(`${B}/geoip`, async (req) => {
    who(req);
    return alerts.geoStatus();
  });
  app.post(`${B}/geoip/reload`, async (req) => alerts.reloadGeo(admin(req)));
}
