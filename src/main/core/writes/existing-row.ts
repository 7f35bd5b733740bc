// What an import row sends to a lead that already exists in Kartra, under the job's existing-lead policy: "keep"
// sends the row's tags, lists and sequences bare (no edit_lead), "fill" reads the lead once (bulk lane, counted as a
// call) and edits only its empty fields, "overwrite" edits every field the file gives. Reached after create_lead
// answered 244 (upsert) or first thing for update-only rows; the app never edits a lead's details without the choice.
import type { ExistingPolicy } from '../../../shared/domain/import';
import type { EditLeadData } from '../../../shared/domain/lead-input';
import { planExistingRow } from '../import/existing-policy';
import type { KartraCaller } from '../kartra/caller';
import { readLeadState } from '../kartra/commands-lead';
import { describeKartraError } from '../kartra/error-codes';
import { KartraApiError } from '../kartra/errors';
import type { LeadState } from '../kartra/verify';
import type { Settlement } from '../jobs/row-repo';
import { editOfFields } from './history-undo';
import type { RowPlan } from './row-plan';

export type ExistingStep =
  /** Edit these fields (with the chain). */
  | { step: 'edit'; fields: EditLeadData; leadId?: string | null }
  /** The chain only, bare on the lead. */
  | { step: 'actions'; leadId?: string | null }
  /** The lead vanished between the create and the read (upsert): create it. */
  | { step: 'create' }
  | { settlement: Settlement }
  /** The read did not get an answer: nothing was written, the row waits to be sent again. */
  | { notSent: unknown };

export const policyOf = (plan: RowPlan): ExistingPolicy => plan.existing ?? 'keep';

/** The fields the row's edit writes: the file's (import), or the recipe's fields to clear, each sent empty. */
export function fieldsOf(plan: RowPlan): EditLeadData {
  if (!plan.lead) return plan.clear?.length ? clearingEdit(plan.clear) : {};
  const { email: _email, ...fields } = plan.lead;
  return fields;
}

/** The fields "fill" still has to write, given the lead as Kartra has it now (empty when nothing is left to fill). */
export function fillFields(plan: RowPlan, state: LeadState): EditLeadData {
  return planExistingRow('fill', plan.lead!, state.lead).edit ?? {};
}

const unchanged = (leadId: string | null, why: string): { settlement: Settlement } => ({
  settlement: { status: 'skipped', outcome: `Existing lead left unchanged: ${why}`, reason: 'unchanged', leadId },
});

const missing = (): { settlement: Settlement } => ({
  settlement: { status: 'skipped', outcome: 'No lead with this email in Kartra (update only: not created)', reason: 'missing', leadId: null },
});

/**
 * Decides the next step for an existing (or, in update-only mode, presumed existing) lead. Reads the lead when the
 * policy needs it (fill), or when a keep row with nothing to add must still tell "unchanged" from "missing".
 */
export async function existingStep(caller: KartraCaller, plan: RowPlan): Promise<ExistingStep> {
  const policy = policyOf(plan);
  if (policy === 'overwrite') return { step: 'edit', fields: fieldsOf(plan) };
  const known = plan.mode === 'upsert'; // create answered 244: the lead exists
  if (policy === 'keep' && plan.actions.length > 0) return { step: 'actions' };
  if (policy === 'keep' && known) return unchanged(null, 'the file gives no tags, lists or sequences to add and its details are kept');
  let state: LeadState | null;
  try {
    state = await readLeadState(caller, { email: plan.lead!.email }, 'bulk');
  } catch (error) {
    if (error instanceof KartraApiError) {
      const described = describeKartraError(error.type, error.kartraMessage);
      return { settlement: { status: 'failed', outcome: `Reading the existing lead failed: ${described.message}${error.type ? ` (Kartra ${error.type})` : ''}`, reason: 'kartra', leadId: null } };
    }
    return { notSent: error };
  }
  if (!state) return plan.mode === 'upsert' ? { step: 'create' } : missing();
  const leadId = state.lead.id || null;
  if (policy === 'keep') return unchanged(leadId, 'the file gives no tags, lists or sequences to add and its details are kept');
  const fields = fillFields(plan, state);
  if (Object.keys(fields).length > 0) return { step: 'edit', fields, leadId };
  if (plan.actions.length > 0) return { step: 'actions', leadId };
  return unchanged(leadId, 'every field the file gives is already filled in Kartra');
}

/** Kartra clears any field, an option field too, that is sent as an empty string (kartra-api.md §8.3, §9.2). */
export function clearingEdit(keys: readonly string[]): EditLeadData {
  return editOfFields(Object.fromEntries(keys.map((k) => [k, ''])), new Set());
}
