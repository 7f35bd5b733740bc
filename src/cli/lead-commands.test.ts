// The `lead` commands end to end: the real CLI process, its core on a data folder, an in-process sandbox, checked against
// the sandbox's own state. Each test has its own data folder (a CLI run locks its folder), runs in one test share it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox } from '../main/core/sandbox';
import { call } from '../main/core/sandbox/testing/raw-calls';
import { cliEnv, runCli } from './testing/cli-runner';

let sb: RunningSandbox;
let apiKey: string;
let unique = 0;
const fresh = (tag: string) => `${tag}.${Date.now().toString(36)}.${unique++}@example.net`;
const lead = (email: string) => sb.inspect.getLead({ apiKey, email });
/** A fresh lead made with a raw Kartra call (setup only: the CLI's create is tested on its own). */
const seedLead = async (tag: string) => {
  const email = fresh(tag);
  await call(sb, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
  return { email, id: lead(email)!.id };
};

beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
  apiKey = sb.accounts[0]!.apiKey;
});
afterAll(async () => {
  await sb?.close();
});

// Every test works on its own fresh lead and data folder; they run one after the other: each CLI run starts a Node
// child that opens a core, and a dozen at once on this 2-core machine outlast any sane timeout.
describe('lead commands', () => {
  it('gets a lead by email and by id, and searches', async () => {
    const env = cliEnv(sb);
    const byEmail = await runCli(['lead', 'get', '--email', DEMO_LEAD_EMAIL], env);
    expect(byEmail.code).toBe(0);
    const state = lead(DEMO_LEAD_EMAIL)!;
    expect(byEmail.json).toMatchObject({ ok: true, lead: { id: state.id, email: DEMO_LEAD_EMAIL, first_name: state.profile.first_name, tags: state.tags } });

    const [byId, missing] = await Promise.all([
      runCli(['lead', 'get', '--id', state.id], cliEnv(sb)),
      runCli(['lead', 'search', '--email', 'nobody.here@example.net'], cliEnv(sb)),
    ]);
    expect(byId.json.lead.email).toBe(DEMO_LEAD_EMAIL);
    expect(missing).toMatchObject({ code: 0, json: { ok: true, found: false, id: null } });
  });

  it('resolves option labels given to --custom and refuses unknown ones with exit 2', async () => {
    const env = cliEnv(sb);
    const email = fresh('labels');
    const ok = await runCli(['lead', 'create', '--email', email, '--custom', 'company_size=2-10', '--custom', 'interests=webinars'], env);
    expect(ok.code).toBe(0);
    expect(lead(email)!.customFields).toMatchObject({ company_size: ['602'], interests: ['618'] });
    const cleared = await runCli(['lead', 'edit', '--id', ok.json.leadId, '--custom', 'company_size='], env);
    expect(cleared.code).toBe(0);
    expect(lead(email)!.customFields.company_size ?? []).toEqual([]);

    const other = fresh('labels');
    const bad = await runCli(['lead', 'create', '--email', other, '--custom', 'company_size=huge'], env);
    expect(bad.code).toBe(2);
    expect(bad.json.error).toMatchObject({ code: 'usage', flag: '--custom' });
    expect(bad.json.error.message).toContain('"huge" is not one of its options');
    // Kartra would silently drop an unknown identifier; the CLI refuses it instead of losing the value.
    const unknown = await runCli(['lead', 'create', '--email', other, '--custom', 'no_such_field=1'], env);
    expect(unknown.json.error).toMatchObject({ code: 'usage', flag: '--custom' });
    expect(lead(other)).toBeNull();
  });

  it('tags and untags; an unknown tag is refused before anything is sent (exit 2) and nothing changes', async () => {
    const env = cliEnv(sb);
    const { email } = await seedLead('tag');
    const tagged = await runCli(['lead', 'tag', '--email', email, '--tag', 'Customer', '--tag', 'Affiliate'], env);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.json).toMatchObject({
      ok: true,
      status: 'done',
      leadId: lead(email)!.id,
      changes: [
        { summary: 'Assign tag Customer', status: 'done' },
        { summary: 'Assign tag Affiliate', status: 'done' },
      ],
    });
    expect(lead(email)!.tags.sort()).toEqual(['Affiliate', 'Customer']);

    const unknown = await runCli(['lead', 'tag', '--email', email, '--tag', 'No Such Tag'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout.trim().split('\n')).toHaveLength(1);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'actions' } } });
    expect(unknown.json.error.message).toContain('No Such Tag');
    expect(lead(email)!.tags.sort()).toEqual(['Affiliate', 'Customer']);

    const untagged = await runCli(['lead', 'untag', '--id', lead(email)!.id, '--tag', 'Customer'], env);
    expect(untagged.code).toBe(0);
    expect(lead(email)!.tags).toEqual(['Affiliate']);
  });

  it('edits with --new-email and fields, and the lead answers to the new address', async () => {
    const env = cliEnv(sb);
    const { email, id } = await seedLead('edit');
    const newEmail = fresh('edited');
    const run = await runCli(['lead', 'edit', '--email', email, '--new-email', newEmail, '--field', 'company=Analytical Engines', '--list', 'Partners'], env);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ok: true, status: 'done', leadId: id, lead: { id, email: newEmail, company: 'Analytical Engines' } });
    expect(lead(email)).toBeNull();
    expect(lead(newEmail)).toMatchObject({ id, email: newEmail, profile: { company: 'Analytical Engines' }, lists: [{ name: 'Partners', active: true }] });
  });

  it('gives and removes points, subscribes to and unsubscribes from a sequence', async () => {
    const env = cliEnv(sb);
    const { email } = await seedLead('points');
    const give = await runCli(['lead', 'points', '--email', email, '--give', '12', '--expiration', '30'], env);
    expect(give.json).toMatchObject({ status: 'done', changes: [{ summary: 'Give 12 points (expire after 30 days)', status: 'done' }] });
    await runCli(['lead', 'points', '--email', email, '--remove', '5'], env);
    expect(lead(email)!.score).toBe(7);

    const seq = await runCli(['lead', 'sequence', '--email', email, '--sequence', 'Welcome Series', '--step', '3'], env);
    expect(seq.code).toBe(0);
    expect(lead(email)!.sequences).toEqual([{ name: 'Welcome Series', step: '3', status: 'active' }]);
    const unsub = await runCli(['lead', 'sequence', '--email', email, '--sequence', 'Welcome Series', '--unsubscribe'], env);
    expect(unsub.code).toBe(0);
    expect(lead(email)!.sequences).toEqual([{ name: 'Welcome Series', step: '3', status: 'unsubscribed' }]);
  });

  it('lists and unlists', async () => {
    const env = cliEnv(sb);
    const { email } = await seedLead('list');
    await runCli(['lead', 'list', '--email', email, '--list', 'Customers'], env);
    expect(lead(email)!.lists).toEqual([{ name: 'Customers', active: true }]);
    await runCli(['lead', 'unlist', '--email', email, '--list', 'Customers'], env);
    expect(lead(email)!.lists).toEqual([{ name: 'Customers', active: false }]);
  });
});

