// Test helpers: run the real CLI as a child process (this Node + tsx) and read its one JSON document.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, vi } from 'vitest';
import type { RunningSandbox, SandboxAccountCredentials } from '../../main/core/sandbox';

// Every CLI run starts a Node + tsx child that opens a core (~4 s alone, far more on 2 cores shared with other work),
// and a test makes several: the default 20 s per test is far too tight when the whole suite runs beside it.
vi.setConfig({ testTimeout: 180_000 });

export const REPO_ROOT = resolve(dirname(__filename), '..', '..', '..');
const MAIN = resolve(REPO_ROOT, 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (the CLI prints exactly one document). */
  json: Record<string, any>;
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty data folder for CLI runs, removed after the test file. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lead-desk-cli-data-'));
  dataDirs.push(dir);
  return dir;
}

/**
 * The environment without any KARTRA_* variable of the machine running the tests, plus `extra`. The data folder is
 * a fresh one (LEAD_DESK_DATA_DIR) unless `extra` names one: a CLI run never touches the user's own data folder.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('KARTRA_') && key !== 'LEAD_DESK_DATA_DIR') env[key] = value;
  return { ...env, LEAD_DESK_DATA_DIR: freshDataDir(), ...extra };
}

/** The sandbox account's variables and a data folder of its own (a CLI run locks its folder: one run at a time). */
export function cliEnv(sandbox: RunningSandbox, dataDir = freshDataDir()): NodeJS.ProcessEnv {
  return cleanEnv({ ...accountEnv(sandbox), LEAD_DESK_DATA_DIR: dataDir });
}

/** KARTRA_* variables for a sandbox account (the demo account by default). */
export function accountEnv(sandbox: RunningSandbox, account?: SandboxAccountCredentials): Record<string, string> {
  const a = account ?? sandbox.accounts[0];
  if (!a) throw new Error('sandbox has no accounts');
  return { KARTRA_API_URL: sandbox.url, KARTRA_APP_ID: a.appId, KARTRA_API_KEY: a.apiKey, KARTRA_API_PASSWORD: a.apiPassword };
}

/** Starts the CLI; the caller owns the process. With `stdin`, that text is its standard input. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv(), stdin?: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (stdin !== undefined) child.stdin?.end(stdin);
  return child;
}

/** Runs the CLI to completion (killed after `timeoutMs`) and parses its stdout. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv(), timeoutMs = 60_000, stdin?: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env, stdin);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let json: Record<string, any> = {};
      try {
        json = JSON.parse(stdout) as Record<string, any>;
      } catch {
        reject(new Error(`CLI stdout is not one JSON document (exit ${code}, signal ${signal}):\n${stdout}\nstderr:\n${stderr}`));
        return;
      }
      resolvePromise({ code, signal, stdout, stderr, json });
    });
  });
}
