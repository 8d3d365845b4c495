import { createHash, randomBytes } from 'node:crypto';
import type { Operator, OperatorRole } from '../contracts/api';
import { delayAfterFailure } from '../access/failure-delay';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../access/password-hash';
import { TokenBucketLimiter } from '../access/token-bucket';
import type { OperatorsRepo } from '../db/repos/operators';
import type { Logger } from '../log/logger';

export type LoginResult =
  | { ok: true; token: string; operator: Operator; expiresIn: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSec: number };

interface Session {
  operator: Operator;
  expiresAt: number;
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one control-room shift
const tokenKey = (token: string) => createHash('sha256').update(token).digest('hex');

/** Operator accounts and console sessions. Sessions live in memory, keyed by the hash of
 *  the bearer token, so a heap dump or log line never holds a usable token. */
export class OperatorService {
  private readonly sessions = new Map<string, Session>();
  private readonly loginLimiter: TokenBucketLimiter;

  constructor(
    private readonly repo: OperatorsRepo,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    // The spec's numbers for authentication endpoints: 1 request/s, burst 5.
    this.loginLimiter = new TokenBucketLimiter(1, 5, now);
  }

  /** Creates `admin` on a new data dir. Returns the generated password, if one was made,
   *  so the caller can print it once. */
  async ensureAdmin(passwordFromEnv: string | undefined): Promise<string | null> {
    if (this.repo.count() > 0) return null;
    const generated = passwordFromEnv ? null : randomBytes(12).toString('base64url');
    const password = passwordFromEnv ?? generated!;
    this.repo.insert('admin', await hashPassword(password), 'admin');
    this.log.info({ username: 'admin', generated: generated !== null }, 'operator created');
    return generated;
  }

  async createOperator(username: string, password: string, role: OperatorRole): Promise<void> {
    this.repo.insert(username, await hashPassword(password), role);
  }

  async login(username: string, password: string, clientIp: string): Promise<LoginResult> {
    const bucket = this.loginLimiter.take(clientIp);
    if (!bucket.allowed) {
      this.log.warn({ ip: clientIp, username }, 'operator login rate limited');
      return { ok: false, reason: 'rate-limited', retryAfterSec: bucket.retryAfterSec };
    }
    const row = this.repo.find(username);
    const valid = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash()));
    if (!row || !valid || row.disabled) {
      this.log.warn({ ip: clientIp, username }, 'operator login failed');
      await delayAfterFailure();
      return { ok: false, reason: 'invalid' };
    }
    const operator: Operator = { username: row.username, role: row.role };
    const token = this.issueSession(operator);
    this.log.info({ ip: clientIp, username }, 'operator logged in');
    return { ok: true, token, operator, expiresIn: SESSION_TTL_MS / 1000 };
  }

  /** A session for an operator who is already trusted (the desktop app's own window). */
  issueSession(operator: Operator): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(tokenKey(token), { operator, expiresAt: this.now() + SESSION_TTL_MS });
    return token;
  }

  authenticate(token: string | undefined): Operator | null {
    if (!token) return null;
    const key = tokenKey(token);
    const s = this.sessions.get(key);
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return null;
    }
    return s.operator;
  }

  logout(token: string): void {
    this.sessions.delete(tokenKey(token));
  }
}
