// Reads a page of a job's rows back from its UTF-8 file by byte offset (kept from the analysis) and parses it again.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../errors';
import { isBlank } from '../import/analyze-file';
import { parseSlice } from '../import/csv-source';
import type { JobRepo, PageLayout } from './job-repo';

export const pageOf = (row: number, pageSize: number) => Math.floor((row - 1) / pageSize);

function changed(path: string): AppError {
  return new AppError('invalid_input', `The file ${path} changed or was removed after it was read, so its rows cannot be read again. Import it anew.`);
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch {
    throw changed(path);
  }
}

export class Pages {
  /** The last pages read: the runner reads them in order, the preview around the same place. */
  private readonly cache = new Map<string, string[][]>();
  private readonly layouts = new Map<string, PageLayout | null>();

  constructor(private readonly jobs: JobRepo) {}

  layout(jobId: string): PageLayout | null {
    if (!this.layouts.has(jobId)) this.layouts.set(jobId, this.jobs.layout(jobId));
    return this.layouts.get(jobId) ?? null;
  }

  pageSize(jobId: string): number {
    return this.layout(jobId)?.pageSize ?? 500;
  }

  /** The rows of page `page` as parsed (blank records skipped, as the analysis numbered them). */
  page(jobId: string, page: number): string[][] {
    const key = `${jobId}:${page}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const layout = this.layout(jobId);
    const start = layout?.starts[page];
    if (!layout || start === undefined) return [];
    const end = layout.starts[page + 1] ?? layout.end;
    const bytes = Buffer.alloc(Math.max(0, end - start));
    const fd = openFile(layout.path);
    try {
      // Offsets only hold for the file as it was read: a file edited or replaced since cannot be trusted.
      if (fstatSync(fd).size !== layout.end) throw changed(layout.path);
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, start + read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      closeSync(fd);
    }
    const rows = parseSlice(bytes, layout.delimiter).filter((cells) => !isBlank(cells)).slice(0, layout.pageSize);
    this.cache.set(key, rows);
    if (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value as string);
    return rows;
  }

  /** The cells of one row as parsed (undefined past the end). */
  cells(jobId: string, row: number): string[] | undefined {
    const size = this.pageSize(jobId);
    return this.page(jobId, pageOf(row, size))[(row - 1) % size];
  }

  /** The job's file was read again (a new analysis): forget what is cached. */
  forget(jobId: string): void {
    this.layouts.delete(jobId);
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${jobId}:`)) this.cache.delete(key);
  }
}
