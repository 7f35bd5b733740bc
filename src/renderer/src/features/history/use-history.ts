// One History list per mounted view (the page, a profile's section): its store, read once, fed by `history.entry`.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../stores/stores-context';
import { createHistoryStore, type HistoryQuery, type HistoryState, type HistoryStore } from './history-store';

export function useHistoryStore(accountId: string, query: HistoryQuery = {}, pageSize?: number): HistoryStore {
  const { api } = useStores();
  const [store] = useState(() => createHistoryStore(api, accountId, query, pageSize));
  useEffect(() => {
    const stop = api.on('history.entry', (entry) => store.getState().takeEntry(entry));
    void store.getState().load();
    return stop;
  }, [api, store]);
  return store;
}

export const useHistory = <T,>(store: HistoryStore, select: (s: HistoryState) => T): T => useStore(store, select);
