// Rebuilds what a stored row sends (its lead fields and chain) from the job's mapping snapshot, or its target for recipes.
import { rowChain } from '../import/list-cells';
import { compileMapping, validateRow } from '../import/validate-row';
import type { JobRecord } from './job-repo';
import type { RowPlan } from '../writes/row-sender';
import { bulkRowPlan } from '../bulk-actions/bulk-rows';

export type PlannedRow = { plan: RowPlan; key: string } | { invalid: string };

/** Recipe rows are stored as [lead id, email]; either may be empty. */
export const RECIPE_HEADERS = ['lead_id', 'email'];

export function planner(job: JobRecord): (row: number, cells: readonly string[], reviewed: boolean) => PlannedRow {
  const plan = job.plan;
  if (!plan) throw new Error(`job ${job.id} has no options to run with`);
  if (plan.kind === 'bulk') return (row, cells) => bulkRowPlan(row, cells);
  if (plan.kind === 'recipe') {
    return (row, cells) => {
      const id = (cells[0] ?? '').trim();
      const email = (cells[1] ?? '').trim();
      if (!id && !email) return { invalid: 'no lead id or email' };
      const clear = plan.clear ?? [];
      return {
        plan: { row, mode: 'recipe', ref: id ? { id } : { email }, lead: null, actions: plan.actions, conditions: plan.conditions ?? [], ...(clear.length ? { clear } : {}) },
        key: id ? `id:${id}` : email.toLowerCase(),
      };
    };
  }
  // The same checks as validation, with the fields as they were when the user validated.
  const cm = compileMapping(job.headers ?? [], job.mapping ?? {}, job.fields ?? []);
  return (row, cells, reviewed) => {
    const check = validateRow(cm, cells, reviewed);
    if (!check.lead) return { invalid: check.errors.map((e) => `${e.column}: ${e.message}`).join('; ') };
    // One call per row carries the import's actions and the row's Tags/Lists/Sequences values, chained after the
    // create (or bare on an existing lead, as the existing-lead policy decides in the row sender).
    const actions = rowChain(plan.actions, check.actions);
    return { plan: { row, mode: plan.options.mode, existing: plan.options.existing ?? 'keep', ref: { email: check.lead.email }, lead: check.lead, actions }, key: check.emailKey };
  };
}
