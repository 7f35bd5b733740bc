// Lead state, one row per lead plus relation tables (tags, lists, sequences, custom values, bookings, points).
import { PROFILE_FIELDS, type ProfileField } from '../types';
import type { Db } from './db';

export interface LeadRow extends Record<ProfileField, string> {
  id: number;
  account_id: number;
  email: string;
  date_joined: number;
  score: number;
  source: string;
  source_id: string;
  ip_country: string;
  notes: string;
  blacklisted: number;
  gdpr_status: string;
  gdpr_status_date: string;
  gdpr_status_ip: string;
  gdpr_communications: string;
  deleted: number;
  deleted_at: number | null;
}

/** Columns a caller may set on insert/update; anything else is refused (the SQL is built from these names). */
const WRITABLE = new Set<string>([
  ...PROFILE_FIELDS,
  'email',
  'date_joined',
  'score',
  'source',
  'source_id',
  'ip_country',
  'notes',
  'blacklisted',
  'gdpr_status',
  'gdpr_status_date',
  'gdpr_status_ip',
  'gdpr_communications',
  'deleted',
  'deleted_at',
]);
export type LeadValues = Partial<Omit<LeadRow, 'id' | 'account_id'>>;

export interface LeadBooking {
  id: number;
  class_id: number;
  class_name: string;
  calendar_name: string;
  starts_at: number | null;
  status: string;
}

function columns(values: LeadValues): [string[], (string | number | null)[]] {
  const names = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
  for (const n of names) if (!WRITABLE.has(n)) throw new Error(`lead column ${n} is not writable`);
  return [names, names.map((n) => (values as Record<string, string | number | null>)[n] ?? null)];
}

export class LeadStore {
  constructor(private readonly db: Db) {}

