// Wires the views store to the leads table and the core: a changed condition or sort re-reads the view,
// and confirmed changes refresh the per-tag and per-list counts (at most every COUNTS_REFRESH_MS).
import type { LeadDeskApi } from '../../api/api';
import type { LeadSearchStore } from '../leads/lead-search-store';
import type { ViewsStore } from './views-store';

export const COUNTS_REFRESH_MS = 1_000;

/** Subscribes; returns the undo. Loads the saved views, layout and counts. */
export function connectViews(api: LeadDeskApi, accountId: string, views: ViewsStore, search: LeadSearchStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const countsSoon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void views.getState().refreshCounts();
    }, COUNTS_REFRESH_MS);
  };
  const stops = [
    views.subscribe((s, before) => {
      if (s.conditions !== before.conditions || s.sort !== before.sort) void search.getState().rerun();
    }),
    api.on('lead.updated', (update) => {
      if (update.accountId === accountId) countsSoon();
    }),
  ];
  void views.getState().load();
  return () => {
    for (const stop of stops) stop();
    clearTimeout(timer);
  };
}
