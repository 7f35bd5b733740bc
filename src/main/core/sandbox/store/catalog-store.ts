// Account-level state: accounts and their tags, lists, sequences, calendars, custom fields, pages, memberships.
import type { Db } from './db';

export interface AccountRow {
  id: number;
  label: string;
  api_key: string;
  api_password: string;
  active: number;
  gdpr_enabled: number;
  page_host: string;
}
export interface NamedRow {
  id: number;
  name: string;
}
export interface CalendarRow extends NamedRow {
  complete: number;
}
export interface ClassRow extends NamedRow {
  calendar_id: number;
}
export type FieldType = 'input_field' | 'text_area' | 'drop_down' | 'radio_button' | 'checkbox';
export const FIELD_TYPES: readonly FieldType[] = ['input_field', 'text_area', 'drop_down', 'radio_button', 'checkbox'];
export interface OptionRow {
  id: number;
  field_id: number;
  value: string;
}
export interface FieldRow {
  id: number;
  identifier: string;
  type: FieldType;
}
export interface FieldWithOptions extends FieldRow {
  options: OptionRow[];
}
export interface PageRow extends NamedRow {
  url: string;
}

export const hasOptions = (type: FieldType) => type !== 'input_field' && type !== 'text_area';

export class CatalogStore {
  constructor(private readonly db: Db) {}

