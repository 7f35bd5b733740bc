// `import FILE --dry-run`: the real CLI process prints the plan (counts per class, first rows of each) and sends no
// write to the sandbox; `--existing` takes keep, fill or overwrite only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_LEAD_EMAIL } from '../main/core/sandbox';
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

  it('refuses an unknown --existing policy (exit 2)', async () => {
    const file = join(cli.dir, 'one.csv');
    writeFileSync(file, `email\none.${stamp}@example.net\n`);
    const run = await runCli(['import', file, '--existing', 'replace', '--gdpr-confirmed'], cli.env, 30_000);
    expect(run.code).toBe(2);
    expect(run.json.error.message).toContain('--existing must be one of keep, fill, overwrite');
  });
});
