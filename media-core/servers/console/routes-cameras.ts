import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX, CAMERA_ID_PATTERN, VIDEO_BITRATE_RANGE_KBPS, type Camera } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import { parseOr400 } from '../common/parse';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

const noControl = (s: string) => !/\p{Cc}/u.test(s);
const line = (max: number) => z.string().trim().max(max).refine(noControl, 'must not contain control characters');

const CameraFields = z.object({
  name: line(100).min(1, 'must not be empty'),
  // The address itself is checked by the camera service (schemes, hosts, the media folder).
  source: z.string().min(1, 'must not be empty').max(2048),
  username: z.string().max(128).refine(noControl, 'must not contain control characters').optional(),
  password: z.string().max(256).refine(noControl, 'must not contain control characters').optional(),
  transport: z.enum(['tcp', 'udp', 'auto']).optional(),
  location: line(200).optional(),
  notes: z.string().max(2000).optional(),
  enabled: z.boolean().optional(),
  mode: z.enum(['always-on', 'on-demand']).optional(),
  idleStopSec: z.number().int().min(0).max(3600).optional(),
  maxHeight: z.number().int().min(144).max(4320).nullable().optional(),
  maxBitrateKbps: z.number().int().min(VIDEO_BITRATE_RANGE_KBPS.min).max(VIDEO_BITRATE_RANGE_KBPS.max).nullable().optional(),
});

const CreateBody = CameraFields.extend({
  id: z.string().regex(CAMERA_ID_PATTERN, 'use 1 to 63 lowercase letters, digits and dashes, starting with a letter or digit (e.g. camera-42)'),
}).strict();

const UpdateBody = CameraFields.partial()
  .extend({ clearCredentials: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

const unknownCamera = (id: string) => new ApiError('NOT_FOUND', `no camera with id ${JSON.stringify(id)}`);
const notWired = () => new ApiError('UNAVAILABLE', 'camera management is not available on this appliance');

export function registerCameraRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get(`${API_PREFIX}/cameras`, async (req): Promise<Camera[]> => {
    requireOperator(deps.operators, req);
    return deps.cameras.list();
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id`, async (req): Promise<Camera> => {
    requireOperator(deps.operators, req);
    const cam = deps.cameras.get(req.params.id);
    if (!cam) throw unknownCamera(req.params.id);
    return cam;
  });

  app.post(`${API_PREFIX}/cameras`, async (req, reply): Promise<Camera> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const body = parseOr400(CreateBody, req.body);
    if (!deps.cameras.create) throw notWired();
    const cam = await deps.cameras.create(body);
    void reply.status(201).header('location', `${API_PREFIX}/cameras/${cam.id}`);
    return cam;
  });

  app.patch<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id`, async (req): Promise<Camera> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const body = parseOr400(UpdateBody, req.body);
    if (!deps.cameras.update) throw notWired();
    return deps.cameras.update(req.params.id, body);
  });

  app.delete<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id`, async (req, reply) => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    if (!(await deps.cameras.remove(req.params.id))) throw unknownCamera(req.params.id);
    return reply.status(204).send();
  });

  // Tiles load it as <img src>, so the session may come as ?token= (see bearerToken).
  app.get<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id/snapshot.jpg`, async (req, reply) => {
    requireOperator(deps.operators, req);
    if (!deps.cameras.snapshot) throw notWired();
    const shot = await deps.cameras.snapshot(req.params.id);
    if (shot === undefined) throw unknownCamera(req.params.id);
    if (shot === null) {
      void reply.header('retry-after', '2');
      throw new ApiError('UNAVAILABLE', 'no picture from this camera yet');
    }
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'private, no-cache')
      .header('last-modified', new Date(shot.takenAt).toUTCString())
      .send(shot.jpeg);
  });
}
