import type { CameraKind, CameraMode, RtspTransport } from '../../contracts/api';
import type { Db } from '../database';

export interface CameraRow {
  id: string;
  name: string;
  kind: CameraKind;
  enabled: boolean;
  position: number;
  options: Record<string, unknown>;
  location: string;
  notes: string;
  /** The source address, credentials included, sealed by the camera service; null for demo cameras. */
  sourceSealed: string | null;
  transport: RtspTransport;
  mode: CameraMode;
  idleStopSec: number;
  maxHeight: number | null;
  maxBitrateKbps: number | null;
}

/** What a caller must give for a new row; the rest has defaults. */
export type NewCameraRow = Pick<CameraRow, 'id' | 'name' | 'kind' | 'enabled' | 'position' | 'options'> & Partial<CameraRow>;

export const CAMERA_ROW_DEFAULTS = {
  location: '',
  notes: '',
  sourceSealed: null,
  transport: 'tcp',
  mode: 'always-on',
  idleStopSec: 30,
  maxHeight: null,
  maxBitrateKbps: null,
} as const satisfies Partial<CameraRow>;

interface RawRow {
  id: string;
  name: string;
  kind: CameraKind;
  enabled: number;
  position: number;
  options: string;
  location: string;
  notes: string;
  source_sealed: string | null;
  transport: RtspTransport;
  mode: CameraMode;
  idle_stop_sec: number;
  max_height: number | null;
  max_bitrate_kbps: number | null;
}

const toRow = (r: RawRow): CameraRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  enabled: r.enabled === 1,
  position: r.position,
  options: JSON.parse(r.options) as Record<string, unknown>,
  location: r.location,
  notes: r.notes,
  sourceSealed: r.source_sealed,
  transport: r.transport,
  mode: r.mode,
  idleStopSec: r.idle_stop_sec,
  maxHeight: r.max_height,
  maxBitrateKbps: r.max_bitrate_kbps,
});

const COLUMNS = 'name, kind, enabled, position, options, location, notes, source_sealed, transport, mode, idle_stop_sec, max_height, max_bitrate_kbps';

function values(row: CameraRow): unknown[] {
  return [
    row.name,
    row.kind,
    row.enabled ? 1 : 0,
    row.position,
    JSON.stringify(row.options),
    row.location,
    row.notes,
    row.sourceSealed,
    row.transport,
    row.mode,
    row.idleStopSec,
    row.maxHeight,
    row.maxBitrateKbps,
  ];
}

export class CamerasRepo {
  constructor(private readonly db: Db) {}

  list(): CameraRow[] {
    return this.db.prepare<[], RawRow>('SELECT * FROM cameras ORDER BY position, id').all().map(toRow);
  }

  find(id: string): CameraRow | undefined {
    const r = this.db.prepare<[string], RawRow>('SELECT * FROM cameras WHERE id = ?').get(id);
    return r ? toRow(r) : undefined;
  }

  /** The position after the last camera, for a camera added at the end of the list. */
  nextPosition(): number {
    return ((this.db.prepare('SELECT MAX(position) AS p FROM cameras').get() as { p: number | null }).p ?? 0) + 1;
  }

  insert(row: NewCameraRow): CameraRow {
    const full: CameraRow = { ...CAMERA_ROW_DEFAULTS, ...row };
    const now = new Date().toISOString();
    this.db
      .prepare(`INSERT INTO cameras (id, ${COLUMNS}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(full.id, ...values(full), now, now);
    return full;
  }

  update(row: CameraRow): void {
    const sets = COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ');
    this.db.prepare(`UPDATE cameras SET ${sets}, updated_at = ? WHERE id = ?`).run(...values(row), new Date().toISOString(), row.id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM cameras WHERE id = ?').run(id).changes > 0;
  }
}
