// The review's plan and its "Check against Kartra" run: the plan is read again when the rows change (fixes,
// exclusions) and, while a check runs, about once a second and when it ends (then the table is re-read too).
import { useEffect, useRef, useState } from 'react';
import type { ImportPlan, PlanCheckState } from '../../../../shared/domain/import';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { useBulk, useImportFlow } from './import-context';

const REREAD_MS = 1000;
export const checkRunning = (s: PlanCheckState | null) => s?.status === 'running' || s?.status === 'cancelling';

export interface PlanView {
  plan: ImportPlan | null;
  check: PlanCheckState | null;
  error: AppErrorData | null;
  startCheck(): void;
  cancelCheck(): void;
}

export function usePlan(): PlanView {
  const { api, review } = useBulk();
  const jobId = useImportFlow((s) => s.jobId);
  const counts = useImportFlow((s) => s.progress?.counts);
  const key = counts ? `${counts.ready}/${counts.invalid}/${counts.excluded}` : '';
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [check, setCheck] = useState<PlanCheckState | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [version, setVersion] = useState(0);
  const lastRead = useRef(0);

  useEffect(() => {
    if (!jobId || !key) return;
    let live = true;
    lastRead.current = Date.now();
    void unwrap(api.import.plan({ jobId })).then(
      (p) => live && setPlan(p),
      () => live && setPlan(null),
    );
    return () => {
      live = false;
    };
  }, [api, jobId, key, version]);

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    void unwrap(api.import.checkState({ jobId })).then((s) => live && setCheck(s), () => undefined);
    const off = api.on('import.check', (state) => {
      if (!live || state.jobId !== jobId) return;
      setCheck(state);
      const ended = !checkRunning(state);
      if (ended || Date.now() - lastRead.current >= REREAD_MS) setVersion((v) => v + 1);
      if (ended) void review.getState().reload();
    });
    return () => {
      live = false;
      off();
    };
  }, [api, review, jobId]);

  const run = (call: 'checkKartra' | 'cancelCheck') => {
    if (!jobId) return;
    setError(null);
    void unwrap(api.import[call]({ jobId })).then(setCheck, (e: unknown) => setError(toErrorData(e)));
  };
  return { plan, check, error, startCheck: () => run('checkKartra'), cancelCheck: () => run('cancelCheck') };
}
