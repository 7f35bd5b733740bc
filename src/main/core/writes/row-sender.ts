// Sends one row of a job (the bulk producer's unit of work): one chained call for a new lead, at most two for an
// existing one (create → 244 → edit). Outcomes follow the one rule (done, failed, unknown); unknown parts — a lost
// answer, fewer results than actions, a crash while the call was out — are settled by reading the lead through
// the one verifier, and only what is shown not applied is sent again.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ExistingPolicy, ImportMode } from '../../../shared/domain/import';
import type { LeadRef } from '../../../shared/domain/lead';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';
import { toAppError } from '../api/to-app-error';
import type { KartraCaller } from '../kartra/caller';
import { sendActions, sendCreate, sendEdit, type ChainOutcome } from '../kartra/chain';
import { readLeadState } from '../kartra/commands-lead';
import type { ActionOutcome } from '../../../shared/domain/history';
import type { LeadState } from '../kartra/verify';
import { describeKartraError } from '../kartra/error-codes';
import { KartraApiError, RateLimitedError, TransportError } from '../kartra/errors';
import { isNotSent } from '../connection/connectivity';
import { isLeadNotFound } from '../kartra/error-codes';
import { evidenceAction } from './row-chain';
import { existingStep, fieldsOf, fillFields, policyOf } from './existing-row';
import type { RowPlan } from './row-plan';
import { verifyWrite, type PartOutcome, type VerifyResult } from './verifier';
import type { Settlement, Step } from '../jobs/row-repo';

export type { RowPlan } from './row-plan';

/** How each part of the row's chain ended, for History: [create/edit (if any), ...actions]. */
export type RowParts = { outcome: ActionOutcome; kartraType?: string | null; message?: string | null }[];

/** The head the row's settled call carried: a create, an edit of these fields, or none (a bare chain on an existing lead). */
export type RowHead = { kind: 'create' } | { kind: 'edit'; fields: EditLeadData } | null;

export type RowResult =
  | { kind: 'settled'; settlement: Settlement; parts: RowParts; lead: LeadState['lead'] | null; head: RowHead }
  /** Nothing reached Kartra (network down, limiter closed): the row waits to be sent again. */
  | { kind: 'not_sent'; error: unknown }
  /** It may have reached Kartra and the lead could not be read to tell: the row stays in flight. */
  | { kind: 'unknown'; error: unknown };

/** A recipe row that clears fields starts with its edit_lead; any other recipe row is a bare chain. */
export const firstStep = (plan: Pick<RowPlan, 'mode' | 'clear'>): Step =>
  plan.mode === 'recipe' ? (plan.clear?.length ? 'edit' : 'actions') : plan.mode === 'update' ? 'edit' : 'create';


const DONE_STATUS = { create: 'created', edit: 'updated', actions: 'updated' } as const;
const DONE_TEXT = { create: 'Created', edit: 'Updated', actions: 'Applied' } as const;

function send(caller: KartraCaller, plan: RowPlan, step: Step, actions: readonly LeadAction[], fields: EditLeadData): Promise<ChainOutcome> {
  if (step === 'create') return sendCreate(caller, 'bulk', plan.lead!, actions);
  // An import row is found by its email; a recipe row by its id once the gate read it (Kartra lets the id win).
  if (step === 'edit') return sendEdit(caller, 'bulk', plan.lead ? { email: plan.lead.email } : plan.ref, fields, actions);
  return sendActions(caller, 'bulk', plan.ref, actions);
}

type ActionReport = { cmd: string; ok: boolean; message: string; kartraType?: string; action?: LeadAction };

/** A refusal in words; a 230 names the step and the sequence of the action it refused. */
function said(r: ActionReport): string {
  return r.kartraType === '230' && r.action ? describeKartraError(r.kartraType, r.message, r.action).message : r.message;
}

function fromChain(step: Step, leadId: string | null, results: readonly ActionReport[]): Settlement {
  const refused = results.filter((r) => !r.ok);
  if (refused.length === 0) return { status: DONE_STATUS[step], outcome: DONE_TEXT[step], reason: 'done', leadId };
  const done = step === 'create' ? 'Lead created' : step === 'edit' ? 'Lead updated' : 'Lead found';
  const parts = refused.map((r) => `${r.cmd}: ${said(r)}${r.kartraType ? ` (Kartra ${r.kartraType})` : ''}`);
  return { status: 'failed', outcome: `${done}${leadId ? ` (id ${leadId})` : ''}, but Kartra refused ${parts.join('; ')}`, reason: 'partial', leadId };
}

