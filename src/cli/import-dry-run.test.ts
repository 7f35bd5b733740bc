// `import FILE --dry-run`: the real CLI process prints the plan (counts per class, first rows of each) and sends no
// write to the sandbox; `--existing` takes keep, fill or overwrite only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { accountEnv, cleanEnv, runCli } from './testing/cli-runner';

let sb: RunningSandbox;
let env: NodeJS.ProcessEnv;
let dir: string;
const stamp = Date.now().toString(36);

beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
  env = cleanEnv(accountEnv(sb));
  dir = mkdtempSync(join(tmpdir(), 'lead-desk-cli-dry-run-'));
});
afterAll(async () => {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import --dry-run', () => {
  it('prints the plan and the first rows of each class, and creates or changes no lead', async () => {
    const emails = [0, 1].map((i) => `dry${i}.${stamp}@example.net`);
    const file = join(dir, 'plan.csv');
    writeFileSync(file, `Email,First,Tags\n${emails[0]},Ana,VIP; Customer\n${DEMO_LEAD_EMAIL},Renamed,VIP\nbroken@,X,\n${emails[0]},Again,\n${emails[1]},Ben,Customer|VIP\n`);
    const demoBefore = sb.inspect.getLead({ apiKey: sb.accounts[0]!.apiKey, email: DEMO_LEAD_EMAIL });
    const run = await runCli(['import', file, '--dry-run', '--existing', 'overwrite', '--gdpr-confirmed'], env, 30_000);
    expect(run.code, run.stderr).toBe(0);
    // The CLI's fresh cache knows no lead: the demo lead counts as new until checked against Kartra.
    expect(run.json).toMatchObject({ ok: true, dry_run: true, new: 3, existing: 0, invalid: 1, duplicate: 1, excluded: 0 });
    expect(run.json.first_rows.invalid[0]).toContain('row 3: broken@, X');
    expect(run.json.first_rows.duplicate[0]).toContain('row 4: ');
    expect(run.json.first_rows.duplicate[0]).toContain('duplicate of row 1');
    expect(run.stderr).toContain('nothing sent');
    for (const email of emails) expect(sb.inspect.getLead({ apiKey: sb.accounts[0]!.apiKey, email })).toBeNull();
    expect(sb.inspect.getLead({ apiKey: sb.accounts[0]!.apiKey, email: DEMO_LEAD_EMAIL })).toEqual(demoBefore);
  });

  it('refuses an unknown --existing policy (exit 2)', async () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, `email\none.${stamp}@example.net\n`);
    const run = await runCli(['import', file, '--existing', 'replace', '--gdpr-confirmed'], env, 30_000);
    expect(run.code).toBe(2);
    expect(run.json.error.message).toContain('--existing must be one of keep, fill, overwrite');
  });
});
