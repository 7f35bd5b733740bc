import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, transaction } from './database';
import { MIGRATIONS } from './migrations';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lead-desk-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'app.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const userVersion = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('openDatabase', () => {
  it('creates the file and applies every migration once', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(userVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    db.close();
    const again = openDatabase(file);
    expect(migrate(again, MIGRATIONS)).toBe(0);
    again.close();
  });

  it('rolls a failing migration back completely and leaves the version unchanged', () => {
    const db = openDatabase(':memory:', []);
    const bad = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'half', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);' },
    ];
    expect(() => migrate(db, bad)).toThrow(/no such table: nope/);
    expect(userVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(['a']);
    db.close();
  });

  it('transaction commits on success and rolls back on throw', () => {
    const db = openDatabase(':memory:', []);
    db.exec('CREATE TABLE t (x INTEGER)');
    transaction(db, () => db.prepare('INSERT INTO t VALUES (1)').run());
    expect(() =>
      transaction(db, () => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }]);
    db.close();
  });
});
