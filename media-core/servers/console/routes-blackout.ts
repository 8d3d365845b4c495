import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type Camera } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleBlackout, ConsoleDeps } from './deps';

type IdParams = { Params: { id: string } };

/** POST puts a camera under privacy blackout (every partner session to it ends, partners
 *  are refused until it is lifted); DELETE lifts it. Admins only; both answer the camera. */
export function registerBlackoutRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const blackout: ConsoleBlackout = deps.blackout!;
  const path = `${API_PREFIX}/cameras/:id/blackout`;

  const set = (on: boolean) => async (req: import('fastify').FastifyRequest<IdParams>): Promise<Camera> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const camera = blackout.set(req.params.id, on);
    if (!camera) throw new ApiError('NOT_FOUND', `no camera with id ${JSON.stringify(req.params.id)}`);
    return camera;
  };

  app.post<IdParams>(path, set(true));
  app.delete<IdParams>(path, set(false));
}
