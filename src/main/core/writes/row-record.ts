// What a settled import or recipe row leaves behind: its History entry (each part's outcome, fields before/after),
// a needs_check item in the outbox for a part reading the lead could not settle, and the lead in the local cache
// once Kartra confirmed it — so an imported lead is searchable the moment it exists.
import type { OutboxChange } from '../../../shared/domain/outbox';
import type { RowPlan, RowResult } from './row-sender';
import type { CacheSync } from './cache-sync';
import { fieldChanges, type HistoryRecorder } from './history-recorder';
import { describeChange } from './item-view';
import type { WriteQueue } from './write-queue';

export interface RowRecordDeps {
  history: HistoryRecorder;
  cache: CacheSync;
  holdForCheck: WriteQueue['holdForCheck'];
}

export function recordRow(deps: RowRecordDeps, job: { id: string; accountId: string; kind: 'import' | 'recipe' }, plan: RowPlan, result: Extract<RowResult, { kind: 'settled' }>): void {
  const { settlement } = result;
  if (settlement.reason === 'invalid') return;
  const source = job.kind === 'recipe' ? 'recipe' : 'import';
  const email = plan.lead?.email ?? plan.ref.email ?? null;
  const changes: OutboxChange[] = [...headChange(plan, settlement), ...plan.actions.map((action) => ({ kind: 'action' as const, action }))];
  // The row's parts are [create/edit, ...actions]; a recipe row has no create/edit.
  const rowParts = plan.mode === 'recipe' ? result.parts.slice(1) : result.parts;
  const whole = settlement.status === 'failed' ? 'failed' : settlement.status === 'skipped' ? 'skipped' : 'done';
  const parts = rowParts.length === changes.length ? rowParts : changes.map(() => ({ outcome: whole, message: settlement.outcome }) as const);
  const entry = deps.history.record(
    { accountId: job.accountId, leadId: settlement.leadId, leadEmail: email, source, jobId: job.id, changes, fields: plan.lead ? fieldChanges(plan.lead, result.lead ?? undefined) : [] },
    parts,
  );
  parts.forEach((part, slot) => {
    if (part.outcome !== 'needs_check') return;
    const sent = `${describeChange(changes[slot]!)} was sent by ${source === 'recipe' ? 'a recipe run' : 'an import'}, and Kartra's answer was lost.`;
    deps.holdForCheck(job.accountId, { id: settlement.leadId, email }, changes[slot]!, { sent, kartraShows: part.message ?? '' }, source, { id: entry.id, slot });
  });
  if (!settlement.leadId || (settlement.status !== 'created' && settlement.status !== 'updated' && settlement.reason !== 'partial')) return;
  if (result.lead) deps.cache.read(job.accountId, result.lead);
  else deps.cache.confirmed(job.accountId, settlement.leadId, changes.filter((_, i) => parts[i]?.outcome === 'done'));
}

/** The create (a new lead) or edit (an existing one) at the head of an import row's chain. */
function headChange(plan: RowPlan, settlement: Extract<RowResult, { kind: 'settled' }>['settlement']): OutboxChange[] {
  if (plan.mode === 'recipe' || !plan.lead) return [];
  if (settlement.status === 'updated' || settlement.reason === 'missing') {
    const { email: _email, ...fields } = plan.lead;
    return [{ kind: 'edit', changes: fields }];
  }
  return [{ kind: 'create', lead: plan.lead }];
}
