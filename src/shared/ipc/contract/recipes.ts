// Contract slice: recipes — saved bundles of lead actions, applied through the job runner.
import { z } from 'zod';
import { JobProgress, Recipe, RecipeTarget } from '../../domain/import';
import { none } from './common';
import { MAX_ID } from '../../domain/bounded';

const RecipeId = z.string().max(MAX_ID);

export const recipeCommands = {
  'recipes.list': { input: none, output: z.object({ recipes: z.array(Recipe) }) },
  'recipes.save': {
    input: z.object({ id: RecipeId.optional(), name: Recipe.shape.name, actions: Recipe.shape.actions }).strict(),
    output: Recipe,
  },
  'recipes.delete': { input: z.object({ id: RecipeId }).strict(), output: z.object({ recipes: z.array(Recipe) }) },
  /** Apply a recipe through the journaled runner: one chained call per lead, with progress and a report. */
  'recipes.apply': { input: z.object({ recipeId: RecipeId, target: RecipeTarget }).strict(), output: JobProgress },
} as const;
