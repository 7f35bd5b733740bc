// The analysis pass (worker thread): encoding, delimiter, header, sample, row count, file-level problems and where
// each page of rows starts, in one parse; rows also go to a validator when a mapping can be suggested already.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PageLayout } from '../jobs/job-repo';
import { CsvSyntaxError, NotUtf8Error, readRecords } from './csv-source';
import { detectDelimiter, type Delimiter } from './delimiter';
import { decodeSample, detectEncoding, type FileEncoding } from './encoding';
import { readHeaders } from './headers';

export const SAMPLE_BYTES = 64 * 1024;

export interface AnalyzeInput {
  sourcePath: string;
  /** The job's folder: a UTF-8 copy of a UTF-16/Windows-1252 file is written there. */
  workDir: string;
  pageSize: number;
  sampleRows: number;
}

export interface AnalyzeResult {
  bytes: number;
  encoding: FileEncoding;
  delimiter: Delimiter;
  headers: string[];
  sample: string[][];
  rowCount: number;
  problems: string[];
  /** Why the file cannot be imported at all (also the first problem), else null. */
  fatal: string | null;
  layout: PageLayout | null;
  /** A workbook's sheet that was read, and all its sheets. */
  sheet?: string;
  sheets?: string[];
}

/** Receives every data row of one pass (the validator); made once the header is known. */
export interface RowSink {
  row(row: number, cells: string[]): void;
}

class FatalFile extends Error {}

export function fatalResult(bytes: number, message: string, encoding: FileEncoding = 'utf-8', delimiter: Delimiter = ','): AnalyzeResult {
  return { bytes, encoding, delimiter, headers: [], sample: [], rowCount: 0, problems: [message], fatal: message, layout: null };
}

/** A record of empty cells only (a blank line, or a line of delimiters): skipped, not numbered. */
export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function readStart(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(bytes, SAMPLE_BYTES));
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

export async function analyzeFile(
  input: AnalyzeInput,
  sinkFor: (headers: string[]) => RowSink | null,
  onProgress: (rows: number) => void,
): Promise<AnalyzeResult> {
  const bytes = statSync(input.sourcePath).size;
  if (bytes === 0) return fatalResult(0, 'The file is empty (0 bytes).');
  const start = readStart(input.sourcePath, bytes);
  const complete = start.length >= bytes;
  const guess = detectEncoding(start, complete);
  if (guess.notText) return fatalResult(bytes, guess.notText);
  const text = decodeSample(start, guess.encoding, complete).replace(/^\uFEFF/, '');
  if (complete && text.trim() === '') return fatalResult(bytes, 'The file holds only blank lines or spaces.', guess.encoding);
  const delimiter = detectDelimiter(text, complete);
  if (delimiter.unsupported !== null) {
    return fatalResult(bytes, `The file's first line declares "${delimiter.unsupported}" as its delimiter; Lead Desk reads comma, semicolon and tab separated files.`, guess.encoding);
  }
  const pass = (encoding: FileEncoding) => parsePass(input, sinkFor, onProgress, bytes, encoding, delimiter.delimiter, delimiter.sepLine);
  try {
    return await pass(guess.encoding);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    // Bytes that are not UTF-8 further down: an Excel "CSV" export in the Windows code page.
    return pass('windows-1252');
  }
}

async function parsePass(
  input: AnalyzeInput,
  sinkFor: (headers: string[]) => RowSink | null,
  onProgress: (rows: number) => void,
  bytes: number,
  encoding: FileEncoding,
  delimiter: Delimiter,
  sepLine: boolean,
): Promise<AnalyzeResult> {
  // Pages are read back by byte offset from UTF-8: decoded files get a UTF-8 copy in the job's folder.
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  const readPath = utf8 ? input.sourcePath : join(input.workDir, 'source.utf8.csv');
  let headers: string[] | null = null;
  let sink: RowSink | null = null;
  const problems: string[] = [];
  const sample: string[][] = [];
  const starts: number[] = [];
  let rows = 0;
  let ragged = 0;
  let previousEnd = 0;
  try {
    await readRecords({ path: input.sourcePath, encoding, delimiter, sepLine, copyTo: utf8 ? undefined : readPath }, (cells, end) => {
      const startedAt = previousEnd;
      previousEnd = end;
      if (isBlank(cells)) return;
      if (headers === null) {
        const read = readHeaders(cells);
        if (read.fatal) throw new FatalFile(read.fatal);
        headers = read.headers;
        problems.push(...read.problems);
        sink = sinkFor(headers);
        return;
      }
      rows++;
      if ((rows - 1) % input.pageSize === 0) starts.push(startedAt);
      if (cells.length !== headers.length && (cells.length < headers.length || !isBlank(cells.slice(headers.length)))) ragged++;
      if (sample.length < input.sampleRows) sample.push(cells);
      (sink as RowSink | null)?.row(rows, cells);
      if (rows % 50_000 === 0) onProgress(rows);
    });
  } catch (error) {
    if (error instanceof FatalFile || error instanceof CsvSyntaxError) return fatalResult(bytes, error.message, encoding, delimiter);
    throw error;
  }
  onProgress(rows);
  if (headers === null) return fatalResult(bytes, 'The file holds only blank lines or empty cells.', encoding, delimiter);
  if (rows === 0) return { ...fatalResult(bytes, 'The file has a header row but no data rows.', encoding, delimiter), headers };
  if (ragged > 0) {
    problems.push(`${ragged.toLocaleString('en')} row${ragged === 1 ? ' has' : 's have'} more or fewer cells than the header; ${ragged === 1 ? 'it is' : 'they are'} marked invalid so nothing lands in the wrong field.`);
  }
  const layout: PageLayout = { path: readPath, delimiter, sepLine, pageSize: input.pageSize, starts, end: statSync(readPath).size };
  return { bytes, encoding, delimiter, headers, sample, rowCount: rows, problems, fatal: null, layout };
}
