// Bulk actions on a selection or a whole view, their preview from the cache, and undo of History entries and runs.
// A bulk run is one journaled job on the write queue's bulk lane (progress, pause, History per lead); only leads the
// cache shows would change are sent. Undo sends the inverse of what was applied: one entry through the write queue,
// a whole run as another job — only the leads it changed, never the skipped ones.
import { randomUUID } from 'node:crypto';
import type { BulkAction, BulkLeadPreview, BulkPreview } from '../../../shared/domain/bulk-actions';
import type { JobProgress } from '../../../shared/domain/import';
import type { LeadSelection } from '../../../shared/domain/lead-filter';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import type { AccountService } from '../account/account-service';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { jobDir } from '../import/upload';
import type { JobRepo } from '../jobs/job-repo';
import type { JobsService } from '../jobs/jobs-service';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { LeadFilterRepo } from '../views/lead-filter-repo';
import type { HistoryRepo } from '../writes/history-repo';
import { editOfFields, inverseOf, undoKeyOfEntry, undoKeyOfJob } from '../writes/history-undo';
import type { NewChange } from '../writes/write-repo';
import type { WriteQueue } from '../writes/write-queue';
import { describeBulkAction, planLead } from './bulk-plan';
import { BULK_HEADERS, encodeRow, type RowChange } from './bulk-rows';
import { writeRowsFile } from './target-file';

export interface BulkServiceDeps {
  dataDir: string;
  connection: Pick<ConnectionService, 'require'>;
  cache: LeadCacheRepo;
  filters: LeadFilterRepo;
  account: Pick<AccountService, 'assertNamesExist'>;
  jobs: JobRepo;
  runner: JobsService;
  history: HistoryRepo;
  outbox: Pick<WriteQueue, 'enqueue'>;
  /** Requests per second the limiter allows now, for the ETA. */
  rate: () => number;
}

/** How many leads the preview lists (changed ones first). */
const PREVIEW_LEADS = 200;

interface Planned {
  preview: BulkLeadPreview[];
  rows: string[][];
  skipped: number;
}

export class BulkService {
  constructor(private readonly deps: BulkServiceDeps) {}

  preview(selection: LeadSelection, action: BulkAction): BulkPreview {
    const planned = this.plan(selection, action);
    const calls = planned.rows.length;
    const rate = Math.max(1, this.deps.rate());
    const changed = planned.preview.filter((l) => l.changes);
    const skipped = planned.preview.filter((l) => !l.changes);
    return {
      summary: describeBulkAction(action),
      total: calls + planned.skipped,
      changes: calls,
      skipped: planned.skipped,
      calls,
      rate,
      etaSeconds: Math.ceil(calls / rate),
      leads: [...changed, ...skipped].slice(0, PREVIEW_LEADS),
    };
  }

  /** Enqueues the run on the bulk lane: one row per lead the cache shows would change. */
  async run(selection: LeadSelection, action: BulkAction): Promise<JobProgress> {
    const { account } = this.deps.connection.require();
    if (action.kind === 'action') await this.deps.account.assertNamesExist([action.action]);
    const planned = this.plan(selection, action);
    if (planned.rows.length === 0) {
      throw new AppError('invalid_input', `Nothing to send: every selected lead is already as asked (${planned.skipped} skipped).`, { details: { field: 'selection' } });
    }
    const summary = describeBulkAction(action);
    return this.startJob(randomUUID(), account.id, summary, 'bulk', planned.rows);
  }

  /** Undoes one History entry through the write queue (the lead's inverse changes, checked against its values after). */
  undoEntry(id: number): { changes: OutboxItemView[] } {
    const { account } = this.deps.connection.require();
    const entry = this.deps.history.get(id);
    if (!entry || entry.accountId !== account.id) throw new AppError('not_found', 'That History entry does not exist in this account.', { details: { field: 'id' } });
    if (!entry.undo.possible) throw new AppError('invalid_input', `This change cannot be undone: ${entry.undo.reason ?? 'Kartra has no inverse for it.'}`, { details: { field: 'id' } });
    const inverse = inverseOf(entry);
    if (!inverse.ok) throw new AppError('invalid_input', inverse.reason, { details: { field: 'id' } });
    const changes: NewChange[] = [];
    if (Object.keys(inverse.fields).length > 0) {
      // "seen": the values the change left; if Kartra shows others now, the undo stops as a conflict for the user.
      const seen = Object.fromEntries(entry.fields.map((f) => [f.field, f.after ?? '']));
      changes.push({ change: { kind: 'edit', changes: editOfFields(inverse.fields, this.checkboxFields(account.id, entry.leadId, entry.leadEmail)) }, seen });
    }
    changes.push(...inverse.actions.map((action): NewChange => ({ change: { kind: 'action', action } })));
    const ref = entry.leadId ? { id: entry.leadId, ...(entry.leadEmail ? { email: entry.leadEmail } : {}) } : { email: entry.leadEmail! };
    return { changes: this.deps.outbox.enqueue(ref, changes, 'undo', undoKeyOfEntry(id)) };
  }

