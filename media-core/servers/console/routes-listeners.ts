import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../contracts/api';
import { ApiError } from '../../contracts/api-error';
import type { ListenerSettingsUpdate, ListenerSettingsView } from '../../contracts/listener-settings';
import { requireAdmin, requireOperator } from './auth';
import type { ConsoleDeps } from './deps';

/** Start-up listener settings: read by any operator, changed by admins, applied at the
 *  next start of the appliance. */
export function registerListenerRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const settings = deps.listenerSettings;
  if (!settings) return;
  app.get(`${API_PREFIX}/system/listeners`, async (req): Promise<ListenerSettingsView> => {
    requireOperator(deps.operators, req);
    return settings.get();
  });
  app.put(`${API_PREFIX}/system/listeners`, async (req): Promise<ListenerSettingsView> => {
    requireOperator(deps.operators, req);
    requireAdmin(req);
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError('VALIDATION_FAILED', 'expected a JSON object of listener settings');
    return settings.set(body as ListenerSettingsUpdate);
  });
}
