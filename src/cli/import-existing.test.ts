// `import` against existing leads through the real CLI process and an in-process sandbox: the default (keep) leaves
// their details and adds the Tags column's tags in one call per row, `--existing fill` reads each existing lead once
// and fills only its empty fields, `--existing overwrite` overwrites; `--result` lists every row's outcome.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/cli-runner';
import { useCliSandbox } from './testing/cli-sandbox';

const stamp = Date.now().toString(36);

const cli = useCliSandbox('lead-desk-cli-existing-test-');

const apiKey = () => cli.sb.accounts[0]!.apiKey;
const lead = (email: string) => cli.sb.inspect.getLead({ apiKey: apiKey(), email })!;

/** Two seeded leads with known details: phone and city empty, without the tags VIP and Customer. */
function existingPair(offset: number): string[] {
  const emails = cli.sb.inspect.listLeads({ apiKey: apiKey() }).filter((l) => !l.deleted).slice(offset, offset + 2).map((l) => l.email);
  for (const email of emails) cli.sb.inspect.editLead({ apiKey: apiKey(), email, profile: { first_name: 'Kept', company: 'Old Co', phone: '', city: '' }, removeTags: ['VIP', 'Customer'] });
  return emails;
}

function csvFile(name: string, rows: string[]): string {
  const file = join(cli.dir, name);
  writeFileSync(file, ['Email,First Name,Company,Phone,City,Tags', ...rows].join('\n'));
  return file;
}

const lastSeq = () => cli.sb.requests().at(-1)?.seq ?? 0;

describe('import --existing', () => {
  it('default keep: details unchanged, "VIP; Customer" in one call per row; --result lists each row', async () => {
    const [x, y] = existingPair(10);
    const fresh = `cli-new.${stamp}@example.net`;
    const file = csvFile('keep.csv', [`${x},New,New Co,+15550001,Paris,"VIP; Customer"`, `${y},New,New Co,,,"VIP; Customer"`, `${fresh},Nia,Fresh,,,"VIP; Customer"`]);
    const result = join(cli.dir, 'keep-result.csv');
    const since = lastSeq();
    const run = await runCli(['import', file, '--mode', 'upsert', '--result', result, '--gdpr-confirmed'], cli.freshEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ ok: true, rows: 3, created: 1, updated: 2, unchanged: 0, failed: 0, invalid: 0, excluded: 0, calls: 5, result_rows: 3 });
    for (const email of [x!, y!]) {
      expect(lead(email).profile).toMatchObject({ first_name: 'Kept', company: 'Old Co', phone: '', city: '' });
      expect(lead(email).tags).toEqual(expect.arrayContaining(['VIP', 'Customer']));
      expect(cli.sb.requests({ since, email }).map((r) => r.cmds.join('+'))).toEqual(['create_lead+assign_tag+assign_tag', 'assign_tag+assign_tag']);
    }
    expect(cli.sb.requests({ since, email: fresh }).map((r) => r.cmds.join('+'))).toEqual(['create_lead+assign_tag+assign_tag']);
    const rows = parse(readFileSync(result, 'utf8'), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[6])).toEqual(['updated', 'updated', 'created']);
    expect(rows[3]![7]).toBe(lead(fresh).id);
  });

  it('--existing fill: one read per existing lead, only its empty fields filled', async () => {
    const [x, y] = existingPair(14);
    const file = csvFile('fill.csv', [`${x},New,New Co,+15550001,Paris,`, `${y},New,New Co,,,`]);
    const since = lastSeq();
    const run = await runCli(['import', file, '--mode', 'upsert', '--existing', 'fill', '--gdpr-confirmed'], cli.freshEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ rows: 2, updated: 1, unchanged: 1, calls: 5 });
    expect(lead(x!).profile).toMatchObject({ first_name: 'Kept', company: 'Old Co', phone: '+15550001', city: 'Paris' });
    expect(lead(y!).profile).toMatchObject({ first_name: 'Kept', company: 'Old Co', phone: '', city: '' });
    for (const email of [x!, y!]) expect(cli.sb.requests({ since, email }).filter((r) => r.cmds[0] === 'get_lead')).toHaveLength(1);
  });

  it('--existing overwrite: the file’s values replace the details', async () => {
    const [x] = existingPair(18);
    const file = csvFile('overwrite.csv', [`${x},New,New Co,+15550001,Paris,VIP`]);
    const run = await runCli(['import', file, '--mode', 'upsert', '--existing', 'overwrite', '--gdpr-confirmed'], cli.freshEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ rows: 1, updated: 1, calls: 2 });
    expect(lead(x!).profile).toMatchObject({ first_name: 'New', company: 'New Co', phone: '+15550001', city: 'Paris' });
    expect(lead(x!).tags).toContain('VIP');
  });
});
