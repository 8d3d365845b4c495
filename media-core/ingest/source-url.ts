// Which camera addresses the appliance accepts. ffmpeg is never run through a shell, so
// shell metacharacters could do no harm there; they are refused anyway, together with every
// scheme ffmpeg could be talked into (concat:, subfile:, pipe:, data:, …) and files outside
// the folder set aside for file sources.

import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SourceScheme = 'rtsp' | 'rtmp' | 'http' | 'https' | 'file';

export interface SourceAddress {
  scheme: SourceScheme;
  /** What ffmpeg opens, credentials included: never log it. For file sources, `file:` + absolute path. */
  url: string;
  /** The address without credentials, safe to show and log. */
  display: string;
  username: string | null;
  password: string | null;
}

export type SourceCheck = { ok: true; source: SourceAddress } | { ok: false; message: string };

export interface SourceRules {
  /** The only folder file: sources may read from; null turns file sources off. */
  fileDir: string | null;
}

const MAX_LENGTH = 2048;
const SCHEMES: readonly SourceScheme[] = ['rtsp', 'rtmp', 'http', 'https', 'file'];
const FORBIDDEN = /[`$;|<>(){}\\"'!*^]/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$|^\[[0-9a-f:.]+\]$/i;

const refuse = (message: string): SourceCheck => ({ ok: false, message });

/** Checks a source address an operator typed; `username`/`password` (decoded) replace any in the URL. */
export function parseSourceUrl(raw: string, rules: SourceRules, credentials?: { username?: string | null; password?: string | null }): SourceCheck {
  const text = raw.trim();
  if (text === '') return refuse('the source address is empty');
  if (text.length > MAX_LENGTH) return refuse(`the source address is longer than ${MAX_LENGTH} characters`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || !(SCHEMES as readonly string[]).includes(scheme)) {
    return refuse(`unsupported source type${scheme ? ` "${scheme}:"` : ''}: use rtsp://, rtmp://, http://, https:// or file:`);
  }
  if (/[\s\p{Cc}]/u.test(text)) return refuse('the source address must not contain spaces or control characters');
  if (FORBIDDEN.test(text)) {
    return refuse(
      'the source address contains characters a camera address never needs (` $ ; | < > ( ) { } \\ " \' ! * ^); ' +
        'percent-encode them, and put a password with such characters in the password field',
    );
  }
  if (scheme === 'file') return parseFile(text, rules);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('the source address is not a valid URL (check the host and port)');
  }
  if (!text.slice(scheme.length + 1).startsWith('//')) return refuse(`a ${scheme} address starts with ${scheme}://`);
  if (url.hostname === '') return refuse('the source address has no host');
  if (!HOST.test(url.hostname)) return refuse(`"${url.hostname}" is not a valid host name or IP address`);
  if (url.hash !== '') return refuse('the source address must not contain "#" (percent-encode it as %23)');

  const username = credentials?.username !== undefined ? credentials.username : decode(url.username);
  const password = credentials?.password !== undefined ? credentials.password : decode(url.password);
  if (username === undefined || password === undefined) return refuse('the credentials in the source address are not valid percent-encoding');
  if (password && !username) return refuse('a password needs a username');
  url.username = username ? encodeURIComponent(username) : '';
  url.password = password ? encodeURIComponent(password) : '';
  const display = new URL(url.href);
  display.username = '';
  display.password = '';
  return {
    ok: true,
    source: { scheme: scheme as SourceScheme, url: url.href, display: display.href, username: username || null, password: password || null },
  };
}

function parseFile(text: string, rules: SourceRules): SourceCheck {
  if (!rules.fileDir) return refuse('file sources are turned off on this appliance');
  const root = resolve(rules.fileDir);
  const rest = text.slice('file:'.length);
  let path: string;
  try {
    // "file:clip.mp4" names a file in the media folder; "file:///abs/path" an absolute one.
    path = rest.startsWith('/') ? fileURLToPath(new URL(text)) : resolve(root, decodeURIComponent(rest));
  } catch {
    return refuse('the file source address is not valid (use file:///absolute/path or file:name-in-the-media-folder)');
  }
  if (!isInside(root, path) || !isInside(realOrSelf(root), realOrSelf(path))) {
    return refuse(`file sources must be inside the media folder ${root}`);
  }
  return { ok: true, source: { scheme: 'file', url: `file:${path}`, display: `file://${path}`, username: null, password: null } };
}

/** The file path of a file: source url as returned by parseSourceUrl. */
export function filePathOf(source: Pick<SourceAddress, 'scheme' | 'url'>): string | null {
  return source.scheme === 'file' ? source.url.slice('file:'.length) : null;
}

/** Whether `path` (following symlinks that exist) still lies inside `dir`; run again just
 *  before opening, since a link may have been changed since the camera was saved. */
export function fileStillInside(dir: string, path: string): boolean {
  return isInside(realOrSelf(resolve(dir)), realOrSelf(path));
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there (yet): resolve the parent, which may exist and be a link itself.
    const parent = resolve(path, '..');
    if (parent === path) return path;
    return join(realOrSelf(parent), path.slice(parent.length + 1));
  }
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
