import type { OperatorRole } from '../../contracts/api';
import type { Db } from '../database';

export interface OperatorRow {
  username: string;
  passwordHash: string;
  role: OperatorRole;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  username: string;
  password_hash: string;
  role: OperatorRole;
  disabled: number;
  created_at: string;
  updated_at: string;
}

const toRow = (r: RawRow): OperatorRow => ({
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class OperatorsRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM operators').get() as { n: number }).n;
  }

  find(username: string): OperatorRow | undefined {
    const r = this.db.prepare<[string], RawRow>('SELECT * FROM operators WHERE username = ?').get(username);
    return r ? toRow(r) : undefined;
  }

  list(): OperatorRow[] {
    return this.db.prepare<[], RawRow>('SELECT * FROM operators ORDER BY username').all().map(toRow);
  }

  insert(username: string, passwordHash: string, role: OperatorRole): void {
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO operators (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(username, passwordHash, role, now, now);
  }

  setPassword(username: string, passwordHash: string): boolean {
    return (
      this.db.prepare('UPDATE operators SET password_hash = ?, updated_at = ? WHERE username = ?').run(passwordHash, new Date().toISOString(), username).changes > 0
    );
  }

  setRole(username: string, role: OperatorRole): boolean {
    return this.db.prepare('UPDATE operators SET role = ?, updated_at = ? WHERE username = ?').run(role, new Date().toISOString(), username).changes > 0;
  }

  /** Admins that can sign in: the ones an appliance must never run out of. */
  countActiveAdmins(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM operators WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
  }

  delete(username: string): boolean {
    return this.db.prepare('DELETE FROM operators WHERE username = ?').run(username).changes > 0;
  }
}
