// Worker-thread entry: runs the CSV analysis and validation passes off the main thread, against the app database file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { ColumnMapping } from '../../../shared/domain/import';
import { AppError } from '../errors';
import { analyzeFile, fatalResult, type AnalyzeResult } from './analyze-file';
import { ENCRYPTED_MESSAGE, sniffWorkbook, xlsxToCsv, type SheetCsv } from './xlsx-source';
import { chooseMapping, headerSetKey } from './aliases';
import { compileFix } from './bulk-fixes';
import { RowValidator, validatePass, type ValidateCounts } from './validate-job';
import { compileMapping } from './validate-row';
import type { AnalyzeReply, WorkerReply, WorkerRequest } from './worker-protocol';
import { WorkerRepo } from './worker-repo';
import { ensurePrivateDir } from '../store/private-files';

const connections = new Map<string, WorkerRepo>();

function repoFor(file: string): WorkerRepo {
  let open = connections.get(file);
  if (!open) connections.set(file, (open = WorkerRepo.open(file)));
  return open;
}

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

/**
 * One parse: the analysis, and — when the offered mapping maps an email column — its validation too, so a
 * user who accepts the offer waits for a single pass over the file.
 */
async function analyze(request: Extract<WorkerRequest, { op: 'analyze' }>, progress: (rows: number) => void): Promise<AnalyzeReply> {
  const repo = repoFor(request.dbFile);
  ensurePrivateDir(request.input.workDir);
  repo.clearRows(request.jobId);
  let offer: { mapping: ColumnMapping; remembered: boolean } = { mapping: {}, remembered: false };
  let validator: RowValidator | null = null;
  let result: AnalyzeResult;
  // A workbook is first streamed to a CSV of one sheet (the first, or the one asked for); everything after reads that CSV like any other.
  const workbook = sniffWorkbook(request.input.sourcePath);
  if (workbook === 'encrypted') return { result: fatalResult(statSync(request.input.sourcePath).size, ENCRYPTED_MESSAGE), mapping: {}, remembered: false, counts: null };
  let input = request.input;
  let sheet: SheetCsv | null = null;
  if (workbook === 'zip') {
    const csvPath = join(input.workDir, 'sheet.csv');
    sheet = await xlsxToCsv(input.sourcePath, csvPath, progress, request.sheet);
    const bytes = statSync(input.sourcePath).size;
    if (sheet.fatal) return { result: { ...fatalResult(bytes, sheet.fatal), sheet: sheet.sheet || undefined, sheets: sheet.sheets }, mapping: {}, remembered: false, counts: null };
    input = { ...input, sourcePath: csvPath };
  }
  try {
    result = await analyzeFile(
      input,
      (headers) => {
        offer = chooseMapping(headers, request.fields, repo.rememberedMapping(request.accountId, headerSetKey(headers)));
        let cm;
        try {
          cm = compileMapping(headers, offer.mapping, request.fields);
        } catch {
          return null; // no email column offered: the user maps by hand, validation comes later
        }
        validator?.abort(); // a second pass (the file turned out not to be UTF-8) starts over
        validator = new RowValidator(repo, request.jobId, request.input.workDir, cm);
        return validator;
      },
      progress,
    );
  } catch (error) {
    (validator as RowValidator | null)?.abort();
    throw error;
  }
  if (sheet) result = { ...result, bytes: statSync(request.input.sourcePath).size, sheet: sheet.sheet, sheets: sheet.sheets, problems: [...sheet.problems, ...result.problems] };
  const finished = validator as RowValidator | null;
  if (result.fatal) {
    finished?.abort();
    repo.clearRows(request.jobId);
    return { result, mapping: offer.mapping, remembered: offer.remembered, counts: null };
  }
  const counts: ValidateCounts | null = finished ? await finished.finish() : null;
  return { result, mapping: offer.mapping, remembered: offer.remembered, counts };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  const progress = (rows: number) => reply({ id: request.id, type: 'progress', rows });
  switch (request.op) {
    case 'analyze':
      return analyze(request, progress);
    case 'validate': {
      const cm = compileMapping(request.input.headers, request.input.mapping, request.input.fields);
      return validatePass(repoFor(request.dbFile), request.input, cm, progress);
    }
    case 'fix': {
      const cm = compileMapping(request.input.headers, request.input.mapping, request.input.fields);
      return validatePass(repoFor(request.dbFile), request.input, cm, progress, compileFix(request.fix, cm));
    }
    case 'close':
      for (const repo of connections.values()) repo.close();
      connections.clear();
      return null;
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => reply({ id: request.id, type: 'done', value }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      reply({
        id: request.id,
        type: 'error',
        error: {
          message: e.message,
          stack: e.stack,
          ...(error instanceof AppError ? { code: error.code, field: error.options.details?.field } : {}),
        },
      });
    },
  );
});
