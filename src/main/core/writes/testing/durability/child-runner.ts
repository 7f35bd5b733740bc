// Parent side of the core child process: starts it on a config, reads its JSON lines, waits for them, SIGKILLs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildConfig, ChildMessage } from './child-protocol';

const ROOT = fileURLToPath(new URL('../../../../../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./core-child.ts', import.meta.url));

type Waiter = { match: (m: ChildMessage) => boolean; resolve: (m: ChildMessage) => void };

export class CoreChild {
  readonly messages: ChildMessage[] = [];
  /** Resolves with how the process ended (exit code, or the signal that killed it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private stderr = '';
  private ended = false;
  private readonly process: ChildProcess;
  private readonly waiters = new Set<Waiter>();

  private constructor(configFile: string, onMessage?: (m: ChildMessage, child: CoreChild) => void) {
    this.process = spawn(process.execPath, ['--import', 'tsx', ENTRY, configFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    this.process.stdout!.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      let newline: number;
      while ((newline = buffered.indexOf('\n')) !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as ChildMessage;
        this.messages.push(message);
        onMessage?.(message, this);
        for (const waiter of [...this.waiters]) {
          if (!waiter.match(message)) continue;
          this.waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + String(chunk)).slice(-20_000)));
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code, signal) => {
        this.ended = true;
        resolve({ code, signal });
      }),
    );
  }

  /** Writes the config beside the data dir and starts `node --import tsx core-child.ts config.json`. */
  static start(config: ChildConfig, name: string, onMessage?: (m: ChildMessage, child: CoreChild) => void): CoreChild {
    const file = join(dirname(config.dataDir), `${name}.child.json`);
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(config));
    return new CoreChild(file, onMessage);
  }

  /** The first message (already received or still to come) of this type that matches; fails if the child ends first. */
  async next<T extends ChildMessage['t']>(type: T, timeoutMs: number, match: (m: Extract<ChildMessage, { t: T }>) => boolean = () => true): Promise<Extract<ChildMessage, { t: T }>> {
    const fits = (m: ChildMessage): m is Extract<ChildMessage, { t: T }> => m.t === type && match(m as Extract<ChildMessage, { t: T }>);
    const seen = this.messages.find(fits);
    if (seen) return seen;
    let waiter: Waiter | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        new Promise<Extract<ChildMessage, { t: T }>>((resolve) => {
          waiter = { match: fits, resolve: resolve as (m: ChildMessage) => void };
          this.waiters.add(waiter);
        }),
        this.exited.then(({ code, signal }) => {
          throw new Error(`core child ended (code ${code}, signal ${signal}) before "${type}": ${this.describe()}`);
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no "${type}" from the core child within ${timeoutMs} ms: ${this.describe()}`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      if (waiter) this.waiters.delete(waiter);
    }
  }

  /** Waits for a clean exit (code 0), failing with the child's own words otherwise. */
  async finished(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      this.exited,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (!ended) throw new Error(`the core child did not exit within ${timeoutMs} ms: ${this.describe()}`);
    if (ended.code !== 0) throw new Error(`the core child failed (code ${ended.code}, signal ${ended.signal}): ${this.describe()}`);
  }

  /** A real crash: no shutdown code runs, the database is left as the kernel found it. */
  async killHard(): Promise<void> {
    if (!this.ended) this.process.kill('SIGKILL');
    const { signal } = await this.exited;
    if (signal !== 'SIGKILL' && signal !== null) throw new Error(`expected SIGKILL, the child ended with ${signal}`);
  }

  describe(): string {
    const error = this.messages.find((m) => m.t === 'error');
    const last = this.messages.at(-1);
    const tail = last ? `${this.messages.length} message(s), last ${JSON.stringify(last).slice(0, 300)}` : 'no messages';
    return [tail, error ? `error: ${error.message}` : '', this.stderr.trim().slice(-2_000)].filter(Boolean).join(' | ');
  }
}
