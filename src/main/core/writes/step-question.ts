// A bulk job's first row refused with Kartra 230 (the sequence has no such step): every later row carries the
// same typed step, so the job pauses with the question in words instead of failing row after row
// (issue 11, item 3). Steps cannot be listed through the API (kartra-api.md §0.4 E6): only Kartra's answer tells.
import type { LeadAction } from '../../../shared/domain/actions';
import { describeKartraError } from '../kartra/error-codes';
import type { RowPlan } from './row-plan';
import type { RowParts } from './row-sender';

const STEP_MISSING = '230';

/** Whether a row's chain subscribes to a sequence at a typed step (the only action a 230 can refuse). */
export function hasStepAction(plan: RowPlan): boolean {
  return plan.actions.some((a) => a.cmd === 'subscribe_lead_to_sequence_at_step');
}

/**
 * The pause question for a settled first row, or null when Kartra did not answer 230. `parts` are
 * [create/edit or the refused lone action, ...actions], as row-sender reports them.
 */
export function stepQuestion(plan: RowPlan, parts: RowParts): string | null {
  const at = parts.findIndex((p) => p.kartraType === STEP_MISSING);
  if (at === -1) return null;
  // A refusal at actions[0] (a lone action) is reported on the head slot; a chained one at its own index.
  const action: LeadAction | undefined =
    (at > 0 && plan.actions[at - 1]?.cmd === 'subscribe_lead_to_sequence_at_step' ? plan.actions[at - 1] : undefined) ??
    plan.actions.find((a) => a.cmd === 'subscribe_lead_to_sequence_at_step');
  const explained = describeKartraError(STEP_MISSING, parts[at]?.message ?? '', action).message;
  return `Paused after the first row: ${explained} The other rows carry the same step and have not been sent; resume to send them anyway, or cancel the job.`;
}
