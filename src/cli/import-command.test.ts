// `import FILE.csv` end to end: the real CLI process, the core's import against an in-process sandbox, its summary and report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseMap, parseSequence } from './commands/import';
import { runCli } from './testing/cli-runner';
import { useCliSandbox } from './testing/cli-sandbox';

const stamp = Date.now().toString(36);

const cli = useCliSandbox('lead-desk-cli-import-test-');

const lead = (email: string) => cli.sb.inspect.getLead({ apiKey: cli.sb.accounts[0]!.apiKey, email });

describe('import command', () => {
  it('imports with a mapping override, tags, list and points, and writes the failed rows', async () => {
    const emails = [0, 1, 2].map((i) => `cli${i}.${stamp}@example.net`);
    const file = join(cli.dir, 'people.csv');
    writeFileSync(file, `Mail;Vorname;Size\n${emails[0]};Ana;2-10\n${emails[1]};Ben;Huge\n${emails[2]};Cid;\nnope;Dan;\n`);
    const report = join(cli.dir, 'failed.csv');
    const run = await runCli(
      ['import', file, '--map', 'Size=company_size', '--tag', 'VIP', '--list', 'Newsletter', '--points', '4', '--mode', 'create', '--report', report, '--gdpr-confirmed'],
      cli.env,
      30_000,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ ok: true, rows: 4, created: 2, updated: 0, unchanged: 0, failed: 0, invalid: 2, excluded: 0, calls: 2, count_429: 0, status: 'finished', report_rows: 2 });
    expect(run.json.seconds).toBeGreaterThan(0);
    expect(run.json.calls_per_s).toBeGreaterThan(0);
    expect(run.stderr).toContain('import: people.csv: 4 rows');
    expect(lead(emails[0]!)).toMatchObject({ profile: { first_name: 'Ana' }, score: 4, customFields: { company_size: ['602'] } });
    expect(lead(emails[0]!)?.tags).toContain('VIP');
    expect(lead(emails[1]!)).toBeNull();
    const rows = parse(readFileSync(report, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Mail', 'Vorname', 'Size', 'error']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([emails[1], 'nope']);
    expect(rows[1]?.[3]).toContain('"Huge" is not one of the options of company_size');
  });

  it('refuses to start without the GDPR confirmation (exit 2), sending nothing', async () => {
    const email = `cli-gdpr.${stamp}@example.net`;
    const file = join(cli.dir, 'gdpr.csv');
    writeFileSync(file, `email\n${email}\n`);
    const run = await runCli(['import', file], cli.env, 90_000);
    expect(run.code).toBe(2);
    expect(run.json.error.message).toContain('never marked as having accepted GDPR terms');
    expect(lead(email)).toBeNull();
  });

  it('reports usage mistakes with exit 2', async () => {
    expect((await runCli(['import', '--tag', 'x'], cli.env)).json.error.message).toContain('give the CSV file right after "import"');
    const badMode = await runCli(['import', join(cli.dir, 'x.csv'), '--mode', 'merge'], cli.env);
    expect(badMode).toMatchObject({ code: 2, json: { error: { code: 'usage', flag: '--mode' } } });
    const missing = await runCli(['import', join(cli.dir, 'missing.csv'), '--gdpr-confirmed'], cli.env, 90_000);
    expect(missing.code).toBe(2);
    expect(missing.json.error.message).toContain('no such file');
  });

  it('parses --map and --sequence', () => {
    expect(parseMap(['E-mail=email', 'Size=company_size', 'Notes=ignore', 'X=custom:x'])).toEqual({ 'E-mail': 'email', Size: 'custom:company_size', Notes: 'ignore', X: 'custom:x' });
    expect(() => parseMap(['Broken'])).toThrow('--map takes name=value');
    expect(parseSequence('Welcome Series:2')).toEqual({ name: 'Welcome Series', step: '2' });
    expect(() => parseSequence('Welcome Series')).toThrow('Name:step');
  });
});
