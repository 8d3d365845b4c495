import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type Camera } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

export function registerCameraRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get(`${API_PREFIX}/cameras`, async (req): Promise<Camera[]> => {
    requireOperator(deps.operators, req);
    return deps.cameras.list();
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id`, async (req): Promise<Camera> => {
    requireOperator(deps.operators, req);
    const cam = deps.cameras.get(req.params.id);
    if (!cam) throw new ApiError('NOT_FOUND', `no camera with id ${JSON.stringify(req.params.id)}`);
    return cam;
  });

  app.delete<{ Params: { id: string } }>(`${API_PREFIX}/cameras/:id`, async (req, reply) => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    if (!(await deps.cameras.remove(req.params.id))) throw new ApiError('NOT_FOUND', `no camera with id ${JSON.stringify(req.params.id)}`);
    return reply.status(204).send();
  });
}
