import type { CameraGroup } from '../../contracts/layouts';
import type { Db } from '../database';

interface RawRow {
  name: string;
  cameras: string;
  updated_by: string;
  updated_at: string;
}

const toGroup = (r: RawRow): CameraGroup => ({
  name: r.name,
  cameras: JSON.parse(r.cameras) as string[],
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Named sets of cameras, shared by every operator. */
export class CameraGroupsRepo {
  constructor(private readonly db: Db) {}

  list(): CameraGroup[] {
    return this.db.prepare<[], RawRow>('SELECT * FROM camera_groups ORDER BY name COLLATE NOCASE, name').all().map(toGroup);
  }

  find(name: string): CameraGroup | undefined {
    const r = this.db.prepare<[string], RawRow>('SELECT * FROM camera_groups WHERE name = ?').get(name);
    return r ? toGroup(r) : undefined;
  }

  /** Creates or replaces; returns the stored group and whether it is new. */
  put(name: string, cameras: string[], updatedBy: string): { group: CameraGroup; created: boolean } {
    const now = new Date().toISOString();
    const json = JSON.stringify(cameras);
    const created = this.db.transaction(() => {
      const updated = this.db.prepare('UPDATE camera_groups SET cameras = ?, updated_by = ?, updated_at = ? WHERE name = ?').run(json, updatedBy, now, name);
      if (updated.changes > 0) return false;
      this.db
        .prepare('INSERT INTO camera_groups (name, cameras, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, json, updatedBy, now, now);
      return true;
    })();
    return { group: this.find(name)!, created };
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM camera_groups WHERE name = ?').run(name).changes > 0;
  }
}
