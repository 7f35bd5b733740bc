// Opens the sandbox's node:sqlite database (file or in-memory), applies pending migrations and runs transactions.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { MIGRATIONS, type Migration } from './migrations';

export type Row = Record<string, SQLInputValue>;

/** A database with a prepared-statement cache (the same SQL text is prepared once). */
export class Db {
  private readonly statements = new Map<string, StatementSync>();
  private depth = 0;

  constructor(readonly raw: DatabaseSync) {}

  private stmt(sql: string): StatementSync {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  /** Runs a write; returns the new rowid (inserts) and the number of changed rows. */
  run(sql: string, ...params: SQLInputValue[]): { id: number; changes: number } {
    const r = this.stmt(sql).run(...params);
    return { id: Number(r.lastInsertRowid), changes: Number(r.changes) };
  }

  /**
   * Runs `fn` in one transaction, committed before this returns: with a data file, a write acknowledged to a
   * client is on disk (WAL) before the answer is written. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.raw.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const result = fn();
      this.raw.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.raw.isTransaction) this.raw.exec('ROLLBACK');
      throw error;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    this.statements.clear();
    if (this.raw.isOpen) this.raw.close();
  }
}

export function openDb(file?: string, migrations: Migration[] = MIGRATIONS): Db {
  const raw = new DatabaseSync(file ?? ':memory:');
  if (file) {
    // WAL + synchronous=NORMAL: a committed transaction survives the process being killed (not a power cut),
    // which is the guarantee the sandbox promises; FULL would fsync on every request for no gain here.
    raw.exec('PRAGMA journal_mode = WAL');
    raw.exec('PRAGMA synchronous = NORMAL');
  }
  raw.exec('PRAGMA foreign_keys = OFF');
  applyMigrations(raw, migrations);
  return new Db(raw);
}

export function applyMigrations(raw: DatabaseSync, migrations: Migration[]): void {
  const row = raw.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  const current = row?.user_version ?? 0;
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    raw.exec('BEGIN IMMEDIATE');
    try {
      raw.exec(migration.sql);
      raw.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      raw.exec('COMMIT');
    } catch (error) {
      raw.exec('ROLLBACK');
      throw new Error(`sandbox database migration ${migration.version} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
