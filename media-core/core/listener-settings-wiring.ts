import type { Config } from '../conf/schema';
import { ConfigError } from '../conf/load';
import { ListenerSettingsFile } from '../conf/listener-settings';
import { ApiError } from '../contracts/api-error';
import type { ListenerSettingsView } from '../contracts/listener-settings';
import type { ConsoleListenerSettings } from '../servers/console/deps';

/** The console's view of the data dir's config.json: validation errors become the API's
 *  400, and the view says whether a restart is needed to apply what is saved. */
export function createListenerSettings(config: Config): ConsoleListenerSettings {
  const file = new ListenerSettingsFile(config);
  const view = (): ListenerSettingsView => {
    const { next, running } = file.read();
    return { next, running, restartRequired: JSON.stringify(sorted(next)) !== JSON.stringify(sorted(running)), file: file.file };
  };
  return {
    get: view,
    set: (change) => {
      try {
        file.write(change);
      } catch (err) {
        if (err instanceof ConfigError) throw new ApiError('VALIDATION_FAILED', err.problems.join('; '));
        throw err;
      }
      return view();
    },
  };
}

const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
