// Test double of the access plane, behind the RTSP server's own narrow interface (the
// real plane is written concurrently; an integration test against it comes when it lands).
import { digestHa1, verifyDigest } from '../../media-core/protocols/rtsp';
import type { RtspAccess, RtspAccessSession, RtspAuthRequest, RtspDecision, RtspDenial, RtspGrant, RtspSessionOpen } from '../../media-core/servers/rtsp';

interface Credential {
  partnerId: string;
  cameras: Set<string>;
}

export class TestAccessSession implements RtspAccessSession {
  bytes = 0;
  closedWith: string | null = null;
  private readonly listeners: ((reason: string) => void)[] = [];
  constructor(
    readonly id: string,
    readonly grant: RtspGrant,
    private readonly onClose: (s: TestAccessSession) => void,
  ) {}
  addBytes(n: number): void {
    this.bytes += n;
  }
  close(reason: string): void {
    if (this.closedWith !== null) return;
    this.closedWith = reason;
    this.onClose(this);
  }
  onTerminate(cb: (reason: string) => void): void {
    this.listeners.push(cb);
  }
  terminate(reason: string): void {
    for (const cb of this.listeners.splice(0)) cb(reason);
    this.close(reason);
  }
}

export class TestAccess implements RtspAccess {
  readonly ips = new Map<string, Credential>();
  readonly tokens = new Map<string, Credential>();
  readonly digestUsers = new Map<string, Credential & { ha1: string }>();
  readonly open = new Set<TestAccessSession>();
  readonly decisions: RtspAuthRequest[] = [];
  maxSessions = Infinity;
  /** Concurrent connections per address (the plane's ConnectionLimiter). */
  connectionLimit = Infinity;
  readonly openConnections = new Map<string, number>();
  readonly records: { ip: string; code: string }[] = [];
  private nextId = 1;

  readonly connections = {
    acquire: (ip: string): (() => void) | null => {
      const n = this.openConnections.get(ip) ?? 0;
      if (n >= this.connectionLimit) return null;
      this.openConnections.set(ip, n + 1);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        this.openConnections.set(ip, (this.openConnections.get(ip) ?? 1) - 1);
      };
    },
  };

  record(e: { ip: string; code: string }): void {
    this.records.push({ ip: e.ip, code: e.code });
  }

  constructor(readonly realm = 'WINK Media Router') {}

  allowIp(ip: string, cameras: string[], partnerId = 'p-ip'): this {
    this.ips.set(ip, { partnerId, cameras: new Set(cameras) });
    return this;
  }
  allowToken(token: string, cameras: string[], partnerId = 'p-token'): this {
    this.tokens.set(token, { partnerId, cameras: new Set(cameras) });
    return this;
  }
  allowDigest(user: string, password: string, cameras: string[], partnerId = 'p-digest'): this {
    this.digestUsers.set(user, { partnerId, cameras: new Set(cameras), ha1: digestHa1(user, this.realm, password) });
    return this;
  }

  async authorize(req: RtspAuthRequest): Promise<RtspDecision> {
    this.decisions.push(req);
    const c = req.credentials;
    let cred: Credential | undefined;
    let method = '';
    let tokenId: string | undefined;
    if (c.otp !== undefined || c.jwt !== undefined) {
      tokenId = c.otp ?? c.jwt;
      cred = this.tokens.get(tokenId!);
      method = 'otp';
      if (!cred) return deny(401, 'invalid token');
    } else if (c.digest) {
      const u = this.digestUsers.get(c.digest.username);
      if (!u || c.digest.realm !== this.realm || !verifyDigest(c.digest, u.ha1)) return deny(401, 'bad credentials');
      cred = u;
      method = 'digest';
    } else {
      cred = this.ips.get(req.ip);
      method = 'ip';
      if (!cred) return deny(401, 'credentials required');
    }
    if (!cred.cameras.has(req.camera)) return deny(403, 'camera not granted');
    return { ok: true, partnerId: cred.partnerId, partnerName: cred.partnerId, method, tokenId };
  }

  openSession(grant: RtspGrant): RtspSessionOpen {
    if (this.open.size >= this.maxSessions) return deny(429, 'too many connections');
    const s = new TestAccessSession(`as-${this.nextId++}`, grant, (x) => this.open.delete(x));
    this.open.add(s);
    return { ok: true, session: s };
  }

  /** Revokes a token: every session opened with it ends now. */
  revoke(token: string): void {
    this.tokens.delete(token);
    for (const s of [...this.open]) if (s.grant.tokenId === token) s.terminate('token_revoked');
  }
}

function deny(status: RtspDenial['status'], reason: string): RtspDenial {
  return { ok: false, status, code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'DENIED', reason };
}