// Counts the sandbox's requests, so it runs on its own.
describe('lead create', () => {
  it('creates a lead with profile fields, custom fields, tags and lists in one write call', async () => {
    const env = cliEnv(sb);
    // A first run on the folder connects the account (one validating call); the count below is the create alone.
    expect((await runCli(['account', 'tags'], env)).code).toBe(0);
    const email = fresh('create');
    const before = sb.stats().requests;
    const run = await runCli(
      ['lead', 'create', '--email', email, '--first-name', 'Ada', '--last-name', 'Lovelace', '--field', 'city=London',
        '--custom', 'job_title=Analyst', '--custom', 'interests=615', '--custom', 'interests=618', '--tag', 'VIP', '--list', 'Newsletter'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    // A fresh read of the account's custom fields (to check --custom), everything chained in one write, one read back.
    expect(sb.stats().requests - before).toBe(3);
    const state = lead(email)!;
    expect(run.json).toMatchObject({
      ok: true,
      status: 'done',
      leadId: state.id,
      changes: [
        { summary: `Create lead ${email}`, status: 'done' },
        { summary: 'Assign tag VIP', status: 'done' },
        { summary: 'Subscribe to list Newsletter', status: 'done' },
      ],
      lead: { id: state.id, email, first_name: 'Ada', tags: ['VIP'] },
    });
    expect(state.profile).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', city: 'London' });
    expect(state.customFields).toMatchObject({ job_title: 'Analyst', interests: ['615', '618'] });
    expect(state.tags).toEqual(['VIP']);
    expect(state.lists).toEqual([{ name: 'Newsletter', active: true }]);
  });
});
