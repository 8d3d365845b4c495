import { cameraSourcesMigration } from './002-camera-sources';
import { partnersAuditMigration } from './003-partners-audit';
import { layoutsMigration } from './004-layouts';
import { alertsMigration } from './005-alerts';
import { rtspDigestMigration } from './006-rtsp-digest';

/** Numbered, append-only schema migrations. Never edit a released one: add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'operators, cameras, settings',
    sql: `
      CREATE TABLE operators (
        username      TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cameras (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('demo', 'source')),
        enabled     INTEGER NOT NULL DEFAULT 1,
        position    INTEGER NOT NULL DEFAULT 0,
        options     TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  cameraSourcesMigration,
  partnersAuditMigration,
  layoutsMigration,
  alertsMigration,
  rtspDigestMigration,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
