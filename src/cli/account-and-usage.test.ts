// `account …` lists, account flags vs environment, usage errors (exit 2) and Kartra errors (exit 1) — secrets never printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { accountEnv, cleanEnv, cliEnv, runCli, type CliRun } from './testing/cli-runner';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(async () => {
  await sb?.close();
});

/** Exactly one JSON line on stdout. */
function expectOneDocument(run: CliRun): void {
  expect(run.stdout.endsWith('\n')).toBe(true);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
}

describe('account commands', () => {
  it('lists the lists, sequences and custom fields the sandbox holds', async () => {
    const catalog = sb.inspect.catalog({ apiKey: sb.accounts[0]!.apiKey });
    const [lists, sequences, fields] = await Promise.all(['lists', 'sequences', 'custom-fields'].map((what) => runCli(['account', what], cliEnv(sb))));
    for (const run of [lists, sequences, fields]) {
      expect(run!.code).toBe(0);
      expectOneDocument(run!);
    }
    expect(lists!.json).toEqual({ ok: true, lists: catalog.lists.map((l) => l.name) });
    expect(sequences!.json.sequences).toEqual(catalog.sequences.map((s) => ({ name: s.name })));
    expect(fields!.json.custom_fields.map((f: { field_identifier: string }) => f.field_identifier)).toEqual(
      catalog.customFields.map((f) => f.identifier),
    );
  });

  it('takes the account from flags over the environment', async () => {
    const demo = sb.accounts[0]!;
    // The environment points at a closed port with a wrong password; the flags are right and win.
    const wrongEnv = cleanEnv({ ...accountEnv(sb), KARTRA_API_URL: 'http://127.0.0.1:9/api', KARTRA_API_PASSWORD: 'not-the-password' });
    const run = await runCli(['account', 'lists', '--api-url', sb.url, '--api-password', demo.apiPassword], wrongEnv);
    expect(run.code).toBe(0);
    expect(run.json.ok).toBe(true);
  });
});

describe('usage errors exit 2 with one JSON document', () => {
  it('names every missing account setting', async () => {
    const run = await runCli(['lead', 'get', '--email', 'a@example.com'], cleanEnv());
    expect(run.code).toBe(2);
    expectOneDocument(run);
    expect(run.json.ok).toBe(false);
    expect(run.json.error.code).toBe('usage');
    for (const name of ['--api-url', '--app-id', '--api-key', '--api-password', 'KARTRA_API_KEY']) expect(run.json.error.message).toContain(name);

    const some = await runCli(['account', 'tags'], cleanEnv({ KARTRA_API_URL: sb.url, KARTRA_APP_ID: 'LDSANDBOX01', KARTRA_API_KEY: 'k-secret-1234' }));
    expect(some.code).toBe(2);
    expect(some.json.error).toMatchObject({ code: 'usage', flag: '--api-password' });
    expect(some.json.error.message).not.toContain('--api-key');
    expect(some.stdout + some.stderr).not.toContain('k-secret-1234');
  });

  it('refuses bad --faults for the sandbox before starting it', async () => {
    const [unknown, tooBig] = await Promise.all([runCli(['sandbox', '--faults', '429=0.1,flood=0.2']), runCli(['sandbox', '--faults', '5xx=1.5'])]);
    for (const run of [unknown, tooBig]) {
      expect(run!.code).toBe(2);
      expectOneDocument(run!);
      expect(run!.json.error).toMatchObject({ code: 'usage', flag: '--faults' });
    }
    expect(unknown!.json.error.message).toContain('unknown fault "flood"');
    expect(tooBig!.json.error.message).toContain('between 0 and 1');
  });

  it('names an unknown flag and a plain-http address', async () => {
    const [flag, url] = await Promise.all([
      runCli(['lead', 'get', '--mail', 'a@example.com'], cliEnv(sb)),
      runCli(['account', 'tags', '--api-url', 'http://kartra.example.com/api'], cliEnv(sb)),
    ]);
    expect(flag!.json.error).toMatchObject({ code: 'usage', flag: '--mail' });
    expect(url!.json.error).toMatchObject({ code: 'usage', flag: '--api-url' });
    expect(url!.json.error.message).toContain('plain http');
    for (const run of [flag, url]) expect(run!.code).toBe(2);
  });
});

describe('Kartra errors exit 1', () => {
  it('reports a wrong password with Kartra code 233 and never prints the secrets', async () => {
    const secretKey = sb.accounts[0]!.apiKey;
    const run = await runCli(['lead', 'get', '--email', 'a@example.com', '--api-password', 'Wrong-Pass-98765'], cliEnv(sb));
    expect(run.code).toBe(1);
    expectOneDocument(run);
    expect(run.json.error).toMatchObject({ code: 'auth_failed', details: { kartraType: '233' } });
    expect(run.stdout + run.stderr).not.toContain('Wrong-Pass-98765');
    expect(run.stdout + run.stderr).not.toContain(secretKey);
  });
});