  byId(accountId: number, id: number): LeadRow | undefined {
    return this.db.get('SELECT * FROM leads WHERE account_id = ? AND id = ?', accountId, id);
  }
  byEmail(accountId: number, email: string): LeadRow | undefined {
    return this.db.get('SELECT * FROM leads WHERE account_id = ? AND email = ? COLLATE NOCASE', accountId, email);
  }
  list(accountId: number, includeDeleted: boolean): LeadRow[] {
    return this.db.all(
      `SELECT * FROM leads WHERE account_id = ? ${includeDeleted ? '' : 'AND deleted = 0'} ORDER BY id`,
      accountId,
    );
  }
  insert(accountId: number, values: LeadValues & { email: string; date_joined: number; source: string }): number {
    const [names, params] = columns(values);
    const sql = `INSERT INTO leads (account_id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`;
    return this.db.run(sql, accountId, ...params).id;
  }
  update(id: number, values: LeadValues): void {
    const [names, params] = columns(values);
    if (names.length === 0) return;
    this.db.run(`UPDATE leads SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, ...params, id);
  }

  tags(leadId: number): { id: number; name: string }[] {
    return this.db.all(
      'SELECT t.id, t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.lead_id = ? ORDER BY lt.rowid',
      leadId,
    );
  }
  addTag(leadId: number, tagId: number): void {
    this.db.run('INSERT OR IGNORE INTO lead_tags (lead_id, tag_id) VALUES (?, ?)', leadId, tagId);
  }
  removeTag(leadId: number, tagId: number): void {
    this.db.run('DELETE FROM lead_tags WHERE lead_id = ? AND tag_id = ?', leadId, tagId);
  }

  lists(leadId: number): { id: number; name: string; active: number }[] {
    return this.db.all(
      'SELECT l.id, l.name, ll.active FROM lead_lists ll JOIN lists l ON l.id = ll.list_id WHERE ll.lead_id = ? ORDER BY ll.rowid',
      leadId,
    );
  }
  /** Subscribes (active) or unsubscribes; an unsubscribe of a list the lead never joined changes nothing. */
  setList(leadId: number, listId: number, active: boolean): void {
    if (active) {
      this.db.run(
        `INSERT INTO lead_lists (lead_id, list_id, active) VALUES (?, ?, 1)
         ON CONFLICT(lead_id, list_id) DO UPDATE SET active = 1`,
        leadId,
        listId,
      );
    } else {
      this.db.run('UPDATE lead_lists SET active = 0 WHERE lead_id = ? AND list_id = ?', leadId, listId);
    }
  }

  sequences(leadId: number): { id: number; name: string; step: string; status: string }[] {
    return this.db.all(
      `SELECT s.id, s.name, ls.step, ls.status FROM lead_sequences ls JOIN sequences s ON s.id = ls.sequence_id
       WHERE ls.lead_id = ? ORDER BY ls.rowid`,
      leadId,
    );
  }
  subscribeSequence(leadId: number, sequenceId: number, step: string): void {
    this.db.run(
      `INSERT INTO lead_sequences (lead_id, sequence_id, step, status) VALUES (?, ?, ?, 'active')
       ON CONFLICT(lead_id, sequence_id) DO UPDATE SET step = excluded.step, status = 'active'`,
      leadId,
      sequenceId,
      step,
    );
  }
  unsubscribeSequence(leadId: number, sequenceId: number): void {
    this.db.run(
      `UPDATE lead_sequences SET status = 'unsubscribed' WHERE lead_id = ? AND sequence_id = ?`,
      leadId,
      sequenceId,
    );
  }

  textValues(leadId: number): Map<number, string> {
    const rows = this.db.all<{ field_id: number; value: string }>(
      'SELECT field_id, value FROM lead_field_text WHERE lead_id = ?',
      leadId,
    );
    return new Map(rows.map((r) => [r.field_id, r.value]));
  }
  optionValues(leadId: number): Map<number, number[]> {
    const rows = this.db.all<{ field_id: number; option_id: number }>(
      'SELECT field_id, option_id FROM lead_field_options WHERE lead_id = ? ORDER BY option_id',
      leadId,
    );
    const out = new Map<number, number[]>();
    for (const r of rows) out.set(r.field_id, [...(out.get(r.field_id) ?? []), r.option_id]);
    return out;
  }
  setText(leadId: number, fieldId: number, value: string): void {
    if (value === '') this.db.run('DELETE FROM lead_field_text WHERE lead_id = ? AND field_id = ?', leadId, fieldId);
    else {
      this.db.run(
        `INSERT INTO lead_field_text (lead_id, field_id, value) VALUES (?, ?, ?)
         ON CONFLICT(lead_id, field_id) DO UPDATE SET value = excluded.value`,
        leadId,
        fieldId,
        value,
      );
    }
  }
  setOptions(leadId: number, fieldId: number, optionIds: number[]): void {
    this.db.run('DELETE FROM lead_field_options WHERE lead_id = ? AND field_id = ?', leadId, fieldId);
    for (const o of new Set(optionIds)) {
      this.db.run('INSERT INTO lead_field_options (lead_id, field_id, option_id) VALUES (?, ?, ?)', leadId, fieldId, o);
    }
  }

  bookings(leadId: number): LeadBooking[] {
    return this.db.all(
      `SELECT b.id, b.class_id, cc.name AS class_name, c.name AS calendar_name, b.starts_at, b.status
       FROM lead_bookings b JOIN calendar_classes cc ON cc.id = b.class_id JOIN calendars c ON c.id = cc.calendar_id
       WHERE b.lead_id = ? ORDER BY b.id`,
      leadId,
    );
  }
  /** The lead's active or pending booking of a class, if any. */
  openBooking(leadId: number, classId: number): { id: number } | undefined {
    return this.db.get(
      `SELECT id FROM lead_bookings WHERE lead_id = ? AND class_id = ? AND status IN ('active', 'pending') ORDER BY id DESC`,
      leadId,
      classId,
    );
  }
  book(leadId: number, classId: number, startsAt: number | null, status = 'active'): void {
    this.db.run('INSERT INTO lead_bookings (lead_id, class_id, starts_at, status) VALUES (?, ?, ?, ?)', leadId, classId, startsAt, status);
  }
  rebook(bookingId: number, startsAt: number | null): void {
    this.db.run(`UPDATE lead_bookings SET starts_at = ?, status = 'active' WHERE id = ?`, startsAt, bookingId);
  }
  cancelBooking(bookingId: number): void {
    this.db.run(`UPDATE lead_bookings SET status = 'cancelled' WHERE id = ?`, bookingId);
  }

  memberships(leadId: number): { membership_id: number; name: string; level_id: number; level_name: string; active: number }[] {
    return this.db.all(
      `SELECT m.id AS membership_id, m.name, ml.id AS level_id, ml.name AS level_name, lm.active
       FROM lead_memberships lm JOIN membership_levels ml ON ml.id = lm.level_id JOIN memberships m ON m.id = ml.membership_id
       WHERE lm.lead_id = ? ORDER BY lm.rowid`,
      leadId,
    );
  }
  grantMembership(leadId: number, levelId: number, active: boolean): void {
    this.db.run('INSERT OR REPLACE INTO lead_memberships (lead_id, level_id, active) VALUES (?, ?, ?)', leadId, levelId, active ? 1 : 0);
  }

  /** Score changes never take a lead below zero ([U]: Kartra's behaviour for negative scores is undocumented). */
  addScore(leadId: number, delta: number): void {
    this.db.run('UPDATE leads SET score = MAX(0, score + ?) WHERE id = ?', delta, leadId);
  }
  addExpiringPoints(accountId: number, leadId: number, points: number, expiresAt: number): void {
    this.db.run('INSERT INTO point_grants (lead_id, account_id, points, expires_at) VALUES (?, ?, ?, ?)', leadId, accountId, points, expiresAt);
  }
  /** Deducts exactly the points of every grant whose expiry has passed (give_points_to_lead `expiration`). */
  expirePoints(accountId: number, now: number): number {
    const due = this.db.all<{ id: number; lead_id: number; points: number }>(
      'SELECT id, lead_id, points FROM point_grants WHERE account_id = ? AND expired = 0 AND expires_at <= ?',
      accountId,
      now,
    );
    for (const g of due) {
      this.addScore(g.lead_id, -g.points);
      this.db.run('UPDATE point_grants SET expired = 1 WHERE id = ?', g.id);
    }
    return due.length;
  }
}
