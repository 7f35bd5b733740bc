// What a settled import or recipe row leaves behind: its History entry (each part's outcome, fields before/after),
// a needs_check item in the outbox for a part reading the lead could not settle, and the lead in the local cache
// once Kartra confirmed it — so an imported lead is searchable the moment it exists.
import type { OutboxChange } from '../../../shared/domain/outbox';
import type { RowHead, RowPlan, RowResult } from './row-sender';
import type { Lead } from '../../../shared/domain/lead';
import type { HistoryFieldChange } from '../../../shared/domain/history';
import type { CacheSync } from './cache-sync';
import { fieldChanges, type HistoryRecorder } from './history-recorder';
import { describeChange } from './item-view';
import type { WriteQueue } from './write-queue';
import type { JobRecord } from '../jobs/job-repo';

export interface RowRecordDeps {
  history: HistoryRecorder;
  cache: CacheSync;
  holdForCheck: WriteQueue['holdForCheck'];
}

export function recordRow(deps: RowRecordDeps, job: Pick<JobRecord, 'id' | 'accountId' | 'kind' | 'plan'>, plan: RowPlan, result: Extract<RowResult, { kind: 'settled' }>): void {
  const { settlement } = result;
  if (settlement.reason === 'invalid') return;
  const source = job.plan?.kind === 'bulk' ? job.plan.source : job.kind === 'recipe' ? 'recipe' : 'import';
  const email = plan.lead?.email ?? plan.ref.email ?? null;
  const head = headChange(plan, result.head);
  const changes: OutboxChange[] = [...head, ...plan.actions.map((action) => ({ kind: 'action' as const, action }))];
  // An existing lead left as it is with nothing to add: no change to record.
  if (changes.length === 0) return;
  // The row's parts are [create/edit, ...actions]; a recipe row and a bare chain have no create/edit.
  const rowParts = head.length === 0 ? result.parts.slice(1) : result.parts;
  const whole = settlement.status === 'failed' ? 'failed' : settlement.status === 'skipped' ? 'skipped' : 'done';
  const parts = rowParts.length === changes.length ? rowParts : changes.map(() => ({ outcome: whole, message: settlement.outcome }) as const);
  const entry = deps.history.record(
    { accountId: job.accountId, leadId: settlement.leadId, leadEmail: email, source, jobId: job.id, changes, fields: fieldsOfHead(plan, result.head, result.lead ?? undefined) },
    parts,
  );
  parts.forEach((part, slot) => {
    if (part.outcome !== 'needs_check') return;
    const sent = `${describeChange(changes[slot]!)} was sent by ${source === 'recipe' ? 'a recipe run' : source === 'import' ? 'an import' : source === 'undo' ? 'an undo' : 'a bulk action'}, and Kartra's answer was lost.`;
    deps.holdForCheck(job.accountId, { id: settlement.leadId, email }, changes[slot]!, { sent, kartraShows: part.message ?? '' }, source, { id: entry.id, slot });
  });
  if (!settlement.leadId || (settlement.status !== 'created' && settlement.status !== 'updated' && settlement.reason !== 'partial')) return;
  if (result.lead) deps.cache.read(job.accountId, result.lead);
  else deps.cache.confirmed(job.accountId, settlement.leadId, changes.filter((_, i) => parts[i]?.outcome === 'done'));
}

/**
 * The create (a new lead) or edit (an existing one, only the fields the existing-lead policy sent) heading an import
 * row, or the edit clearing a recipe's fields.
 */
function headChange(plan: RowPlan, head: RowHead): OutboxChange[] {
  if (!head) return [];
  if (head.kind === 'edit') return Object.keys(head.fields).length > 0 ? [{ kind: 'edit', changes: head.fields }] : [];
  return plan.lead ? [{ kind: 'create', lead: plan.lead }] : [];
}

/** The fields History shows before/after: the created lead's, or the edit's; none for a bare chain. */
function fieldsOfHead(plan: RowPlan, head: RowHead, after: Lead | undefined): HistoryFieldChange[] {
  if (!head) return [];
  if (head.kind === 'create') return plan.lead ? fieldChanges(plan.lead, after) : [];
  // A recipe's "before" is only what the gate read before clearing; the lead read after the edit is no "before"
  // (a row finished after a crash has none: History shows the value before as unknown, and undo cannot restore it).
  return fieldChanges(head.fields, plan.mode === 'recipe' ? undefined : after, plan.before);
}
