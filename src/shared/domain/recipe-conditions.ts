// A recipe's conditions in Kartra's if/and style ("has tag A and not in list B"): which kinds a recipe may test,
// and the one evaluator that judges a lead against them — on the cache for the preview, on a fresh get_lead when
// the recipe runs. Same meaning as a view's filter over the cache (views/lead-filter-sql.ts), so a preview counts
// what the view counted.
import { z } from 'zod';
import { describeCondition } from './describe-condition';
import type { Lead } from './lead';
import { FilterCondition } from './lead-filter';

/** What a recipe can test on the lead it reads: its tags, lists, sequences, custom fields and score. */
export const RECIPE_CONDITION_KINDS = ['tag', 'list', 'sequence', 'field', 'score'] as const;
export type RecipeConditionKind = (typeof RECIPE_CONDITION_KINDS)[number];

export const RecipeCondition = FilterCondition.refine((c) => (RECIPE_CONDITION_KINDS as readonly string[]).includes(c.kind), {
  message: 'a recipe can test tags, lists, sequences, custom fields and the score only',
});
/** Parsed, it is a view condition of one of the kinds above. */
export type RecipeCondition = FilterCondition;

export const MAX_RECIPE_CONDITIONS = 20;
export const RecipeConditions = z.array(RecipeCondition).max(MAX_RECIPE_CONDITIONS, `a recipe takes at most ${MAX_RECIPE_CONDITIONS} conditions`);

/** The lead's values of a custom field: its text (when not empty) or its selected options. */
function fieldValues(lead: Pick<Lead, 'custom_fields'>, identifier: string): string[] {
  const field = lead.custom_fields.find((f) => f.field_identifier === identifier);
  if (!field) return [];
  if (typeof field.value === 'string') return field.value === '' ? [] : [field.value];
  return field.value.map((o) => o.option_value);
}

// "is" and "contains" ignore case, as the view's SQL does (NOCASE, LIKE).
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const contains = (value: string, part: string) => value.toLowerCase().includes(part.toLowerCase());

export type ConditionLead = Pick<Lead, 'tags' | 'lists' | 'sequences' | 'custom_fields' | 'score'>;

/** Whether the lead meets one condition (a kind a recipe cannot test never passes). */
export function meetsCondition(c: FilterCondition, lead: ConditionLead): boolean {
  switch (c.kind) {
    case 'tag':
      return lead.tags.includes(c.name) === (c.op === 'has');
    case 'list':
      // An unsubscribed membership is no membership.
      return lead.lists.some((l) => l.list_name === c.name && l.active) === (c.op === 'in');
    case 'sequence':
      return lead.sequences.some((q) => q.sequence_name === c.name && q.status !== 'unsubscribed') === (c.op === 'in');
    case 'field': {
      const values = fieldValues(lead, c.field);
      switch (c.op) {
        case 'empty':
          return values.length === 0;
        case 'not_empty':
          return values.length > 0;
        case 'contains':
          return values.some((v) => contains(v, c.value));
        case 'is':
          return values.some((v) => same(v, c.value));
        case 'is_not':
          return !values.some((v) => same(v, c.value));
      }
      return false;
    }
    case 'score':
      return (c.min === null || lead.score >= c.min) && (c.max === null || lead.score <= c.max);
    default:
      return false;
  }
}

/** The first condition the lead does not meet (all must hold: "and"), or null when it meets them all. */
export function firstUnmet<C extends FilterCondition>(conditions: readonly C[], lead: ConditionLead): C | null {
  return conditions.find((c) => !meetsCondition(c, lead)) ?? null;
}

/** "has tag VIP and not in list Newsletter" — the conditions as one if/and sentence. */
export function describeConditions(conditions: readonly FilterCondition[]): string {
  return conditions.map((c, i) => (i === 0 ? describeCondition(c) : lowerFirst(describeCondition(c)))).join(' and ');
}

/** "If has tag VIP and not in list Newsletter" — the conditions as the start of an if-sentence. */
export function ifClause(conditions: readonly FilterCondition[]): string {
  return `If ${lowerFirst(describeConditions(conditions))}`;
}

const lowerFirst = (text: string) => (text && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
