// Writes History as writes happen: an entry when a write is queued (what is sent, fields before/after), and each
// action's outcome as it settles. Every source goes through here: edits, table, CLI, replays, imports, recipes.
import type { ActionOutcome, HistoryAction, HistoryEntry, HistoryFieldChange, HistorySource } from '../../../shared/domain/history';
import type { Lead } from '../../../shared/domain/lead';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import type { OutboxChange } from '../../../shared/domain/outbox';
import { currentValue } from './conflicts';
import type { HistoryRepo } from './history-repo';
import { describeChange } from './item-view';

const cmdOf = (change: OutboxChange) =>
  change.kind === 'create' ? 'create_lead' : change.kind === 'edit' ? 'edit_lead' : change.kind === 'payment' ? change.payment.cmd : change.action.cmd;

/** Field changes of a create/edit: `before` from the lead as last known (null when unknown or a new lead). */
export function fieldChanges(changes: EditLeadData, before: Lead | undefined, seen: Record<string, string> = {}): HistoryFieldChange[] {
  const out: HistoryFieldChange[] = [];
  const { custom_fields, ...fields } = changes as EditLeadData & { email?: string };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const key = field === 'email' ? 'email' : field;
    const was = seen[key] ?? (before ? currentValue(before, key === 'email' ? 'new_email' : key) : null);
    out.push({ field: key, before: field === 'email' ? null : was, after: String(value) });
  }
  for (const f of custom_fields ?? []) {
    const key = `custom:${f.field_identifier}`;
    out.push({ field: key, before: seen[key] ?? (before ? currentValue(before, key) : null), after: Array.isArray(f.field_value) ? f.field_value.join(',') : f.field_value });
  }
  return out;
}

export interface WriteDescription {
  accountId: string;
  leadId: string | null;
  leadEmail: string | null;
  source: HistorySource;
  jobId?: string | null;
  changes: readonly OutboxChange[];
  fields: HistoryFieldChange[];
}

export class HistoryRecorder {
  constructor(
    private readonly repo: HistoryRepo,
    private readonly emit: (entry: HistoryEntry) => void,
  ) {}

  /** A write was queued or is about to be sent: its entry, every action pending. */
  begin(write: WriteDescription): HistoryEntry {
    const actions: HistoryAction[] = write.changes.map((change) => ({
      cmd: cmdOf(change),
      summary: describeChange(change),
      outcome: 'pending',
      kartraType: null,
      message: null,
      // Kept so that undo can send the inverse (history-undo.ts).
      ...(change.kind === 'action' ? { action: change.action } : {}),
    }));
    const entry = this.repo.add({
      accountId: write.accountId,
      leadId: write.leadId,
      leadEmail: write.leadEmail,
      source: write.source,
      jobId: write.jobId ?? null,
      summary: write.changes.map(describeChange).join(' · '),
      actions,
      fields: write.fields,
    });
    this.emit(entry);
    return entry;
  }

  /** A whole chain settled at once (an import or recipe row). */
  record(write: WriteDescription, outcomes: { outcome: ActionOutcome; kartraType?: string | null; message?: string | null }[]): HistoryEntry {
    const entry = this.begin(write);
    return this.settle(entry.id, outcomes.map((o, slot) => ({ slot, ...o })), { id: write.leadId }) ?? entry;
  }

  settle(id: number, updates: { slot: number; outcome: ActionOutcome; kartraType?: string | null; message?: string | null }[], lead: { id?: string | null; email?: string } = {}): HistoryEntry | undefined {
    const entry = this.repo.settle(id, updates, lead);
    if (entry) this.emit(entry);
    return entry;
  }

  markReplay(ids: readonly number[]): void {
    this.repo.markReplay(ids);
  }
}
