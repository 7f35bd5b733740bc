// The CLI as the app's twin on a data folder: writes queued while Kartra is down and delivered by the next run, local
// search over what earlier runs wrote, one account reused across runs, and one process per folder (real children).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { cliEnv, freshDataDir, runCli, spawnCli } from './testing/cli-runner';

let scratch: string;
/** The sandbox of every test that keeps Kartra up (the queue test runs its own, to stop and restart it). */
let sb: RunningSandbox;
const stamp = Date.now().toString(36);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lead-desk-cli-twin-'));
  sb = await startSandbox({ rate: 0 });
});
afterAll(async () => {
  await sb?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What the data folder's database holds (read after the runs, with no CLI holding the folder). */
function folderDb(dataDir: string) {
  const db = new DatabaseSync(join(dataDir, 'lead-desk.sqlite'), { readOnly: true });
  try {
    return {
      accounts: db.prepare('SELECT id, label FROM accounts').all() as { id: string; label: string }[],
      jobs: (db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('queued writes and the next run', () => {
  let kartra: RunningSandbox;
  const sandboxFile = () => join(scratch, 'sandbox.sqlite');
  afterAll(async () => {
    await kartra?.close();
  });

  it('lead tag with Kartra down reports queued; the next run with Kartra back delivers it; search finds what lead create wrote', async () => {
    kartra = await startSandbox({ rate: 0, dataFile: sandboxFile() });
    const port = kartra.port;
    const apiKey = kartra.accounts[0]!.apiKey;
    const dataDir = freshDataDir();
    const env = cliEnv(kartra, dataDir);
    const email = `queued.${stamp}@example.net`;

    const created = await runCli(['lead', 'create', '--email', email, '--first-name', 'Grace', '--last-name', 'Hopper'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ status: 'done', lead: { email } });

    await kartra.close();
    const queued = await runCli(['lead', 'tag', '--email', email, '--tag', 'VIP'], env, 90_000);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.json).toMatchObject({ ok: true, status: 'queued', ids: [expect.any(Number)], changes: [{ summary: 'Assign tag VIP', status: 'pending' }] });
    expect(queued.stderr).toContain('queued: Kartra cannot be reached; 1 change is saved in the data folder');

    kartra = await startSandbox({ rate: 0, dataFile: sandboxFile(), port });
    expect(kartra.inspect.getLead({ apiKey, email })!.tags).toEqual([]);
    // Any command first delivers what is queued: here a local search.
    const search = await runCli(['search', 'Hopper'], env, 90_000);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stderr).toContain('queue: delivering 1 change queued earlier');
    expect(search.json.queue).toEqual({ queued: 1, delivered: 1, still_queued: 0, refused: 0 });
    expect(kartra.inspect.getLead({ apiKey, email })!.tags).toEqual(['VIP']);
    expect(search.json).toMatchObject({ ok: true, query: 'Hopper', total: 1, rows: [{ email, name: 'Grace Hopper' }] });

    // Three runs, one account: the later runs found it by its credentials (no secret stored in the database).
    const { accounts } = folderDb(dataDir);
    expect(accounts).toHaveLength(1);
    const dbBytes = readFileSync(join(dataDir, 'lead-desk.sqlite')).toString('latin1');
    expect(dbBytes).not.toContain(kartra.accounts[0]!.apiPassword);
    expect(dbBytes).not.toContain(apiKey);
    for (const run of [created, queued, search]) expect(run.stderr).toContain(`account "CLI" (${accounts[0]!.id}`);
  });

});

describe('search after import', () => {
  it('search finds the leads a previous CLI import created in the same data folder', async () => {
    const env = cliEnv(sb);
    const file = join(scratch, 'imported.csv');
    writeFileSync(file, `email,first_name,last_name\n${[1, 2, 3].map((i) => `imported${i}.${stamp}@example.net,Ada${i},Byron`).join('\n')}\n`);
    const imported = await runCli(['import', file, '--gdpr-confirmed'], env, 90_000);
    expect(imported.json).toMatchObject({ ok: true, created: 3, status: 'finished' });
    const search = await runCli(['search', 'Byron'], env);
    expect(search.json.total).toBe(3);
    expect(search.json.rows.map((r: { email: string }) => r.email).sort()).toEqual([1, 2, 3].map((i) => `imported${i}.${stamp}@example.net`));
  });
});

describe('account reuse', () => {
  it('two runs with the same credentials use one account; another API key gets its own', async () => {
    const dataDir = freshDataDir();
    const demo = cliEnv(sb, dataDir);
    const agency = { ...demo, KARTRA_API_KEY: sb.accounts[1]!.apiKey, KARTRA_API_PASSWORD: sb.accounts[1]!.apiPassword };
    for (const env of [demo, demo, agency, demo]) expect((await runCli(['account', 'tags'], env)).code).toBe(0);
    expect(folderDb(dataDir).accounts).toHaveLength(2);
  });
});

describe('one process per data folder', () => {
  it('a CLI import while another CLI import runs on the folder gets data_dir_in_use and changes nothing', async () => {
    const dataDir = freshDataDir();
    const env = cliEnv(sb, dataDir);
    const apiKey = sb.accounts[0]!.apiKey;
    const many = join(scratch, 'many.csv');
    // 200 rows at Kartra's 20 calls/s keep the first import busy for ~10 s.
    writeFileSync(many, `email\n${Array.from({ length: 200 }, (_, i) => `first${i}.${stamp}@example.net`).join('\n')}\n`);
    const other = join(scratch, 'other.csv');
    writeFileSync(other, `email\nsecond.${stamp}@example.net\n`);

    const first = spawnCli(['import', many, '--gdpr-confirmed'], env);
    let firstOut = '';
    let firstErr = '';
    first.stdout!.on('data', (chunk: Buffer) => (firstOut += chunk.toString()));
    const firstDone = new Promise<number | null>((done) => first.on('close', done));
    // Wait until the first import is sending rows: its core holds the folder.
    await new Promise<void>((ready, fail) => {
      first.stderr!.on('data', (chunk: Buffer) => {
        firstErr += chunk.toString();
        if (/import: \d+\/\d+ rows sent/.test(firstErr) || firstErr.includes('rows ready')) ready();
      });
      first.on('close', () => fail(new Error(`the first import ended before the second started:\n${firstErr}`)));
    });

    const second = await runCli(['import', other, '--gdpr-confirmed'], env, 90_000);
    expect(second.code).toBe(1);
    expect(second.json).toMatchObject({ ok: false, error: { code: 'data_dir_in_use' } });
    expect(second.json.error.message).toContain(`Lead Desk (command line, pid ${first.pid}) is already using this data folder (${dataDir})`);

    expect(await firstDone).toBe(0);
    expect(JSON.parse(firstOut)).toMatchObject({ ok: true, created: 200, status: 'finished' });
    // The second run changed nothing: no job of its own in the folder, its lead never sent.
    expect(folderDb(dataDir).jobs).toBe(1);
    expect(sb.inspect.getLead({ apiKey, email: `second.${stamp}@example.net` })).toBeNull();
  }, 180_000);
});

describe('secrets never on the command line', () => {
  const withoutSecrets = () => {
    const env = cliEnv(sb);
    delete env.KARTRA_API_KEY;
    delete env.KARTRA_API_PASSWORD;
    return env;
  };

  it('reads --api-password - and --api-key - from stdin, silently', async () => {
    const { apiKey, apiPassword } = sb.accounts[0]!;
    const env = { ...withoutSecrets(), KARTRA_API_KEY: apiKey };
    const one = await runCli(['account', 'lists', '--api-password', '-'], env, 90_000, `${apiPassword}\n`);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).not.toContain('warning');
    const both = await runCli(['account', 'lists', '--api-key', '-', '--api-password', '-'], withoutSecrets(), 90_000, `${apiKey}\n${apiPassword}\n`);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout + both.stderr).not.toContain(apiPassword);
  });

  it('refuses an empty stdin (exit 2), and warns about a secret given as a flag value while still running', async () => {
    const { apiKey, apiPassword } = sb.accounts[0]!;
    const empty = await runCli(['account', 'lists', '--api-password', '-'], { ...withoutSecrets(), KARTRA_API_KEY: apiKey }, 90_000, '');
    expect(empty.code).toBe(2);
    expect(empty.json.error).toMatchObject({ code: 'usage', flag: '--api-password' });

    const flags = await runCli(['account', 'lists', '--api-key', apiKey, '--api-password', apiPassword], withoutSecrets());
    expect(flags.code, flags.stderr).toBe(0);
    expect(flags.stderr).toContain('warning: --api-key with a value is visible to other users of this machine');
    expect(flags.stderr).toContain('warning: --api-password with a value is visible to other users of this machine');
    expect(flags.stdout + flags.stderr).not.toContain(apiPassword);
  });
});
