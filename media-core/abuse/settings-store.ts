import { AbuseSettingsSchema, DEFAULT_ABUSE_SETTINGS, type AbuseSettings } from '../contracts/alerts';
import type { ConfigStore } from './notify/notification-config';

const KEY = 'abuse.settings';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Objects merge key by key; anything else (arrays included) replaces. */
export function deepMerge(base: Json, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return patch;
  const out: { [k: string]: Json } = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? deepMerge(base[k]!, v) : v;
  return out;
}

export class AbuseSettingsError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * The monitor's thresholds: the spec's defaults with the operator's changes on top.
 * Read on every evaluation (cheap: cached), so a change applies at once.
 */
export class AbuseSettingsStore {
  private cached: AbuseSettings;
  private readonly listeners = new Set<(s: AbuseSettings) => void>();

  constructor(private readonly store: ConfigStore) {
    const saved = store.get<Json>(KEY);
    const parsed = saved ? AbuseSettingsSchema.safeParse(saved) : null;
    // Settings saved by a newer version that this one cannot read fall back to defaults
    // rather than stopping the monitor.
    this.cached = parsed?.success ? parsed.data : DEFAULT_ABUSE_SETTINGS;
  }

  get = (): AbuseSettings => this.cached;

  /** Applies a partial change; every problem is named in one error. */
  update(patch: unknown): AbuseSettings {
    const merged = deepMerge(this.cached as unknown as Json, patch as Json);
    const r = AbuseSettingsSchema.safeParse(merged);
    if (!r.success) {
      const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AbuseSettingsError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    this.cached = r.data;
    this.store.set(KEY, r.data);
    for (const l of this.listeners) l(r.data);
    return r.data;
  }

  onChange(l: (s: AbuseSettings) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
