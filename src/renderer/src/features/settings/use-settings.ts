// The Settings page's data: what the core reports (settings.get), saved changes, and the cache refresh's progress
// (the `leads.refresh` event, the same run the leads page's "Refresh from Kartra" shows).
import { useCallback, useEffect, useState } from 'react';
import type { CacheRefreshState } from '../../../../shared/domain/local-leads';
import type { AppSettings, SettingsView } from '../../../../shared/ipc/contract/settings';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';

export interface SettingsData {
  view: SettingsView | null;
  error: AppErrorData | null;
  refresh: CacheRefreshState | null;
  reload(): Promise<void>;
  save(patch: Partial<AppSettings>): Promise<void>;
  /** Runs a command; its failure shows on the page instead of throwing. */
  run<T>(work: () => Promise<T>): Promise<T | null>;
  setRefresh(state: CacheRefreshState): void;
}

export function useSettings(api: LeadDeskApi): SettingsData {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [refresh, setRefresh] = useState<CacheRefreshState | null>(null);

  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(toErrorData(failure));
      return null;
    }
  }, []);
  const reload = useCallback(async () => {
    const next = await run(() => unwrap(api.settings.get({})));
    if (next) setView(next);
  }, [api, run]);
  const save = useCallback(
    async (patch: Partial<AppSettings>) => {
      // Shown at once; a refused save puts back what the core has.
      setView((current) => current && { ...current, ...patch });
      const next = await run(() => unwrap(api.settings.save(patch)));
      if (next) setView(next);
      else await reload();
    },
    [api, run, reload],
  );

  useEffect(() => {
    void reload();
    void unwrap(api.leads.refreshState({})).then(setRefresh, () => undefined);
    return api.on('leads.refresh', (state) => {
      setRefresh(state);
      // The count of leads still from a file moves as the run reads them.
      if (state.status !== 'running') void reload();
    });
  }, [api, reload]);

  return { view, error, refresh, reload, save, run, setRefresh };
}
