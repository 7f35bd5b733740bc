// Outbox store: the queue's state (online, counts) from `outbox.state`, the waiting items kept current
// from `outbox.item`, and retry / discard / edit a queued value / settle a conflict / settle a needs-check.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EditLeadChanges } from '../../../../shared/domain/lead-input';
import type { OutboxItemView, OutboxState } from '../../../../shared/domain/outbox';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export interface OutboxStoreState {
  state: OutboxState | null;
  /** Items not done yet (pending, in flight, failed, in conflict, needing a check), oldest first. */
  items: OutboxItemView[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorData | null;
  /** Item ids with a retry / discard / resolve running. */
  busy: number[];
  load(): Promise<void>;
  takeState(state: OutboxState): void;
  takeItem(view: OutboxItemView): void;
  retry(ids: number[]): Promise<void>;
  discard(ids: number[]): Promise<void>;
  resolve(id: number, keep: 'mine' | 'theirs'): Promise<void>;
  /** A write whose outcome could not be read back: send it again, or accept that Kartra has it. */
  settleCheck(id: number, decision: 'send_again' | 'fine'): Promise<void>;
  /** Replace the fields a queued edit sends (it is queued again); true when the core accepted it. */
  edit(id: number, changes: EditLeadChanges): Promise<boolean>;
}

export type OutboxStore = StoreApi<OutboxStoreState>;

const LIST_LIMIT = 500;

export function createOutboxStore(api: LeadDeskApi): OutboxStore {
  const finished = new Set<number>();

  return createStore<OutboxStoreState>()((set, get) => {
    const run = async (ids: number[], call: () => Promise<unknown>) => {
      set((s) => ({ busy: [...s.busy, ...ids], error: null }));
      try {
        await call();
      } catch (error) {
        set({ error: toErrorData(error) });
      } finally {
        set((s) => ({ busy: s.busy.filter((id) => !ids.includes(id)) }));
      }
    };

    return {
      state: null,
      items: [],
      loaded: false,
      loading: false,
      error: null,
      busy: [],

      async load() {
        set({ loading: true, error: null });
        try {
          const reply = await unwrap(api.outbox.list({ statuses: ['pending', 'in_flight', 'failed', 'conflict', 'needs_check'], limit: LIST_LIMIT }));
          const items = reply.items.filter((i) => !finished.has(i.id)).sort((a, b) => a.id - b.id);
          set({ items, state: get().state ?? reply.state, loaded: true, loading: false });
        } catch (error) {
          set({ loading: false, error: toErrorData(error) });
        }
      },

      takeState(state) {
        set({ state });
      },

      takeItem(view) {
        const items = get().items;
        if (view.status === 'done') {
          finished.add(view.id);
          if (items.some((i) => i.id === view.id)) set({ items: items.filter((i) => i.id !== view.id) });
          return;
        }
        if (finished.has(view.id)) return;
        const known = items.find((i) => i.id === view.id);
        if (known && known.updatedAt > view.updatedAt) return;
        // Only a bounded window is kept: a replay of thousands must not grow the list without end.
        const next = known ? items.map((i) => (i.id === view.id ? view : i)) : [...items, view].slice(-LIST_LIMIT);
        set({ items: next });
      },

      retry(ids) {
        return run(ids, async () => set({ state: await unwrap(api.outbox.retry({ ids })) }));
      },

      discard(ids) {
        return run(ids, async () => set({ state: await unwrap(api.outbox.discard({ ids })) }));
      },

      resolve(id, keep) {
        return run([id], async () => set({ state: await unwrap(api.outbox.resolve({ id, keep })) }));
      },

      settleCheck(id, decision) {
        return run([id], async () => set({ state: await unwrap(api.outbox.settleCheck({ id, decision })) }));
      },

      async edit(id, changes) {
        let accepted = false;
        await run([id], async () => {
          get().takeItem(await unwrap(api.outbox.edit({ id, change: changes })));
          accepted = true;
        });
        return accepted;
      },
    };
  });
}
