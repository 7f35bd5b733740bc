// Messages between the core and the parse worker: one request per pass, progress while it runs, then a result or an error.
import type { AccountCustomField } from '../../../shared/domain/account';
import type { BulkFix, ColumnMapping } from '../../../shared/domain/import';
import type { ErrorCode } from '../../../shared/ipc/envelope';
import type { AnalyzeInput, AnalyzeResult } from './analyze-file';
import type { ValidateCounts, ValidateInput } from './validate-job';
import type { SheetChoice } from './xlsx-source';

export type WorkerRequest =
  | { id: number; op: 'analyze'; dbFile: string; jobId: string; accountId: string; fields: AccountCustomField[]; input: AnalyzeInput; sheet?: SheetChoice }
  | { id: number; op: 'validate'; dbFile: string; input: ValidateInput }
  /** A validation pass that first applies a bulk fix to every row. */
  | { id: number; op: 'fix'; dbFile: string; input: ValidateInput; fix: BulkFix }
  | { id: number; op: 'close' };

/** The analysis, the mapping it offers, and the validation of that mapping when one could be offered. */
export interface AnalyzeReply {
  result: AnalyzeResult;
  mapping: ColumnMapping;
  remembered: boolean;
  counts: ValidateCounts | null;
}

export type WorkerReply =
  | { id: number; type: 'progress'; rows: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; error: { message: string; stack?: string; code?: ErrorCode; field?: string } };

export type WorkerTask = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
