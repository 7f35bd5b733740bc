// How a recipe's definition is stored in recipes.actions_json: `{"actions": […], "conditions": […]}`. Recipes saved
// before conditions existed hold a bare array of actions there; they load as recipes without conditions.
import { z } from 'zod';
import { LeadAction } from '../../../shared/domain/actions';
import { RecipeConditions, type RecipeCondition } from '../../../shared/domain/recipe-conditions';

const Definition = z.union([
  z.array(LeadAction).transform((actions) => ({ actions, conditions: [] as RecipeCondition[] })),
  z.object({ actions: z.array(LeadAction), conditions: RecipeConditions.default([]) }),
]);

export interface RecipeDefinition {
  actions: LeadAction[];
  conditions: RecipeCondition[];
}

export function storedDefinition(actions: readonly LeadAction[], conditions: readonly RecipeCondition[]): string {
  return JSON.stringify({ actions, conditions });
}

/**
 * The stored definition. One that no longer parses (written by a newer version, or edited by hand) still loads
 * as what it holds, so the recipe stays listed and can be fixed or deleted; saving it again checks it in full.
 */
export function parseDefinition(json: string): RecipeDefinition {
  const raw: unknown = JSON.parse(json);
  const parsed = Definition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const loose = (Array.isArray(raw) ? { actions: raw } : raw) as Partial<RecipeDefinition> | null;
  return { actions: Array.isArray(loose?.actions) ? loose.actions : [], conditions: Array.isArray(loose?.conditions) ? loose.conditions : [] };
}
