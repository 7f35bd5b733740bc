// The core's outward face, used by the Electron shell, the e2e browser host and the CLI.
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { SecretStore } from './credentials/secret-store';
import type { Logger } from './log';
import type { RunningSandbox, SandboxOptions } from './sandbox';

export interface CoreOptions {
  /** Folder for the local database and other app data (Electron: app.getPath('userData')). */
  dataDir: string;
  version: string;
  log?: Logger;
  /** The App ID this build ships with (prefilled on the connect form). */
  defaultAppId?: string;
  /** Opens the OS keychain; defaults to keytar. Tests inject a store or a failure. */
  openKeychain?: () => Promise<{ store?: SecretStore; reason?: string }>;
  /** Options for the built-in sandbox (tests: faults, rate); its data file always lives in dataDir. */
  sandbox?: Omit<SandboxOptions, 'dataFile'>;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  /** Validate, run and wrap one command; never throws. */
  handle(command: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to pushed events (limiter state, status, progress); returns an unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** The in-process sandbox once "Try the sandbox" started it: for the e2e host, the CLI and tests only. */
  builtinSandbox(): RunningSandbox | undefined;
  /** Stop timers, servers (the sandbox) and close the database. */
  close(): Promise<void>;
}
