// SQL of History: one entry per write (a user command, an import row, a recipe row), its per-action outcomes
// and field before/after, filterable and paged by id (newest first).
import type { StatementSync } from 'node:sqlite';
import { z } from 'zod';
import { HistoryAction, HistoryFieldChange, type ActionOutcome, type HistoryEntry, type HistoryFilter, type HistorySource } from '../../../shared/domain/history';
import { transaction, type Db } from '../store/database';
import { inverseOf, undoKeyOfEntry, undoKeyOfJob } from './history-undo';
import { preparedStatements } from '../store/prepared-statements';

export interface NewHistoryEntry {
  accountId: string;
  leadId: string | null;
  leadEmail: string | null;
  source: HistorySource;
  jobId: string | null;
  summary: string;
  actions: HistoryAction[];
  fields: HistoryFieldChange[];
  at?: number;
}

interface Raw {
  id: number;
  account_id: string;
  lead_id: string | null;
  lead_email: string | null;
  at: number;
  settled_at: number | null;
  source: HistorySource;
  job_id: string | null;
  summary: string;
  actions_json: string;
  fields_json: string;
}

const Actions = z.array(HistoryAction);
const Fields = z.array(HistoryFieldChange);
const FINAL: ReadonlySet<ActionOutcome> = new Set(['done', 'failed', 'skipped']);

/** `checked` false only for rows this process just wrote itself (the hot path of a replay): no second parse. */
function toEntry(r: Raw, checked = true): HistoryEntry {
  const actions: unknown = JSON.parse(r.actions_json);
  const fields: unknown = JSON.parse(r.fields_json);
  return {
    id: r.id,
    accountId: r.account_id,
    leadId: r.lead_id,
    leadEmail: r.lead_email,
    at: r.at,
    settledAt: r.settled_at,
    source: r.source,
    jobId: r.job_id,
    summary: r.summary,
    // Re-parsed on the way out: a row written by an older build still reads as the contract says.
    actions: checked ? Actions.parse(actions) : (actions as HistoryAction[]),
    fields: checked ? Fields.parse(fields) : (fields as HistoryFieldChange[]),
    undo: { possible: false, reason: null },
  };
}

/** Whether the entry can be undone: an inverse exists, and neither it nor its run was undone already. */
function withUndo(entry: HistoryEntry, undone: ReadonlySet<string>): HistoryEntry {
  if (undone.has(undoKeyOfEntry(entry.id)) || (entry.jobId && undone.has(undoKeyOfJob(entry.jobId)))) return { ...entry, undo: { possible: false, reason: 'Undone already.' } };
  const inverse = inverseOf(entry);
  return { ...entry, undo: inverse.ok ? { possible: true, reason: null } : { possible: false, reason: inverse.reason } };
}

const outcomesKey = (actions: readonly HistoryAction[]) => ` ${[...new Set(actions.map((a) => a.outcome))].join(' ')} `;

export type HistoryQuery = Omit<z.output<typeof HistoryFilter>, 'accountId'> & { accountIds: string[] | 'all' };

