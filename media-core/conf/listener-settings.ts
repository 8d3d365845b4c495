import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ConfigSchema, type Config } from './schema';
import { CONFIG_FILE_NAME, ConfigError, readConfigFile } from './load';

/** The start-up settings an operator may change from the console. They take effect at the
 *  next start: a listener cannot move under partners that are connected to it. */
export const LISTENER_KEYS = ['bind', 'httpPort', 'consoleBind', 'consolePort', 'rtspPort', 'rtmpPort', 'srtPort', 'tlsCert', 'tlsKey'] as const;
export type ListenerKey = (typeof LISTENER_KEYS)[number];
export type ListenerSettings = Pick<Config, ListenerKey>;

export class ListenerSettingsFile {
  readonly file: string;

  constructor(private readonly running: Config) {
    this.file = join(running.dataDir, CONFIG_FILE_NAME);
  }

  /** What the next start will use (file over the running values), and what runs now. */
  read(): { next: ListenerSettings; running: ListenerSettings } {
    const saved = existsSync(this.file) ? readConfigFile(this.file) : {};
    const pick = (c: Partial<Config>) => Object.fromEntries(LISTENER_KEYS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])) as ListenerSettings;
    return { next: { ...pick(this.running), ...pick(saved as Partial<Config>) }, running: pick(this.running) };
  }

  /** Validates the change with the same schema as start-up, then replaces the file
   *  atomically (a crash mid-write leaves the old file). Unknown keys in the file stay. */
  write(change: Partial<Record<ListenerKey, unknown>>): ListenerSettings {
    const saved = existsSync(this.file) ? readConfigFile(this.file) : {};
    const merged: Record<string, unknown> = { ...saved };
    for (const k of LISTENER_KEYS) {
      if (!(k in change)) continue;
      const v = change[k];
      if (v === null || v === '') delete merged[k];
      else merged[k] = v;
    }
    const check = ConfigSchema.safeParse({ ...this.running, tlsCert: undefined, tlsKey: undefined, ...merged, dataDir: this.running.dataDir });
    if (!check.success) throw new ConfigError(check.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`));
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    return this.read().next;
  }
}
