// Turns outbox events into notifications: "saved" when Kartra confirmed a change, Kartra's reason when it
// failed, a prompt when it needs a decision. A replay of many changes becomes one summary, not a flood.
import type { OutboxItemView } from '../../../../shared/domain/outbox';

export type ChangeNoticeKind = 'success' | 'error' | 'info';

export interface ChangeNotice {
  kind: ChangeNoticeKind;
  title: string;
  message: string;
  /** A confirmed change that Undo can offer to reverse: its History entry. */
  undoHistoryId?: number;
}

/** Changes settling within this window are announced together. */
export const NOTICE_WINDOW_MS = 250;
/** Up to this many settled changes get a notification each; more become one summary per kind. */
export const NOTICE_SINGLE_LIMIT = 3;

type Settled = { view: OutboxItemView; kind: 'done' | 'failed' | 'conflict' };

export interface ChangeNotifier {
  take(view: OutboxItemView): void;
  /** Announce what is collected now (tests, unmount). */
  flush(): void;
  dispose(): void;
}

export function createChangeNotifier(show: (notice: ChangeNotice) => void, windowMs = NOTICE_WINDOW_MS): ChangeNotifier {
  let batch: Settled[] = [];
  /** The same item can be reported more than once (event and receipt): announce each outcome once. */
  const announced = new Map<number, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const settled = batch;
    batch = [];
    for (const notice of summarize(settled)) show(notice);
  };

  return {
    take(view) {
      const kind = view.status === 'done' ? 'done' : view.status === 'failed' ? 'failed' : view.status === 'conflict' ? 'conflict' : null;
      if (kind === null) return;
      // Discarded by the user: they know; not a confirmation from Kartra.
      if (kind === 'done' && view.error?.message === 'Discarded') return;
      if (announced.get(view.id) === kind) return;
      announced.set(view.id, kind);
      if (announced.size > 2000) announced.delete(announced.keys().next().value as number);
      batch.push({ view, kind });
      timer ??= setTimeout(flush, windowMs);
    },
    flush,
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      batch = [];
    },
  };
}

function summarize(settled: Settled[]): ChangeNotice[] {
  const notices: ChangeNotice[] = [];
  for (const kind of ['failed', 'conflict', 'done'] as const) {
    const group = settled.filter((s) => s.kind === kind);
    if (group.length === 0) continue;
    if (group.length <= NOTICE_SINGLE_LIMIT) {
      notices.push(...group.map((s) => single(s)));
      continue;
    }
    const first = group[0]!.view;
    if (kind === 'done') notices.push({ kind: 'success', title: `${group.length} changes saved`, message: 'Kartra confirmed them.' });
    else if (kind === 'failed') {
      notices.push({ kind: 'error', title: `${group.length} changes failed`, message: `First: ${first.summary} — ${first.error?.message ?? 'Kartra refused it'}. See the outbox.` });
    } else notices.push({ kind: 'info', title: `${group.length} changes need a decision`, message: 'They were changed in Kartra meanwhile. See the outbox.' });
  }
  return notices;
}

function single({ view, kind }: Settled): ChangeNotice {
  const who = view.leadEmail ? ` (${view.leadEmail})` : '';
  if (kind === 'done') {
    // Tags, lists, sequences, points and edits have an inverse; the core says when one does not (History).
    const undoable = (view.change.kind === 'action' || view.change.kind === 'edit') && typeof view.historyId === 'number';
    return { kind: 'success', title: 'Change saved', message: `${view.summary}${who}`, ...(undoable ? { undoHistoryId: view.historyId! } : {}) };
  }
  if (kind === 'failed') return { kind: 'error', title: 'Change failed', message: `${view.summary}${who}: ${view.error?.message ?? 'Kartra refused it'}` };
  return { kind: 'info', title: 'Change needs a decision', message: `${view.summary}${who}: changed in Kartra meanwhile — keep yours or Kartra’s.` };
}
