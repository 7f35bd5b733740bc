// The parse worker's own connection to the app database (same file, WAL), written in short transactions.
import { DatabaseSync } from 'node:sqlite';

/** Opens the already-migrated app database from a worker thread; never migrates. */
export function openWorkerDb(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  return db;
}

/**
 * Runs fn in a short write transaction. The main thread writes to the same file: keeping each
 * transaction to a few thousand rows keeps its waits (busy_timeout) in the milliseconds.
 */
export function shortTransaction(db: DatabaseSync, fn: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    fn();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
