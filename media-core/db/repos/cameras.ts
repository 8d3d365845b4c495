import type { CameraKind } from '../../contracts/api';
import type { Db } from '../database';

export interface CameraRow {
  id: string;
  name: string;
  kind: CameraKind;
  enabled: boolean;
  position: number;
  options: Record<string, unknown>;
}

interface RawRow {
  id: string;
  name: string;
  kind: CameraKind;
  enabled: number;
  position: number;
  options: string;
}

const toRow = (r: RawRow): CameraRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  enabled: r.enabled === 1,
  position: r.position,
  options: JSON.parse(r.options) as Record<string, unknown>,
});

export class CamerasRepo {
  constructor(private readonly db: Db) {}

  list(): CameraRow[] {
    return this.db.prepare<[], RawRow>('SELECT * FROM cameras ORDER BY position, id').all().map(toRow);
  }

  find(id: string): CameraRow | undefined {
    const r = this.db.prepare<[string], RawRow>('SELECT * FROM cameras WHERE id = ?').get(id);
    return r ? toRow(r) : undefined;
  }

  insert(row: CameraRow): void {
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO cameras (id, name, kind, enabled, position, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.kind, row.enabled ? 1 : 0, row.position, JSON.stringify(row.options), now, now);
  }

  update(row: CameraRow): void {
    this.db
      .prepare('UPDATE cameras SET name = ?, enabled = ?, position = ?, options = ?, updated_at = ? WHERE id = ?')
      .run(row.name, row.enabled ? 1 : 0, row.position, JSON.stringify(row.options), new Date().toISOString(), row.id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM cameras WHERE id = ?').run(id).changes > 0;
  }
}
