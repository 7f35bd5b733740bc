// Contract slice: recipes — saved bundles of lead actions with if/and conditions, previewed, then applied through
// the job runner.
import { z } from 'zod';
import { JobProgress, Recipe, RecipeClear, RecipeTarget } from '../../domain/import';
import { RecipeConditions } from '../../domain/recipe-conditions';
import { RecipePreview } from '../../domain/recipe-preview';
import { none } from './common';
import { MAX_ID } from '../../domain/bounded';

const RecipeId = z.string().max(MAX_ID);

export const recipeCommands = {
  'recipes.list': { input: none, output: z.object({ recipes: z.array(Recipe) }) },
  'recipes.save': {
    input: z
      .object({ id: RecipeId.optional(), name: Recipe.shape.name, actions: Recipe.shape.actions, conditions: RecipeConditions.default([]), clear: RecipeClear.default([]) })
      .strict()
      .refine((r) => r.actions.length + r.clear.length > 0, { message: 'a recipe needs at least one action or field to clear', path: ['actions'] }),
    output: Recipe,
  },
  'recipes.delete': { input: z.object({ id: RecipeId }).strict(), output: z.object({ recipes: z.array(Recipe) }) },
  /** What a run would do, judged from the cache; sends nothing. */
  'recipes.preview': { input: z.object({ recipeId: RecipeId, target: RecipeTarget }).strict(), output: RecipePreview },
  /** Apply a recipe through the journaled runner: a fresh read per lead when it has conditions, then one chained call. */
  'recipes.apply': { input: z.object({ recipeId: RecipeId, target: RecipeTarget }).strict(), output: JobProgress },
} as const;
