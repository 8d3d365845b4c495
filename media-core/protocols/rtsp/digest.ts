// HTTP Digest authentication as RTSP uses it (RFC 2617 / RFC 2069: MD5, no qop by
// default; qop=auth verified when a client sends it). MD5 is what every VMS speaks here;
// the secret it protects is an RTSP-only credential (see docs/rtsp.md), never a password
// that also opens the partner API.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface DigestCredentials {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  /** The request method the response was computed over (filled in by the server). */
  method: string;
  algorithm?: string | undefined;
  opaque?: string | undefined;
  qop?: string | undefined;
  nc?: string | undefined;
  cnonce?: string | undefined;
}

export type ParsedAuthorization =
  | { scheme: 'digest'; params: Map<string, string> }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'other' };

/** The realm of the appliance's RTSP challenges; HA1 values are computed for it. */
export const DIGEST_REALM = 'WINK Media Router';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** Parses comma-separated auth-params, honouring quoted strings with escapes. */
function authParams(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') {
    const key = m[1]!.toLowerCase();
    if (!out.has(key)) out.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
    if (re.lastIndex >= text.length) break;
  }
  return out;
}

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const sp = header.indexOf(' ');
  const scheme = (sp < 0 ? header : header.slice(0, sp)).toLowerCase();
  const rest = sp < 0 ? '' : header.slice(sp + 1).trim();
  if (scheme === 'digest') return { scheme: 'digest', params: authParams(rest) };
  if (scheme === 'bearer') return rest ? { scheme: 'bearer', token: rest } : null;
  if (scheme === 'basic') {
    const text = Buffer.from(rest, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    return colon < 0 ? null : { scheme: 'basic', username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  return { scheme: 'other' };
}

/** The fields of a Digest Authorization header, or null when one is missing. */
export function digestCredentials(params: Map<string, string>, method: string): DigestCredentials | null {
  const get = (k: string) => params.get(k);
  const [username, realm, nonce, uri, response] = ['username', 'realm', 'nonce', 'uri', 'response'].map(get);
  if (!username || realm === undefined || !nonce || !uri || !response) return null;
  return { username, realm, nonce, uri, response, method, algorithm: get('algorithm'), opaque: get('opaque'), qop: get('qop'), nc: get('nc'), cnonce: get('cnonce') };
}

/** HA1 = MD5(username:realm:password): what a credential store keeps instead of the secret. */
export function digestHa1(username: string, realm: string, password: string): string {
  return md5(`${username}:${realm}:${password}`);
}

export function digestResponse(a: { ha1: string; method: string; uri: string; nonce: string; qop?: string | undefined; nc?: string | undefined; cnonce?: string | undefined }): string {
  const ha2 = md5(`${a.method}:${a.uri}`);
  if (a.qop === 'auth') return md5(`${a.ha1}:${a.nonce}:${a.nc ?? ''}:${a.cnonce ?? ''}:auth:${ha2}`);
  return md5(`${a.ha1}:${a.nonce}:${ha2}`);
}

/** Constant-time check of a client's response against the stored HA1. */
export function verifyDigest(c: DigestCredentials, ha1: string): boolean {
  if (c.algorithm && c.algorithm.toUpperCase() !== 'MD5') return false;
  if (c.qop && c.qop !== 'auth') return false;
  const expected = Buffer.from(digestResponse({ ha1, ...c }), 'utf8');
  const given = Buffer.from(c.response.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Stateless nonces: time + randomness + HMAC, so any server instance can check freshness
 *  without a table that a flood of unauthenticated requests could grow. */
export class DigestNonces {
  private readonly key: Buffer;

  constructor(
    private readonly lifetimeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
    key?: Buffer,
  ) {
    this.key = key ?? randomBytes(32);
  }

  issue(): string {
    const body = Buffer.alloc(16);
    body.writeBigUInt64BE(BigInt(Math.floor(this.now())), 0);
    randomBytes(8).copy(body, 8);
    return Buffer.concat([body, this.mac(body)]).toString('hex');
  }

  check(nonce: string): 'ok' | 'stale' | 'invalid' {
    if (!/^[0-9a-f]{64}$/.test(nonce)) return 'invalid';
    const raw = Buffer.from(nonce, 'hex');
    const body = raw.subarray(0, 16);
    if (!timingSafeEqual(raw.subarray(16), this.mac(body))) return 'invalid';
    const age = this.now() - Number(body.readBigUInt64BE(0));
    return age >= 0 && age <= this.lifetimeMs ? 'ok' : 'stale';
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 16);
  }
}

export function digestChallenge(realm: string, nonce: string, stale = false): string {
  return `Digest realm="${realm.replace(/["\\]/g, '')}", nonce="${nonce}"${stale ? ', stale=TRUE' : ''}, algorithm=MD5`;
}
