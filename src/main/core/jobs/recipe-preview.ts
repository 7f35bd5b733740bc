// The preview of a recipe run: each target lead judged from the cache (its conditions, then what each action and
// each field to clear would change), the calls the run takes — a get_lead per lead when there are conditions or
// fields to clear, then at most one chained call per lead that may meet them — and how long that takes at Kartra's
// 20 requests a second.
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { Recipe } from '../../../shared/domain/import';
import { fieldLabel } from '../../../shared/domain/custom-field-labels';
import { describeCondition } from '../../../shared/domain/describe-condition';
import { firstUnmet } from '../../../shared/domain/recipe-conditions';
import { actionEffect, type ActionEffect } from '../../../shared/domain/recipe-effects';
import { KARTRA_RATE, PREVIEW_SAMPLE, type PreviewLead, type RecipePreview } from '../../../shared/domain/recipe-preview';
import { leadName } from '../store/lead-cache-repo';
import { currentValue } from '../writes/conflicts';

/** What clearing one field would change on the lead as the cache has it, in words (an option by its label). */
function clearEffect(key: string, lead: Lead): ActionEffect {
  const custom = key.startsWith('custom:') ? key.slice('custom:'.length) : null;
  const name = fieldLabel(custom ?? key);
  if (currentValue(lead, key) === '') return { changes: false, text: `${name} is empty already` };
  const field = custom === null ? undefined : lead.custom_fields.find((f) => f.field_identifier === custom);
  const shown = field && typeof field.value !== 'string' ? field.value.map((o) => o.option_value).join(', ') : currentValue(lead, key);
  return { changes: true, text: `clears ${name} (now “${shown}”)` };
}

/** `targets` are [lead id, email] (either may be empty); `cached` finds a lead in the local cache. */
export function previewRecipe(recipe: Pick<Recipe, 'actions' | 'conditions' | 'clear'>, targets: readonly string[][], cached: (ref: LeadRef) => Lead | undefined): RecipePreview {
  const conditions = recipe.conditions ?? [];
  const clear = recipe.clear ?? [];
  let meet = 0;
  let writes = 0;
  let skip = 0;
  let unknown = 0;
  let change = 0;
  const sample: PreviewLead[] = [];
  for (const [id = '', email = ''] of targets) {
    const lead = cached(id ? { id } : { email });
    let row: PreviewLead;
    if (!lead) {
      unknown++;
      writes++;
      row = { leadId: id, email, name: '', cached: false, meets: null, unmet: null, effects: [] };
    } else {
      const unmet = firstUnmet(conditions, lead);
      const effects = unmet ? [] : [...clear.map((key) => clearEffect(key, lead)), ...recipe.actions.map((a) => actionEffect(a, lead))];
      if (unmet) skip++;
      else {
        meet++;
        if (effects.some((e) => e.changes)) change++;
        // The run skips a lead whose fields to clear are empty when the recipe does nothing else.
        if (recipe.actions.length > 0 || effects.some((e) => e.changes)) writes++;
      }
      row = { leadId: lead.id, email: lead.email, name: leadName(lead), cached: true, meets: !unmet, unmet: unmet ? describeCondition(unmet) : null, effects };
    }
    if (sample.length < PREVIEW_SAMPLE) sample.push(row);
  }
  const leads = targets.length;
  // Conditions and fields to clear are judged on a fresh read; the leads the cache says fail are likely skipped.
  const reads = conditions.length > 0 || clear.length > 0 ? leads : 0;
  return { leads, meet, skip, unknown, change, reads, writes, etaSec: Math.ceil((reads + writes) / KARTRA_RATE), sample };
}
