import type { OperatorRole } from '../../contracts/api';
import type { Db } from '../database';

export interface OperatorRow {
  username: string;
  passwordHash: string;
  role: OperatorRole;
  disabled: boolean;
}

interface RawRow {
  username: string;
  password_hash: string;
  role: OperatorRole;
  disabled: number;
}

const toRow = (r: RawRow): OperatorRow => ({ username: r.username, passwordHash: r.password_hash, role: r.role, disabled: r.disabled === 1 });

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

  setPassword(username: string, passwordHash: string): void {
    this.db.prepare('UPDATE operators SET password_hash = ?, updated_at = ? WHERE username = ?').run(passwordHash, new Date().toISOString(), username);
  }
}
