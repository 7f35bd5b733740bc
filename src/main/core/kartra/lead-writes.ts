// Lead writes (create/edit/actions, chained in one call) with safe recovery when the answer is lost after sending.
//
// A write whose request may have reached Kartra (TransportError sent:true: timeout after
// sending, reset, 5xx, unreadable answer) is never replayed blindly. The lead is read back and
// every part is judged from its state (verify.ts): parts already applied are reported as done,
// parts clearly not applied are sent once more in one call, and when any part cannot be judged
// (points; calendar bookings get_lead does not show) UncertainWriteError is thrown instead.
import { z } from 'zod';
import { LeadAction, type ActionResult } from '../../../shared/domain/actions';
import { LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import type { KartraCaller } from './caller';
import { sendActions, sendCreate, sendEdit, type ChainOutcome } from './chain';
import { readLeadState, searchLead } from './commands-lead';
import { AppError } from '../errors';
import { parseInput } from './input';
import { CreateLeadInput, EditLeadChanges, describeAction, type CreateLeadData, type EditLeadData } from './lead-input';
import { isUncertain, resendOnce, UncertainWriteError, type PartVerdict, type WriteVerdict } from './uncertain-write-error';
import { actionVerdict, emailsMatch, fieldsVerdict, type LeadState } from './verify';

/** Outcome of a lead write: the lead's id and one result per action passed in. */
export interface LeadWriteResult {
  leadId: string;
  results: ActionResult[];
}

export const CONFIRMED_MESSAGE = "Applied (confirmed by reading the lead after Kartra's answer was lost)";
const Actions = z.array(LeadAction).max(50, 'at most 50 actions fit in one call');

export async function createLead(caller: KartraCaller, lane: Lane, input: unknown, actionsIn: unknown = []): Promise<LeadWriteResult> {
  const data = parseInput(CreateLeadInput, input, 'lead');
  const actions = parseInput(Actions, actionsIn, 'actions');
  return withLeadId(caller, lane, { email: data.email }, await createChain(caller, lane, data, actions));
}

async function createChain(caller: KartraCaller, lane: Lane, data: CreateLeadData, actions: LeadAction[]): Promise<ChainOutcome> {
  try {
    return await sendCreate(caller, lane, data, actions);
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const what = `create_lead for ${data.email}`;
    const state = await verifyRead(caller, { email: data.email }, lane, what, error);
    // No such lead: nothing of the chain can have happened (it was anchored on the new lead).
    if (state === null) return resendOnce(() => sendCreate(caller, lane, data, actions), what, []);
    return settle({ caller, lane, state, actions, what, cause: error, primary: { part: 'create_lead', verdict: 'applied', resend: null } });
  }
}

export async function editLead(
  caller: KartraCaller,
  lane: Lane,
  refIn: unknown,
  changesIn: unknown,
  actionsIn: unknown = [],
): Promise<LeadWriteResult> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const changes = parseInput(EditLeadChanges, changesIn, 'lead changes');
  const actions = parseInput(Actions, actionsIn, 'actions');
  const lookup: LeadRef = ref.id !== undefined ? { id: ref.id } : { email: changes.new_email ?? ref.email };
  return withLeadId(caller, lane, lookup, await editChain(caller, lane, ref, changes, actions));
}

async function editChain(caller: KartraCaller, lane: Lane, ref: LeadRef, changes: EditLeadData, actions: LeadAction[]): Promise<ChainOutcome> {
  try {
    return await sendEdit(caller, lane, ref, changes, actions);
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const what = `edit_lead for ${ref.id ?? ref.email}`;
    let state = await verifyRead(caller, ref, lane, what, error);
    let newEmail: WriteVerdict | null = null;
    if (changes.new_email !== undefined) {
      if (state) newEmail = emailsMatch(changes.new_email, state.lead.email) ? 'applied' : 'not_applied';
      else {
        // Not under the old address any more: applied if the lead now answers to the new one.
        state = await verifyRead(caller, { email: changes.new_email }, lane, what, error);
        if (state) newEmail = 'applied';
      }
    }
    // No lead at all: Kartra's answer to the resend (243) is the authoritative outcome.
    if (state === null) return resendOnce(() => sendEdit(caller, lane, ref, changes, actions), what, []);
    const { new_email: _sent, ...fields } = changes;
    const verdict: WriteVerdict = newEmail === 'not_applied' || fieldsVerdict(state.lead, fields) === 'not_applied' ? 'not_applied' : 'applied';
    const target: LeadRef = state.lead.id ? { id: state.lead.id } : newEmail === 'applied' ? { email: changes.new_email } : ref;
    const resendChanges = newEmail === 'applied' ? fields : changes;
    return settle({
      caller, lane, state, actions, what, cause: error,
      // Re-sending edited fields is harmless (they overwrite); new_email is dropped once it holds.
      primary: { part: 'edit_lead', verdict, resend: (pending) => sendEdit(caller, lane, target, resendChanges, pending) },
    });
  }
}

