// History store: one filtered, keyset-paged list of writes (newest first) from `history.list`, kept current by
// the `history.entry` event — an entry already shown gets its new outcomes, a new one that matches is put on top.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryEntry, HistoryFilter } from '../../../../shared/domain/history';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

/** The filter without the paging keys (those belong to the store). */
export type HistoryQuery = Omit<HistoryFilter, 'beforeId' | 'limit'>;

export interface HistoryState {
  query: HistoryQuery;
  entries: HistoryEntry[];
  /** Where "Older" continues; null when the oldest entry is shown. */
  nextBeforeId: number | null;
  loading: boolean;
  error: AppErrorData | null;
  setQuery(query: HistoryQuery): Promise<void>;
  load(): Promise<void>;
  older(): Promise<void>;
  takeEntry(entry: HistoryEntry): void;
}

export type HistoryStore = StoreApi<HistoryState>;

const PAGE = 50;

/** Whether a pushed entry belongs in a list read with this query (`currentAccountId`: the connected account). */
export function matchesQuery(entry: HistoryEntry, query: HistoryQuery, currentAccountId: string): boolean {
  const account = query.accountId ?? currentAccountId;
  if (account !== 'all' && entry.accountId !== account) return false;
  if (query.leadId && entry.leadId !== query.leadId) return false;
  if (query.email && entry.leadEmail !== query.email.trim().toLowerCase()) return false;
  if (query.sources?.length && !query.sources.includes(entry.source)) return false;
  if (query.outcomes?.length && !entry.actions.some((a) => query.outcomes!.includes(a.outcome))) return false;
  if (query.since !== undefined && entry.at < query.since) return false;
  if (query.until !== undefined && entry.at > query.until) return false;
  if (query.jobId && entry.jobId !== query.jobId) return false;
  return true;
}

export function createHistoryStore(api: LeadDeskApi, currentAccountId: string, query: HistoryQuery = {}, pageSize = PAGE): HistoryStore {
  // Each read gets a number: an answer to an older read (the filter changed meanwhile) is dropped.
  let generation = 0;
  return createStore<HistoryState>()((set, get) => {
    const read = async (beforeId: number | undefined) => {
      const mine = ++generation;
      set({ loading: true, error: null });
      try {
        const page = await unwrap(api.history.list({ ...get().query, beforeId, limit: pageSize }));
        if (mine !== generation) return;
        const kept = beforeId === undefined ? [] : get().entries;
        const known = new Set(kept.map((e) => e.id));
        set({ entries: [...kept, ...page.entries.filter((e) => !known.has(e.id))], nextBeforeId: page.nextBeforeId, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, error: toErrorData(error) });
      }
    };
    return {
      query,
      entries: [],
      nextBeforeId: null,
      loading: false,
      error: null,
      setQuery(next) {
        set({ query: next });
        return read(undefined);
      },
      load: () => read(undefined),
      older() {
        const before = get().nextBeforeId;
        return before === null ? Promise.resolve() : read(before);
      },
      takeEntry(entry) {
        const { entries, query: q } = get();
        const at = entries.findIndex((e) => e.id === entry.id);
        if (at >= 0) {
          set({ entries: entries.map((e) => (e.id === entry.id ? entry : e)) });
          return;
        }
        // Only entries newer than the newest shown are new writes; older ones arrive by paging.
        const newest = entries[0]?.id ?? 0;
        if (entry.id > newest && matchesQuery(entry, q, currentAccountId)) set({ entries: [entry, ...entries] });
      },
    };
  });
}
