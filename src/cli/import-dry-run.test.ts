// `import FILE --dry-run`: the real CLI process prints the plan (counts per class, first rows of each) and sends no
// write to the sandbox; `--existing` takes keep, fill or overwrite only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_LEAD_EMAIL } from '../main/core/sandbox';
import { writeWorkbook } from '../main/core/import/testing/workbooks';
import { runCli } from './testing/cli-runner';
import { useCliSandbox } from './testing/cli-sandbox';

const stamp = Date.now().toString(36);

const cli = useCliSandbox('lead-desk-cli-dry-run-');

describe('import --dry-run', () => {
  it('prints the plan and the first rows of each class, and creates or changes no lead', async () => {
    const emails = [0, 1].map((i) => `dry${i}.${stamp}@example.net`);
    const file = join(cli.dir, 'plan.csv');
    writeFileSync(file, `Email,First,Tags\n${emails[0]},Ana,VIP; Customer\n${DEMO_LEAD_EMAIL},Renamed,VIP\nbroken@,X,\n${emails[0]},Again,\n${emails[1]},Ben,Customer|VIP\n`);
    const demoBefore = cli.sb.inspect.getLead({ apiKey: cli.sb.accounts[0]!.apiKey, email: DEMO_LEAD_EMAIL });
    const run = await runCli(['import', file, '--dry-run', '--existing', 'overwrite', '--gdpr-confirmed'], cli.env, 30_000);
    expect(run.code, run.stderr).toBe(0);
    // The CLI's fresh cache knows no lead: the demo lead counts as new until checked against Kartra.
    expect(run.json).toMatchObject({ ok: true, dry_run: true, new: 3, existing: 0, invalid: 1, duplicate: 1, excluded: 0 });
    expect(run.json.first_rows.invalid[0]).toContain('row 3: broken@, X');
    expect(run.json.first_rows.duplicate[0]).toContain('row 4: ');
    expect(run.json.first_rows.duplicate[0]).toContain('duplicate of row 1');
    expect(run.stderr).toContain('nothing sent');
    for (const email of emails) expect(cli.sb.inspect.getLead({ apiKey: cli.sb.accounts[0]!.apiKey, email })).toBeNull();
    expect(cli.sb.inspect.getLead({ apiKey: cli.sb.accounts[0]!.apiKey, email: DEMO_LEAD_EMAIL })).toEqual(demoBefore);
  });

  it('--check looks each unknown row up once (reads only) and counts the leads Kartra has as existing', async () => {
    const fresh = `drycheck.${stamp}@example.net`;
    const file = join(cli.dir, 'check.csv');
    writeFileSync(file, `Email,First\n${DEMO_LEAD_EMAIL},Renamed\n${fresh},New\nbroken@,X\n`);
    const seq = cli.sb.requests().at(-1)?.seq ?? 0;
    const run = await runCli(['import', file, '--dry-run', '--check', '--gdpr-confirmed'], cli.env, 30_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ dry_run: true, new: 1, existing: 1, unknown: 0, invalid: 1, unchecked: 0, lookups: { sent: 2, found: 1, missing: 1, failed: 0, status: 'done' } });
    const sent = cli.sb.requests({ since: seq });
    // Reads the user asked for, and nothing else: one get_lead per valid row.
    expect(sent.map((r) => [r.cmds, r.email.toLowerCase()])).toEqual(expect.arrayContaining([[['get_lead'], DEMO_LEAD_EMAIL], [['get_lead'], fresh]]));
    expect(sent.filter((r) => r.cmds.some((c) => c !== 'get_lead'))).toEqual([]);
    expect(sent.filter((r) => r.cmds[0] === 'get_lead')).toHaveLength(2);
    expect(run.stderr).toContain('1 existing (known locally or in Kartra)');
  });

  it('--sheet reads another sheet of a workbook by name or position', async () => {
    const file = join(cli.dir, 'two.xlsx');
    const email = `sheet.${stamp}@example.net`;
    await writeWorkbook(file, [
      { name: 'Summary', rows: [['Total'], [1]] },
      { name: 'Contacts', rows: [['E-mail Address', 'First'], [email, 'Ann'], ['nope', 'Bob']] },
    ]);
    for (const sheet of ['Contacts', '2']) {
      const run = await runCli(['import', file, '--sheet', sheet, '--dry-run', '--gdpr-confirmed'], cli.env, 30_000);
      expect(run.code, run.stderr).toBe(0);
      expect(run.json).toMatchObject({ dry_run: true, new: 1, invalid: 1 });
      expect(run.stderr).toContain('2 rows, sheet "Contacts"');
      expect(run.stderr).toContain('this workbook has 2 sheets ("Summary", "Contacts"); "Contacts" was read');
    }
    const missing = await runCli(['import', file, '--sheet', 'Leads', '--dry-run', '--gdpr-confirmed'], cli.env, 30_000);
    expect(missing.code).toBe(2);
    expect(missing.json.error.message).toContain('This workbook has no sheet named "Leads"; its sheets are "Summary", "Contacts".');
    writeFileSync(join(cli.dir, 'plain.csv'), `Email\n${email}\n`);
    const csv = await runCli(['import', join(cli.dir, 'plain.csv'), '--sheet', '2', '--dry-run', '--gdpr-confirmed'], cli.env, 30_000);
    expect(csv.code).toBe(2);
    expect(csv.json.error.message).toContain('not an Excel workbook');
  });

  it('refuses an unknown --existing policy (exit 2)', async () => {
    const file = join(cli.dir, 'one.csv');
    writeFileSync(file, `email\none.${stamp}@example.net\n`);
    const run = await runCli(['import', file, '--existing', 'replace', '--gdpr-confirmed'], cli.env, 30_000);
    expect(run.code).toBe(2);
    expect(run.json.error.message).toContain('--existing must be one of keep, fill, overwrite');
  });
});
