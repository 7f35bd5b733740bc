// Leads table store: pages of the local search (leads.search, or a view's reader) fetched as the table
// scrolls, a lightly debounced query, only the newest query's answers applied (older ones are dropped),
// rows patched live when a lead changes, and a selection that can be the whole view.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lead } from '../../../../shared/domain/lead';
import type { LeadRow } from '../../../../shared/domain/lead-views';
import { toViewRow } from '../../../../shared/domain/view-row';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export const PAGE_SIZE = 100;
/** Enough pages for several screens either way; farther ones are dropped and re-read when scrolled back to. */
export const MAX_PAGES_KEPT = 40;
export const SEARCH_DEBOUNCE_MS = 70;

export interface LeadSearchState {
  /** What is typed in the search field. */
  query: string;
  /** The query the rows and total belong to. */
  shownQuery: string;
  /** Matching leads (capped by the core at SEARCH_COUNT_CAP for a query); null until the first answer. */
  total: number | null;
  tookMs: number | null;
  newestSeenAt: number | null;
  /** Bumped whenever rows change, so the table re-renders. */
  version: number;
  /** Bumped when the query (not only the rows) changed: the table scrolls back to the top. */
  queryVersion: number;
  loading: boolean;
  error: AppErrorData | null;
  /** Ids of the rows ticked in the table (for bulk actions); cleared whenever the query changes. */
  selected: ReadonlySet<string>;
  /** "Select all": every lead of the view is selected except the ids in `except`. */
  allSelected: boolean;
  except: ReadonlySet<string>;
  /** How many leads are selected (the whole view minus exceptions, or the ticked ids). */
  selectedCount(): number;
  isChecked(id: string): boolean;
  /** Selects every lead of the current view, loaded or not. */
  selectAll(): void;
  /** Ticks or unticks one row. */
  toggleSelected(id: string): void;
  /** Header checkbox: ticks every row loaded for the current query, or unticks all when all already are. */
  toggleAllLoaded(): void;
  clearSelection(): void;
  /** Ids of the rows read so far for the current query (the pages kept, in row order). */
  loadedIds(): string[];
  /** Type in the search field: the search runs after a short pause. */
  setQuery(query: string): void;
  /** Run the typed query now (Enter); resolves when its first page has answered. */
  searchNow(): Promise<void>;
  /** The table shows rows first..last: load the pages they are on. */
  ensureRange(first: number, last: number): void;
  /** The cache changed (a lead was saved): read the shown pages again, keeping the rows until they answer. */
  refresh(): void;
  /** The view's conditions or sort changed: read it again from the top (the selection is cleared). */
  rerun(): Promise<void>;
  /** A lead changed (lead.updated): its row shows the new values at once, before the pages are re-read. */
  patchLead(lead: Lead): void;
  rowAt(index: number): LeadRow | undefined;
  /** Stops the pending debounce timer (the workspace unmounts). */
  dispose(): void;
}

export type LeadSearchStore = StoreApi<LeadSearchState>;

export interface SearchPage {
  rows: LeadRow[];
  total: number;
  tookMs: number;
  newestSeenAt: number | null;
}
/** Reads one page for the typed query; the default is the plain local search. */
export type PageReader = (query: string, offset: number, limit: number) => Promise<SearchPage>;