  accountById(id: number): AccountRow | undefined {
    return this.db.get<AccountRow>('SELECT * FROM accounts WHERE id = ?', id);
  }
  accountByKey(apiKey: string): AccountRow | undefined {
    return this.db.get<AccountRow>('SELECT * FROM accounts WHERE api_key = ?', apiKey);
  }
  upsertAccount(a: AccountRow): void {
    this.db.run(
      `INSERT INTO accounts (id, label, api_key, api_password, active, gdpr_enabled, page_host) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET label = excluded.label, api_key = excluded.api_key,
         api_password = excluded.api_password, active = excluded.active`,
      a.id, a.label, a.api_key, a.api_password, a.active, a.gdpr_enabled, a.page_host,
    );
  }
  /** True when the account has no catalog and no leads yet (seeding only fills empty accounts). */
  isEmpty(accountId: number): boolean {
    const row = this.db.get<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM leads WHERE account_id = ?1) + (SELECT COUNT(*) FROM tags WHERE account_id = ?1)
        + (SELECT COUNT(*) FROM lists WHERE account_id = ?1) + (SELECT COUNT(*) FROM custom_fields WHERE account_id = ?1) AS n`,
      accountId,
    );
    return (row?.n ?? 0) === 0;
  }

  tags(accountId: number): NamedRow[] {
    return this.db.all('SELECT id, name FROM tags WHERE account_id = ? ORDER BY id', accountId);
  }
  tagByName(accountId: number, name: string): NamedRow | undefined {
    return this.db.get('SELECT id, name FROM tags WHERE account_id = ? AND name = ? COLLATE NOCASE', accountId, name);
  }
  insertTag(accountId: number, name: string): number {
    return this.db.run('INSERT INTO tags (account_id, name) VALUES (?, ?)', accountId, name).id;
  }

  lists(accountId: number): NamedRow[] {
    return this.db.all('SELECT id, name FROM lists WHERE account_id = ? ORDER BY id', accountId);
  }
  listByName(accountId: number, name: string): NamedRow | undefined {
    return this.db.get('SELECT id, name FROM lists WHERE account_id = ? AND name = ? COLLATE NOCASE', accountId, name);
  }
  insertList(accountId: number, name: string): number {
    return this.db.run('INSERT INTO lists (account_id, name) VALUES (?, ?)', accountId, name).id;
  }

  sequences(accountId: number): NamedRow[] {
    return this.db.all('SELECT id, name FROM sequences WHERE account_id = ? ORDER BY id', accountId);
  }
  sequenceByName(accountId: number, name: string): NamedRow | undefined {
    return this.db.get(
      'SELECT id, name FROM sequences WHERE account_id = ? AND name = ? COLLATE NOCASE',
      accountId,
      name,
    );
  }
  sequenceSteps(sequenceId: number): string[] {
    return this.db
      .all<{ step: string }>('SELECT step FROM sequence_steps WHERE sequence_id = ? ORDER BY position', sequenceId)
      .map((r) => r.step);
  }
  insertSequence(accountId: number, name: string, steps: string[]): number {
    const id = this.db.run('INSERT INTO sequences (account_id, name) VALUES (?, ?)', accountId, name).id;
    steps.forEach((step, i) => this.db.run('INSERT INTO sequence_steps (sequence_id, position, step) VALUES (?, ?, ?)', id, i, step));
    return id;
  }

  calendars(accountId: number): CalendarRow[] {
    return this.db.all('SELECT id, name, complete FROM calendars WHERE account_id = ? ORDER BY id', accountId);
  }
  calendarByName(accountId: number, name: string): CalendarRow | undefined {
    return this.db.get(
      'SELECT id, name, complete FROM calendars WHERE account_id = ? AND name = ? COLLATE NOCASE',
      accountId,
      name,
    );
  }
  classes(calendarId: number): ClassRow[] {
    return this.db.all('SELECT id, name, calendar_id FROM calendar_classes WHERE calendar_id = ? ORDER BY id', calendarId);
  }
  classByName(calendarId: number, name: string): ClassRow | undefined {
    return this.db.get(
      'SELECT id, name, calendar_id FROM calendar_classes WHERE calendar_id = ? AND name = ? COLLATE NOCASE',
      calendarId,
      name,
    );
  }
  insertCalendar(accountId: number, name: string, complete: boolean, classNames: string[]): number {
    const id = this.db.run('INSERT INTO calendars (account_id, name, complete) VALUES (?, ?, ?)', accountId, name, complete ? 1 : 0).id;
    for (const c of classNames) this.db.run('INSERT INTO calendar_classes (calendar_id, name) VALUES (?, ?)', id, c);
    return id;
  }

  fields(accountId: number): FieldWithOptions[] {
    const fields = this.db.all<FieldRow>('SELECT id, identifier, type FROM custom_fields WHERE account_id = ? ORDER BY id', accountId);
    const options = this.db.all<OptionRow>(
      `SELECT o.id, o.field_id, o.value FROM custom_field_options o JOIN custom_fields f ON f.id = o.field_id
       WHERE f.account_id = ? ORDER BY o.field_id, o.position`,
      accountId,
    );
    return fields.map((f) => ({ ...f, options: options.filter((o) => o.field_id === f.id) }));
  }
  fieldByIdentifier(accountId: number, identifier: string): FieldRow | undefined {
    return this.db.get(
      'SELECT id, identifier, type FROM custom_fields WHERE account_id = ? AND identifier = ? COLLATE NOCASE',
      accountId,
      identifier,
    );
  }
  insertField(accountId: number, identifier: string, type: FieldType, optionValues: string[]): number {
    const id = this.db.run('INSERT INTO custom_fields (account_id, identifier, type) VALUES (?, ?, ?)', accountId, identifier, type).id;
    optionValues.forEach((value, i) =>
      this.db.run('INSERT INTO custom_field_options (field_id, position, value) VALUES (?, ?, ?)', id, i, value),
    );
    return id;
  }

  pages(accountId: number): PageRow[] {
    return this.db.all('SELECT id, name, url FROM pages WHERE account_id = ? ORDER BY id', accountId);
  }
  insertPage(accountId: number, name: string, url: string): number {
    return this.db.run('INSERT INTO pages (account_id, name, url) VALUES (?, ?, ?)', accountId, name, url).id;
  }

  memberships(accountId: number): { id: number; name: string; levels: NamedRow[] }[] {
    const ms = this.db.all<NamedRow>('SELECT id, name FROM memberships WHERE account_id = ? ORDER BY id', accountId);
    return ms.map((m) => ({
      ...m,
      levels: this.db.all<NamedRow>('SELECT id, name FROM membership_levels WHERE membership_id = ? ORDER BY id', m.id),
    }));
  }
  insertMembership(accountId: number, name: string, levels: string[]): number[] {
    const id = this.db.run('INSERT INTO memberships (account_id, name) VALUES (?, ?)', accountId, name).id;
    return levels.map((l) => this.db.run('INSERT INTO membership_levels (membership_id, name) VALUES (?, ?)', id, l).id);
  }

  /** Makes AUTOINCREMENT ids of `table` continue after `floor` (Kartra-looking ids such as lead 39260). */
  startIdsAt(table: string, floor: number): void {
    const row = this.db.get<{ seq: number }>('SELECT seq FROM sqlite_sequence WHERE name = ?', table);
    if (!row) this.db.run('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', table, floor);
    else if (row.seq < floor) this.db.run('UPDATE sqlite_sequence SET seq = ? WHERE name = ?', floor, table);
  }
}
