/** Listener settings as the console edits them (GET/PUT /api/v1/system/listeners). They
 *  are start-up settings: saved to the data dir's config.json, used at the next start. */
export interface ListenerSettings {
  bind: string;
  httpPort: number;
  consoleBind: string;
  consolePort: number;
  rtspPort: number;
  rtmpPort: number;
  srtPort: number;
  /** PEM files of the partner HTTP listener's certificate and key; absent: plain HTTP. */
  tlsCert?: string;
  tlsKey?: string;
}

export interface ListenerSettingsView {
  /** What the next start will use. */
  next: ListenerSettings;
  /** What runs now. */
  running: ListenerSettings;
  /** True when `next` differs from `running`: a restart applies it. */
  restartRequired: boolean;
  file: string;
}

/** A change: only the keys to change; null or '' removes a saved value (back to the default). */
export type ListenerSettingsUpdate = { [K in keyof ListenerSettings]?: ListenerSettings[K] | null };
