// Opens the local node:sqlite database and brings its schema up to date with the numbered migrations.
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, type Migration } from './migrations';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';

export type Db = DatabaseSync;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const db = new DatabaseSync(file);
  // WAL keeps readers unblocked while the outbox writes; NORMAL sync is durable across app crashes
  // (only an OS crash can lose the last transaction), FULL would cost every write an fsync.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db, migrations);
  return db;
}

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  let applied = 0;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      // PRAGMA cannot take a bound parameter; the version is an integer from our own table.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    });
    applied++;
  }
  return applied;
}

/** Runs fn inside BEGIN IMMEDIATE … COMMIT, rolling back on any throw. Not re-entrant. */
export function transaction<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
