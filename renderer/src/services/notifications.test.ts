import { describe, expect, it } from 'vitest';
import { createDesktopNotifier } from './notifications';

function fakeBrowserNotification(initial: NotificationPermission, grant: NotificationPermission = 'granted') {
  const shown: { title: string; options: NotificationOptions | undefined; instance: { onclick: (() => void) | null; closed: boolean } }[] = [];
  class FakeNotification {
    static permission: NotificationPermission = initial;
    static async requestPermission() {
      FakeNotification.permission = grant;
      return grant;
    }
    onclick: (() => void) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
    close() {
      this.closed = true;
    }
  }
  return { FakeNotification, shown };
}

describe('desktop notifications', () => {
  it("uses the desktop app's notifications when the preload offers them", async () => {
    const sent: [string, string][] = [];
    const notifier = createDesktopNotifier({ wink: { notify: (title: string, body: string) => sent.push([title, body]) } });

    expect(notifier.kind).toBe('desktop');
    expect(notifier.permission()).toBe('granted');
    await expect(notifier.notify('Severe alert', 'Credential sharing by Channel 5')).resolves.toBe('shown');
    expect(sent).toEqual([['Severe alert', 'Credential sharing by Channel 5']]);
  });

  it("falls back to the browser's Notification API, once permitted", async () => {
    const { FakeNotification, shown } = fakeBrowserNotification('default');
    let focused = 0;
    const notifier = createDesktopNotifier({ Notification: FakeNotification, focus: () => (focused += 1) });

    expect(notifier.kind).toBe('browser');
    await expect(notifier.notify('Before', 'asking')).resolves.toBe('blocked');
    await expect(notifier.requestPermission()).resolves.toBe('granted');
    await expect(notifier.notify('Severe alert', 'details', { tag: 'alert-1' })).resolves.toBe('shown');

    expect(shown.map((s) => [s.title, s.options?.body, s.options?.tag])).toEqual([['Severe alert', 'details', 'alert-1']]);
    shown[0]?.instance.onclick?.();
    expect(focused).toBe(1);
    expect(shown[0]?.instance.closed).toBe(true);
  });

  it('says blocked when the operator refused notifications', async () => {
    const { FakeNotification } = fakeBrowserNotification('denied');
    await expect(createDesktopNotifier({ Notification: FakeNotification }).notify('t', 'b')).resolves.toBe('blocked');
  });

  it('degrades to unsupported without either, or with a broken preload', async () => {
    const none = createDesktopNotifier({});
    expect(none.kind).toBe('none');
    expect(none.permission()).toBe('unsupported');
    await expect(none.notify('t', 'b')).resolves.toBe('unsupported');

    const broken = createDesktopNotifier({
      wink: {
        notify: () => {
          throw new Error('ipc closed');
        },
      },
    });
    await expect(broken.notify('t', 'b')).resolves.toBe('unsupported');
  });
});
