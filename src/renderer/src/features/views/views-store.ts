// Views store: the conditions and sort of the view the leads table shows, the saved views, the cached
// lead counts per tag / list / sequence, and the table's remembered layout — all per account, kept in the core.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_SORT,
  type FilterCondition,
  type LeadFilter,
  type SavedView,
  type TableLayout,
  type ViewSort,
} from '../../../../shared/domain/lead-filter';
import type { CommandOutput } from '../../../../shared/ipc/contract';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import type { PageReader } from '../leads/lead-search-store';
import { DEFAULT_LAYOUT } from './columns';

export type FacetCounts = CommandOutput<'views.counts'>;
export type SaveOutcome = { ok: true; view: SavedView } | { ok: false; error: AppErrorData };

export interface ViewsState {
  conditions: FilterCondition[];
  sort: ViewSort;
  /** The saved view the conditions came from (null: an unsaved view); `dirty` once they were changed. */
  activeId: string | null;
  dirty: boolean;
  saved: SavedView[];
  counts: FacetCounts | null;
  layout: TableLayout;
  error: AppErrorData | null;
  load(): Promise<void>;
  setConditions(conditions: FilterCondition[]): void;
  addCondition(condition: FilterCondition): void;
  replaceCondition(index: number, condition: FilterCondition): void;
  removeCondition(index: number): void;
  /** Shows a saved view (null: all leads). */
  open(view: SavedView | null): void;
  /** Shows the cached leads of one tag, list or sequence (from the account browser). */
  openFacet(kind: 'tag' | 'list' | 'sequence', name: string): void;
  save(name: string, text: string, asNew: boolean): Promise<SaveOutcome>;
  remove(id: string): Promise<void>;
  refreshCounts(): Promise<void>;
  setSort(sort: ViewSort): void;
  setLayout(layout: TableLayout): void;
}

export type ViewsStore = StoreApi<ViewsState>;

/** Layout changes (a column dragged wider) are saved once the user stops for this long. */
export const LAYOUT_SAVE_MS = 500;

export function createViewsStore(api: LeadDeskApi): ViewsStore {
  let layoutTimer: ReturnType<typeof setTimeout> | undefined;
  return createStore<ViewsState>()((set, get) => {
    const changeConditions = (conditions: FilterCondition[]) => set({ conditions, dirty: get().activeId !== null });
    return {
      conditions: [],
      sort: DEFAULT_SORT,
      activeId: null,
      dirty: false,
      saved: [],
      counts: null,
      layout: DEFAULT_LAYOUT,
      error: null,

      async load() {
        try {
          const [list, layout] = await Promise.all([unwrap(api.views.list({})), unwrap(api.views.layout({}))]);
          set({ saved: list.views, ...(layout.layout ? { layout: layout.layout, sort: layout.layout.sort } : {}) });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
        await get().refreshCounts();
      },
      setConditions: changeConditions,
      addCondition: (condition) => changeConditions([...get().conditions, condition]),
      replaceCondition: (index, condition) => changeConditions(get().conditions.map((c, i) => (i === index ? condition : c))),
      removeCondition: (index) => changeConditions(get().conditions.filter((_, i) => i !== index)),
      open(view) {
        set({ conditions: view ? view.filter.conditions : [], activeId: view?.id ?? null, dirty: false });
      },
      openFacet(kind, name) {
        const condition: FilterCondition = kind === 'tag' ? { kind, op: 'has', name } : { kind, op: 'in', name };
        set({ conditions: [condition], activeId: null, dirty: false });
      },
      async save(name, text, asNew) {
        const filter: LeadFilter = { text, conditions: get().conditions };
        const id = asNew ? undefined : (get().activeId ?? undefined);
        try {
          const view = await unwrap(api.views.save({ id, name, filter }));
          const saved = [...get().saved.filter((v) => v.id !== view.id), view].sort((a, b) => a.name.localeCompare(b.name));
          set({ saved, activeId: view.id, dirty: false, error: null });
          return { ok: true, view };
        } catch (error) {
          return { ok: false, error: toErrorData(error) };
        }
      },
      async remove(id) {
        try {
          const { views } = await unwrap(api.views.delete({ id }));
          set({ saved: views, ...(get().activeId === id ? { activeId: null, dirty: false } : {}) });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
      },
      async refreshCounts() {
        try {
          set({ counts: await unwrap(api.views.counts({})) });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
      },
      setSort(sort) {
        get().setLayout({ ...get().layout, sort });
      },
      setLayout(layout) {
        set({ layout, sort: layout.sort });
        clearTimeout(layoutTimer);
        layoutTimer = setTimeout(() => {
          unwrap(api.views.saveLayout({ layout })).catch((error: unknown) => set({ error: toErrorData(error) }));
        }, LAYOUT_SAVE_MS);
      },
    };
  });
}

/** The leads table's page reader for this view: the typed words plus the view's conditions, in its sort. */
export function viewReader(api: LeadDeskApi, views: ViewsStore): PageReader {
  return (text, offset, limit) => {
    const { conditions, sort } = views.getState();
    return unwrap(api.views.filter({ filter: { text, conditions }, sort, offset, limit }));
  };
}
