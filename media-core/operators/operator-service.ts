import { createHash, randomBytes } from 'node:crypto';
import type { Operator, OperatorRole } from '../contracts/api';
import type { OperatorAccount } from '../contracts/operators';
import { delayAfterFailure } from '../access/failure-delay';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../access/password-hash';
import { TokenBucketLimiter } from '../access/token-bucket';
import type { OperatorRow, OperatorsRepo } from '../db/repos/operators';
import type { Logger } from '../log/logger';

export type LoginResult =
  | { ok: true; token: string; operator: Operator; expiresIn: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSec: number };

interface Session {
  operator: Operator;
  expiresAt: number;
}

/** Why an account change was refused; the console API turns each into a status. */
export type AccountRefusal = 'exists' | 'not-found' | 'self' | 'last-admin';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // one control-room shift
const tokenKey = (token: string) => createHash('sha256').update(token).digest('hex');
const toAccount = (r: OperatorRow): OperatorAccount => ({
  username: r.username,
  role: r.role,
  disabled: r.disabled,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

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

  listAccounts(): OperatorAccount[] {
    return this.repo.list().map(toAccount);
  }

  /** Usernames differ by more than case: "Admin" next to "admin" would only confuse. */
  async createAccount(username: string, password: string, role: OperatorRole): Promise<OperatorAccount | AccountRefusal> {
    const taken = () => this.repo.list().some((r) => r.username.toLowerCase() === username.toLowerCase());
    if (taken()) return 'exists';
    const hash = await hashPassword(password);
    if (taken()) return 'exists'; // created by a parallel request while hashing
    this.repo.insert(username, hash, role);
    this.log.info({ username, role }, 'operator created');
    return toAccount(this.repo.find(username)!);
  }

  /** Signs the operator out everywhere. Nobody deletes themselves or the last admin:
   *  an appliance without an admin cannot be managed from its console any more. */
  deleteAccount(actor: string, username: string): 'deleted' | AccountRefusal {
    const row = this.repo.find(username);
    if (!row) return 'not-found';
    if (username === actor) return 'self';
    if (row.role === 'admin' && !row.disabled && this.repo.countActiveAdmins() <= 1) return 'last-admin';
    this.repo.delete(username);
    this.dropSessions(username);
    this.log.info({ username, by: actor }, 'operator deleted');
    return 'deleted';
  }

  /** Takes effect on the operator's open sessions at once. */
  setAccountRole(actor: string, username: string, role: OperatorRole): OperatorAccount | AccountRefusal {
    const row = this.repo.find(username);
    if (!row) return 'not-found';
    if (row.role === role) return toAccount(row);
    if (username === actor) return 'self';
    if (row.role === 'admin' && !row.disabled && this.repo.countActiveAdmins() <= 1) return 'last-admin';
    this.repo.setRole(username, role);
    for (const session of this.sessions.values()) {
      if (session.operator.username === username) session.operator = { username, role };
    }
    this.log.info({ username, role, by: actor }, 'operator role changed');
    return toAccount(this.repo.find(username)!);
  }

  /** Ends the operator's other sessions: a reset password is usually a leaked one. The
   *  session in `keepToken` (an operator changing their own password) stays. */
  async resetAccountPassword(actor: string, username: string, password: string, keepToken?: string): Promise<'reset' | AccountRefusal> {
    if (!this.repo.find(username)) return 'not-found';
    const hash = await hashPassword(password);
    if (!this.repo.setPassword(username, hash)) return 'not-found';
    this.dropSessions(username, keepToken === undefined ? undefined : tokenKey(keepToken));
    this.log.info({ username, by: actor }, 'operator password reset');
    return 'reset';
  }

  private dropSessions(username: string, exceptKey?: string): void {
    for (const [key, session] of this.sessions) {
      if (session.operator.username === username && key !== exceptKey) this.sessions.delete(key);
    }
  }
}