export class HistoryRepo {
  private readonly sql: (text: string) => StatementSync;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  add(entry: NewHistoryEntry): HistoryEntry {
    const at = entry.at ?? Date.now();
    const settled = entry.actions.every((a) => FINAL.has(a.outcome)) ? at : null;
    const result = this.sql(
      `INSERT INTO write_history (account_id, lead_id, lead_email, at, settled_at, source, job_id, summary, actions_json, fields_json, outcomes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.accountId, entry.leadId, entry.leadEmail?.toLowerCase() ?? null, at, settled, entry.source, entry.jobId, entry.summary, JSON.stringify(entry.actions), JSON.stringify(entry.fields), outcomesKey(entry.actions));
    const raw = this.sql('SELECT * FROM write_history WHERE id = ?').get(Number(result.lastInsertRowid)) as unknown as Raw;
    return this.withUndo([toEntry(raw, false)])[0]!;
  }

  get(id: number): HistoryEntry | undefined {
    const raw = this.sql('SELECT * FROM write_history WHERE id = ?').get(id) as Raw | undefined;
    return raw && this.withUndo([toEntry(raw)])[0];
  }

  /** Every entry of an import, recipe or bulk run (oldest first), for undoing the run. */
  ofJob(jobId: string): HistoryEntry[] {
    const rows = this.sql('SELECT * FROM write_history WHERE job_id = ? ORDER BY id').all(jobId) as unknown as Raw[];
    return this.withUndo(rows.map((r) => toEntry(r)));
  }

  /** Marks entries undone when an undo of them (or of their run) was queued: History entries or a job under the undo key. */
  private withUndo(entries: HistoryEntry[]): HistoryEntry[] {
    if (entries.length === 0) return entries;
    const keys = [...new Set(entries.flatMap((e) => [undoKeyOfEntry(e.id), ...(e.jobId ? [undoKeyOfJob(e.jobId)] : [])]))];
    const marks = keys.map(() => '?').join(', ');
    const found = this.db.prepare(`SELECT job_id AS key FROM write_history WHERE job_id IN (${marks}) UNION SELECT id AS key FROM jobs WHERE id IN (${marks})`).all(...keys, ...keys) as { key: string }[];
    const undone = new Set(found.map((f) => f.key));
    return entries.map((e) => withUndo(e, undone));
  }

  /** Sets the outcome of some actions of an entry (by position), and the lead it turned out to be. */
  settle(id: number, updates: { slot: number; outcome: ActionOutcome; kartraType?: string | null; message?: string | null }[], lead: { id?: string | null; email?: string } = {}, now = Date.now()): HistoryEntry | undefined {
    return transaction(this.db, () => {
      const raw = this.sql('SELECT * FROM write_history WHERE id = ?').get(id) as Raw | undefined;
      if (!raw) return undefined;
      const entry = toEntry(raw, false);
      const actions = entry.actions.map((a) => ({ ...a }));
      for (const u of updates) {
        const action = actions[u.slot];
        if (!action) continue;
        action.outcome = u.outcome;
        if (u.kartraType !== undefined) action.kartraType = u.kartraType;
        if (u.message !== undefined) action.message = u.message;
      }
      const settledAt = actions.every((a) => FINAL.has(a.outcome)) ? now : null;
      const leadId = lead.id ?? entry.leadId;
      const leadEmail = lead.email?.toLowerCase() ?? entry.leadEmail;
      this.sql(`UPDATE write_history SET actions_json = ?, outcomes = ?, settled_at = ?, lead_id = ?, lead_email = ? WHERE id = ?`).run(
        JSON.stringify(actions),
        outcomesKey(actions),
        settledAt,
        leadId,
        leadEmail,
        id,
      );
      // Pushed to the UI as it settles: whether it can be undone changes with its outcomes.
      return this.withUndo([{ ...entry, actions, settledAt, leadId, leadEmail }])[0];
    });
  }

  /** A change made in the app waited for the network: it is shown as an offline change replayed later (CLI writes stay 'cli'). */
  markReplay(ids: readonly number[]): void {
    for (const id of ids) this.sql(`UPDATE write_history SET source = 'replay' WHERE id = ? AND source IN ('edit', 'table')`).run(id);
  }

  list(query: HistoryQuery): { entries: HistoryEntry[]; nextBeforeId: number | null } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (query.accountIds !== 'all') {
      where.push(`account_id IN (${query.accountIds.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...query.accountIds);
    }
    if (query.leadId) (where.push('lead_id = ?'), args.push(query.leadId));
    if (query.email) (where.push('lead_email = ?'), args.push(query.email.toLowerCase()));
    if (query.sources.length) (where.push(`source IN (${query.sources.map(() => '?').join(', ')})`), args.push(...query.sources));
    if (query.outcomes.length) (where.push(`(${query.outcomes.map(() => 'instr(outcomes, ?) > 0').join(' OR ')})`), args.push(...query.outcomes.map((o) => ` ${o} `)));
    if (query.since !== undefined) (where.push('at >= ?'), args.push(query.since));
    if (query.until !== undefined) (where.push('at <= ?'), args.push(query.until));
    if (query.jobId) (where.push('job_id = ?'), args.push(query.jobId));
    if (query.beforeId !== undefined) (where.push('id < ?'), args.push(query.beforeId));
    const sql = `SELECT * FROM write_history ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, query.limit + 1) as unknown as Raw[];
    const entries = this.withUndo(rows.slice(0, query.limit).map((r) => toEntry(r)));
    return { entries, nextBeforeId: rows.length > query.limit ? (entries.at(-1)?.id ?? null) : null };
  }
}
