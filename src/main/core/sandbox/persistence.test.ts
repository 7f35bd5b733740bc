import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSandbox } from './index';
import { MIGRATIONS } from './store/migrations';
import { account, call, freshEmail } from './testing/raw-calls';

const dir = mkdtempSync(join(tmpdir(), 'lead-desk-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const apiKey = DEMO_ACCOUNT.apiKey;

describe('persistence with dataFile', () => {
  it('keeps every change across close and reopen, resumes ids and does not seed twice', async () => {
    const dataFile = join(dir, 'reopen.db');
    const first = await startSandbox({ dataFile, rate: 0 });
    const email = freshEmail('persist');
    const created = await call(first, {
      lead: { email, first_name: 'Kept' },
      actions: [{ cmd: 'create_lead' }, { cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'give_points_to_lead', points: '9' }],
    });
    const id = Number(created.actions[0].create_lead.lead_details.id);
    await account(first, 'create_custom_field', { custom_field_identifier: 'shoe_size', custom_field_type: 'input_field' });
    first.inspect.deleteLead({ apiKey, email: first.inspect.listLeads({ apiKey })[5]!.email });
    const before = first.inspect.listLeads({ apiKey, includeDeleted: true }).length;
    await first.close();

    const second = await startSandbox({ dataFile, rate: 0 });
    try {
      expect(second.inspect.getLead({ apiKey, email })).toMatchObject({ profile: { first_name: 'Kept' }, tags: ['VIP'], score: 9 });
      expect(second.inspect.listLeads({ apiKey, includeDeleted: true })).toHaveLength(before);
      expect(second.inspect.listLeads({ apiKey })).toHaveLength(before - 1);
      expect(second.inspect.catalog({ apiKey }).customFields.map((f) => f.identifier)).toContain('shoe_size');
      const next = await call(second, { lead: { email: freshEmail('after') }, actions: [{ cmd: 'create_lead' }] });
      expect(Number(next.actions[0].create_lead.lead_details.id)).toBeGreaterThan(id);
    } finally {
      await second.close();
    }
    const raw = new DatabaseSync(dataFile);
    expect(raw.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.at(-1)!.version });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM tags WHERE account_id = 1').get()).toEqual({ n: 15 });
    raw.close();
  });

  it('never loses a write whose answer was sent, even if the process is killed right after', async () => {
    const dataFile = join(dir, 'killed.db');
    const root = fileURLToPath(new URL('../../../..', import.meta.url));
    const entry = new URL('./index.ts', import.meta.url).href;
    const code = `import { startSandbox } from ${JSON.stringify(entry)};
const sb = await startSandbox({ dataFile: process.argv[1], rate: 0 });
process.stdout.write(sb.url + '\\n');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, dataFile], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += String(d);
          if (out.includes('\n')) resolve(out.trim());
        });
        child.stderr.on('data', (d: Buffer) => (err += String(d)));
        child.on('exit', () => reject(new Error(`sandbox child exited early: ${err}`)));
      });
      const emails = Array.from({ length: 5 }, () => freshEmail('killed'));
      for (const email of emails) {
        const body = new URLSearchParams({
          app_id: DEMO_ACCOUNT.appId,
          api_key: DEMO_ACCOUNT.apiKey,
          api_password: DEMO_ACCOUNT.apiPassword,
          'lead[email]': email,
          'actions[0][cmd]': 'create_lead',
          'actions[1][cmd]': 'assign_tag',
          'actions[1][tag_name]': 'VIP',
        });
        const reply = await fetch(url, { method: 'POST', body });
        expect(((await reply.json()) as { status: string }).status).toBe('Success');
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const reopened = await startSandbox({ dataFile, rate: 0 });
      try {
        for (const email of emails) expect(reopened.inspect.getLead({ apiKey, email })?.tags).toEqual(['VIP']);
      } finally {
        await reopened.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
