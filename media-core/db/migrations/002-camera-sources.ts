import type { Migration } from './index';

/** Real camera sources. The source address (credentials included) is stored sealed with
 *  AES-256-GCM under a key kept in a separate file of the data dir, so a copy of the
 *  database alone does not reveal it. */
export const cameraSourcesMigration: Migration = {
  version: 2,
  name: 'camera sources, modes and codec overrides',
  sql: `
    ALTER TABLE cameras ADD COLUMN location TEXT NOT NULL DEFAULT '';
    ALTER TABLE cameras ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE cameras ADD COLUMN source_sealed TEXT;
    ALTER TABLE cameras ADD COLUMN transport TEXT NOT NULL DEFAULT 'tcp' CHECK (transport IN ('tcp', 'udp', 'auto'));
    ALTER TABLE cameras ADD COLUMN mode TEXT NOT NULL DEFAULT 'always-on' CHECK (mode IN ('always-on', 'on-demand'));
    ALTER TABLE cameras ADD COLUMN idle_stop_sec INTEGER NOT NULL DEFAULT 30;
    ALTER TABLE cameras ADD COLUMN max_height INTEGER;
    ALTER TABLE cameras ADD COLUMN max_bitrate_kbps INTEGER;
  `,
};
