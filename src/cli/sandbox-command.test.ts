// The `sandbox` command as a real process: its JSON line, working credentials, options applied, clean stop on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, spawnCli } from './testing/cli-runner';

interface Started {
  child: ChildProcess;
  info: Record<string, any>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
const dir = mkdtempSync(join(tmpdir(), 'lead-desk-cli-'));

/** Starts `sandbox …` and resolves with its first stdout line, parsed. */
function startSandboxCommand(args: string[]): Promise<Started> {
  const child = spawnCli(['sandbox', ...args]);
  children.add(child);
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline !== -1) resolve({ child, info: JSON.parse(out.slice(0, newline)), stdout: () => out, stderr: () => err, exited });
    });
    void exited.then(({ code }) => reject(new Error(`sandbox exited (${code}) before printing its line:\n${out}\n${err}`)));
  });
}

const admin = async (info: Record<string, any>, method: string, body: object) => {
  const res = await fetch(new URL(`/__admin/${method}`, info.url), {
    method: 'POST',
    headers: { 'x-sandbox-admin': info.admin_token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; value: any };
};

afterEach(() => {
  for (const child of children) child.kill('SIGKILL'); // only if a test failed half-way
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sandbox command', () => {
  it('prints its address and credentials, serves the CLI, keeps its data file and stops cleanly on SIGTERM', async () => {
    const dataFile = join(dir, 'sandbox.db');
    const first = await startSandboxCommand(['--data', dataFile, '--rate', '5', '--test-mode']);
    expect(first.stdout().trim().split('\n')).toHaveLength(1);
    expect(first.info).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api$/),
      app_id: 'LDSANDBOX01',
      api_key: 'sandbox-demo-key',
      api_password: 'sandbox-demo-password',
      admin_token: expect.stringMatching(/^[0-9a-f]{20,}$/),
    });
    expect(first.info.accounts).toHaveLength(2);

    const env = cleanEnv({
      KARTRA_API_URL: first.info.url,
      KARTRA_APP_ID: first.info.app_id,
      KARTRA_API_KEY: first.info.api_key,
      KARTRA_API_PASSWORD: first.info.api_password,
    });
    const created = await runCli(['lead', 'create', '--email', 'grace@navy.example', '--first-name', 'Grace'], env);
    expect(created.code).toBe(0);
    // --test-mode: Kartra Test Mode rewrites the email domain.
    const stored = await admin(first.info, 'getLead', { apiKey: first.info.api_key, id: created.json.leadId });
    expect(stored.value).toMatchObject({ email: 'grace@kartra.com', profile: { first_name: 'Grace' } });

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.stderr()).toContain('sandbox stopped');
    expect(first.stdout().trim().split('\n')).toHaveLength(1); // nothing more on stdout
    await expect(fetch(first.info.url, { method: 'POST' })).rejects.toThrow();

    // Same data file: the lead is still there; --faults 5xx=1 makes every API call fail with 503.
    const second = await startSandboxCommand(['--data', dataFile, '--faults', '5xx=1']);
    const again = await admin(second.info, 'getLead', { apiKey: second.info.api_key, email: 'grace@kartra.com' });
    expect(again.value).toMatchObject({ id: created.json.leadId });
    const api = await fetch(second.info.url, { method: 'POST', body: 'app_id=x' });
    await api.text();
    expect(api.status).toBe(503);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  });
});
