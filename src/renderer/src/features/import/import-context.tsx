// The bulk-work stores of one account (import flow, review rows, jobs, recipes) and the hooks that read them.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LeadDeskApi } from '../../api/api';
import { createRecipesStore, type RecipesState, type RecipesStore } from '../recipes/recipes-store';
import { createImportStore, type ImportState, type ImportStore } from './import-store';
import { createJobsStore, type JobsState, type JobsStore } from './jobs-store';
import { createReviewStore, type ReviewState, type ReviewStore } from './review-store';

export type BulkPage = 'import' | 'recipes';

export interface BulkStores {
  api: LeadDeskApi;
  flow: ImportStore;
  review: ReviewStore;
  jobs: JobsStore;
  recipes: RecipesStore;
  /** Brings a bulk page to the front (the workspace decides how: a tab, a route). */
  show(page: BulkPage): void;
  /** Subscribes to job.progress and reads the jobs; returns the undo. */
  start(): () => void;
}

export function createBulkStores(api: LeadDeskApi, show: (page: BulkPage) => void): BulkStores {
  const jobs = createJobsStore(api);
  let flow: ImportStore | null = null;
  const review = createReviewStore(api, (progress) => {
    jobs.getState().apply(progress);
    flow?.getState().applyProgress(progress);
  });
  flow = createImportStore(api, review);
  const importFlow = flow;
  const recipes = createRecipesStore(api);
  const start = () => {
    const stop = api.on('job.progress', (progress) => {
      jobs.getState().apply(progress);
      importFlow.getState().applyProgress(progress);
    });
    // Only the jobs now (the running-jobs indicator needs them); the account lists and recipes are read
    // when their pages open, so a workspace that never imports asks Kartra for nothing more.
    void jobs.getState().load();
    return stop;
  };
  return { api, flow: importFlow, review, jobs, recipes, show, start };
}

const BulkContext = createContext<BulkStores | null>(null);

export interface BulkProviderProps {
  api: LeadDeskApi;
  show(page: BulkPage): void;
  children: ReactNode;
}

/** Mount once per account (inside the workspace, which is keyed by account). */
export function BulkProvider({ api, show, children }: BulkProviderProps) {
  const showRef = useShowRef(show);
  const [stores] = useState(() => createBulkStores(api, (page) => showRef.current(page)));
  useEffect(() => stores.start(), [stores]);
  return <BulkContext value={stores}>{children}</BulkContext>;
}

/** The latest show callback, so the stores (created once) always call the current one. */
function useShowRef(show: (page: BulkPage) => void): { current: (page: BulkPage) => void } {
  const [ref] = useState(() => ({ current: show }));
  ref.current = show;
  return ref;
}

export function BulkStoresProvider({ stores, children }: { stores: BulkStores; children: ReactNode }) {
  return <BulkContext value={stores}>{children}</BulkContext>;
}

export function useBulk(): BulkStores {
  const stores = useContext(BulkContext);
  if (!stores) throw new Error('The import and recipe screens need a <BulkProvider> above them.');
  return stores;
}

export const useImportFlow = <T,>(select: (s: ImportState) => T): T => useStore(useBulk().flow, select);
export const useReview = <T,>(select: (s: ReviewState) => T): T => useStore(useBulk().review, select);
export const useJobs = <T,>(select: (s: JobsState) => T): T => useStore(useBulk().jobs, select);
export const useRecipes = <T,>(select: (s: RecipesState) => T): T => useStore(useBulk().recipes, select);
