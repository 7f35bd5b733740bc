// Sends one chained lead call (create/edit/search + actions) and settles it into a lead id and per-action results.
//
// Anchoring: a chain of several actions is sent behind `search_lead` as actions[0]. Kartra's rule
// is that create/edit/search must come first and the rest applies to the lead it resolved
// (kartra-api.md §2.3); with the anchor the lead is looked up once, a missing lead fails once
// (243 on search_lead, thrown) instead of once per action, and the answer carries the lead id.
// A single action on a lead whose id is known is sent bare, exactly as on Kartra's per-command
// pages (the shape with the best evidence); addressed by email only, it is anchored too, so the
// answer names the lead id. Either way it is one HTTP call.
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
  /** One result per action passed in (the create/edit/search anchor is not included). */
  results: ActionResult[];
}

async function sendChain(
  caller: KartraCaller,
  lane: Lane,
  lead: PhpObject,
  head: 'create_lead' | 'edit_lead' | 'search_lead' | null,
  actions: readonly LeadAction[],
  knownId: string | null,
): Promise<ChainOutcome> {
  const wire: PhpObject[] = [...(head ? [{ cmd: head }] : []), ...actions.map(actionParams)];
  const cmds = wire.map((w) => String(w.cmd));
  const decoded = await caller.call({ lead, actions: wire }, { lane, mode: 'write' });
  const results = chainResults(decoded, cmds);
  const first = results[0];
  // A failed first action means nothing happened (or the lead could not be resolved): throw.
  if (first && !first.ok) throw new KartraApiError(first.kartraType ?? '', first.message, first.cmd);
  return { leadId: leadIdFrom(decoded) ?? knownId, results: head ? results.slice(1) : results };
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

/** Lead actions on an existing lead; `anchor` forces search_lead first even for one action. */
export function sendActions(
  caller: KartraCaller,
  lane: Lane,
  ref: LeadRef,
  actions: readonly LeadAction[],
  anchor = actions.length > 1 || ref.id === undefined,
): Promise<ChainOutcome> {
  return sendChain(caller, lane, leadBlock(ref, undefined), anchor ? 'search_lead' : null, actions, ref.id ?? null);
}
