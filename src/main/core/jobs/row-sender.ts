// Sends one row of a job: one chained call for a new lead, at most two for an existing one (create → 244 → edit),
// and after a lost answer or a crash, a read of the lead before anything is sent again.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ImportMode } from '../../../shared/domain/import';
import type { LeadRef } from '../../../shared/domain/lead';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';
import { toAppError } from '../api/to-app-error';
import type { KartraCaller } from '../kartra/caller';
import { sendActions, sendCreate, sendEdit, type ChainOutcome } from '../kartra/chain';
import { readLeadState } from '../kartra/commands-lead';
import { describeKartraError } from '../kartra/error-codes';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { isNotSent } from '../outbox/connectivity';
import { decideRecovery } from './row-recovery';
import type { Settlement, Step } from './row-repo';

export interface RowPlan {
  row: number;
  mode: ImportMode | 'recipe';
  /** How the lead is found: by email for imports, by id or email for recipes. */
  ref: LeadRef;
  /** Import: the lead's fields (email included); null for recipes. */
  lead: CreateLeadData | null;
  /** The chain, in the order it is sent. */
  actions: LeadAction[];
}

export type RowResult =
  | { kind: 'settled'; settlement: Settlement }
  /** Nothing reached Kartra (network down, limiter closed): the row waits to be sent again. */
  | { kind: 'not_sent'; error: unknown }
  /** It may have reached Kartra and the lead could not be read to tell: the row stays in flight. */
  | { kind: 'unknown'; error: unknown };

export const firstStep = (mode: RowPlan['mode']): Step => (mode === 'recipe' ? 'actions' : mode === 'update' ? 'edit' : 'create');

const settled = (settlement: Settlement): RowResult => ({ kind: 'settled', settlement });
const NOT_FOUND = new Set(['243', '234']);
const DONE_STATUS = { create: 'created', edit: 'updated', actions: 'updated' } as const;
const DONE_TEXT = { create: 'Created', edit: 'Updated', actions: 'Applied' } as const;

function fieldsOf(plan: RowPlan): EditLeadData {
  if (!plan.lead) return {};
  const { email: _email, ...fields } = plan.lead;
  return fields;
}

function send(caller: KartraCaller, plan: RowPlan, step: Step): Promise<ChainOutcome> {
  if (step === 'create') return sendCreate(caller, 'bulk', plan.lead!, plan.actions);
  if (step === 'edit') return sendEdit(caller, 'bulk', { email: plan.lead!.email }, fieldsOf(plan), plan.actions);
  return sendActions(caller, 'bulk', plan.ref, plan.actions);
}

function fromChain(step: Step, outcome: ChainOutcome, actions: RowPlan['actions']): Settlement {
  const refused = outcome.results.filter((r) => !r.ok && !r.notRun);
  const notRun = outcome.results.filter((r) => r.notRun);
  if (refused.length === 0 && notRun.length === 0) return { status: DONE_STATUS[step], outcome: DONE_TEXT[step], reason: 'done', leadId: outcome.leadId };
  const done = step === 'create' ? 'Lead created' : step === 'edit' ? 'Lead updated' : 'Lead found';
  // A 230 names the step and the sequence (results are in the order of the actions sent).
  const said = (r: (typeof refused)[number]) =>
    r.kartraType === '230' ? describeKartraError(r.kartraType, r.message, actions[outcome.results.indexOf(r)]).message : r.message;
  const parts = refused.map((r) => `${r.cmd}: ${said(r)}${r.kartraType ? ` (Kartra ${r.kartraType})` : ''}`);
  const skipped = notRun.length > 0 ? `; not run: ${notRun.map((r) => r.cmd).join(', ')}` : '';
  return { status: 'failed', outcome: `${done}${outcome.leadId ? ` (id ${outcome.leadId})` : ''}, but Kartra refused ${parts.join('; ')}${skipped}`, reason: 'partial', leadId: outcome.leadId };
}

/** Kartra refused the call at actions[0]: nothing of it was applied. */
function afterRefusal(plan: RowPlan, step: Step, error: KartraApiError): Step | Settlement {
  if (step === 'create' && error.type === '244') {
    if (plan.mode === 'upsert') return 'edit';
    return { status: 'skipped', outcome: 'A lead with this email already exists in Kartra (create only: left unchanged)', reason: 'exists', leadId: null };
  }
  if (step === 'edit' && NOT_FOUND.has(error.type)) {
    if (plan.mode === 'upsert') return 'create';
    return { status: 'skipped', outcome: 'No lead with this email in Kartra (update only: not created)', reason: 'missing', leadId: null };
  }
  const described = describeKartraError(error.type, error.kartraMessage, error.action ?? plan.actions.find((a) => a.cmd === error.cmd));
  return { status: 'failed', outcome: `${described.message}${error.type ? ` (Kartra ${error.type})` : ''}`, reason: 'kartra', leadId: null };
}

export interface RowJournal {
  /** Called (and committed) right before each call leaves. */
  inFlight(step: Step): void;
}

/**
 * Runs the row to a settlement. `recovering` means a call of `step` may already have reached Kartra
 * (the app stopped while it was in flight): the lead is read first and the chain re-sent only when
 * the read shows it was not applied.
 */
export async function sendRow(caller: KartraCaller, plan: RowPlan, step: Step, journal: RowJournal, recovering: boolean): Promise<RowResult> {
  let current = step;
  let verify = recovering;
  // create → 244 → edit is the normal upsert; the bound only stops a lead that keeps vanishing and reappearing.
  for (let round = 0; round < 5; round++) {
    if (verify) {
      verify = false;
      let state;
      try {
        state = await readLeadState(caller, plan.lead ? { email: plan.lead.email } : plan.ref, 'bulk');
      } catch (error) {
        if (error instanceof KartraApiError) {
          const described = describeKartraError(error.type, error.kartraMessage);
          return settled({ status: 'failed', outcome: `Reading the lead to check an interrupted call failed: ${described.message}`, reason: 'kartra', leadId: null });
        }
        return { kind: 'unknown', error };
      }
      const decision = decideRecovery({ step: current, state, fields: current === 'actions' ? {} : fieldsOf(plan), actions: plan.actions });
      const leadId = state?.lead.id || null;
      if (decision.kind === 'applied') {
        return settled({ status: DONE_STATUS[current], outcome: `${DONE_TEXT[current]} (confirmed by reading the lead after the connection was lost)`, reason: 'done', leadId });
      }
      if (decision.kind === 'check') return settled({ status: 'failed', outcome: decision.message, reason: 'check', leadId });
    }
    journal.inFlight(current);
    try {
      return settled(fromChain(current, await send(caller, plan, current), plan.actions));
    } catch (error) {
      if (error instanceof KartraApiError) {
        const next = afterRefusal(plan, current, error);
        if (typeof next === 'string') {
          current = next;
          continue;
        }
        return settled(next);
      }
      if (isNotSent(error) || error instanceof RateLimitedError) return { kind: 'not_sent', error };
      if (error instanceof TransportError && error.sent) {
        // The answer was lost after sending: read the lead before deciding anything.
        verify = true;
        continue;
      }
      return settled({ status: 'failed', outcome: toAppError(error).message, reason: 'error', leadId: null });
    }
  }
  return settled({ status: 'failed', outcome: 'Kartra kept answering "already exists" and "not found" in turn for this email; check the lead in Kartra.', reason: 'error', leadId: null });
}
