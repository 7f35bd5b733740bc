// Undo from History (and from a change's toast): one entry goes through the write queue as the inverse change;
// a whole run becomes an undo run in the job UI. Both answer with a toast; a refusal names the reason.
import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import type { LeadDeskApi } from '../../api/api';
import { toErrorData, unwrap } from '../../api/unwrap';
import { useNotify } from '../../components/use-notify';

/** `onQueued`: called once an undo (of an entry or a run) was accepted by the core. */
export function useUndo(api: LeadDeskApi, onQueued?: () => void) {
  const notify = useNotify();
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const undoEntry = useCallback(
    async (entry: Pick<HistoryEntry, 'id' | 'summary'>) => {
      setPending((p) => new Set(p).add(entry.id));
      try {
        await unwrap(api.history.undo({ id: entry.id }));
        notify('success', 'Undo queued', `${entry.summary} is being undone.`);
        onQueued?.();
      } catch (error) {
        notify('error', 'This change cannot be undone', toErrorData(error).message);
      } finally {
        setPending((p) => {
          const next = new Set(p);
          next.delete(entry.id);
          return next;
        });
      }
    },
    [api, notify, onQueued],
  );
  const undoRun = useCallback(
    async (jobId: string) => {
      try {
        const progress = await runUndo(api, jobId);
        notify('success', 'Undo started', `${progress.name}: ${progress.counts.total.toLocaleString()} lead${progress.counts.total === 1 ? '' : 's'} to put back.`);
        onQueued?.();
      } catch (error) {
        notify('error', 'This run cannot be undone', toErrorData(error).message);
      }
    },
    [api, notify, onQueued],
  );
  return { undoEntry, undoRun, pending };
}

function runUndo(api: LeadDeskApi, jobId: string) {
  return unwrap(api.history.undoRun({ jobId }));
}
