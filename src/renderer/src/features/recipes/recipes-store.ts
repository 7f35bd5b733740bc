// Saved recipes of the account (recipes.list/save/delete) and applying one (recipes.apply → a job with progress).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobProgress, Recipe, RecipeTarget } from '../../../../shared/domain/import';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { actionsOf, type RecipeDraft } from './recipe-model';

export interface RecipesState {
  recipes: Recipe[];
  loaded: boolean;
  busy: boolean;
  error: AppErrorData | null;
  /** An import whose rows the recipes page offers as the target (set from an import's report). */
  importJobId: string | null;
  targetImport(jobId: string | null): void;
  load(): Promise<void>;
  save(draft: RecipeDraft): Promise<Recipe | null>;
  remove(id: string): Promise<boolean>;
  apply(recipeId: string, target: RecipeTarget): Promise<JobProgress | null>;
  clearError(): void;
}

export type RecipesStore = StoreApi<RecipesState>;

export function createRecipesStore(api: LeadDeskApi): RecipesStore {
  return createStore<RecipesState>()((set, get) => {
    const run = async <T>(work: () => Promise<T>): Promise<T | null> => {
      set({ busy: true, error: null });
      try {
        const value = await work();
        set({ busy: false });
        return value;
      } catch (error) {
        set({ busy: false, error: toErrorData(error) });
        return null;
      }
    };
    return {
      recipes: [],
      loaded: false,
      busy: false,
      error: null,
      importJobId: null,
      targetImport(importJobId) {
        set({ importJobId });
      },
      async load() {
        try {
          const { recipes } = await unwrap(api.recipes.list());
          set({ recipes, loaded: true, error: null });
        } catch (error) {
          set({ loaded: true, error: toErrorData(error) });
        }
      },
      async save(draft) {
        return run(async () => {
          const saved = await unwrap(api.recipes.save({ ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), actions: actionsOf(draft) }));
          set((s) => ({ recipes: [...s.recipes.filter((r) => r.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)) }));
          return saved;
        });
      },
      async remove(id) {
        const done = await run(async () => {
          const { recipes } = await unwrap(api.recipes.delete({ id }));
          set({ recipes });
          return true;
        });
        return done ?? false;
      },
      async apply(recipeId, target) {
        return run(() => unwrap(api.recipes.apply({ recipeId, target })));
      },
      clearError() {
        if (get().error) set({ error: null });
      },
    };
  });
}
