import type { ConsoleApi } from '../services/consoleApi';
import type { DesktopBridge } from '../services/desktopBridge';
import type { ConsoleEvents } from '../services/events';
import type { DesktopNotifier } from '../services/notifications';
import type { TokenStorage } from '../services/tokenStorage';

/** Everything the store's actions reach outside the renderer. Injected, so the slices
 *  are tested with fakes and the components never see a service. */
export interface StoreDeps {
  api: ConsoleApi;
  events: ConsoleEvents;
  desktop: DesktopBridge;
  tokens: TokenStorage;
  notifier: DesktopNotifier;
  /** Clock for event timestamps; injectable for tests. */
  now?: () => Date;
}