export function createLeadSearchStore(api: LeadDeskApi, options: { debounceMs?: number; read?: PageReader } = {}): LeadSearchStore {
  const debounceMs = options.debounceMs ?? SEARCH_DEBOUNCE_MS;
  const read: PageReader = options.read ?? ((query, offset, limit) => unwrap(api.leads.search({ query, offset, limit })));
  // Every answer carries the generation it was asked in; only the current generation may write.
  let generation = 0;
  let pages = new Map<number, LeadRow[]>();
  /** Generation each kept page was read in: an older one is shown but read again when visible. */
  const pageGeneration = new Map<number, number>();
  /** Pages asked for in the current generation and not answered yet. */
  const inFlight = new Set<number>();
  let range = { first: 0, last: PAGE_SIZE - 1 };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const store = createStore<LeadSearchState>()((set, get) => {
    const fetchPage = async (page: number, query: string, gen: number): Promise<void> => {
      inFlight.add(page);
      let answered = false;
      try {
        const reply = await read(query, page * PAGE_SIZE, PAGE_SIZE);
        if (gen !== generation) return;
        pages.set(page, reply.rows);
        pageGeneration.set(page, gen);
        evictFarPages();
        answered = true;
        set((s) => ({
          total: reply.total,
          tookMs: reply.tookMs,
          newestSeenAt: reply.newestSeenAt,
          version: s.version + 1,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (gen !== generation) return;
        set({ loading: false, error: toErrorData(error) });
      } finally {
        if (gen === generation) {
          inFlight.delete(page);
          // The table may have moved on while this batch was out: now read where it is. (Not after a
          // failure: the next scroll retries, instead of a loop hammering a failing core.)
          if (answered && inFlight.size === 0) loadVisible();
        }
      }
    };

    const evictFarPages = () => {
      if (pages.size <= MAX_PAGES_KEPT) return;
      const center = Math.floor((range.first + range.last) / 2 / PAGE_SIZE);
      const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
      for (const page of byDistance.slice(0, pages.size - MAX_PAGES_KEPT)) {
        pages.delete(page);
        pageGeneration.delete(page);
      }
    };

    const loadVisible = () => {
      const { shownQuery } = get();
      const firstPage = Math.floor(range.first / PAGE_SIZE);
      const lastPage = Math.floor(range.last / PAGE_SIZE);
      for (let page = firstPage; page <= lastPage; page++) {
        if (pageGeneration.get(page) === generation || inFlight.has(page)) continue;
        void fetchPage(page, shownQuery, generation);
      }
    };

    const run = (query: string, force = false): Promise<void> => {
      clearTimeout(timer);
      timer = undefined;
      generation += 1;
      pages = new Map();
      pageGeneration.clear();
      inFlight.clear();
      range = { first: 0, last: PAGE_SIZE - 1 };
      // A new query shows other rows: a selection made on the old ones would act on leads no longer in view.
      set((s) => ({
        shownQuery: query,
        loading: true,
        error: null,
        version: s.version + 1,
        queryVersion: s.queryVersion + 1,
        ...(query === s.shownQuery && !force ? {} : { selected: new Set<string>(), allSelected: false, except: new Set<string>() }),
      }));
      return fetchPage(0, query, generation);
    };

    return {
      query: '',
      shownQuery: '',
      total: null,
      tookMs: null,
      newestSeenAt: null,
      version: 0,
      queryVersion: 0,
      loading: false,
      error: null,
      selected: new Set<string>(),
      allSelected: false,
      except: new Set<string>(),

      selectedCount() {
        const s = get();
        return s.allSelected ? Math.max(0, (s.total ?? 0) - s.except.size) : s.selected.size;
      },

      isChecked(id) {
        const s = get();
        return s.allSelected ? !s.except.has(id) : s.selected.has(id);
      },

      selectAll() {
        set({ allSelected: true, except: new Set<string>(), selected: new Set<string>() });
      },

      toggleSelected(id) {
        if (get().allSelected) {
          const except = new Set(get().except);
          if (!except.delete(id)) except.add(id);
          set({ except });
          return;
        }
        const selected = new Set(get().selected);
        if (!selected.delete(id)) selected.add(id);
        set({ selected });
      },

      toggleAllLoaded() {
        const ids = get().loadedIds();
        const { selected } = get();
        const all = ids.length > 0 && ids.every((id) => selected.has(id));
        set({ selected: all ? new Set<string>() : new Set([...selected, ...ids]) });
      },

      clearSelection() {
        if (get().selected.size > 0 || get().allSelected) set({ selected: new Set<string>(), allSelected: false, except: new Set<string>() });
      },

      loadedIds() {
        return [...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows.map((row) => row.id));
      },

      setQuery(query) {
        set({ query });
        clearTimeout(timer);
        timer = setTimeout(() => void run(query), debounceMs);
      },

      searchNow() {
        return run(get().query);
      },

      ensureRange(first, last) {
        range = { first: Math.max(0, first), last: Math.max(first, last) };
        // One batch at a time: a fast fling through 100,000 rows must not queue a read for every frame
        // it passed; when the batch answers, the rows shown by then are read (see fetchPage).
        if (inFlight.size === 0) loadVisible();
      },

      refresh() {
        // Same query: keep showing the rows (no flicker), but every page is now out of date.
        generation += 1;
        inFlight.clear();
        loadVisible();
      },

      rerun() {
        return run(get().shownQuery, true);
      },

      patchLead(lead) {
        let changed = false;
        for (const [page, rows] of pages) {
          const at = rows.findIndex((row) => row.id === lead.id);
          if (at < 0) continue;
          const next = [...rows];
          next[at] = toViewRow(lead, Date.now());
          pages.set(page, next);
          changed = true;
        }
        if (changed) set((s) => ({ version: s.version + 1 }));
      },

      rowAt(index) {
        return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
      },

      dispose() {
        clearTimeout(timer);
        timer = undefined;
        generation += 1;
      },
    };
  });
  return store;
}
