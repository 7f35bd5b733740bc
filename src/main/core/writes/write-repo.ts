// SQL of the write queue's store: queued lead changes per account, in order per lead, removed once Kartra confirmed
// them. Every change is re-parsed with its zod schema when loaded, so a row an older build wrote cannot crash a send.
import type { StatementSync } from 'node:sqlite';
import type { HistorySource } from '../../../shared/domain/history';
import type { AppErrorData } from '../../../shared/ipc/envelope';
import { OutboxChange, type ConflictField, type OutboxStatus } from '../../../shared/domain/outbox';
import { transaction, type Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';

/** Statuses stored in the table; 'done' items are deleted, never stored. */
export type StoredStatus = Exclude<OutboxStatus, 'done'>;

export interface OutboxLead {
  localId: number;
  accountId: string;
  kartraId: string | null;
  email: string;
}

export interface OutboxItem {
  id: number;
  accountId: string;
  lead: OutboxLead;
  change: OutboxChange;
  /** Edit: the values the user saw before changing them (conflict detection). */
  seen: Record<string, string> | null;
  status: StoredStatus;
  attempts: number;
  error: AppErrorData | null;
  conflict: ConflictField[] | null;
  /** Data recorded just before sending, to tell after a crash whether the write happened (points: score before). */
  verify: { scoreBefore?: number } | null;
  madeOffline: boolean;
  createdAt: number;
  updatedAt: number;
  source: HistorySource;
  /** The History entry this change is part of, and its position among that entry's actions. */
  historyId: number | null;
  historySlot: number | null;
  /** needs_check: what was sent and what Kartra shows, in words. */
  check: { sent: string; kartraShows: string } | null;
  /** Retry-later: not sent again before this time (ms since epoch). */
  notBefore: number;
  /** Set when the stored change no longer parses: it is failed, never sent. */
  invalid: string | null;
}

interface RawItem {
  id: number;
  account_id: string;
  lead_local_id: number;
  kartra_id: string | null;
  email: string;
  change_json: string;
  seen_json: string | null;
  status: StoredStatus;
  attempts: number;
  error_json: string | null;
  conflict_json: string | null;
  verify_json: string | null;
  made_offline: number;
  created_at: number;
  updated_at: number;
  source: HistorySource;
  history_id: number | null;
  history_slot: number | null;
  check_json: string | null;
  not_before: number;
}

const SELECT_ITEM = `SELECT o.*, l.kartra_id, l.email FROM outbox o JOIN outbox_leads l ON l.local_id = o.lead_local_id`;

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

function toItem(r: RawItem): OutboxItem {
  const parsed = OutboxChange.safeParse(JSON.parse(r.change_json));
  return {
    id: r.id,
    accountId: r.account_id,
    lead: { localId: r.lead_local_id, accountId: r.account_id, kartraId: r.kartra_id, email: r.email },
    change: parsed.success ? parsed.data : (JSON.parse(r.change_json) as OutboxChange),
    seen: parse(r.seen_json),
    status: r.status,
    attempts: r.attempts,
    error: parse(r.error_json),
    conflict: parse(r.conflict_json),
    verify: parse(r.verify_json),
    madeOffline: r.made_offline === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    source: r.source,
    historyId: r.history_id,
    historySlot: r.history_slot,
    check: parse(r.check_json),
    notBefore: r.not_before,
    invalid: parsed.success ? null : `The stored change cannot be read (${parsed.error.issues[0]?.message ?? 'invalid'}); discard it and make it again.`,
  };
}

export interface NewChange {
  change: OutboxChange;
  seen?: Record<string, string> | null;
  history?: { id: number; slot: number };
}

export class WriteRepo {
  private readonly sql: (text: string) => StatementSync;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  /**
   * Writes the changes for one lead in one transaction, before anything is sent. The lead is found by
   * Kartra id, else by email (so a queued create and later edits of the same address share a queue).
   */
  enqueue(accountId: string, ref: { id?: string; email?: string }, changes: NewChange[], madeOffline: boolean, source: HistorySource = 'edit', now = Date.now()): OutboxItem[] {
    return transaction(this.db, () => {
      const lead = this.findOrCreateLead(accountId, ref);
      const ids = changes.map(({ change, seen, history }) => {
        const result = this.sql(
          `INSERT INTO outbox (account_id, lead_local_id, change_json, seen_json, status, made_offline, created_at, updated_at, source, history_id, history_slot)
           VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
        ).run(accountId, lead.localId, JSON.stringify(change), seen ? JSON.stringify(seen) : null, madeOffline ? 1 : 0, now, now, source, history?.id ?? null, history?.slot ?? null);
        return Number(result.lastInsertRowid);
      });
      return ids.map((id) => this.get(id)!);
    });
  }

  /**
   * A part of an import or recipe row whose outcome reading the lead could not tell: kept as needs_check so
   * the user settles it in the outbox like any other write (it is never sent on its own).
   */
  hold(accountId: string, ref: { id?: string; email?: string }, change: OutboxChange, check: { sent: string; kartraShows: string }, source: HistorySource, history: { id: number; slot: number }, now = Date.now()): OutboxItem {
    return transaction(this.db, () => {
      const lead = this.findOrCreateLead(accountId, ref);
      const result = this.sql(
        `INSERT INTO outbox (account_id, lead_local_id, change_json, status, check_json, created_at, updated_at, source, history_id, history_slot)
         VALUES (?, ?, ?, 'needs_check', ?, ?, ?, ?, ?, ?)`,
      ).run(accountId, lead.localId, JSON.stringify(change), JSON.stringify(check), now, now, source, history.id, history.slot);
      return this.get(Number(result.lastInsertRowid))!;
    });
  }

  private findOrCreateLead(accountId: string, ref: { id?: string; email?: string }): OutboxLead {
    const email = ref.email?.toLowerCase();
    const byId = ref.id ? (this.sql('SELECT * FROM outbox_leads WHERE account_id = ? AND kartra_id = ?').get(accountId, ref.id) as RawLead | undefined) : undefined;
    const found =
      byId ??
      (email && !ref.id
        ? (this.sql('SELECT * FROM outbox_leads WHERE account_id = ? AND email = ? ORDER BY local_id DESC').get(accountId, email) as RawLead | undefined)
        : undefined);
    if (found) return fromRawLead(found);
    const result = this.sql('INSERT INTO outbox_leads (account_id, kartra_id, email) VALUES (?, ?, ?)').run(accountId, ref.id ?? null, email ?? '');
    return { localId: Number(result.lastInsertRowid), accountId, kartraId: ref.id ?? null, email: email ?? '' };
  }

  get(id: number): OutboxItem | undefined {
    const row = this.sql(`${SELECT_ITEM} WHERE o.id = ?`).get(id) as RawItem | undefined;
    return row && toItem(row);
  }

  list(accountId: string, statuses: StoredStatus[], limit: number): OutboxItem[] {
    const wanted = statuses.length ? statuses : (['pending', 'in_flight', 'failed', 'conflict', 'needs_check'] as StoredStatus[]);
    const marks = wanted.map(() => '?').join(', ');
    return (this.db.prepare(`${SELECT_ITEM} WHERE o.account_id = ? AND o.status IN (${marks}) ORDER BY o.id LIMIT ?`).all(accountId, ...wanted, limit) as unknown as RawItem[]).map(toItem);
  }

  forLead(accountId: string, leadId: string): OutboxItem[] {
    return (this.sql(`${SELECT_ITEM} WHERE o.account_id = ? AND l.kartra_id = ? ORDER BY o.id`).all(accountId, leadId) as unknown as RawItem[]).map(toItem);
  }

  counts(accountId: string): Record<StoredStatus, number> {
    const counts: Record<StoredStatus, number> = { pending: 0, in_flight: 0, failed: 0, conflict: 0, needs_check: 0 };
    for (const row of this.sql('SELECT status, COUNT(*) AS n FROM outbox WHERE account_id = ? GROUP BY status').all(accountId) as { status: StoredStatus; n: number }[]) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /**
   * The leads that can be dispatched now: their oldest item is pending or in flight (a failed create
   * or a conflict blocks the rest of that lead's queue, to keep per-lead order), oldest first.
   */
  readyLeads(accountId: string, exclude: ReadonlySet<number>, limit: number, now = Date.now()): number[] {
    // Lanes: changes made online (interactive) before changes that waited offline (replay); FIFO within each.
    const rows = this.sql(
      `SELECT o.lead_local_id AS lead, o.status AS status, o.change_json AS change FROM outbox o
       JOIN (SELECT lead_local_id, MIN(id) AS head FROM outbox WHERE account_id = ? AND status IN ('pending', 'in_flight', 'conflict', 'failed')
             AND NOT (status = 'failed' AND json_extract(change_json, '$.kind') = 'action') GROUP BY lead_local_id) h ON h.head = o.id
       WHERE o.not_before <= ?
       ORDER BY o.made_offline, o.id`,
    ).all(accountId, now) as { lead: number; status: StoredStatus }[];
    const ready: number[] = [];
    for (const row of rows) {
      if (ready.length >= limit) break;
      if ((row.status === 'pending' || row.status === 'in_flight') && !exclude.has(row.lead)) ready.push(row.lead);
    }
    return ready;
  }

  /** The lead's items still to send, in order, skipping failed actions (they do not block the queue). */
  queueOf(leadLocalId: number): OutboxItem[] {
    return (this.sql(`${SELECT_ITEM} WHERE o.lead_local_id = ? AND o.status IN ('pending', 'in_flight', 'conflict', 'failed') ORDER BY o.id`).all(leadLocalId) as unknown as RawItem[])
      .map(toItem);
  }

  markInFlight(ids: number[], verify: Map<number, OutboxItem['verify']>, now = Date.now()): void {
    transaction(this.db, () => {
      for (const id of ids) {
        const v = verify.get(id);
        this.sql(`UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, verify_json = ?, updated_at = ? WHERE id = ?`).run(v ? JSON.stringify(v) : null, now, id);
      }
    });
  }

  /** Kartra confirmed these: remove them, and record what the lead is now known as. */
  complete(ids: number[], lead: { localId: number; kartraId?: string; email?: string }): void {
    transaction(this.db, () => {
      for (const id of ids) this.sql('DELETE FROM outbox WHERE id = ?').run(id);
      if (lead.kartraId !== undefined) this.sql('UPDATE outbox_leads SET kartra_id = ? WHERE local_id = ?').run(lead.kartraId, lead.localId);
      if (lead.email !== undefined) this.sql('UPDATE outbox_leads SET email = ? WHERE local_id = ?').run(lead.email.toLowerCase(), lead.localId);
      this.dropIdleLead(lead.localId);
    });
  }

  setStatus(
    ids: number[],
    status: StoredStatus,
    extra: { error?: AppErrorData | null; conflict?: ConflictField[] | null; check?: { sent: string; kartraShows: string } | null; notBefore?: number } = {},
    now = Date.now(),
  ): void {
    transaction(this.db, () => {
      for (const id of ids) {
        this.sql(
          `UPDATE outbox SET status = ?, error_json = ?, conflict_json = COALESCE(?, conflict_json), check_json = ?, not_before = ?, updated_at = ? WHERE id = ?`,
        ).run(status, extra.error ? JSON.stringify(extra.error) : null, extra.conflict ? JSON.stringify(extra.conflict) : null, extra.check ? JSON.stringify(extra.check) : null, extra.notBefore ?? 0, now, id);
        if (extra.conflict === null) this.sql('UPDATE outbox SET conflict_json = NULL WHERE id = ?').run(id);
      }
    });
  }

  replaceChange(id: number, change: OutboxChange, seen: Record<string, string> | null | undefined, now = Date.now()): void {
    this.sql(`UPDATE outbox SET change_json = ?, seen_json = COALESCE(?, seen_json), status = 'pending', error_json = NULL, conflict_json = NULL, updated_at = ? WHERE id = ?`).run(
      JSON.stringify(change),
      seen ? JSON.stringify(seen) : null,
      now,
      id,
    );
  }

  /** These waited for the network: an edit among them is checked for conflicts before it is sent. */
  markMadeOffline(ids: number[]): void {
    transaction(this.db, () => {
      for (const id of ids) this.sql('UPDATE outbox SET made_offline = 1 WHERE id = ?').run(id);
    });
  }

  /** Collapsed or discarded items: gone without being sent. */
  remove(ids: number[]): void {
    transaction(this.db, () => {
      const leads = new Set<number>();
      for (const id of ids) {
        const row = this.sql('SELECT lead_local_id FROM outbox WHERE id = ?').get(id) as { lead_local_id: number } | undefined;
        if (!row) continue;
        leads.add(row.lead_local_id);
        this.sql('DELETE FROM outbox WHERE id = ?').run(id);
      }
      for (const lead of leads) this.dropIdleLead(lead);
    });
  }

  /** After a crash, items that were in flight must be checked against Kartra before anything is re-sent. */
  inFlight(accountId: string): OutboxItem[] {
    return (this.sql(`${SELECT_ITEM} WHERE o.account_id = ? AND o.status = 'in_flight' ORDER BY o.id`).all(accountId) as unknown as RawItem[]).map(toItem);
  }

  private dropIdleLead(localId: number): void {
    // Keep the identity while a queued create has no id yet: later items for the email still follow it.
    this.sql('DELETE FROM outbox_leads WHERE local_id = ? AND kartra_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox WHERE lead_local_id = ?)').run(localId, localId);
  }
}

interface RawLead {
  local_id: number;
  account_id: string;
  kartra_id: string | null;
  email: string;
}

const fromRawLead = (r: RawLead): OutboxLead => ({ localId: r.local_id, accountId: r.account_id, kartraId: r.kartra_id, email: r.email });
