// Test helpers: run the real CLI as a child process (this Node + tsx) and read its one JSON document.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { vi } from 'vitest';
import type { RunningSandbox, SandboxAccountCredentials } from '../main/core/sandbox';

// Every CLI run starts a Node + tsx child (~2 s each on 2 busy cores), and a test makes several:
// the default 20 s per test is too tight when the whole suite runs beside it.
vi.setConfig({ testTimeout: 90_000 });

export const REPO_ROOT = resolve(dirname(__filename), '..', '..');
const MAIN = resolve(REPO_ROOT, 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (the CLI prints exactly one document). */
  json: Record<string, any>;
}

/** The environment without any KARTRA_* variable of the machine running the tests, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('KARTRA_')) env[key] = value;
  return { ...env, ...extra };
}

/** KARTRA_* variables for a sandbox account (the demo account by default). */
export function accountEnv(sandbox: RunningSandbox, account?: SandboxAccountCredentials): Record<string, string> {
  const a = account ?? sandbox.accounts[0];
  if (!a) throw new Error('sandbox has no accounts');
  return { KARTRA_API_URL: sandbox.url, KARTRA_APP_ID: a.appId, KARTRA_API_KEY: a.apiKey, KARTRA_API_PASSWORD: a.apiPassword };
}

/** Starts the CLI; the caller owns the process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI to completion (killed after `timeoutMs`) and parses its stdout. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv(), timeoutMs = 15_000): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env);
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
