import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX, type LoginResponse } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import { parseOr400 } from '../common/parse';
import { bearerToken, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

const LoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export function registerAuthRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.post(`${API_PREFIX}/auth/login`, async (req): Promise<LoginResponse> => {
    const body = parseOr400(LoginBody, req.body);
    const r = await deps.operators.login(body.username, body.password, req.ip);
    if (r.ok) return { token: r.token, operator: r.operator, expiresIn: r.expiresIn };
    if (r.reason === 'rate-limited') {
      throw new ApiError('RATE_LIMITED', 'too many login attempts; wait and try again', { retryAfterSec: r.retryAfterSec });
    }
    throw new ApiError('UNAUTHENTICATED', 'wrong username or password');
  });

  app.post(`${API_PREFIX}/auth/logout`, async (req, reply) => {
    requireOperator(deps.operators, req);
    const token = bearerToken(req);
    if (token) deps.operators.logout(token);
    return reply.status(204).send();
  });

  app.get(`${API_PREFIX}/auth/me`, async (req) => requireOperator(deps.operators, req));
}
