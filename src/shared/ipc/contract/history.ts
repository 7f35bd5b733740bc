// Contract slice: History — every write of every source with its per-action outcome, filterable.
import { z } from 'zod';
import { HistoryEntry, HistoryFilter } from '../../domain/history';

export const historyCommands = {
  /** Newest first; `nextBeforeId` pages further back (null at the end). */
  'history.list': {
    input: HistoryFilter,
    output: z.object({ entries: z.array(HistoryEntry), nextBeforeId: z.number().nullable() }),
  },
} as const;
