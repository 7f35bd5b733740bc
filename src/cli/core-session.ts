// A CLI run on a data folder: the app's own core (locked to this process), a typed api over its router, the account
// of the flags reused when an earlier run or the app already knows it, and what earlier runs queued delivered first.
import { resolve } from 'node:path';
import type { AccountInfo } from '../shared/domain/account';
import type { OutboxState } from '../shared/domain/outbox';
import type { Envelope } from '../shared/ipc/envelope';
import { hostToConfirm } from '../shared/domain/api-address';
import { makeApi, type LeadDeskApi } from '../shared/ipc/make-api';
import type { Core, CoreOptions } from '../main/core/core-types';
import { createCore } from '../main/core/create-core';
import { AppError } from '../main/core/errors';
import type { Logger } from '../main/core/log';
import { defaultDataDir } from '../main/core/store/default-data-dir';
import { ACCOUNT_OPTIONS, readAccount } from './account-flags';
import { str, type FlagValues } from './args';
import type { CliContext } from './context';
import type { Doc } from './output';

/** Flags of every command that runs a core: the account's, and the data folder. */
export const CORE_OPTIONS = { ...ACCOUNT_OPTIONS, 'data-dir': { type: 'string' } } as const;

/** How long a run waits for earlier runs' queued changes before its own command (Kartra answering, but slowly). */
export const QUEUE_WAIT_MS = 60_000;
/** How long a write waits for Kartra's confirmation before it is reported as queued (offline it answers at once). */
export const CONFIRM_WAIT_MS = 30_000;

export interface CliSession {
  api: LeadDeskApi;
  core: Core;
  account: AccountInfo;
  dataDir: string;
}

/** The value of a reply, or its error thrown as the AppError it was. */
export function unwrap<T>(reply: Envelope<T>): T {
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, { retryable: reply.error.retryable, details: reply.error.details });
  return reply.value;
}

/** The typed api over a core in this process: the same contract the window and browser mode use. */
export function coreApi(core: Core): LeadDeskApi {
  return makeApi({
    invoke: (command, input) => core.handle(command, input),
    subscribe: (event, listener) => core.onEvent((name, payload) => name === event && listener(payload)),
  });
}

export function dataDirOf(values: FlagValues, env: NodeJS.ProcessEnv): string {
  const given = str(values, 'data-dir');
  return given !== undefined ? resolve(given) : defaultDataDir(env);
}

/**
 * Opens the core on the data folder (data_dir_in_use when another Lead Desk holds it), connects the account — the
 * one already known with these credentials, else a new one — delivers what earlier runs queued, runs `fn`, closes.
 */
export async function withCore(values: FlagValues, ctx: CliContext, fn: (session: CliSession) => Promise<Doc>, options: Partial<CoreOptions> = {}): Promise<Doc> {
  const credentials = await readAccount(values, ctx);
  const dataDir = dataDirOf(values, ctx.env);
  const core = await createCore({ dataDir, version: 'cli', log: quietForCli(ctx.log), processKind: 'cli', confirmWaitMs: CONFIRM_WAIT_MS, ...options });
  try {
    const api = coreApi(core);
    const { keychain } = unwrap(await api.app.status());
    // Without a keychain the secrets live for this run only; the salted fingerprint still lets the next run reuse the account.
    // Naming a non-Kartra address with --api-url (or KARTRA_API_URL) is itself the confirmation the connect form asks for.
    const confirmApiHost = hostToConfirm(credentials.apiUrl) ?? undefined;
    const account = unwrap(await api.accounts.connect({ label: 'CLI', ...credentials, sessionOnly: !keychain.available, reuse: true, confirmApiHost }));
    ctx.progress(`data folder ${dataDir}, account "${account.label}" (${account.id}; credentials: ${account.credentials === 'session' ? 'this run only' : account.credentials})`);
    const queue = await deliverQueued(api, ctx, QUEUE_WAIT_MS);
    const doc = await fn({ api, core, account, dataDir });
    return queue ? { ...doc, queue } : doc;
  } finally {
    await core.close();
  }
}

/** Warnings a desktop session should log but that are a CLI run's normal case (it says "credentials: this run only"). */
const EXPECTED_IN_CLI = new Set(['no keychain: credentials can only be kept for this session', 'could not restore the last account']);

function quietForCli(log: Logger): Logger {
  return { ...log, warn: (message, fields) => (EXPECTED_IN_CLI.has(message) ? undefined : log.warn(message, fields)) };
}

const waiting = (state: OutboxState) => state.counts.pending + state.counts.inFlight;

/**
 * Sends what earlier runs left queued before this run's own command (bounded by `waitMs`; stops early when Kartra
 * cannot be reached). Returns a summary when there was anything, else undefined.
 */
export async function deliverQueued(api: LeadDeskApi, ctx: CliContext, waitMs: number): Promise<Doc | undefined> {
  const read = async () => unwrap(await api.outbox.list({ statuses: ['pending', 'in_flight'], limit: 1 })).state;
  let state = await read();
  const queued = waiting(state);
  if (queued === 0) return undefined;
  const failedBefore = state.counts.failed + state.counts.conflict + (state.counts.needsCheck ?? 0);
  ctx.progress(`queue: delivering ${queued} change${queued === 1 ? '' : 's'} queued earlier…`);
  const deadline = Date.now() + waitMs;
  let reported = queued;
  while (waiting(state) > 0 && state.online && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    state = await read();
    if (waiting(state) !== reported) {
      reported = waiting(state);
      ctx.progress(`queue: ${queued - reported}/${queued} delivered`);
    }
  }
  const left = waiting(state);
  const refused = state.counts.failed + state.counts.conflict + (state.counts.needsCheck ?? 0) - failedBefore;
  if (left > 0) {
    ctx.progress(`queue: ${left} change${left === 1 ? '' : 's'} still queued (${state.online ? 'Kartra is slow to answer' : 'Kartra cannot be reached'}); the next run sends ${left === 1 ? 'it' : 'them'}`);
  }
  if (refused > 0) ctx.progress(`queue: Kartra refused ${refused} queued change${refused === 1 ? '' : 's'}; they stay in the app's outbox to retry or discard`);
  return { queued, delivered: queued - left - Math.max(0, refused), still_queued: left, refused: Math.max(0, refused) };
}
