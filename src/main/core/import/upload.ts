// The file behind an import: bytes arriving in ordered base64 chunks into <dataDir>/imports/<jobId>/source.csv, or a path (CLI).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../errors';
import type { JobRecord, JobRepo } from '../jobs/job-repo';
import { ensurePrivateDir, PRIVATE_FILE } from '../store/private-files';

export const MAX_FILE_BYTES = 1024 ** 3;

/** The job's own folder: the uploaded file, a UTF-8 copy when needed, the emails file, recipe targets. */
export const jobDir = (dataDir: string, jobId: string) => join(dataDir, 'imports', jobId);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const invalid = (message: string, field: string) => new AppError('invalid_input', message, { details: { field } });

function tooLarge(bytes: number): AppError {
  return invalid(`The file is ${(bytes / 1024 ** 3).toFixed(2)} GB; Lead Desk imports files up to 1 GB. Split it into smaller files.`, 'bytes');
}

export class Uploads {
  /** Jobs with a chunk being written: chunks of one file never overlap. */
  private readonly writing = new Set<string>();

  constructor(
    private readonly dataDir: string,
    private readonly jobs: JobRepo,
  ) {}

  begin(accountId: string, fileName: string, bytes: number): JobRecord {
    if (bytes > MAX_FILE_BYTES) throw tooLarge(bytes);
    const id = randomUUID();
    const folder = jobDir(this.dataDir, id);
    ensurePrivateDir(folder);
    const sourcePath = join(folder, 'source.csv');
    writeFileSync(sourcePath, '', PRIVATE_FILE);
    return this.jobs.create({ id, accountId, kind: 'import', name: basename(fileName.replace(/\\/g, '/')) || 'import.csv', status: 'uploading', sourcePath, fileBytes: bytes });
  }

  async chunk(job: JobRecord, offset: number, data: string, final: boolean): Promise<number> {
    if (job.status !== 'uploading' || !job.sourcePath) throw invalid('This file has been received completely already; start a new import to send it again.', 'jobId');
    if (this.writing.has(job.id)) throw invalid('The previous chunk of this file is still being written; send chunks one after the other.', 'offset');
    if (offset !== job.receivedBytes) {
      throw invalid(`This chunk starts at byte ${offset}, but ${job.receivedBytes} bytes have arrived so far: send the chunk that starts at byte ${job.receivedBytes}.`, 'offset');
    }
    if (data.length % 4 !== 0 || !BASE64.test(data)) throw invalid('The chunk is not valid base64.', 'data');
    const bytes = Buffer.from(data, 'base64');
    const received = job.receivedBytes + bytes.length;
    if (received > MAX_FILE_BYTES) throw tooLarge(received);
    if (received > job.fileBytes) throw invalid(`The file was announced as ${job.fileBytes} bytes but ${received} have arrived; start the import again.`, 'data');
    if (final && received !== job.fileBytes) throw invalid(`The upload ended after ${received} of ${job.fileBytes} bytes; send the rest before the final chunk.`, 'final');
    this.writing.add(job.id);
    try {
      if (bytes.length > 0) await appendFile(job.sourcePath, bytes);
      this.jobs.update(job.id, { receivedBytes: received });
    } finally {
      this.writing.delete(job.id);
    }
    return received;
  }

  /** The CLI's file, read where it is (no copy, no upload). */
  async fromPath(accountId: string, path: string): Promise<JobRecord> {
    const full = resolve(path);
    let size: number;
    try {
      const info = await stat(full);
      if (!info.isFile()) throw invalid(`${full} is not a file.`, 'path');
      size = info.size;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw invalid(`Cannot read ${full}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 'path');
    }
    if (size > MAX_FILE_BYTES) throw tooLarge(size);
    const id = randomUUID();
    ensurePrivateDir(jobDir(this.dataDir, id));
    const job = this.jobs.create({ id, accountId, kind: 'import', name: basename(full), status: 'uploading', sourcePath: full, fileBytes: size });
    this.jobs.update(job.id, { receivedBytes: size });
    return this.jobs.get(job.id)!;
  }
}
