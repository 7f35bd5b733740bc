// Streams a CSV file's records through csv-parse in bounded memory, decoding UTF-16 and Windows-1252 on the way.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { PassThrough, Transform, pipeline, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { decoderLabel, Utf8Checker, type FileEncoding } from './encoding';
import { restoreFormula } from './formula-guard';
import type { Delimiter } from './delimiter';
import { PRIVATE_FILE } from '../store/private-files';

/** Records longer than this are refused: it is nearly always a quote that never closes. */
export const MAX_RECORD_CHARS = 1_000_000;
export const READ_CHUNK = 256 * 1024;

/** The file claimed (from its start) to be UTF-8 but is not: it is read again as Windows-1252. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  constructor() {
    super('the file is not valid UTF-8');
  }
}

/** The parser refused the file; `line` is the physical line it was reading. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

export interface CsvSourceOptions {
  path: string;
  encoding: FileEncoding;
  delimiter: Delimiter;
  /** Skip Excel's leading `sep=` line. */
  sepLine: boolean;
  /** Also write the UTF-8 bytes the parser reads to this file (for UTF-16 and Windows-1252 sources). */
  copyTo?: string;
}

/** The parser options shared by the import and the benchmark's baseline. */
export function parserOptions(delimiter: Delimiter, sepLine: boolean): Options {
  return {
    delimiter,
    bom: true,
    // Ragged rows are reported by validation, not rejected (or guessed) by the parser.
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    from_line: sepLine ? 2 : 1,
    // A cell a spreadsheet-safe writer prefixed with ' (ours, or another app's) comes back as it was.
    cast: (value: string) => restoreFormula(value),
  };
}

class Utf8Guard extends Transform {
  private readonly checker = new Utf8Checker();
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.checker.push(chunk)) callback(null, chunk);
    else callback(new NotUtf8Error());
  }
  override _flush(callback: TransformCallback): void {
    callback(this.checker.end() ? null : new NotUtf8Error());
  }
}

/** Decodes UTF-16/Windows-1252 bytes into UTF-8 bytes for the parser (the decoder also drops a BOM). */
class Decode extends Transform {
  private readonly decoder: TextDecoder;
  constructor(label: string) {
    super();
    this.decoder = new TextDecoder(label);
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8'));
  }
  override _flush(callback: TransformCallback): void {
    callback(null, Buffer.from(this.decoder.decode(), 'utf8'));
  }
}

function syntaxError(error: unknown): unknown {
  const e = error as { code?: string; lines?: number; message?: string };
  if (typeof e?.code !== 'string' || !e.code.startsWith('CSV_')) return error;
  const line = typeof e.lines === 'number' ? e.lines : null;
  const at = line !== null ? `Line ${line}: ` : '';
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CsvSyntaxError(`${at}a quoted field is never closed. Check the quotes (") near that line: a quote inside a field must be doubled ("").`, line);
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return new CsvSyntaxError(`${at}a row is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters. Most likely a quote (") opened there is never closed.`, line);
  }
  return new CsvSyntaxError(`${at}the file is not valid CSV (${e.message ?? e.code}).`, line);
}

/**
 * Calls `onRecord` for every record, in order, with the byte offset just past the record (in the UTF-8
 * bytes the parser reads). Records are handled inside the parser's own callback and never queued, which
 * keeps memory flat. Rejects with CsvSyntaxError, NotUtf8Error (only for `utf-8`), a file system error,
 * or whatever onRecord threw.
 */
export function readRecords(options: CsvSourceOptions, onRecord: (cells: string[], endByte: number) => void): Promise<void> {
  let failure: unknown = null;
  const source = createReadStream(options.path, { highWaterMark: READ_CHUNK });
  const parser = parse({
    ...parserOptions(options.delimiter, options.sepLine),
    on_record: (record: string[], context: { bytes: number }) => {
      if (failure === null) {
        try {
          onRecord(record, context.bytes);
        } catch (error) {
          failure = error;
          source.destroy();
        }
      }
      return null;
    },
  });
  const stages: Transform[] = [];
  let copy: WriteStream | null = null;
  if (options.encoding === 'utf-8') stages.push(new Utf8Guard());
  else if (options.encoding !== 'utf-8-bom') {
    stages.push(new Decode(decoderLabel(options.encoding)));
    if (options.copyTo) {
      copy = createWriteStream(options.copyTo, PRIVATE_FILE);
      // Heard here (a disk error fails the pass below), never left to end the worker thread.
      copy.on('error', (error) => {
        if (failure === null) failure = error;
        source.destroy();
      });
      const tee = new PassThrough();
      tee.on('data', (chunk: Buffer) => copy?.write(chunk));
      stages.push(tee);
    }
  }
  const copied = () =>
    new Promise<void>((done, fail) => {
      if (!copy) return done();
      copy.on('error', fail);
      copy.end(() => done());
    });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (error) {
        source.destroy();
        parser.destroy();
        copy?.destroy();
        reject(syntaxError(error));
      } else copied().then(resolve, reject);
    };
    parser.on('end', () => finish(failure));
    parser.resume(); // nothing is queued on the readable side; this lets 'end' come
    const streams = [source, ...stages, parser] as unknown as [NodeJS.ReadableStream, ...NodeJS.WritableStream[]];
    pipeline(...(streams as Parameters<typeof pipeline>), (error: NodeJS.ErrnoException | null) => {
      if (error || failure) finish(failure ?? error);
    });
  });
}

/** The records of one slice of a UTF-8 CSV file (a page: it starts and ends on record boundaries). */
export function parseSlice(bytes: Buffer, delimiter: Delimiter): string[][] {
  if (bytes.length === 0) return [];
  try {
    return parseSync(bytes, { ...parserOptions(delimiter, false) }) as string[][];
  } catch (error) {
    throw syntaxError(error);
  }
}
