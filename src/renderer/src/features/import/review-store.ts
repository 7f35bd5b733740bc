// The review table's data: pages of import.rows under a filter (All / With errors / Excluded, or one class of the plan:
// New, Existing, Unknown, Invalid, Duplicate), inline fixes and exclusions.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportRow, JobProgress, PlanClass, RowStatus } from '../../../../shared/domain/import';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

/** The plan's classes the table filters by (Excluded is the status filter of the same rows). */
export type PlanFilter = Exclude<PlanClass, 'excluded'>;
export type RowFilter = 'all' | 'errors' | 'excluded' | 'failed' | PlanFilter;

const STATUS_FILTERS: Record<string, RowStatus[]> = {
  all: [],
  errors: ['invalid'],
  excluded: ['excluded'],
  failed: ['failed', 'skipped', 'invalid'],
};

/** import.rows's filter for a table filter: statuses, or a class of the plan. */
export function rowsQuery(filter: RowFilter): { statuses: RowStatus[]; plan?: PlanFilter } {
  const statuses = STATUS_FILTERS[filter];
  return statuses ? { statuses } : { statuses: [], plan: filter as PlanFilter };
}

export const PAGE = 100;

export interface ReviewState {
  jobId: string | null;
  filter: RowFilter;
  /** Rows by their index in the filtered list (sparse: only pages read so far). */
  rows: Record<number, ImportRow>;
  total: number | null;
  /** Bumped on every reset, so answers for an older filter or job are dropped. */
  generation: number;
  error: AppErrorData | null;
  reset(jobId: string | null, filter?: RowFilter): void;
  setFilter(filter: RowFilter): void;
  /** Reads the pages covering these indexes that are not loaded or loading yet. */
  ensureRange(first: number, last: number): Promise<void>;
  /** Sends an inline fix; resolves to the re-validated row, or null when the core refused it (error is set). */
  fixCell(index: number, column: string, value: string): Promise<ImportRow | null>;
  setExcluded(index: number, excluded: boolean): Promise<JobProgress | null>;
  /** Re-reads the pages already shown (after an exclusion changed which rows match). */
  reload(): Promise<void>;
}

export type ReviewStore = StoreApi<ReviewState>;

export function createReviewStore(api: LeadDeskApi, onProgress: (progress: JobProgress) => void): ReviewStore {
  const loading = new Set<number>();

  return createStore<ReviewState>()((set, get) => {
    const loadPage = async (page: number) => {
      const { jobId, filter, generation } = get();
      if (jobId === null || loading.has(page)) return;
      loading.add(page);
      try {
        const reply = await unwrap(api.import.rows({ jobId, offset: page * PAGE, limit: PAGE, ...rowsQuery(filter) }));
        if (get().generation !== generation) return;
        set((s) => {
          const rows = { ...s.rows };
          reply.rows.forEach((row, i) => (rows[page * PAGE + i] = row));
          return { rows, total: reply.total, error: null };
        });
      } catch (error) {
        if (get().generation === generation) set({ error: toErrorData(error) });
      } finally {
        loading.delete(page);
      }
    };

    return {
      jobId: null,
      filter: 'all',
      rows: {},
      total: null,
      generation: 0,
      error: null,
      reset(jobId, filter = get().filter) {
        loading.clear();
        set((s) => ({ jobId, filter, rows: {}, total: null, error: null, generation: s.generation + 1 }));
        if (jobId !== null) void loadPage(0);
      },
      setFilter(filter) {
        get().reset(get().jobId, filter);
      },
      async ensureRange(first, last) {
        const wanted: number[] = [];
        for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
          if (get().rows[page * PAGE] === undefined) wanted.push(page);
        }
        await Promise.all(wanted.map(loadPage));
      },
      async fixCell(index, column, value) {
        const { jobId, rows } = get();
        const current = rows[index];
        if (jobId === null || !current) return null;
        try {
          const fixed = await unwrap(api.import.fixCell({ jobId, row: current.row, column, value }));
          set((s) => ({ rows: { ...s.rows, [index]: fixed }, error: null }));
          onProgress(await unwrap(api.jobs.get({ jobId })));
          return fixed;
        } catch (error) {
          set({ error: toErrorData(error) });
          return null;
        }
      },
      async setExcluded(index, excluded) {
        const { jobId, rows } = get();
        const current = rows[index];
        if (jobId === null || !current) return null;
        try {
          const progress = await unwrap(api.import.exclude({ jobId, rows: [current.row], excluded }));
          onProgress(progress);
          // Shown at once; the reload then brings the row's real state (an included row may still be invalid).
          set((s) => ({ rows: { ...s.rows, [index]: { ...current, status: excluded ? 'excluded' : 'ready' } }, error: null }));
          await get().reload();
          return progress;
        } catch (error) {
          set({ error: toErrorData(error) });
          return null;
        }
      },
      async reload() {
        const pages = [...new Set(Object.keys(get().rows).map((k) => Math.floor(Number(k) / PAGE)))];
        set((s) => ({ generation: s.generation + 1 }));
        loading.clear();
        const generation = get().generation;
        const { jobId, filter } = get();
        if (jobId === null) return;
        try {
          const replies = await Promise.all(
            (pages.length > 0 ? pages : [0]).map(async (page) => ({
              page,
              reply: await unwrap(api.import.rows({ jobId, offset: page * PAGE, limit: PAGE, ...rowsQuery(filter) })),
            })),
          );
          if (get().generation !== generation) return;
          const rows: Record<number, ImportRow> = {};
          let total = get().total;
          for (const { page, reply } of replies) {
            reply.rows.forEach((row, i) => (rows[page * PAGE + i] = row));
            total = reply.total;
          }
          set({ rows, total, error: null });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
      },
    };
  });
}
