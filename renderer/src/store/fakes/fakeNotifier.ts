// A fake desktop notifier for the slice tests. Not imported by the app.
import type { DesktopNotifier, NotificationPermissionState, NotifyOutcome } from '../../services/notifications';

/** Records notifications; starts in the browser's "not asked yet" state. */
export class FakeNotifier implements DesktopNotifier {
  readonly kind = 'browser' as const;
  state: NotificationPermissionState = 'default';
  /** What requestPermission turns the state into. */
  answer: NotificationPermissionState = 'granted';
  readonly shown: { title: string; body: string; tag: string | undefined }[] = [];

  permission(): NotificationPermissionState {
    return this.state;
  }

  async requestPermission(): Promise<NotificationPermissionState> {
    this.state = this.answer;
    return this.state;
  }

  async notify(title: string, body: string, options: { tag?: string } = {}): Promise<NotifyOutcome> {
    if (this.state !== 'granted') return 'blocked';
    this.shown.push({ title, body, tag: options.tag });
    return 'shown';
  }
}
