// The data-folder lock: held and named, released, stale holders taken over, real processes racing for one folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { silentLogger } from '../log';
import { createCore } from '../create-core';
import { SessionSecretStore } from '../credentials/secret-store';
import { acquireDataDirLock, LOCK_FILE, processStart, type LockOwner } from './data-dir-lock';

const CHILD = resolve(dirname(__filename), 'testing', 'lock-child.ts');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-desk-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const lockFile = () => join(dir, LOCK_FILE);
const readLock = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as LockOwner;
/** A pid that belonged to a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
const writeLock = (owner: Partial<LockOwner>) =>
  writeFileSync(lockFile(), JSON.stringify({ pid: 1, kind: 'browser', startedAt: Date.now(), hostname: hostname(), procStart: null, nonce: 'other', ...owner }));

function inUse(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('data_dir_in_use');
    return error as AppError;
  }
  throw new Error('expected data_dir_in_use');
}

describe('data folder lock', () => {
  it('writes pid, kind and start time; a second taker is refused with a message naming the holder', () => {
    const lock = acquireDataDirLock(dir, 'browser');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'browser', hostname: hostname() });
    expect(Math.abs(readLock().startedAt - Date.now())).toBeLessThan(60_000);
    if (process.platform !== 'win32') expect(statSync(lockFile()).mode & 0o777).toBe(0o600);
    const error = inUse(() => acquireDataDirLock(dir, 'cli'));
    expect(error.message).toContain(`Lead Desk (browser mode, pid ${process.pid}) is already using this data folder (${dir})`);
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    acquireDataDirLock(dir, 'cli').release();
  });

  it('takes over the lock of a process that is gone', () => {
    const pid = deadPid();
    writeLock({ pid });
    const lock = acquireDataDirLock(dir, 'cli');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'cli' });
    expect(readLock().nonce).toBe(lock.owner.nonce);
    lock.release();
  });

  it.runIf(processStart(process.pid) !== null)('takes over a lock whose pid now belongs to another program (start time differs)', () => {
    writeLock({ pid: process.pid, procStart: '1' });
    acquireDataDirLock(dir, 'desktop').release();
  });

  it('keeps a lock of a live process, and a lock held from another machine', () => {
    writeLock({ pid: process.ppid, kind: 'desktop', procStart: processStart(process.ppid) });
    expect(inUse(() => acquireDataDirLock(dir, 'cli')).message).toContain(`(desktop app, pid ${process.ppid})`);
    writeLock({ pid: deadPid(), kind: 'cli', hostname: 'other-machine' });
    expect(inUse(() => acquireDataDirLock(dir, 'cli')).message).toContain('on other-machine');
  });

  it('takes over an unreadable lock once it is old, and never removes a lock that is not its own', () => {
    writeFileSync(lockFile(), '');
    const old = new Date(Date.now() - 10_000);
    utimesSync(lockFile(), old, old);
    const lock = acquireDataDirLock(dir, 'cli');
    // Someone else's lock replaced ours (after ours was judged stale elsewhere): releasing leaves it alone.
    writeLock({ pid: process.ppid, nonce: 'theirs' });
    lock.release();
    expect(readLock().nonce).toBe('theirs');
  });

  it('lets exactly one of several processes racing for a folder with a stale lock win', async () => {
    writeLock({ pid: deadPid() });
    const startAt = Date.now() + 4000; // children need ~2 s to load on a busy machine
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(startAt)], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const outcomes = await Promise.all(
      children.map(
        (child) =>
          new Promise<{ won: boolean; code?: string; pid?: number }>((done, fail) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.includes('\n')) done(JSON.parse(out));
            });
            // 'close', not 'exit': a loser prints and exits at once, and 'exit' can come before its output is read.
            child.on('close', (code) => !out.includes('\n') && fail(new Error(`child exited ${code} without an answer`)));
          }),
      ),
    );
    const winners = outcomes.filter((o) => o.won);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => !o.won).map((o) => o.code)).toEqual(Array(5).fill('data_dir_in_use'));
    expect(readLock().pid).toBe(winners[0]!.pid);
    const exited = children.map((child) => (child.exitCode !== null ? Promise.resolve() : new Promise((done) => child.on('exit', done))));
    children.forEach((child) => child.stdin.end());
    await Promise.all(exited);
    expect(existsSync(lockFile())).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe('createCore and the lock', () => {
  const open = (kind: 'browser' | 'cli') =>
    createCore({ dataDir: dir, version: 't', log: silentLogger, processKind: kind, openKeychain: async () => ({ store: new SessionSecretStore() }) });

  it('a second core on the same folder gets data_dir_in_use and changes nothing; after close the folder is free', async () => {
    const first = await open('browser');
    const before = readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs, statSync(join(dir, name)).size]);
    const second = await open('cli').then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe('data_dir_in_use');
    expect((second as AppError).message).toContain(`browser mode, pid ${process.pid}`);
    expect(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs, statSync(join(dir, name)).size])).toEqual(before);
    await first.close();
    expect(existsSync(lockFile())).toBe(false);
    await (await open('cli')).close();
  });
});
