// Lead writes (create/edit/actions, chained in one call) sent once and reported as Kartra answered: one result
// per action, done, failed or unknown (decode-chain.ts). Nothing here re-reads the lead or re-sends: an outcome
// that is unknown (an action the answer does not cover, or a TransportError after sending) is settled by the
// product's one verifier, core/writes/verifier.ts, behind the write queue.
import { z } from 'zod';
import { LeadAction, type ActionResult } from '../../../shared/domain/actions';
import { LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import { AppError } from '../errors';
import type { KartraCaller } from './caller';
import { sendActions, sendCreate, sendEdit, type ChainOutcome } from './chain';
import { searchLead } from './commands-lead';
import { parseInput } from './input';
import { CreateLeadInput, EditLeadChanges } from './lead-input';

/** Outcome of a lead write: the lead's id, the create/edit's own result, and one result per action passed in. */
export interface LeadWriteResult {
  leadId: string;
  head: ActionResult | null;
  results: ActionResult[];
}

const Actions = z.array(LeadAction).max(50, 'at most 50 actions fit in one call');

export async function createLead(caller: KartraCaller, lane: Lane, input: unknown, actionsIn: unknown = []): Promise<LeadWriteResult> {
  const data = parseInput(CreateLeadInput, input, 'lead');
  const actions = parseInput(Actions, actionsIn, 'actions');
  return withLeadId(caller, lane, { email: data.email }, await sendCreate(caller, lane, data, actions));
}

export async function editLead(caller: KartraCaller, lane: Lane, refIn: unknown, changesIn: unknown, actionsIn: unknown = []): Promise<LeadWriteResult> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const changes = parseInput(EditLeadChanges, changesIn, 'lead changes');
  const actions = parseInput(Actions, actionsIn, 'actions');
  const lookup: LeadRef = ref.id !== undefined ? { id: ref.id } : { email: changes.new_email ?? ref.email };
  return withLeadId(caller, lane, lookup, await sendEdit(caller, lane, ref, changes, actions));
}

export async function runActions(caller: KartraCaller, lane: Lane, refIn: unknown, actionsIn: unknown): Promise<LeadWriteResult> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const actions = parseInput(Actions.min(1, 'give at least one action'), actionsIn, 'actions');
  return withLeadId(caller, lane, ref, await sendActions(caller, lane, ref, actions));
}

/** Kartra's answer normally names the lead; when it does not, one search_lead read finds it. */
async function withLeadId(caller: KartraCaller, lane: Lane, lookup: LeadRef, outcome: ChainOutcome): Promise<LeadWriteResult> {
  if (outcome.leadId) return { leadId: outcome.leadId, head: outcome.head, results: outcome.results };
  const found = await searchLead(caller, lookup, lane);
  if (!found) throw new AppError('kartra_error', `Kartra answered the change but the lead ${lookup.id ?? lookup.email} cannot be found afterwards.`);
  return { leadId: found.id, head: outcome.head, results: outcome.results };
}