export async function runActions(caller: KartraCaller, lane: Lane, refIn: unknown, actionsIn: unknown): Promise<LeadWriteResult> {
  const ref = parseInput(LeadRef, refIn, 'lead reference');
  const actions = parseInput(Actions.min(1, 'give at least one action'), actionsIn, 'actions');
  return withLeadId(caller, lane, ref, await actionsChain(caller, lane, ref, actions));
}

async function actionsChain(caller: KartraCaller, lane: Lane, ref: LeadRef, actions: LeadAction[]): Promise<ChainOutcome> {
  try {
    return await sendActions(caller, lane, ref, actions);
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const what = `${actions.map(describeAction).join(', ')} on lead ${ref.id ?? ref.email}`;
    const state = await verifyRead(caller, ref, lane, what, error);
    if (state === null) return resendOnce(() => sendActions(caller, lane, ref, actions), what, []);
    return settle({ caller, lane, state, actions, what, cause: error, primary: null });
  }
}

interface Settle {
  caller: KartraCaller;
  lane: Lane;
  state: LeadState;
  actions: readonly LeadAction[];
  what: string;
  cause: unknown;
  /** The create/edit part; `resend` null when it is known to be applied. */
  primary: { part: string; verdict: WriteVerdict; resend: ((pending: LeadAction[]) => Promise<ChainOutcome>) | null } | null;
}

async function settle(s: Settle): Promise<ChainOutcome> {
  const verdicts = s.actions.map((action) => actionVerdict(s.state, action));
  const parts: PartVerdict[] = [
    ...(s.primary ? [{ part: s.primary.part, verdict: s.primary.verdict }] : []),
    ...s.actions.map((action, i) => ({ part: describeAction(action), verdict: verdicts[i] ?? 'unknown' })),
  ];
  const unsure = s.actions.filter((_, i) => verdicts[i] === 'unknown');
  if (unsure.length > 0) throw new UncertainWriteError(s.what, unknowableReason(unsure), parts, s.cause);

  const pending = s.actions.map((_, i) => i).filter((i) => verdicts[i] === 'not_applied');
  const resendPrimary = s.primary?.verdict === 'not_applied' ? s.primary.resend : null;
  const leadId = s.state.lead.id || null;
  if (!resendPrimary && pending.length === 0) {
    return { leadId, head: null, results: s.actions.map((a) => ({ cmd: a.cmd, ok: true, message: CONFIRMED_MESSAGE })) };
  }
  const pendingActions = pending.map((i) => s.actions[i] as LeadAction);
  const ref: LeadRef = leadId ? { id: leadId } : { email: s.state.lead.email };
  const outcome = await resendOnce(
    () => (resendPrimary ? resendPrimary(pendingActions) : sendActions(s.caller, s.lane, ref, pendingActions)),
    s.what,
    parts,
  );
  const results = s.actions.map((action, i) => {
    const at = pending.indexOf(i);
    return at === -1 ? { cmd: action.cmd, ok: true, message: CONFIRMED_MESSAGE } : (outcome.results[at] ?? { cmd: action.cmd, ok: true, message: 'Done' });
  });
  return { leadId: outcome.leadId ?? leadId, head: null, results };
}

function unknowableReason(unsure: readonly LeadAction[]): string {
  const reasons = new Set(
    unsure.map((a) =>
      a.cmd === 'give_points_to_lead' || a.cmd === 'remove_points_from_lead'
        ? "a lead's points cannot be checked afterwards (the score alone does not show whether these points were added)"
        : 'Kartra does not show calendar bookings on the lead, so the booking cannot be checked',
    ),
  );
  return [...reasons].join('; ');
}

async function verifyRead(caller: KartraCaller, ref: LeadRef, lane: Lane, what: string, cause: unknown): Promise<LeadState | null> {
  try {
    return await readLeadState(caller, ref, lane);
  } catch (error) {
    throw new UncertainWriteError(what, 'reading the lead back to check failed too', [], new AggregateError([cause, error], 'write and verification both failed'));
  }
}

/** Kartra's answer normally names the lead; when it does not, one search_lead read finds it. */
async function withLeadId(caller: KartraCaller, lane: Lane, lookup: LeadRef, outcome: ChainOutcome): Promise<LeadWriteResult> {
  if (outcome.leadId) return { leadId: outcome.leadId, results: outcome.results };
  const found = await searchLead(caller, lookup, lane);
  if (!found) throw new AppError('kartra_error', `Kartra accepted the change but the lead ${lookup.id ?? lookup.email} cannot be found afterwards.`);
  return { leadId: found.id, results: outcome.results };
}
