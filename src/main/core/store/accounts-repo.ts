// Accounts known to this installation (no secrets: those live in the OS keychain) and the current one.
import { randomUUID } from 'node:crypto';
import type { Db } from './database';

export type AccountKind = 'kartra' | 'sandbox';

export interface AccountRow {
  id: string;
  label: string;
  kind: AccountKind;
  appId: string;
  apiUrl: string;
  testMode: boolean;
  createdAt: number;
}

interface RawRow {
  id: string;
  label: string;
  kind: AccountKind;
  app_id: string;
  api_url: string;
  test_mode: number;
  created_at: number;
}

const fromRaw = (r: RawRow): AccountRow => ({
  id: r.id,
  label: r.label,
  kind: r.kind,
  appId: r.app_id,
  apiUrl: r.api_url,
  testMode: r.test_mode === 1,
  createdAt: r.created_at,
});

export class AccountsRepo {
  constructor(private readonly db: Db) {}

  list(): AccountRow[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY created_at, label').all() as unknown as RawRow[]).map(fromRaw);
  }

  get(id: string): AccountRow | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as unknown as RawRow | undefined;
    return row && fromRaw(row);
  }

  findSandbox(): AccountRow | undefined {
    const row = this.db.prepare("SELECT * FROM accounts WHERE kind = 'sandbox' ORDER BY created_at LIMIT 1").get() as unknown as
      | RawRow
      | undefined;
    return row && fromRaw(row);
  }

  insert(input: Omit<AccountRow, 'id' | 'createdAt'> & { id?: string }): AccountRow {
    const row: AccountRow = { ...input, id: input.id ?? randomUUID(), createdAt: Date.now() };
    this.db
      .prepare('INSERT INTO accounts (id, label, kind, app_id, api_url, test_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.label, row.kind, row.appId, row.apiUrl, row.testMode ? 1 : 0, row.createdAt);
    return row;
  }

  update(id: string, patch: Partial<Pick<AccountRow, 'label' | 'appId' | 'apiUrl' | 'testMode'>>): void {
    const current = this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    this.db
      .prepare('UPDATE accounts SET label = ?, app_id = ?, api_url = ?, test_mode = ? WHERE id = ?')
      .run(next.label, next.appId, next.apiUrl, next.testMode ? 1 : 0, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
  }
}
