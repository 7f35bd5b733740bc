// One core per data folder: an exclusive lock file (created with O_EXCL) naming the process that holds the folder.
// A lock file rather than SQLite's exclusive locking mode: the import's parse worker opens the same database on its
// own connection, which an exclusive SQLite lock would shut out, while a file per folder covers every thread.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';

export const LOCK_FILE = 'lead-desk.lock';
const GUARD_FILE = 'lead-desk.lock.takeover';

/** Which kind of Lead Desk process holds the folder (named in the message a second process gets). */
export type ProcessKind = 'desktop' | 'browser' | 'cli';

export interface LockOwner {
  pid: number;
  kind: ProcessKind | null;
  /** When the lock was taken (ms since epoch). */
  startedAt: number;
  hostname: string;
  /** Linux: the process's start time in clock ticks since boot, so a pid reused by another program is seen as stale. */
  procStart: string | null;
  /** Tells this holder's lock from a later one of the same pid. */
  nonce: string;
}

export interface DataDirLock {
  readonly owner: LockOwner;
  /** Removes the lock file if it is still this one; safe to call twice. */
  release(): void;
}

const KIND_LABEL: Record<ProcessKind, string> = { desktop: 'desktop app', browser: 'browser mode', cli: 'command line' };

/** The process's start time from /proc (Linux only), as the raw field: compared for equality, never converted. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall = index 19 after pid and comm
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  // Another machine (a shared network folder): its pids cannot be checked from here, so the lock holds.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.procStart === null) return true;
  const now = processStart(owner.pid);
  return now === null || now === owner.procStart;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const raw = JSON.parse(text) as Partial<LockOwner>;
    if (typeof raw.pid !== 'number' || typeof raw.nonce !== 'string' || typeof raw.startedAt !== 'number') return undefined;
    return { pid: raw.pid, kind: raw.kind ?? null, startedAt: raw.startedAt, hostname: raw.hostname ?? '', procStart: raw.procStart ?? null, nonce: raw.nonce };
  } catch {
    return undefined;
  }
}

function readOwner(file: string): { owner: LockOwner | undefined; text: string; ageMs: number } | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return { owner: parseOwner(text), text, ageMs: Date.now() - statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Creates `file` only if it does not exist (O_EXCL), with its whole content synced; false when it exists. */
function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The message a second process gets: who holds the folder, since when, and what to do. */
export function inUseMessage(owner: LockOwner, dataDir: string): string {
  const who = [owner.kind ? KIND_LABEL[owner.kind] : null, `pid ${owner.pid}`, owner.hostname !== hostname() ? `on ${owner.hostname}` : null]
    .filter(Boolean)
    .join(', ');
  const since = new Date(owner.startedAt).toISOString();
  return `Lead Desk (${who}) is already using this data folder (${dataDir}) since ${since}. Close it first, or use another data folder.`;
}

/**
 * A dead holder's lock is removed only under a second O_EXCL guard file, after re-reading it unchanged: two processes
 * that both found the same stale lock cannot remove each other's fresh one. The guard is held for one read and one
 * unlink; a guard left by a process that died in that instant is removed when its pid is gone.
 */
function removeStale(dataDir: string, seen: string): void {
  const guard = join(dataDir, GUARD_FILE);
  const me = JSON.stringify({ pid: process.pid, nonce: randomUUID(), startedAt: Date.now(), hostname: hostname(), procStart: processStart(process.pid) });
  if (!createExclusive(guard, me)) {
    const holder = readOwner(guard);
    if (holder?.owner && !isAlive(holder.owner)) unlinkIfPresent(guard);
    return; // someone else is taking over right now: the caller tries again
  }
  try {
    const lock = join(dataDir, LOCK_FILE);
    if (readOwner(lock)?.text === seen) unlinkIfPresent(lock);
  } finally {
    unlinkIfPresent(guard);
  }
}

const releasers = new Set<() => void>();
let exitHookInstalled = false;
function onExit(release: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing its core (process.exit after an error) leaves no lock behind.
    process.on('exit', () => releasers.forEach((r) => r()));
  }
  releasers.add(release);
  return () => releasers.delete(release);
}

/**
 * Takes the data folder for this process, or throws AppError `data_dir_in_use` naming the live holder. Changes
 * nothing else in the folder (creates it when missing). A lock whose process is gone is taken over.
 */
export function acquireDataDirLock(dataDir: string, kind: ProcessKind | null): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, kind, startedAt: Date.now(), hostname: hostname(), procStart: processStart(process.pid), nonce: randomUUID() };
  const text = JSON.stringify(owner);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, text)) return held(file, owner);
    const found = readOwner(file);
    if (!found) continue; // released in between: try again
    if (found.owner && isAlive(found.owner)) throw new AppError('data_dir_in_use', inUseMessage(found.owner, dataDir), { details: { field: 'dataDir' } });
    // Unreadable content younger than a second is a holder still writing it: wait for it rather than judge it.
    if (!found.owner && found.ageMs < 1000) {
      sleepSync(20);
      continue;
    }
    removeStale(dataDir, found.text);
    sleepSync(attempt < 5 ? 1 : 10);
  }
  throw new AppError('data_dir_in_use', `Lead Desk could not take the data folder (${dataDir}): another process keeps changing its lock file.`, {
    retryable: true,
  });
}

function held(file: string, owner: LockOwner): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    forget();
    // Only our own lock: never remove one a later process took after ours was (wrongly) judged stale.
    if (readOwner(file)?.owner?.nonce === owner.nonce) unlinkIfPresent(file);
  };
  const forget = onExit(release);
  return { owner, release };
}
