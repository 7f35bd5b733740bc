// The import flow of one account: upload → analysis → mapping → review → options → run → report, and re-opening past jobs.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountLists } from '../../../../shared/ipc/contract';
import type { ColumnMapping, FileAnalysis, ImportTarget, JobProgress } from '../../../../shared/domain/import';
import type { LocalLeadsResult } from '../../../../shared/domain/local-leads';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { EMPTY_OPTIONS, toImportOptions, type OptionsDraft } from './import-options';
import { DONE_STATUSES } from './jobs-store';
import type { ReviewStore } from './review-store';
import { uploadFile, type UploadProgress } from './upload';

export const IMPORT_STEPS = ['file', 'mapping', 'review', 'options', 'run', 'report'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];
export type Busy = 'upload' | 'analyze' | 'validate' | 'start' | 'control' | 'export' | 'open' | 'local';
/** What the file is for: an import into Kartra, or only the local lead cache (nothing is sent). */
export type ImportPurpose = 'kartra' | 'local';

export interface ImportState {
  step: ImportStep;
  jobId: string | null;
  file: { name: string; size: number } | null;
  upload: UploadProgress | null;
  analysis: FileAnalysis | null;
  mapping: ColumnMapping;
  progress: JobProgress | null;
  catalog: AccountLists | null;
  options: OptionsDraft;
  busy: Busy | null;
  error: AppErrorData | null;
  purpose: ImportPurpose;
  /** The picked file's own date (File.lastModified): local leads are cached as of it. */
  fileModifiedAt: number | null;
  localResult: LocalLeadsResult | null;
  setPurpose(purpose: ImportPurpose): void;
  /** "Add to my local leads": the mapped file's leads into the lead cache, nothing sent to Kartra. */
  addToLocal(): Promise<void>;
  pickFile(file: File): Promise<void>;
  /** A workbook's other sheet: the file is read again from it (columns, sample, mapping). */
  pickSheet(sheet: string): Promise<void>;
  setTarget(header: string, target: ImportTarget): void;
  validate(): Promise<void>;
  goTo(step: ImportStep): void;
  setOptions(patch: Partial<OptionsDraft>): void;
  start(): Promise<void>;
  control(action: 'pause' | 'resume' | 'cancel'): Promise<void>;
  exportFailed(): Promise<{ fileName: string; csv: string; rows: number } | null>;
  /** Every row with its outcome and Kartra lead id. */
  exportResult(): Promise<{ fileName: string; csv: string; rows: number } | null>;
  /** Shows a job from the past list or a recipe run: its run screen while it runs, its report after. */
  openJob(progress: JobProgress): Promise<void>;
  applyProgress(progress: JobProgress): void;
  loadCatalog(): Promise<void>;
  clearError(): void;
  reset(): void;
}

export type ImportStore = StoreApi<ImportState>;

const FRESH = {
  step: 'file' as ImportStep,
  jobId: null,
  file: null,
  upload: null,
  analysis: null,
  mapping: {},
  progress: null,
  options: EMPTY_OPTIONS,
  busy: null,
  error: null,
  fileModifiedAt: null,
  localResult: null,
};