/**
 * Kartra refused the call at actions[0]: nothing of it was applied. An import row whose lead exists goes to 'edit',
 * which the existing-lead policy then turns into an edit, a bare chain or nothing (existing-row.ts).
 */
function afterRefusal(plan: RowPlan, step: Step, error: KartraApiError): Step | Settlement {
  if (step === 'create' && error.type === '244') {
    if (plan.mode === 'upsert') return 'edit';
    return { status: 'skipped', outcome: 'A lead with this email already exists in Kartra (create only: left unchanged)', reason: 'exists', leadId: null };
  }
  if ((step === 'edit' || step === 'actions') && plan.mode !== 'recipe' && isLeadNotFound(error.type)) {
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

/** One part of the row's chain; `found` is what reading the lead showed about a part whose outcome was unknown. */
type Part = { outcome: PartOutcome; kartraType?: string; message: string; found?: 'not_applied' | 'cannot_tell' };
const CONFIRMED = 'Applied (confirmed by reading the lead)';

/**
 * Runs the row to a settlement. `recovering` means a call of `step` may already have reached Kartra
 * (the app stopped while it was in flight): the lead is read first and only what it shows not applied is sent.
 */
export async function sendRow(caller: KartraCaller, plan: RowPlan, step: Step, journal: RowJournal, recovering: boolean): Promise<RowResult> {
  let current = step;
  // What the row counts as when it settles: a partial re-send of missing actions (bare) keeps "created".
  let doneAs = step;
  // Per part: [head, ...plan.actions]; unknown parts are settled by the next verification.
  let parts: Part[] | null = recovering ? unknownParts(plan, step) : null;
  let pending: number[] | null = null; // indexes of plan.actions still to send after a verification
  let leadId: string | null = null;
  // The fields an edit writes, once the existing-lead policy chose them (null: not chosen yet for this lead).
  let editFields: EditLeadData | null = null;
  // Set when the policy sent the chain bare to an existing lead: its outcome says the details were kept.
  let kept = false;
  const result = (settlement: Settlement, lead: LeadState['lead'] | null = null): RowResult => ({
    kind: 'settled',
    settlement: {
      ...settlement,
      leadId: settlement.leadId ?? leadId,
      outcome: kept && settlement.reason === 'done' ? `Existing lead: tags, lists and sequences added, details kept (${settlement.outcome})` : settlement.outcome,
    },
    parts: (parts ?? []).map((p) => ({ outcome: p.found === 'cannot_tell' ? 'needs_check' : p.outcome, kartraType: p.kartraType ?? null, message: p.message })),
    lead,
    head: doneAs === 'actions' ? null : doneAs === 'create' ? { kind: 'create' } : { kind: 'edit', fields: editFields ?? (plan.mode === 'recipe' ? fieldsOf(plan) : {}) },
  });
  // create → 244 → edit is the normal upsert; the bound only stops a lead that keeps vanishing and reappearing.
  for (let round = 0; round < 5; round++) {
    if (parts?.some((p) => p.outcome === 'unknown')) {
      let state: LeadState | null;
      try {
        state = await readLeadState(caller, leadId ? { id: leadId } : plan.lead ? { email: plan.lead.email } : plan.ref, 'bulk');
      } catch (error) {
        if (error instanceof KartraApiError) {
          const described = describeKartraError(error.type, error.kartraMessage);
          return result({ status: 'failed', outcome: `Reading the lead to check an interrupted call failed: ${described.message}`, reason: 'kartra', leadId: null });
        }
        return { kind: 'unknown', error };
      }
      if (current === 'edit' && state && plan.mode !== 'recipe') {
        // The edit is judged against the lead as it is now: under "fill" what is filled stays filled and only what
        // is still empty is sent again; "keep" never edits details (a row journaled before the policy existed).
        const policy = policyOf(plan);
        editFields = policy === 'fill' ? fillFields(plan, state) : policy === 'keep' ? {} : fieldsOf(plan);
      }
      const verdicts = verifyRow(plan, current, parts, state, editFields ?? fieldsOf(plan));
      leadId = verdicts.leadId ?? leadId;
      if (verdicts.missing) {
        // No lead: nothing anchored on it can have happened. A create is simply sent again; anything else
        // is answered as Kartra answers a write on a missing lead.
        parts = null;
        pending = null;
        if (current !== 'create') {
          const next = afterRefusal(plan, current, new KartraApiError('243', 'No lead found'));
          if (typeof next !== 'string') return result(next);
          current = doneAs = next;
        }
      } else {
        const applyVerdict = (part: Part, verdict: VerifyResult['actions'][number]): Part =>
          !verdict
            ? part
            : verdict.kind === 'applied'
              ? { outcome: 'done', message: CONFIRMED }
              : verdict.kind === 'not_applied'
                ? { outcome: 'unknown', message: 'Reading the lead showed it was not applied', found: 'not_applied' }
                : { outcome: 'unknown', message: verdict.kartraShows, found: 'cannot_tell' };
        const head = parts[0]!;
        const next: Part[] = [current === 'actions' ? head : applyVerdict(head, verdicts.head), ...plan.actions.map((_, i) => applyVerdict(parts![i + 1]!, verdicts.actions[i] ?? null))];
        if (next.some((p) => p.found === 'cannot_tell')) {
          // Never re-sent automatically: the row asks the user to check the lead (nothing of it is sent again).
          parts = next.map((p) => (p.found === 'not_applied' ? { ...p, message: 'Not applied; not sent again while another part needs a check' } : p));
          const shows = next.find((p) => p.found === 'cannot_tell')!.message;
          return result({ status: 'failed', outcome: `Check this lead in Kartra: the answer was lost and reading the lead cannot tell whether everything was applied (${shows}); sending again could apply points or a booking twice.`, reason: 'check', leadId }, state?.lead ?? null);
        }
        const headNotApplied = current !== 'actions' && next[0]!.found === 'not_applied';
        pending = plan.actions.map((_, i) => i).filter((i) => next[i + 1]!.found === 'not_applied');
        parts = next.map((p) => (p.found === 'not_applied' ? { outcome: 'unknown', message: 'Sent again: reading the lead showed it was not applied' } : p));
        if (!headNotApplied && pending.length === 0) {
          const refused = parts.filter((p) => p.outcome === 'failed');
          const settlement = refused.length === 0
            ? { status: DONE_STATUS[doneAs], outcome: `${DONE_TEXT[doneAs]} (confirmed by reading the lead)`, reason: 'done', leadId }
            : fromChain(doneAs, leadId, plan.actions.map((a, i) => ({ cmd: a.cmd, ok: parts![i + 1]!.outcome !== 'failed', message: parts![i + 1]!.message, kartraType: parts![i + 1]!.kartraType, action: a })));
          return result(settlement, state?.lead ?? null);
        }
        if (!headNotApplied) {
          // Only some actions are missing: send just those, bare on the lead.
          current = 'actions';
        }
      }
    }
    if (current === 'edit' && editFields === null && plan.mode !== 'recipe') {
      // The lead exists (create answered 244) or is presumed to (update only): the existing-lead policy decides.
      const next = await existingStep(caller, plan);
      if ('notSent' in next) return { kind: 'not_sent', error: next.notSent };
      if ('settlement' in next) {
        const outcome: PartOutcome = next.settlement.status === 'failed' ? 'failed' : ('skipped' as PartOutcome);
        parts = [{ outcome, message: next.settlement.outcome }, ...plan.actions.map((): Part => ({ outcome, message: next.settlement.outcome }))];
        doneAs = 'actions';
        return result(next.settlement);
      }
      leadId = ('leadId' in next ? next.leadId : null) ?? leadId;
      if (next.step === 'edit') editFields = next.fields;
      else {
        current = doneAs = next.step;
        kept = next.step === 'actions';
      }
    }
    journal.inFlight(current);
    const actions = pending ? pending.map((i) => plan.actions[i]!) : plan.actions;
    const ref: LeadRef | null = current === 'actions' && leadId ? { id: leadId } : null;
    let outcome: ChainOutcome;
    try {
      outcome = await send(caller, ref ? { ...plan, ref } : plan, current, actions, editFields ?? fieldsOf(plan));
    } catch (error) {
      if (error instanceof KartraApiError) {
        const next = afterRefusal(plan, current, error);
        if (typeof next === 'string') {
          current = doneAs = next;
          parts = null;
          editFields = null;
          kept = false;
          continue;
        }
        parts = [{ outcome: 'failed', kartraType: error.type, message: error.kartraMessage }, ...plan.actions.map((): Part => ({ outcome: next.status === 'failed' ? 'failed' : 'unknown', message: 'Not applied: the lead could not be written' }))];
        if (next.status === 'skipped') parts = parts.map(() => ({ outcome: 'skipped' as PartOutcome, message: next.outcome }));
        return result(next);
      }
      if (isNotSent(error) || error instanceof RateLimitedError) return { kind: 'not_sent', error };
      if (error instanceof TransportError && error.sent) {
        // The answer was lost after sending: read the lead before deciding anything.
        parts = mergeParts(parts, plan, current, pending, null);
        continue;
      }
      return result({ status: 'failed', outcome: toAppError(error).message, reason: 'error', leadId: null });
    }
    leadId = outcome.leadId ?? leadId;
    parts = mergeParts(parts, plan, current, pending, outcome);
    pending = null;
    if (parts.some((p) => p.outcome === 'unknown')) continue;
    const results = plan.actions.map((a, i) => ({ cmd: a.cmd, ok: parts![i + 1]!.outcome !== 'failed', message: parts![i + 1]!.message, kartraType: parts![i + 1]!.kartraType, action: a }));
    return result(fromChain(doneAs, leadId, results));
  }
  return result({ status: 'failed', outcome: 'Kartra kept answering "already exists" and "not found" in turn for this email; check the lead in Kartra.', reason: 'error', leadId: null });
}

function unknownParts(plan: RowPlan, step: Step): Part[] {
  return [{ outcome: step === 'actions' ? 'done' : 'unknown', message: '' }, ...plan.actions.map((): Part => ({ outcome: 'unknown', message: '' }))];
}

/** Folds a call's answer (or its loss: `outcome` null) into the row's parts; `pending` is which actions were sent. */
function mergeParts(previous: Part[] | null, plan: RowPlan, step: Step, pending: number[] | null, outcome: ChainOutcome | null): Part[] {
  const base: Part[] = previous ?? [{ outcome: 'done', message: '' }, ...plan.actions.map((): Part => ({ outcome: 'done', message: '' }))];
  const sent = pending ?? plan.actions.map((_, i) => i);
  const toPart = (r: { ok: boolean; unknown?: boolean; message: string; kartraType?: string } | undefined): Part =>
    !r || r.unknown ? { outcome: 'unknown', message: "Kartra's answer did not say" } : { outcome: r.ok ? 'done' : 'failed', message: r.message, ...(r.kartraType ? { kartraType: r.kartraType } : {}) };
  const next = [...base];
  if (step !== 'actions') next[0] = outcome ? toPart(outcome.head ?? { ok: true, message: 'Done' }) : { outcome: 'unknown', message: '' };
  sent.forEach((index, k) => (next[index + 1] = outcome ? toPart(outcome.results[k]) : { outcome: 'unknown', message: '' }));
  return next;
}

/**
 * The verifier on a row: create rows start from a score of 0, a recipe row from the score its gate read just
 * before; a chain's last checkable action proves the points before it.
 */
function verifyRow(plan: RowPlan, step: Step, parts: Part[], state: LeadState | null, editFields: EditLeadData): VerifyResult {
  const actions = plan.actions.map((action, i) => ({ action, outcome: parts[i + 1]!.outcome }));
  const result = verifyWrite({
    lead: state,
    head: step === 'create' ? { kind: 'create' } : step === 'edit' ? { kind: 'edit', changes: editFields } : null,
    headOutcome: step === 'actions' ? 'done' : parts[0]!.outcome,
    actions,
    scoreBefore: step === 'create' ? 0 : plan.scoreBefore,
  });
  const evidence = evidenceAction(plan.actions);
  const at = evidence ? plan.actions.indexOf(evidence) : -1;
  if (at >= 0 && result.actions[at]?.kind === 'applied' && actions[at]!.outcome === 'unknown') {
    // Kartra applies a chain in order: its last checkable action holding means the call was processed, and
    // points sent before it were applied. Not a booking: it can fail on its own (a full class, a past date).
    const points = (a: LeadAction) => a.cmd === 'give_points_to_lead' || a.cmd === 'remove_points_from_lead';
    result.actions = result.actions.map((v, i) => (v?.kind === 'cannot_tell' && i < at && points(plan.actions[i]!) ? { kind: 'applied' } : v));
  }
  return result;
}
