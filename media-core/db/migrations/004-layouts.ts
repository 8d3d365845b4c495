import type { Migration } from './index';

/** Named wall layouts and camera groups, kept on the core: in Electron the console's
 *  origin changes every launch, so browser storage would lose them. A personal layout
 *  goes with its operator (ON DELETE CASCADE); a shared one has no owner. Camera ids
 *  are not foreign keys: a layout outlives a removed camera and simply skips it. */
export const layoutsMigration: Migration = {
  version: 4,
  name: 'wall layouts, camera groups',
  sql: `
    CREATE TABLE wall_layouts (
      owner        TEXT REFERENCES operators(username) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      grid         TEXT NOT NULL CHECK (grid IN ('1', '4', '9', '16', 'auto')),
      cameras      TEXT NOT NULL DEFAULT '[]',
      camera_group TEXT,
      updated_by   TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    -- NULL owners are distinct in a plain UNIQUE constraint; shared names must be unique too.
    CREATE UNIQUE INDEX wall_layouts_owner_name ON wall_layouts (coalesce(owner, ''), name);

    CREATE TABLE camera_groups (
      name        TEXT PRIMARY KEY,
      cameras     TEXT NOT NULL DEFAULT '[]',
      updated_by  TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
  `,
};
