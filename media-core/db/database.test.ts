import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { DatabaseRefusedError, openDatabase } from './database';
import { LATEST_SCHEMA_VERSION, type Migration } from './migrations/index';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'wink-db-')), 'wink.db');
const log = silentLogger();

describe('database', () => {
  it('creates a new database in WAL mode at the latest schema version', () => {
    const db = openDatabase(tmpFile(), log);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['operators', 'cameras', 'settings']));
    db.close();
  });

  it('applies only the migrations a database has not seen, in order', () => {
    const file = tmpFile();
    const v1: Migration[] = [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' }];
    openDatabase(file, log, v1).close();
    const v2 = [...v1, { version: 2, name: 'b', sql: 'ALTER TABLE a ADD COLUMN y TEXT' }];
    const db = openDatabase(file, log, v2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect((db.prepare('PRAGMA table_info(a)').all() as { name: string }[]).map((c) => c.name)).toEqual(['x', 'y']);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = tmpFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file, log)).toThrow(DatabaseRefusedError);
    expect(() => openDatabase(file, log)).toThrow(/schema version 999, newer than this version/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', () => {
    const file = tmpFile();
    writeFileSync(file, 'this is not a database, it is a text file that got in the way');
    expect(() => openDatabase(file, log)).toThrow(/is not a SQLite database/);
    expect(readFileSync(file, 'utf8')).toMatch(/^this is not a database/);
  });

  it('refuses a database whose pages are damaged', () => {
    const file = tmpFile();
    const db = openDatabase(file, log);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE filler (x BLOB)');
    const ins = db.prepare('INSERT INTO filler VALUES (randomblob(3000))');
    for (let i = 0; i < 50; i++) ins.run();
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 2, 4096 * 6); // scribble over pages 3-6, keep the header
    writeFileSync(file, bytes);
    expect(() => openDatabase(file, log)).toThrow(DatabaseRefusedError);
  });
});
