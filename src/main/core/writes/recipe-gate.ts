// A recipe row's conditions, judged on a fresh get_lead (on the bulk lane, counted with the job's calls) right
// before its chain is sent: the cache may be stale, Kartra is not. A lead that fails one is skipped and nothing
// is sent; one that meets them all is then written by its id. A recipe that clears fields reads the lead too: only
// the fields that hold a value are cleared, and their values are kept as History's "before", so an undo can put
// them back. A read changes nothing, so a read that did not come back is simply done again later.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import { describeCondition } from '../../../shared/domain/describe-condition';
import { firstUnmet } from '../../../shared/domain/recipe-conditions';
import { isNotSent } from '../connection/connectivity';
import type { KartraCaller } from '../kartra/caller';
import { getLeadState, isNoLeadError } from '../kartra/commands-lead';
import { describeKartraError } from '../kartra/error-codes';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { toAppError } from '../api/to-app-error';
import { currentValue } from './conflicts';
import type { RowPlan, RowResult } from './row-sender';

export type GateResult =
  /** Send this plan: the lead found by its id once read, the fields to clear narrowed to those that hold a value. */
  | { kind: 'go'; plan: RowPlan; lead: Lead | null }
  | { kind: 'settled'; result: Extract<RowResult, { kind: 'settled' }> }
  /** The read did not come back: the row waits and is judged again. */
  | { kind: 'not_sent'; error: unknown };

export async function gateRow(caller: KartraCaller, plan: RowPlan): Promise<GateResult> {
  const conditions = plan.conditions ?? [];
  if (conditions.length === 0 && !plan.clear?.length) return { kind: 'go', plan, lead: null };
  const settled = (status: 'skipped' | 'failed', outcome: string, reason: string, lead: Lead | null): GateResult => ({
    kind: 'settled',
    result: {
      kind: 'settled',
      settlement: { status, outcome, reason, leadId: lead?.id ?? plan.ref.id ?? null },
      // [head, ...actions]: a recipe row has no head; none of its actions was sent.
      parts: [{ outcome: 'done' }, ...plan.actions.map(() => ({ outcome: status, message: outcome }))],
      lead,
      head: null,
    },
  });
  let lead: Lead;
  try {
    lead = (await getLeadState(caller, plan.ref, 'bulk')).lead;
  } catch (error) {
    if (isNotSent(error) || error instanceof RateLimitedError || (error instanceof TransportError && error.kind !== 'bad_response')) return { kind: 'not_sent', error };
    if (isNoLeadError(error)) return settled('failed', 'No lead with this id or email in Kartra: nothing sent', 'missing', null);
    if (error instanceof KartraApiError) {
      const described = describeKartraError(error.type, error.kartraMessage);
      return settled('failed', `Reading the lead to check the recipe's conditions failed: ${described.message}${error.type ? ` (Kartra ${error.type})` : ''}`, 'kartra', null);
    }
    return settled('failed', toAppError(error).message, 'error', null);
  }
  const unmet = firstUnmet(conditions, lead);
  if (unmet) return settled('skipped', `Skipped: read just now, the lead does not meet “${describeCondition(unmet)}” — nothing sent`, 'condition', lead);
  const { clear: _all, ...rest } = plan;
  // Both, as bulk rows: Kartra lets the id win, and History names the lead by its email.
  const go: RowPlan = { ...rest, ref: { id: lead.id, ...(lead.email ? { email: lead.email } : {}) }, scoreBefore: lead.score };
  const filled = (plan.clear ?? []).map((key) => [key, currentValue(lead, key)] as const).filter(([, value]) => value !== '');
  if (filled.length > 0) return { kind: 'go', plan: { ...go, clear: filled.map(([key]) => key), before: Object.fromEntries(filled) }, lead };
  if (plan.actions.length === 0) return settled('skipped', 'Skipped: read just now, the fields to clear are empty already — nothing sent', 'unchanged', lead);
  return { kind: 'go', plan: go, lead };
}
