// How a recipe's definition is stored in recipes.actions_json: `{"actions": […], "conditions": […], "clear": […]}`.
// Recipes saved before conditions existed hold a bare array of actions there; they load as recipes without
// conditions. Those saved before "clear a field" have no `clear`: they clear nothing.
import { z } from 'zod';
import { LeadAction } from '../../../shared/domain/actions';
import { RecipeClear } from '../../../shared/domain/import';
import { RecipeConditions, type RecipeCondition } from '../../../shared/domain/recipe-conditions';

const Definition = z.union([
  z.array(LeadAction).transform((actions) => ({ actions, conditions: [] as RecipeCondition[], clear: [] as string[] })),
  z.object({ actions: z.array(LeadAction), conditions: RecipeConditions.default([]), clear: RecipeClear.default([]) }),
]);

export interface RecipeDefinition {
  actions: LeadAction[];
  conditions: RecipeCondition[];
  clear: string[];
}

export function storedDefinition(actions: readonly LeadAction[], conditions: readonly RecipeCondition[], clear: readonly string[]): string {
  return JSON.stringify({ actions, conditions, clear });
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
  return {
    actions: Array.isArray(loose?.actions) ? loose.actions : [],
    conditions: Array.isArray(loose?.conditions) ? loose.conditions : [],
    clear: Array.isArray(loose?.clear) ? loose.clear.filter((k): k is string => typeof k === 'string') : [],
  };
}
