import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import {
  AccessLimitsSchema,
  CredentialsRequestSchema,
  JwtKeyInputSchema,
  PartnerCreateSchema,
  PartnerUpdateSchema,
  TokenCreateSchema,
} from '../../contracts/partner-requests';
import { PARTNER_PRESETS, type AccessLimits, type Partner, type SessionView, type TokenView } from '../../contracts/partners';
import { parseOr400 } from '../common/parse';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps, ConsolePartners } from './deps';

type IdParams = { Params: { id: string } };
const P = `${API_PREFIX}/partners`;

const noPartner = (id: string) => new ApiError('NOT_FOUND', `no partner with id ${JSON.stringify(id)}`);
function found<T>(v: T | undefined | false, err: () => ApiError): T {
  if (v === undefined || v === false) throw err();
  return v;
}

/** Partners, their credentials, keys, tokens and sessions, and the access limits.
 *  Any operator reads; changes need an admin. */
export function registerPartnerRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const partners: ConsolePartners = deps.partners!;
  const operator = (req: Parameters<typeof requireOperator>[1]) => requireOperator(deps.operators, req);
  const admin = (req: Parameters<typeof requireOperator>[1]) => {
    operator(req);
    requireAdmin(req);
  };

  app.get(P, async (req): Promise<Partner[]> => {
    operator(req);
    return partners.list();
  });

  app.get(`${P}/presets`, async (req) => {
    operator(req);
    return PARTNER_PRESETS;
  });

  app.post(P, async (req, reply) => {
    admin(req);
    const created = await partners.create(parseOr400(PartnerCreateSchema, req.body));
    return reply.status(201).header('cache-control', 'no-store').send(created);
  });

  app.get<IdParams>(`${P}/:id`, async (req): Promise<Partner> => {
    operator(req);
    return found(partners.get(req.params.id), () => noPartner(req.params.id));
  });

  app.patch<IdParams>(`${P}/:id`, async (req): Promise<Partner> => {
    admin(req);
    const patch = parseOr400(PartnerUpdateSchema, req.body);
    return found(await partners.update(req.params.id, patch), () => noPartner(req.params.id));
  });

  app.delete<IdParams>(`${P}/:id`, async (req, reply) => {
    admin(req);
    found(partners.remove(req.params.id), () => noPartner(req.params.id));
    return reply.status(204).send();
  });

  app.post<IdParams>(`${P}/:id/credentials`, async (req, reply) => {
    admin(req);
    const body = parseOr400(CredentialsRequestSchema, req.body ?? {});
    const creds = found(await partners.rotateCredentials(req.params.id, body), () => noPartner(req.params.id));
    return reply.header('cache-control', 'no-store').send(creds);
  });

  app.post<IdParams>(`${P}/:id/jwt-keys`, async (req, reply) => {
    admin(req);
    const key = found(await partners.addJwtKey(req.params.id, parseOr400(JwtKeyInputSchema, req.body)), () => noPartner(req.params.id));
    return reply.status(201).send(key);
  });

  app.delete<{ Params: { id: string; kid: string } }>(`${P}/:id/jwt-keys/:kid`, async (req, reply) => {
    admin(req);
    found(partners.removeJwtKey(req.params.id, req.params.kid), () => new ApiError('NOT_FOUND', 'no such partner or key'));
    return reply.status(204).send();
  });

  app.post<IdParams>(`${P}/:id/srt-key`, async (req, reply) => {
    admin(req);
    const key = found(partners.rotateSrtKey(req.params.id), () => noPartner(req.params.id));
    return reply.header('cache-control', 'no-store').send(key);
  });

  app.get<IdParams>(`${P}/:id/tokens`, async (req): Promise<TokenView[]> => {
    operator(req);
    return found(partners.listTokens(req.params.id), () => noPartner(req.params.id));
  });

  app.post<IdParams>(`${P}/:id/tokens`, async (req, reply) => {
    admin(req);
    const made = found(partners.createToken(req.params.id, parseOr400(TokenCreateSchema, req.body ?? {})), () => noPartner(req.params.id));
    return reply.status(201).header('cache-control', 'no-store').send(made);
  });

  app.delete<{ Params: { id: string; tokenId: string } }>(`${P}/:id/tokens/:tokenId`, async (req): Promise<TokenView> => {
    admin(req);
    return found(partners.revokeToken(req.params.id, req.params.tokenId), () => new ApiError('NOT_FOUND', 'no such partner or token'));
  });

  app.get(`${API_PREFIX}/sessions`, async (req): Promise<SessionView[]> => {
    operator(req);
    const { partner, camera } = parseOr400(z.object({ partner: z.string().optional(), camera: z.string().optional() }).strict(), req.query);
    return partners.sessions().filter((s) => (!partner || s.partnerId === partner) && (!camera || s.camera === camera));
  });

  app.delete<IdParams>(`${API_PREFIX}/sessions/:id`, async (req, reply) => {
    admin(req);
    found(partners.terminateSession(req.params.id), () => new ApiError('NOT_FOUND', 'no such running session'));
    return reply.status(204).send();
  });

  app.get(`${API_PREFIX}/access/limits`, async (req): Promise<AccessLimits> => {
    operator(req);
    return partners.limits();
  });

  app.put(`${API_PREFIX}/access/limits`, async (req): Promise<AccessLimits> => {
    admin(req);
    return partners.setLimits(parseOr400(AccessLimitsSchema, req.body));
  });
}
