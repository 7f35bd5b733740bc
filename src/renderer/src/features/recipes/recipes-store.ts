// Saved recipes of the account (recipes.list/save/delete), their preview (recipes.preview) and applying one
// (recipes.apply → a job with progress); the saved views a recipe can be applied to.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobProgress, Recipe, RecipeTarget } from '../../../../shared/domain/import';
import type { SavedView } from '../../../../shared/domain/lead-filter';
import type { RecipePreview } from '../../../../shared/domain/recipe-preview';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { actionsOf, conditionsOf, type RecipeDraft } from './recipe-model';

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
  /** What the run would do, judged from the cache; null (and `error`) when it could not be worked out. */
  preview(recipeId: string, target: RecipeTarget): Promise<RecipePreview | null>;
  /** The account's saved views, for "apply to a view". */
  views: SavedView[];
  loadViews(): Promise<void>;
  /** The cached lead ids of every lead of a saved view. */
  idsOfView(view: SavedView): Promise<string[] | null>;
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
      views: [],
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
          const saved = await unwrap(api.recipes.save({ ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), actions: actionsOf(draft), conditions: conditionsOf(draft), clear: draft.clear }));
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
      async preview(recipeId, target) {
        return run(() => unwrap(api.recipes.preview({ recipeId, target })));
      },
      async loadViews() {
        try {
          set({ views: (await unwrap(api.views.list())).views });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
      },
      async idsOfView(view) {
        return run(async () => (await unwrap(api.views.resolveSelection({ selection: { kind: 'view', filter: view.filter, except: [] } }))).ids);
      },
      clearError() {
        if (get().error) set({ error: null });
      },
    };
  });
}
