import type { LayoutScope, WallGrid, WallLayout } from '../../contracts/layouts';
import type { Db } from '../database';

/** Which layout: a shared one (owner null) or one operator's personal one. */
export interface LayoutKey {
  owner: string | null;
  name: string;
}

export interface LayoutWrite extends LayoutKey {
  grid: WallGrid;
  cameras: string[];
  group: string | null;
  updatedBy: string;
}

interface RawRow {
  owner: string | null;
  name: string;
  grid: string;
  cameras: string;
  camera_group: string | null;
  updated_by: string;
  updated_at: string;
}

const toGrid = (raw: string): WallGrid => (raw === 'auto' ? 'auto' : (Number(raw) as WallGrid));

const toLayout = (r: RawRow): WallLayout => ({
  name: r.name,
  scope: (r.owner === null ? 'shared' : 'personal') satisfies LayoutScope,
  owner: r.owner,
  grid: toGrid(r.grid),
  cameras: JSON.parse(r.cameras) as string[],
  group: r.camera_group,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Named wall layouts. Shared ones have no owner; personal ones belong to an operator. */
export class LayoutsRepo {
  constructor(private readonly db: Db) {}

  /** The shared layouts and `owner`'s personal ones, shared first, each by name. */
  listVisibleTo(owner: string): WallLayout[] {
    return this.db
      .prepare<[string], RawRow>('SELECT * FROM wall_layouts WHERE owner IS NULL OR owner = ? ORDER BY owner IS NOT NULL, name COLLATE NOCASE, name')
      .all(owner)
      .map(toLayout);
  }

  find({ owner, name }: LayoutKey): WallLayout | undefined {
    const r = this.db.prepare<[string, string], RawRow>("SELECT * FROM wall_layouts WHERE coalesce(owner, '') = ? AND name = ?").get(owner ?? '', name);
    return r ? toLayout(r) : undefined;
  }

  /** Creates or replaces; returns the stored layout and whether it is new. */
  put(write: LayoutWrite): { layout: WallLayout; created: boolean } {
    const now = new Date().toISOString();
    const grid = String(write.grid);
    const cameras = JSON.stringify(write.cameras);
    const created = this.db.transaction(() => {
      const updated = this.db
        .prepare("UPDATE wall_layouts SET grid = ?, cameras = ?, camera_group = ?, updated_by = ?, updated_at = ? WHERE coalesce(owner, '') = ? AND name = ?")
        .run(grid, cameras, write.group, write.updatedBy, now, write.owner ?? '', write.name);
      if (updated.changes > 0) return false;
      this.db
        .prepare('INSERT INTO wall_layouts (owner, name, grid, cameras, camera_group, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(write.owner, write.name, grid, cameras, write.group, write.updatedBy, now, now);
      return true;
    })();
    return { layout: this.find(write)!, created };
  }

  delete({ owner, name }: LayoutKey): boolean {
    return this.db.prepare("DELETE FROM wall_layouts WHERE coalesce(owner, '') = ? AND name = ?").run(owner ?? '', name).changes > 0;
  }
}
