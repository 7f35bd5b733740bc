// Every import and recipe run of the account as last reported (jobs.list + job.progress): past imports and the running-jobs indicator.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JobProgress } from '../../../../shared/domain/import';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export interface JobsState {
  jobs: Record<string, JobProgress>;
  loaded: boolean;
  error: AppErrorData | null;
  load(): Promise<void>;
  apply(progress: JobProgress): void;
}

export type JobsStore = StoreApi<JobsState>;

export const ACTIVE_STATUSES: readonly JobProgress['status'][] = ['running', 'paused'];
export const DONE_STATUSES: readonly JobProgress['status'][] = ['finished', 'cancelled', 'failed'];

export function createJobsStore(api: LeadDeskApi): JobsStore {
  return createStore<JobsState>()((set, get) => ({
    jobs: {},
    loaded: false,
    error: null,
    async load() {
      try {
        const { jobs } = await unwrap(api.jobs.list({ limit: 100 }));
        const next: Record<string, JobProgress> = {};
        for (const job of jobs) next[job.jobId] = newer(get().jobs[job.jobId], job);
        set({ jobs: next, loaded: true, error: null });
      } catch (error) {
        set({ error: toErrorData(error), loaded: true });
      }
    },
    apply(progress) {
      set((s) => ({ jobs: { ...s.jobs, [progress.jobId]: newer(s.jobs[progress.jobId], progress) } }));
    },
  }));
}

/** Events and list replies can cross: keep whichever report is more recent. */
function newer(known: JobProgress | undefined, next: JobProgress): JobProgress {
  return known && known.updatedAt > next.updatedAt ? known : next;
}

/** Newest first. */
export function sortedJobs(jobs: Record<string, JobProgress>): JobProgress[] {
  return Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt);
}
