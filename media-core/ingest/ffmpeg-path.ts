import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FfmpegSource = 'FFMPEG_PATH' | 'ffmpeg-static' | 'PATH';

export interface ResolvedFfmpeg {
  path: string;
  source: FfmpegSource;
  /** As printed by `ffmpeg -version` ("5.1.9-0+deb12u1", "6.1.1-static", "N-113000-g…"), null when unparseable. */
  version: string | null;
}

export interface ResolveFfmpegOptions {
  /** Environment to read FFMPEG_PATH / FFPROBE_PATH / PATH from; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Loads the `ffmpeg-static` module's export (its binary path); tests replace it to simulate an absent package. */
  loadFfmpegStatic?: () => Promise<unknown>;
  /** How long one `<bin> -version` may take. */
  versionTimeoutMs?: number;
}

const DEFAULT_VERSION_TIMEOUT_MS = 5_000;
const EXE = process.platform === 'win32' ? '.exe' : '';

const INSTALL_HINT =
  'Install ffmpeg (Debian/Ubuntu: `sudo apt install ffmpeg`; Fedora: `sudo dnf install ffmpeg`; ' +
  'macOS: `brew install ffmpeg`; Windows: download a build from https://ffmpeg.org/download.html) ' +
  'or set FFMPEG_PATH to the full path of an ffmpeg binary.';

type Probe = { ok: true; version: string | null } | { ok: false; problem: string };

/**
 * Finds a working ffmpeg: env FFMPEG_PATH, then the optional `ffmpeg-static` package, then
 * `ffmpeg` on PATH. Each candidate must answer `-version`. Throws an Error that says what was
 * wrong with each place and how to install ffmpeg.
 */
export async function resolveFfmpeg(opts: ResolveFfmpegOptions = {}): Promise<ResolvedFfmpeg> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.versionTimeoutMs ?? DEFAULT_VERSION_TIMEOUT_MS;
  const problems: string[] = [];

  const fromEnv = env.FFMPEG_PATH;
  if (fromEnv) {
    const probe = await probeBinary(fromEnv, 'ffmpeg', timeoutMs);
    if (probe.ok) return { path: fromEnv, source: 'FFMPEG_PATH', version: probe.version };
    problems.push(`FFMPEG_PATH (${fromEnv}): ${probe.problem}`);
  } else {
    problems.push('FFMPEG_PATH: not set');
  }

  const fromPackage = await ffmpegStaticPath(opts.loadFfmpegStatic ?? loadFfmpegStaticModule);
  if (fromPackage.path) {
    const probe = await probeBinary(fromPackage.path, 'ffmpeg', timeoutMs);
    if (probe.ok) return { path: fromPackage.path, source: 'ffmpeg-static', version: probe.version };
    problems.push(`ffmpeg-static (${fromPackage.path}): ${probe.problem}`);
  } else {
    problems.push(`ffmpeg-static: ${fromPackage.problem}`);
  }

  const onPath = await findOnPath('ffmpeg', env);
  if (onPath.length === 0) {
    problems.push(`PATH: no executable named ffmpeg${EXE} in ${describePath(env)}`);
  }
  for (const candidate of onPath) {
    const probe = await probeBinary(candidate, 'ffmpeg', timeoutMs);
    if (probe.ok) return { path: candidate, source: 'PATH', version: probe.version };
    problems.push(`PATH (${candidate}): ${probe.problem}`);
  }

  throw new Error(`ffmpeg was not found. Looked in:\n  - ${problems.join('\n  - ')}\n${INSTALL_HINT}`);
}

/**
 * Finds a working ffprobe: env FFPROBE_PATH, then next to `ffmpegPath`, then on PATH.
 * Null when there is none; ffprobe is only needed for probing sources and by tests.
 */
export async function resolveFfprobe(ffmpegPath?: string, opts: ResolveFfmpegOptions = {}): Promise<string | null> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.versionTimeoutMs ?? DEFAULT_VERSION_TIMEOUT_MS;
  const candidates: string[] = [];
  if (env.FFPROBE_PATH) candidates.push(env.FFPROBE_PATH);
  if (ffmpegPath) candidates.push(path.join(path.dirname(ffmpegPath), `ffprobe${EXE}`));
  candidates.push(...(await findOnPath('ffprobe', env)));
  for (const candidate of new Set(candidates)) {
    if ((await probeBinary(candidate, 'ffprobe', timeoutMs)).ok) return candidate;
  }
  return null;
}

/** Parses "ffmpeg version 5.1.9-0+deb12u1 Copyright …" → "5.1.9-0+deb12u1". */
export function parseFfmpegVersion(versionOutput: string): string | null {
  const match = /\b(?:ffmpeg|ffprobe) version (\S+)/.exec(versionOutput);
  return match?.[1] ?? null;
}

async function loadFfmpegStaticModule(): Promise<unknown> {
  // createRequire rather than import(): the package is CommonJS and optional, and bundlers
  // must leave this lookup to run time.
  const require = createRequire(import.meta.url);
  return require('ffmpeg-static') as unknown;
}

async function ffmpegStaticPath(
  load: () => Promise<unknown>,
): Promise<{ path: string; problem?: undefined } | { path: null; problem: string }> {
  let exported: unknown;
  try {
    exported = await load();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      return { path: null, problem: 'package not installed (it is optional)' };
    }
    return { path: null, problem: `package failed to load: ${(err as Error).message}` };
  }
  const value = typeof exported === 'object' && exported !== null && 'default' in exported ? exported.default : exported;
  if (typeof value !== 'string' || value === '') {
    return { path: null, problem: `package has no binary for ${process.platform}-${process.arch}` };
  }
  // Inside a packaged Electron app the binary is unpacked next to the asar archive.
  const unpacked = value.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  try {
    await access(unpacked, constants.F_OK);
  } catch {
    return {
      path: null,
      problem: `package installed but its binary is missing at ${unpacked} (its install script downloads it; the download was probably blocked)`,
    };
  }
  return { path: unpacked };
}

async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const found: string[] = [];
  for (const dir of dirs) {
    const candidate = path.join(dir, name + EXE);
    try {
      await access(candidate, constants.X_OK);
      found.push(candidate);
    } catch {
      // not in this directory
    }
  }
  return [...new Set(found)];
}

function describePath(env: NodeJS.ProcessEnv): string {
  const value = env.PATH ?? env.Path ?? '';
  return value === '' ? 'an empty PATH' : `PATH=${value}`;
}

function probeBinary(bin: string, expectedName: 'ffmpeg' | 'ffprobe', timeoutMs: number): Promise<Probe> {
  return new Promise((resolve) => {
    execFile(
      bin,
      ['-hide_banner', '-version'],
      { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 1024 * 1024 },
      (err, stdout) => {
        if (err) {
          resolve({ ok: false, problem: describeExecFailure(err, timeoutMs) });
          return;
        }
        if (!stdout.includes(expectedName)) {
          resolve({ ok: false, problem: `does not look like ${expectedName} (its -version output does not mention it)` });
          return;
        }
        resolve({ ok: true, version: parseFfmpegVersion(stdout) });
      },
    );
  });
}

function describeExecFailure(err: Error & { code?: unknown; killed?: boolean; signal?: unknown }, timeoutMs: number): string {
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EACCES') return 'not executable (permission denied)';
  if (err.killed || err.signal === 'SIGKILL') return `did not answer -version within ${timeoutMs} ms`;
  if (typeof err.code === 'number') return `-version failed with exit code ${err.code}`;
  return `could not be run: ${err.message}`;
}
