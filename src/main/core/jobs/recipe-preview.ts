// The preview of a recipe run: each target lead judged from the cache (its conditions, then what each action
// would change), the calls the run takes — a get_lead per lead when there are conditions, then at most one chained
// call per lead that may meet them — and how long that takes at Kartra's 20 requests a second.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { Recipe } from '../../../shared/domain/import';
import { describeCondition } from '../../../shared/domain/describe-condition';
import { firstUnmet } from '../../../shared/domain/recipe-conditions';
import { actionEffect } from '../../../shared/domain/recipe-effects';
import { KARTRA_RATE, PREVIEW_SAMPLE, type PreviewLead, type RecipePreview } from '../../../shared/domain/recipe-preview';
import { leadName } from '../store/lead-cache-repo';

/** `targets` are [lead id, email] (either may be empty); `cached` finds a lead in the local cache. */
export function previewRecipe(recipe: Pick<Recipe, 'actions' | 'conditions'>, targets: readonly string[][], cached: (ref: LeadRef) => Lead | undefined): RecipePreview {
  const conditions = recipe.conditions ?? [];
  let meet = 0;
  let skip = 0;
  let unknown = 0;
  let change = 0;
  const sample: PreviewLead[] = [];
  for (const [id = '', email = ''] of targets) {
    const lead = cached(id ? { id } : { email });
    let row: PreviewLead;
    if (!lead) {
      unknown++;
      row = { leadId: id, email, name: '', cached: false, meets: null, unmet: null, effects: [] };
    } else {
      const unmet = firstUnmet(conditions, lead);
      const effects = unmet ? [] : recipe.actions.map((a) => actionEffect(a, lead));
      if (unmet) skip++;
      else {
        meet++;
        if (effects.some((e) => e.changes)) change++;
      }
      row = { leadId: lead.id, email: lead.email, name: leadName(lead), cached: true, meets: !unmet, unmet: unmet ? describeCondition(unmet) : null, effects };
    }
    if (sample.length < PREVIEW_SAMPLE) sample.push(row);
  }
  const leads = targets.length;
  const reads = conditions.length > 0 ? leads : 0;
  // Without conditions every lead gets its call; with them, the ones the cache says fail are likely skipped.
  const writes = conditions.length > 0 ? meet + unknown : leads;
  return { leads, meet, skip, unknown, change, reads, writes, etaSec: Math.ceil((reads + writes) / KARTRA_RATE), sample };
}
