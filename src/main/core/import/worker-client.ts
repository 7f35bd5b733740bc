// Starts the parse worker on demand (built .js in Electron, the .ts source through tsx elsewhere), runs one pass at a time, stops it when idle.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { WorkerReply, WorkerRequest, WorkerTask } from './worker-protocol';

export interface WorkerEntry {
  path: string;
  execArgv: string[];
}

/**
 * The worker script: `importWorkerPath` when the shell passes one; else the bundle's sibling
 * `import-worker.js` (electron-vite's second main entry); else this folder's TypeScript source, run
 * through tsx (tests, CLI, the e2e host).
 */
export function resolveWorkerEntry(explicit?: string): WorkerEntry {
  if (explicit) return { path: explicit, execArgv: explicit.endsWith('.ts') ? tsxArgs() : [] };
  const built = join(__dirname, 'import-worker.js');
  if (existsSync(built)) return { path: built, execArgv: [] };
  return { path: join(__dirname, 'parse-worker.ts'), execArgv: tsxArgs() };
}

function tsxArgs(): string[] {
  // Resolved from here, not from the current directory, so it works whatever folder the process started in.
  const loader = createRequire(join(__dirname, 'worker-client.ts')).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (rows: number) => void;
}

export interface ParseWorkerOptions {
  entry?: WorkerEntry;
  log: Logger;
  /** Stop the thread after this long without work (default 20 s). */
  idleMs?: number;
  /** V8 heap limit of the worker; a file that needs more fails cleanly instead of swapping. */
  maxHeapMb?: number;
}

export class ParseWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly entry: WorkerEntry;

  constructor(private readonly options: ParseWorkerOptions) {
    this.entry = options.entry ?? resolveWorkerEntry();
  }

  /** Runs one pass; passes are queued so one file at a time uses the CPU and memory. */
  run<T>(task: WorkerTask, onProgress?: (rows: number) => void): Promise<T> {
    const run = this.queue.then(() => this.send<T>(task, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new AppError('internal', 'The app is closing; the file was not finished.'));
    if (worker) await worker.terminate();
  }

  private send<T>(task: WorkerTask, onProgress?: (rows: number) => void): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('internal', 'The app is closing; the file was not read.'));
    clearTimeout(this.idleTimer);
    const worker = this.ensure();
    worker.ref();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ ...task, id } as WorkerRequest);
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry.path, {
      execArgv: this.entry.execArgv,
      // The worker keeps almost nothing per row on its heap (duplicates live in typed arrays): a tight heap
      // makes V8 collect early instead of growing, which keeps a million-row file well under 350 MB.
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 192, maxYoungGenerationSizeMb: 32 },
    });
    worker.on('message', (message: WorkerReply) => this.onMessage(message));
    worker.on('error', (error) => {
      this.options.log.error('import worker failed', { error });
      this.drop(worker, error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.closed) this.drop(worker, new Error(`the import worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(message: WorkerReply): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.rows);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.value);
    else {
      const { code, field, message: text } = message.error;
      pending.reject(code ? new AppError(code, text, field ? { details: { field } } : {}) : new Error(`import worker: ${text}`));
    }
    if (this.pending.size === 0) this.idle();
  }

  private idle(): void {
    const worker = this.worker;
    if (!worker) return;
    // An idle worker must not keep a CLI process alive; it is stopped after a while to free its memory.
    worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size > 0 || this.worker !== worker) return;
      this.worker = undefined;
      void worker.terminate();
    }, this.options.idleMs ?? 20_000);
    this.idleTimer.unref();
  }

  private drop(worker: Worker, error: unknown): void {
    if (this.worker === worker) this.worker = undefined;
    const oom = error instanceof Error && /ERR_WORKER_OUT_OF_MEMORY/.test(`${(error as { code?: string }).code ?? ''} ${error.message}`);
    this.failAll(
      oom
        ? new AppError('invalid_input', 'The file needs more memory than Lead Desk allows for one import; split it into smaller files.')
        : new AppError('internal', 'Reading the file failed unexpectedly; the details were written to the log.', { cause: error }),
    );
    void worker.terminate();
  }

  private failAll(error: unknown): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
