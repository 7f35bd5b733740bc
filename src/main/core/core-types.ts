// The core's outward face, used by the Electron shell, the e2e browser host and the CLI.
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Logger } from './log';

export interface CoreOptions {
  /** Folder for the local database and other app data (Electron: app.getPath('userData')). */
  dataDir: string;
  version: string;
  log?: Logger;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  /** Validate, run and wrap one command; never throws. */
  handle(command: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to pushed events (limiter state, status, progress); returns an unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** Stop timers, servers (the sandbox) and close the database. */
  close(): Promise<void>;
}
