// Contract slice: bulk actions (preview, run), undo of History entries and runs, and export of leads to a file.
import { z } from 'zod';
import { BulkInput, BulkPreview, ExportFile, ExportInput } from '../../domain/bulk-actions';
import { JobProgress } from '../../domain/import';
import { OutboxItemView } from '../../domain/outbox';
import { JobId } from './common';

export const bulkCommands = {
  /** What a bulk action would do to each lead of the selection (from the cache), the calls it takes and how long. */
  'bulk.preview': { input: BulkInput, output: BulkPreview },
  /** Enqueues the bulk action as one run on the bulk lane (only the leads that change); its progress is a job's. */
  'bulk.run': { input: BulkInput, output: JobProgress },
  /** Undo one History entry: its inverse goes through the write queue (invalid_input with the reason when there is none). */
  'history.undo': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ changes: z.array(OutboxItemView) }) },
  /** Undo a whole import, recipe or bulk run: every lead it changed, as one run (once per run). */
  'history.undoRun': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  /** The selection's cached leads as a CSV or .xlsx file with the chosen columns, formula-safe. */
  'leads.export': { input: ExportInput, output: ExportFile },
} as const;
