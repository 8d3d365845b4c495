import { existsSync, mkdirSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../log/logger';
import { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations/index';

export type Db = Database.Database;

/** Raised when the database must not be opened; the core refuses to start and says why. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // an empty file is a new database
    if (n < 16 || head.toString('latin1') !== SQLITE_MAGIC) {
      throw new DatabaseRefusedError(
        `${file} is not a SQLite database (corrupt or overwritten). It was left untouched; restore it from a backup or move it aside to start with an empty database.`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** Opens (creating if needed) the appliance database in WAL mode and brings its schema
 *  up to date. A corrupt file or one written by a newer version is refused, never
 *  rewritten: the operator's data matters more than starting. */
export function openDatabase(file: string, log: Logger, migrations: readonly Migration[] = MIGRATIONS): Db {
  mkdirSync(dirname(file), { recursive: true });
  assertLooksLikeSqlite(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new DatabaseRefusedError(`${file} cannot be opened: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseRefusedError(`${file} failed its integrity check (${String(check)}); it was left untouched.`);
    // Checked before anything writes, even the switch to WAL, which rewrites the header.
    assertNotNewer(db, file, migrations);
    db.pragma('journal_mode = WAL');
    // NORMAL under WAL survives a crash of the process (only an OS crash can lose the
    // last transactions); audit writes that must survive even that use FULL explicitly.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, log, migrations);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseRefusedError) throw err;
    const msg = (err as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new DatabaseRefusedError(`${file} is corrupt (${msg}); it was left untouched. Restore it from a backup or move it aside.`);
    }
    throw err;
  }
}

function assertNotNewer(db: Db, file: string, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? LATEST_SCHEMA_VERSION;
  if (current > latest) {
    throw new DatabaseRefusedError(
      `${file} has schema version ${current}, newer than this version of the software understands (${latest}). Upgrade the software, or restore a backup made by this version.`,
    );
  }
}

function migrate(db: Db, log: Logger, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    log.info({ version: m.version, migration: m.name }, 'database migrated');
  }
}
