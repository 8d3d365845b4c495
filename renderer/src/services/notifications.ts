/** Desktop notifications: Electron's own (through the preload's `wink.notify`) in the
 *  desktop app, the browser's Notification API otherwise. The alerts feature calls it. */
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

/** shown: handed to the system; blocked: the operator (or policy) refused; unsupported:
 *  this environment has no notifications at all. */
export type NotifyOutcome = 'shown' | 'blocked' | 'unsupported';

export interface DesktopNotifier {
  /** 'desktop' in the Electron app, 'browser' with the Notification API, else 'none'. */
  readonly kind: 'desktop' | 'browser' | 'none';
  permission(): NotificationPermissionState;
  /** Asks the browser for permission; call it from a click (browsers ignore it otherwise). */
  requestPermission(): Promise<NotificationPermissionState>;
  notify(title: string, body: string, options?: { tag?: string }): Promise<NotifyOutcome>;
}

interface BrowserNotificationClass {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: ((this: unknown, ev: Event) => unknown) | null; close(): void };
}

export interface NotifierHost {
  wink?: unknown;
  Notification?: unknown;
  focus?: () => void;
}

/** Reads the host defensively, like the desktop bridge: an older preload or a browser
 *  without notifications must degrade to "unsupported", never throw. */
export function createDesktopNotifier(host: NotifierHost = globalThis as NotifierHost): DesktopNotifier {
  const wink = host.wink as { notify?: unknown } | undefined;
  if (typeof wink === 'object' && wink !== null && typeof wink.notify === 'function') {
    const notify = wink.notify as (title: string, body: string) => void;
    return {
      kind: 'desktop',
      permission: () => 'granted',
      requestPermission: async () => 'granted',
      async notify(title, body) {
        try {
          notify(title, body);
          return 'shown';
        } catch {
          return 'unsupported';
        }
      },
    };
  }

  const Browser = host.Notification as BrowserNotificationClass | undefined;
  if (typeof Browser !== 'function') {
    return {
      kind: 'none',
      permission: () => 'unsupported',
      requestPermission: async () => 'unsupported',
      notify: async () => 'unsupported',
    };
  }

  return {
    kind: 'browser',
    permission: () => Browser.permission,
    async requestPermission() {
      try {
        return await Browser.requestPermission();
      } catch {
        return Browser.permission;
      }
    },
    async notify(title, body, options = {}) {
      // Not yet allowed counts as blocked: asking needs a click (requestPermission).
      if (Browser.permission !== 'granted') return 'blocked';
      try {
        const shown = new Browser(title, { body, tag: options.tag });
        // Clicking brings the console to the front, as the desktop app's does.
        shown.onclick = () => {
          host.focus?.();
          shown.close();
        };
        return 'shown';
      } catch {
        // Chrome on Android, for one, allows only service-worker notifications.
        return 'unsupported';
      }
    },
  };
}
