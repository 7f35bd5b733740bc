// A recipe row's conditions, judged on a fresh get_lead (on the bulk lane, counted with the job's calls) right
// before its chain is sent: the cache may be stale, Kartra is not. A lead that fails one is skipped and nothing
// is sent; one that meets them all is then written by its id. A read changes nothing, so a read that did not come
// back is simply done again later.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import { describeCondition } from '../../../shared/domain/describe-condition';
import { firstUnmet } from '../../../shared/domain/recipe-conditions';
import { isNotSent } from '../connection/connectivity';
import type { KartraCaller } from '../kartra/caller';
import { getLeadState, isNoLeadError } from '../kartra/commands-lead';
import { describeKartraError } from '../kartra/error-codes';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { toAppError } from '../api/to-app-error';
import type { RowPlan, RowResult } from './row-sender';

export type GateResult =
  /** Send the chain to this lead (its id once read). */
  | { kind: 'go'; ref: LeadRef; lead: Lead | null }
  | { kind: 'settled'; result: Extract<RowResult, { kind: 'settled' }> }
  /** The read did not come back: the row waits and is judged again. */
  | { kind: 'not_sent'; error: unknown };

export async function gateRow(caller: KartraCaller, plan: RowPlan): Promise<GateResult> {
  const conditions = plan.conditions ?? [];
  if (conditions.length === 0) return { kind: 'go', ref: plan.ref, lead: null };
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
  return { kind: 'go', ref: { id: lead.id }, lead };
}
