import { randomBytes } from 'node:crypto';
import type { AlertSeverity, NotificationSettingsUpdate, NotificationSettingsView } from '../../contracts/alerts';

/** Seals secrets at rest (the core hands in the appliance's SecretBox). */
export interface Sealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** Where the config is kept (the settings table fits). */
export interface ConfigStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

interface StoredWebhook {
  id: string;
  url: string;
  enabled: boolean;
  minSeverity: AlertSeverity;
  secretSealed: string | null;
}

interface Stored {
  smtp: Omit<NotificationSettingsView['smtp'], 'passSet'> & { passSealed: string | null };
  operatorEmails: string[];
  operatorMinSeverity: AlertSeverity;
  emailPartnerContact: boolean;
  webhooks: StoredWebhook[];
  consoleUrl: string;
  maxAttempts: number;
}

/** The config with its secrets opened, for the senders only. */
export interface ResolvedNotificationConfig extends Omit<Stored, 'smtp' | 'webhooks'> {
  smtp: Omit<Stored['smtp'], 'passSealed'> & { pass: string | null };
  webhooks: (Omit<StoredWebhook, 'secretSealed'> & { secret: string | null })[];
}

const KEY = 'abuse.notifications';

const DEFAULTS: Stored = {
  smtp: { enabled: false, host: '', port: 587, secure: false, user: '', passSealed: null, from: '', allowSelfSigned: false },
  operatorEmails: [],
  operatorMinSeverity: 'warning',
  emailPartnerContact: true,
  webhooks: [],
  consoleUrl: '',
  maxAttempts: 10,
};

/** Raised for an update that cannot be applied (a new webhook without its secret). */
export class NotificationConfigError extends Error {}

/**
 * SMTP and webhook settings. Passwords and webhook secrets are sealed at rest and never
 * leave through the view: `passSet` / `secretSet` say whether one is there.
 */
export class NotificationConfig {
  constructor(
    private readonly store: ConfigStore,
    private readonly sealer: Sealer,
  ) {}

  private stored(): Stored {
    const s = this.store.get<Partial<Stored>>(KEY) ?? {};
    return { ...DEFAULTS, ...s, smtp: { ...DEFAULTS.smtp, ...s.smtp } };
  }

  view(): NotificationSettingsView {
    const s = this.stored();
    const { passSealed, ...smtp } = s.smtp;
    return {
      ...s,
      smtp: { ...smtp, passSet: passSealed !== null },
      webhooks: s.webhooks.map(({ secretSealed, ...w }) => ({ ...w, secretSet: secretSealed !== null })),
    };
  }

  resolved(): ResolvedNotificationConfig {
    const s = this.stored();
    const { passSealed, ...smtp } = s.smtp;
    return {
      ...s,
      smtp: { ...smtp, pass: passSealed ? this.sealer.open(passSealed, 'abuse:smtp-pass') : null },
      webhooks: s.webhooks.map(({ secretSealed, ...w }) => ({ ...w, secret: secretSealed ? this.sealer.open(secretSealed, `abuse:webhook:${w.id}`) : null })),
    };
  }

  update(u: NotificationSettingsUpdate): NotificationSettingsView {
    const s = this.stored();
    const next: Stored = { ...s, smtp: { ...s.smtp } };
    if (u.smtp) {
      const { pass, ...rest } = u.smtp;
      Object.assign(next.smtp, rest);
      if (pass === null) next.smtp.passSealed = null;
      else if (pass !== undefined) next.smtp.passSealed = this.sealer.seal(pass, 'abuse:smtp-pass');
    }
    if (u.operatorEmails) next.operatorEmails = u.operatorEmails;
    if (u.operatorMinSeverity) next.operatorMinSeverity = u.operatorMinSeverity;
    if (u.emailPartnerContact !== undefined) next.emailPartnerContact = u.emailPartnerContact;
    if (u.consoleUrl !== undefined) next.consoleUrl = u.consoleUrl;
    if (u.maxAttempts !== undefined) next.maxAttempts = u.maxAttempts;
    if (u.webhooks) {
      next.webhooks = u.webhooks.map((w) => {
        const old = w.id ? s.webhooks.find((o) => o.id === w.id) : undefined;
        if (w.id && !old) throw new NotificationConfigError(`no webhook with id ${JSON.stringify(w.id)}`);
        const id = old?.id ?? `wh_${randomBytes(6).toString('hex')}`;
        const secretSealed = w.secret ? this.sealer.seal(w.secret, `abuse:webhook:${id}`) : (old?.secretSealed ?? null);
        if (!secretSealed) throw new NotificationConfigError(`webhook ${w.url} needs a secret (16 characters or more) to sign its requests`);
        return { id, url: w.url, enabled: w.enabled, minSeverity: w.minSeverity, secretSealed };
      });
    }
    this.store.set(KEY, next);
    return this.view();
  }
}