export function createImportStore(api: LeadDeskApi, review: ReviewStore): ImportStore {
  return createStore<ImportState>()((set, get) => {
    /** Runs one step's call with the busy flag and error handling; stale answers (another job opened since) are ignored. */
    const guarded = async <T>(busy: Busy, work: () => Promise<T>): Promise<T | null> => {
      const jobId = get().jobId;
      set({ busy, error: null });
      try {
        const value = await work();
        if (get().jobId === jobId || busy === 'upload' || busy === 'open') set({ busy: null });
        return value;
      } catch (error) {
        set({ busy: null, error: toErrorData(error) });
        return null;
      }
    };

    return {
      ...FRESH,
      catalog: null,
      purpose: 'kartra',

      setPurpose(purpose) {
        set({ purpose });
      },

      async addToLocal() {
        const { jobId, mapping, fileModifiedAt } = get();
        if (jobId === null) return;
        const result = await guarded('local', () => unwrap(api.import.addToLocalLeads({ jobId, mapping, ...(fileModifiedAt ? { fileModifiedAt } : {}) })));
        if (result) set({ localResult: result });
      },

      async pickFile(file) {
        review.getState().reset(null);
        set({ ...FRESH, file: { name: file.name, size: file.size }, upload: { sent: 0, total: file.size }, fileModifiedAt: file.lastModified || null });
        // Settings' default for leads Kartra already has (the Options step can still change it); unread, "keep" stays.
        void unwrap(api.settings.get({})).then(
          ({ importPolicy }) => set((s) => ({ options: { ...s.options, existing: importPolicy } })),
          () => undefined,
        );
        await guarded('upload', async () => {
          const jobId = await uploadFile(api, file, (upload) => set({ upload }));
          set({ jobId, busy: 'analyze' });
          const analysis = await unwrap(api.import.analyze({ jobId, local: get().purpose === 'local' }));
          const progress = await unwrap(api.jobs.get({ jobId }));
          // A file the core cannot import (status failed) stays on the File step with its problems shown.
          set({ analysis, mapping: { ...analysis.suggestedMapping }, progress, step: progress.status === 'failed' ? 'file' : 'mapping' });
        });
      },

      async pickSheet(sheet) {
        const { jobId } = get();
        if (jobId === null) return;
        review.getState().reset(null);
        await guarded('analyze', async () => {
          const analysis = await unwrap(api.import.analyze({ jobId, sheet, local: get().purpose === 'local' }));
          const progress = await unwrap(api.jobs.get({ jobId }));
          set({ analysis, mapping: { ...analysis.suggestedMapping }, progress, step: progress.status === 'failed' ? 'file' : 'mapping' });
        });
      },

      setTarget(header, target) {
        set((s) => ({ mapping: { ...s.mapping, [header]: target } }));
      },

      async validate() {
        const { jobId, mapping } = get();
        if (jobId === null) return;
        const progress = await guarded('validate', () => unwrap(api.import.validate({ jobId, mapping })));
        if (!progress) return;
        set({ progress, step: 'review' });
        review.getState().reset(jobId, 'all');
      },

      goTo(step) {
        set({ step, error: null });
      },

      setOptions(patch) {
        set((s) => ({ options: { ...s.options, ...patch } }));
      },

      async start() {
        const { jobId, options } = get();
        if (jobId === null) return;
        const progress = await guarded('start', () => unwrap(api.import.start({ jobId, options: toImportOptions(options) })));
        if (progress) set({ progress, step: DONE_STATUSES.includes(progress.status) ? 'report' : 'run' });
      },

      async control(action) {
        const { jobId } = get();
        if (jobId === null) return;
        const progress = await guarded('control', () => unwrap(api.jobs[action]({ jobId })));
        if (progress) get().applyProgress(progress);
      },

      async exportFailed() {
        const { jobId } = get();
        if (jobId === null) return null;
        return guarded('export', () => unwrap(api.jobs.exportFailed({ jobId })));
      },

      async exportResult() {
        const { jobId } = get();
        if (jobId === null) return null;
        return guarded('export', () => unwrap(api.jobs.exportResult({ jobId })));
      },

      async openJob(progress) {
        review.getState().reset(null);
        set({ ...FRESH, jobId: progress.jobId, progress, file: { name: progress.name, size: 0 } });
        if (progress.kind === 'recipe' || progress.status === 'running' || progress.status === 'paused' || DONE_STATUSES.includes(progress.status)) {
          get().applyProgress(progress);
          if (DONE_STATUSES.includes(progress.status)) set({ step: 'report' });
          else set({ step: 'run' });
          return;
        }
        // Not run yet: back to its mapping (or review, once validated), with the analysis the core kept.
        await guarded('open', async () => {
          const analysis = await unwrap(api.import.analyze({ jobId: progress.jobId }));
          set({ analysis, mapping: { ...analysis.suggestedMapping }, file: { name: analysis.fileName, size: analysis.bytes } });
          if (progress.status === 'validated') {
            set({ step: 'review' });
            review.getState().reset(progress.jobId, 'all');
          } else set({ step: 'mapping' });
        });
      },

      applyProgress(progress) {
        if (progress.jobId !== get().jobId) return;
        set({ progress });
        const step = get().step;
        if ((step === 'run' || step === 'options') && DONE_STATUSES.includes(progress.status) && get().busy !== 'start') set({ step: 'report' });
        if (step === 'options' && (progress.status === 'running' || progress.status === 'paused') && get().busy !== 'start') set({ step: 'run' });
      },

      async loadCatalog() {
        try {
          set({ catalog: await unwrap(api.account.lists({ refresh: [] })) });
        } catch (error) {
          set({ error: toErrorData(error) });
        }
      },

      clearError() {
        set({ error: null });
      },

      reset() {
        review.getState().reset(null);
        set({ ...FRESH });
      },
    };
  });
}
