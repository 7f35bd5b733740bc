// The core's outward face, used by the Electron shell, the e2e browser host and the CLI.
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { SecretStore } from './credentials/secret-store';
import type { Logger } from './log';
import type { ProcessKind } from './store/data-dir-lock';
import type { RunningSandbox, SandboxOptions } from './sandbox';

export interface CoreOptions {
  /** Folder for the local database and other app data (Electron: app.getPath('userData')). */
  dataDir: string;
  version: string;
  log?: Logger;
  /** Which Lead Desk process runs this core: named to a second process that finds the data folder locked. */
  processKind?: ProcessKind;
  /** The App ID this build ships with (prefilled on the connect form). */
  defaultAppId?: string;
  /** Opens the OS keychain; defaults to keytar. Tests inject a store or a failure. */
  openKeychain?: () => Promise<{ store?: SecretStore; reason?: string }>;
  /** How long write commands wait for Kartra's confirmation (default 5 s). */
  confirmWaitMs?: number;
  /** Leads with a call in flight at once while the outbox replays (default 24). */
  outboxConcurrency?: number;
  /** Delays between offline probes (default 1 s doubling to 30 s). */
  probeBackoffMs?: readonly number[];
  /** Options for the built-in sandbox (tests: faults, rate); its data file always lives in dataDir. */
  sandbox?: Omit<SandboxOptions, 'dataFile'>;
  /**
   * The built CSV parse worker. The Electron shell passes join(__dirname, 'import-worker.js') (electron-vite's
   * second main entry); without it the core looks for that file next to itself, else runs the .ts source through tsx.
   */
  importWorkerPath?: string;
  /** Rate limiter settings; default Kartra's 20 starts per second. Tests raise the limit against a sandbox with rate 0. */
  limiter?: { limit?: number; windowMs?: number; pauseOn429Ms?: number; safetyMarginMs?: number };
  /** HTTP timeouts of the Kartra client (tests shorten them; default 10 s connect, 30 s answer). */
  kartraHttp?: { headersTimeoutMs?: number; bodyTimeoutMs?: number; connectTimeoutMs?: number };
  /** Where the logs are written (the desktop app's logs/ folder); unset where they go to the terminal. */
  logsDir?: string;
  /** Shows a folder in the system's file manager (the desktop app); unset, Settings shows the path only. */
  openFolder?: (path: string) => Promise<void>;
  /** Rows of an import or recipe run with a call on its way at once (default 24). */
  jobConcurrency?: number;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  /** Validate, run and wrap one command; never throws. */
  handle(command: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to pushed events (limiter state, status, progress); returns an unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** The in-process sandbox once "Try the sandbox" started it: for the e2e host, the CLI and tests only. */
  builtinSandbox(): RunningSandbox | undefined;
  /** The OS reports the network came or went (Electron's net module, or the browser's online events). */
  setOsOnline(online: boolean): void;
  /** Resolves when the outbox has nothing in flight (tests, shutdown). */
  outboxIdle(): Promise<void>;
  /** Starts an import from a file on disk, read where it lies (the CLI; the app uploads with import.begin/chunk). */
  importFile(path: string): Promise<{ jobId: string }>;
  /** Stop timers, servers (the sandbox) and close the database. */
  close(): Promise<void>;
}
