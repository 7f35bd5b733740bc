import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openDb } from './db';
import { MIGRATIONS } from './migrations';

const version = (raw: DatabaseSync) => (raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('sandbox database migrations', () => {
  it('applies every numbered migration once, in order', () => {
    const db = openDb();
    expect(version(db.raw)).toBe(MIGRATIONS.at(-1)!.version);
    applyMigrations(db.raw, MIGRATIONS);
    expect(version(db.raw)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('rolls a failing migration back completely and names it', () => {
    const raw = new DatabaseSync(':memory:');
    const broken = [
      { version: 1, sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => applyMigrations(raw, broken)).toThrow(/migration 2 failed/);
    expect(version(raw)).toBe(1);
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'b'`).get()).toBeUndefined();
    raw.close();
  });

  it('rolls a failing transaction back and keeps earlier commits', () => {
    const db = openDb();
    db.transaction(() => db.run('INSERT INTO meta (key, value) VALUES (?, ?)', 'kept', '1'));
    expect(() =>
      db.transaction(() => {
        db.run('INSERT INTO meta (key, value) VALUES (?, ?)', 'lost', '1');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.all('SELECT key FROM meta ORDER BY key')).toEqual([{ key: 'kept' }]);
    db.close();
  });
});
