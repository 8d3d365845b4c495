/** Command-line options of the desktop app itself (Chromium's own switches pass through). */
export interface ShellFlags {
  /** Full-screen, no window chrome: a console on a wall display. */
  kiosk: boolean;
  /** Start in the tray without showing the window (e.g. autostart at login). */
  hidden: boolean;
  /** Overrides Electron's userData folder; used by tests and side-by-side installs. */
  userDataDir: string | null;
}

export function parseShellFlags(argv: readonly string[], env: Record<string, string | undefined> = {}): ShellFlags {
  const flags: ShellFlags = { kiosk: env.WINK_KIOSK === '1', hidden: false, userDataDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--kiosk') flags.kiosk = true;
    else if (arg === '--hidden') flags.hidden = true;
    else if (arg.startsWith('--user-data-dir=')) flags.userDataDir = arg.slice('--user-data-dir='.length) || null;
    else if (arg === '--user-data-dir' && argv[i + 1] !== undefined) flags.userDataDir = argv[++i]!;
  }
  return flags;
}