  /** Undoes a whole run: every lead it changed (and not undone already), as one job on the bulk lane. */
  undoJob(jobId: string): JobProgress {
    const { account } = this.deps.connection.require();
    const job = this.deps.jobs.get(jobId);
    if (!job || job.accountId !== account.id) throw new AppError('not_found', 'That run does not exist in this account.', { details: { field: 'jobId' } });
    if (this.deps.jobs.get(undoKeyOfJob(jobId))) throw new AppError('already_exists', 'This run was undone already (see its undo in History).', { details: { field: 'jobId' } });
    // A paused run would go on after its undo and change more leads: it has to end first.
    if (job.status === 'running' || job.status === 'paused') {
      throw new AppError('conflict', 'The run has not ended: cancel it (or let it finish) first, then undo what it changed.', { details: { field: 'jobId' } });
    }
    const rows: string[][] = [];
    let created = 0;
    for (const entry of this.deps.history.ofJob(jobId)) {
      const inverse = inverseOf(entry);
      if (!entry.undo.possible || !inverse.ok) {
        if (entry.actions.some((a) => a.cmd === 'create_lead' && a.outcome === 'done')) created++;
        continue;
      }
      const row: RowChange = { a: inverse.actions };
      if (Object.keys(inverse.fields).length > 0) {
        row.f = editOfFields(inverse.fields, this.checkboxFields(account.id, entry.leadId, entry.leadEmail));
        row.b = Object.fromEntries(entry.fields.map((f) => [f.field, f.after ?? '']));
      }
      const email = entry.leadEmail ?? (entry.leadId ? this.deps.cache.get(account.id, { id: entry.leadId })?.lead.email : undefined) ?? '';
      rows.push(encodeRow(entry.leadId ?? '', email, row));
    }
    if (rows.length === 0) {
      const why = created > 0 ? ` It created ${created} lead${created === 1 ? '' : 's'}, and a created lead cannot be removed through Kartra's API.` : '';
      throw new AppError('invalid_input', `Nothing of this run can be undone.${why}`, { details: { field: 'jobId' } });
    }
    return this.startJob(undoKeyOfJob(jobId), account.id, `Undo: ${job.name}`, 'undo', rows);
  }

  private startJob(id: string, accountId: string, summary: string, source: 'bulk' | 'undo', rows: string[][]): JobProgress {
    const job = this.deps.jobs.create({
      id,
      accountId,
      // Stored as a recipe run: same runner, pause/resume, report; the plan says it is a bulk action or an undo.
      kind: 'recipe',
      name: summary,
      status: 'running',
      total: rows.length,
      headers: BULK_HEADERS,
      plan: { kind: 'bulk', source, summary },
      layout: writeRowsFile(jobDir(this.deps.dataDir, id), BULK_HEADERS, rows),
    });
    return this.deps.runner.start(job.id);
  }

  private plan(selection: LeadSelection, action: BulkAction): Planned {
    const { account } = this.deps.connection.require();
    const ids = this.deps.filters.selectionIds(account.id, selection);
    const planned: Planned = { preview: [], rows: [], skipped: 0 };
    for (const id of ids) {
      const lead = this.deps.cache.get(account.id, { id })?.lead;
      if (!lead) continue;
      const result = planLead(lead, action);
      const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ');
      if (planned.preview.length < PREVIEW_LEADS * 2) planned.preview.push({ leadId: lead.id, email: lead.email, name, changes: result.changes, what: result.what });
      if (result.changes) planned.rows.push(encodeRow(lead.id, lead.email, result.row));
      else planned.skipped++;
    }
    return planned;
  }

  /** Custom fields of the lead that hold options (their values travel as option-id lists). */
  /** The lead's checkbox fields: their values go back to Kartra as lists of option ids. */
  private checkboxFields(accountId: string, leadId: string | null, email: string | null): Set<string> {
    const lead = this.deps.cache.get(accountId, leadId ? { id: leadId } : { email: email ?? '' })?.lead;
    return new Set((lead?.custom_fields ?? []).filter((f) => f.field_type === 'checkbox').map((f) => f.field_identifier));
  }
}
