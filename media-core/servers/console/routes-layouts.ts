import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import {
  GROUP_NAME_MAX,
  LAYOUT_NAME_MAX,
  LAYOUT_SCOPES,
  MAX_CAMERAS_PER_LIST,
  type CameraGroup,
  type LayoutScope,
  type WallLayout,
} from '../../contracts/layouts';
import { parseOr400 } from '../common/parse';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps, LayoutKey } from './deps';

type LayoutDeps = Pick<ConsoleDeps, 'operators' | 'layouts' | 'cameraGroups'>;

/** A name travels in the URL and on screen: no control characters, no slash, no
 *  leading or trailing blanks. */
const name = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\s/\p{Cc}](?:[^/\p{Cc}]*[^\s/\p{Cc}])?$/u, 'must not contain "/" or control characters, nor start or end with a blank');

const LayoutParams = z.object({ name: name(LAYOUT_NAME_MAX) });
const GroupParams = z.object({ name: name(GROUP_NAME_MAX) });
const ScopeQuery = z.object({ scope: z.enum(LAYOUT_SCOPES).default('personal') });

/** Camera ids, each once, first place wins. */
const CameraIds = z
  .array(z.string().min(1).max(128))
  .max(MAX_CAMERAS_PER_LIST)
  .transform((ids) => [...new Set(ids)]);

const LayoutBody = z.object({
  scope: z.enum(LAYOUT_SCOPES).default('personal'),
  grid: z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16), z.literal('auto')]),
  cameras: CameraIds,
  group: name(GROUP_NAME_MAX).nullable().default(null),
});

const GroupBody = z.object({ cameras: CameraIds });

/** Named wall layouts (shared: admins write; personal: each operator their own) and
 *  camera groups (shared; admins write). Every operator reads what they may see. */
export function registerLayoutRoutes(app: FastifyInstance, deps: LayoutDeps): void {
  const keyFor = (scope: LayoutScope, layoutName: string, username: string): LayoutKey => ({
    owner: scope === 'shared' ? null : username,
    name: layoutName,
  });
  const notFound = (kind: string, what: string) => new ApiError('NOT_FOUND', `no ${kind} named ${JSON.stringify(what)}`);

  app.get(`${API_PREFIX}/layouts`, async (req): Promise<WallLayout[]> => {
    const op = requireOperator(deps.operators, req);
    return deps.layouts.listVisibleTo(op.username);
  });

  app.get(`${API_PREFIX}/layouts/:name`, async (req): Promise<WallLayout> => {
    const op = requireOperator(deps.operators, req);
    const { name: layoutName } = parseOr400(LayoutParams, req.params);
    const { scope } = parseOr400(ScopeQuery, req.query);
    const layout = deps.layouts.find(keyFor(scope, layoutName, op.username));
    if (!layout) throw notFound(`${scope} layout`, layoutName);
    return layout;
  });

  app.put(`${API_PREFIX}/layouts/:name`, async (req, reply): Promise<WallLayout> => {
    const op = requireOperator(deps.operators, req);
    const { name: layoutName } = parseOr400(LayoutParams, req.params);
    const body = parseOr400(LayoutBody, req.body);
    if (body.scope === 'shared') requireAdmin(req);
    if (body.group !== null && !deps.cameraGroups.find(body.group)) {
      throw new ApiError('VALIDATION_FAILED', `group: no camera group named ${JSON.stringify(body.group)}`);
    }
    const { layout, created } = deps.layouts.put({
      ...keyFor(body.scope, layoutName, op.username),
      grid: body.grid,
      cameras: body.cameras,
      group: body.group,
      updatedBy: op.username,
    });
    void reply.status(created ? 201 : 200);
    return layout;
  });

  app.delete(`${API_PREFIX}/layouts/:name`, async (req, reply) => {
    const op = requireOperator(deps.operators, req);
    const { name: layoutName } = parseOr400(LayoutParams, req.params);
    const { scope } = parseOr400(ScopeQuery, req.query);
    if (scope === 'shared') requireAdmin(req);
    if (!deps.layouts.delete(keyFor(scope, layoutName, op.username))) throw notFound(`${scope} layout`, layoutName);
    return reply.status(204).send();
  });

  app.get(`${API_PREFIX}/camera-groups`, async (req): Promise<CameraGroup[]> => {
    requireOperator(deps.operators, req);
    return deps.cameraGroups.list();
  });

  app.get(`${API_PREFIX}/camera-groups/:name`, async (req): Promise<CameraGroup> => {
    requireOperator(deps.operators, req);
    const { name: groupName } = parseOr400(GroupParams, req.params);
    const group = deps.cameraGroups.find(groupName);
    if (!group) throw notFound('camera group', groupName);
    return group;
  });

  app.put(`${API_PREFIX}/camera-groups/:name`, async (req, reply): Promise<CameraGroup> => {
    const op = requireOperator(deps.operators, req);
    requireAdmin(req);
    const { name: groupName } = parseOr400(GroupParams, req.params);
    const body = parseOr400(GroupBody, req.body);
    const { group, created } = deps.cameraGroups.put(groupName, body.cameras, op.username);
    void reply.status(created ? 201 : 200);
    return group;
  });

  app.delete(`${API_PREFIX}/camera-groups/:name`, async (req, reply) => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const { name: groupName } = parseOr400(GroupParams, req.params);
    if (!deps.cameraGroups.delete(groupName)) throw notFound('camera group', groupName);
    return reply.status(204).send();
  });
}
