import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import {
  OPERATOR_PASSWORD_MAX,
  OPERATOR_PASSWORD_MIN,
  OPERATOR_ROLES,
  OPERATOR_USERNAME_PATTERN,
  type OperatorAccount,
} from '../../contracts/operators';
import { parseOr400 } from '../common/parse';
import { bearerToken, requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

type OperatorDeps = Pick<ConsoleDeps, 'operators' | 'operatorAccounts'>;

const Username = z.string().regex(OPERATOR_USERNAME_PATTERN, 'must be 1-64 letters, digits, ".", "-" or "_", starting with a letter or digit');
const Password = z
  .string()
  .min(OPERATOR_PASSWORD_MIN, `must be at least ${OPERATOR_PASSWORD_MIN} characters`)
  .max(OPERATOR_PASSWORD_MAX, `must be at most ${OPERATOR_PASSWORD_MAX} characters`);
const Role = z.enum(OPERATOR_ROLES);

const Params = z.object({ username: Username });
const CreateBody = z.object({ username: Username, password: Password, role: Role });
const UpdateBody = z.object({ role: Role });
const PasswordBody = z.object({ password: Password });

type Refusal = 'exists' | 'not-found' | 'self' | 'last-admin';

function refused(reason: Refusal, username: string, selfMessage: string): ApiError {
  const who = JSON.stringify(username);
  switch (reason) {
    case 'exists':
      return new ApiError('CONFLICT', `an operator named ${who} already exists`);
    case 'not-found':
      return new ApiError('NOT_FOUND', `no operator named ${who}`);
    case 'self':
      return new ApiError('CONFLICT', selfMessage);
    case 'last-admin':
      return new ApiError('CONFLICT', `${who} is the last admin; make another operator admin first`);
  }
}

const isRefusal = (value: unknown): value is Refusal => typeof value === 'string';

/** Operator accounts. Every operator may read the list (viewers see everything,
 *  read-only); only admins change it, except that anyone may change their own password. */
export function registerOperatorRoutes(app: FastifyInstance, deps: OperatorDeps): void {
  const accounts = deps.operatorAccounts;

  app.get(`${API_PREFIX}/operators`, async (req): Promise<OperatorAccount[]> => {
    requireOperator(deps.operators, req);
    return accounts.listAccounts();
  });

  app.post(`${API_PREFIX}/operators`, async (req, reply): Promise<OperatorAccount> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const body = parseOr400(CreateBody, req.body);
    const result = await accounts.createAccount(body.username, body.password, body.role);
    if (isRefusal(result)) throw refused(result, body.username, '');
    void reply.status(201);
    return result;
  });

  app.patch(`${API_PREFIX}/operators/:username`, async (req): Promise<OperatorAccount> => {
    const op = requireOperator(deps.operators, req);
    requireAdmin(req);
    const { username } = parseOr400(Params, req.params);
    const body = parseOr400(UpdateBody, req.body);
    const result = accounts.setAccountRole(op.username, username, body.role);
    if (isRefusal(result)) throw refused(result, username, 'you cannot change your own role; ask another admin');
    return result;
  });

  app.put(`${API_PREFIX}/operators/:username/password`, async (req, reply) => {
    const op = requireOperator(deps.operators, req);
    const { username } = parseOr400(Params, req.params);
    if (username !== op.username) requireAdmin(req);
    const body = parseOr400(PasswordBody, req.body);
    const own = username === op.username ? bearerToken(req) : undefined;
    const result = await accounts.resetAccountPassword(op.username, username, body.password, own);
    if (result !== 'reset') throw refused(result, username, '');
    return reply.status(204).send();
  });

  app.delete(`${API_PREFIX}/operators/:username`, async (req, reply) => {
    const op = requireOperator(deps.operators, req);
    requireAdmin(req);
    const { username } = parseOr400(Params, req.params);
    const result = accounts.deleteAccount(op.username, username);
    if (result !== 'deleted') throw refused(result, username, 'you cannot delete your own account; ask another admin');
    return reply.status(204).send();
  });
}
