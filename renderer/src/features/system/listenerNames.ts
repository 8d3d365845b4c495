/** What each core listener is for, in operator words; unknown names show as they are. */
const LISTENER_PURPOSE: Record<string, string> = {
  http: 'Partner HTTP: HLS, OTP API, health, metrics',
  hls: 'Partner HLS',
  console: 'Operator console and API (this page)',
  rtsp: 'Partner RTSP',
  rtmp: 'Partner RTMP',
  srt: 'Partner SRT',
};

export function listenerPurpose(name: string): string | null {
  return LISTENER_PURPOSE[name] ?? null;
}

const ORDER = ['console', 'http', 'hls', 'rtsp', 'rtmp', 'srt'];

export function sortListeners(listeners: Record<string, string>): [string, string][] {
  const rank = (name: string) => {
    const index = ORDER.indexOf(name);
    return index === -1 ? ORDER.length : index;
  };
  return Object.entries(listeners).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "2 d 3 h", "3 h 12 min", "4 min", "less than a minute": how long the core has been up. */
export function formatUptime(startedAt: string, now: Date): string | null {
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - started) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return minutes === 0 ? 'less than a minute' : `${minutes} min`;
}
