// Sends one chained lead call (create/edit + actions, or actions alone) and reads it into a lead id and one
// result per action (done, failed or unknown: decode-chain.ts).
//
// Actions on an existing lead go bare on lead[id] / lead[email], exactly as Kartra's own sample and every
// production integration send them (kartra-api.md §0.4 E5): no search_lead anchor, whose "Lead found" would
// say nothing about the actions behind it.
import type { ActionResult, LeadAction } from '../../../shared/domain/actions';
import type { LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import type { KartraCaller } from './caller';
import { leadIdFrom } from './decode';
import { chainResults } from './decode-chain';
import { KartraApiError } from './errors';
import { actionParams, leadBlock, type CreateLeadData, type EditLeadData } from './lead-input';
import type { PhpObject } from './php-encode';

export interface ChainOutcome {
  /** The lead the chain ran on; null only when Kartra's answer did not say and the ref had no id. */
  leadId: string | null;
  /** The create/edit at actions[0], when there was one. */
  head: ActionResult | null;
  /** One result per action passed in (the create/edit head is not included). */
  results: ActionResult[];
}

async function sendChain(
  caller: KartraCaller,
  lane: Lane,
  lead: PhpObject,
  head: 'create_lead' | 'edit_lead' | null,
  actions: readonly LeadAction[],
  knownId: string | null,
): Promise<ChainOutcome> {
  const wire: PhpObject[] = [...(head ? [{ cmd: head }] : []), ...actions.map(actionParams)];
  const cmds = wire.map((w) => String(w.cmd));
  const decoded = await caller.call({ lead, actions: wire }, { lane, mode: 'write' });
  const results = chainResults(decoded, cmds);
  const first = results[0];
  // A refused create/edit at actions[0], or a refused lone action: nothing of the call was applied.
  const refused = first && !first.ok && !first.unknown && (head !== null || results.length === 1 || results.every((r) => !r.ok && !r.unknown && r.kartraType === first.kartraType));
  if (first && refused) throw new KartraApiError(first.kartraType ?? '', first.message, first.cmd);
  return { leadId: leadIdFrom(decoded) ?? knownId, head: head ? (results[0] ?? null) : null, results: head ? results.slice(1) : results };
}

export function sendCreate(caller: KartraCaller, lane: Lane, data: CreateLeadData, actions: readonly LeadAction[]): Promise<ChainOutcome> {
  return sendChain(caller, lane, leadBlock({ email: data.email }, data), 'create_lead', actions, null);
}

export function sendEdit(
  caller: KartraCaller,
  lane: Lane,
  ref: LeadRef,
  changes: EditLeadData,
  actions: readonly LeadAction[],
): Promise<ChainOutcome> {
  return sendChain(caller, lane, leadBlock(ref, changes), 'edit_lead', actions, ref.id ?? null);
}

/** Lead actions on an existing lead, sent bare. */
export function sendActions(caller: KartraCaller, lane: Lane, ref: LeadRef, actions: readonly LeadAction[]): Promise<ChainOutcome> {
  return sendChain(caller, lane, leadBlock(ref, undefined), null, actions, ref.id ?? null);
}
