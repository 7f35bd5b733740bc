// `history`: the data folder's writes as JSON, filtered by lead and source — the CLI import and `lead tag` it made.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { parseSince } from './commands/history';
import { cleanEnv, cliEnv, freshDataDir, runCli } from './testing/cli-runner';

let sb: RunningSandbox;
const stamp = Date.now().toString(36);

beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(async () => {
  await sb?.close();
});

describe('history command', () => {
  it('shows the import write and the CLI write of one lead, filtered by email, source and date', async () => {
    const env = cliEnv(sb);
    const email = `history.${stamp}@example.net`;
    const file = join(freshDataDir(), 'one.csv');
    writeFileSync(file, `email,first_name\n${email},Ada\n`);
    expect((await runCli(['import', file, '--gdpr-confirmed', '--tag', 'VIP'], env, 90_000)).json).toMatchObject({ created: 1 });
    expect((await runCli(['lead', 'tag', '--email', email, '--tag', 'Customer'], env)).json).toMatchObject({ status: 'done' });

    const all = await runCli(['history', '--email', email], env);
    expect(all.code, all.stderr).toBe(0);
    expect(all.json.entries.map((e: { source: string }) => e.source)).toEqual(['cli', 'import']);
    expect(all.json.entries[1]).toMatchObject({ leadEmail: email, actions: expect.arrayContaining([expect.objectContaining({ cmd: 'assign_tag', outcome: 'done' })]) });
    expect(all.json.entries[0].actions).toEqual([expect.objectContaining({ cmd: 'assign_tag', summary: 'Assign tag Customer', outcome: 'done' })]);

    const cliOnly = await runCli(['history', '--email', email, '--source', 'cli'], env);
    expect(cliOnly.json.entries).toHaveLength(1);
    const future = await runCli(['history', '--email', email, '--since', '2999-01-01'], env);
    expect(future.json.entries).toEqual([]);
  });
});

describe('history flags', () => {
  it('refuses a bad --source, --since or both --email and --id before opening any data folder (exit 2)', async () => {
    const env = cleanEnv();
    const [source, since, both] = await Promise.all([
      runCli(['history', '--source', 'fax'], env),
      runCli(['history', '--since', 'yesterday'], env),
      runCli(['history', '--email', 'a@example.com', '--id', '12'], env),
    ]);
    expect(source.json.error).toMatchObject({ code: 'usage', flag: '--source' });
    expect(since.json.error).toMatchObject({ code: 'usage', flag: '--since' });
    expect(both.json.error).toMatchObject({ code: 'usage', flag: '--id' });
    for (const run of [source, since, both]) expect(run.code).toBe(2);
  });

  it('reads --since as a local date or an ISO date and time', () => {
    expect(parseSince('2024-05-01')).toBe(new Date(2024, 4, 1).getTime());
    expect(parseSince('2024-05-01T14:30Z')).toBe(Date.UTC(2024, 4, 1, 14, 30));
    expect(() => parseSince('2024-13-45')).toThrow('not a real date');
    expect(() => parseSince('05/01/2024')).toThrow('--since takes a date');
  });
});
