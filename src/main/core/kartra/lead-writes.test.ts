import { afterEach, describe, expect, it } from 'vitest';
import { toAppError } from '../api/to-app-error';
import { KartraClient } from './client';
import { CONFIRMED_MESSAGE } from './lead-writes';
import { immediateScheduler, leadAnswer, NO_LEAD, startServer, type Hit, type Reply, type TestServer } from './testing/stub-server';
import { UncertainWriteError } from './uncertain-write-error';

// A tiny stateful Kartra stand-in with fault injection: a fault answers a write with `reply`
// ('hold' = no answer until the client times out, 'destroy' = connection cut, or a 5xx) after
// applying the whole chain, only its first command, or nothing.
type Apply = 'all' | 'first' | 'none';
interface Fault { cmd: string; apply: Apply; reply: Reply; used?: boolean }
interface FakeLead { id: string; email: string; first_name: string; score: number; tags: string[] }

function fakeKartra(faults: Fault[]) {
  const leads: FakeLead[] = [];
  let nextId = 100;
  const find = (form: Record<string, string>, prefix: string) =>
    form[`${prefix}[id]`] ? leads.find((l) => l.id === form[`${prefix}[id]`]) : leads.find((l) => l.email === form[`${prefix}[email]`]);

  const handler = (hit: Hit): Reply => {
    const f = hit.form;
    if (f['get_lead[id]'] || f['get_lead[email]']) {
      const lead = find(f, 'get_lead');
      return lead ? leadAnswer({ ...lead, tags: lead.tags.map((tag_name) => ({ tag_name })) }) : NO_LEAD;
    }
    const cmds: string[] = [];
    for (let i = 0; f[`actions[${i}][cmd]`]; i++) cmds.push(f[`actions[${i}][cmd]`]!);
    const fault = faults.find((x) => !x.used && x.cmd === cmds[0]);
    if (fault) fault.used = true;
    const limit = !fault || fault.apply === 'all' ? cmds.length : fault.apply === 'first' ? 1 : 0;
    const entries: Record<string, unknown>[] = [];
    let lead = find(f, 'lead');
    for (let i = 0; i < limit; i++) {
      const cmd = cmds[i]!;
      const p = (k: string) => f[`actions[${i}][${k}]`] ?? '';
      if (cmd === 'create_lead') {
        if (lead) return { json: { status: 'Error', message: 'Lead already exists', type: '244' } };
        lead = { id: String(nextId++), email: f['lead[email]']!, first_name: f['lead[first_name]'] ?? '', score: 0, tags: [] };
        leads.push(lead);
        entries.push({ create_lead: { status: 'Success', lead_details: { id: lead.id } } });
        continue;
      }
      if (!lead) return { json: { status: 'Error', message: 'No lead found', type: '243' } };
      if (cmd === 'edit_lead') {
        if (f['lead[first_name]'] !== undefined) lead.first_name = f['lead[first_name]'];
        if (f['lead[new_email]']) lead.email = f['lead[new_email]'];
        entries.push({ edit_lead: { status: 'Success', lead_details: { id: lead.id } } });
      } else if (cmd === 'search_lead') entries.push({ search_lead: { status: 'Success', lead_details: { id: lead.id } } });
      else if (cmd === 'assign_tag') {
        if (!lead.tags.includes(p('tag_name'))) lead.tags.push(p('tag_name'));
        entries.push({ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } });
      } else if (cmd === 'give_points_to_lead') {
        lead.score += Number(p('points'));
        entries.push({ give_points_to_lead: { status: 'Success', message: 'Points added to lead', type: '105' } });
      }
    }
    return fault ? fault.reply : { json: { status: 'Success', actions: entries } };
  };
  return { leads, handler };
}

const CREDS = { appId: 'app', apiKey: 'key-1234', apiPassword: 'pass-1234' };
let server: TestServer | undefined;
let client: KartraClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

async function setup(faults: Fault[], seed: FakeLead[] = []) {
  const fake = fakeKartra(faults);
  fake.leads.push(...seed);
  server = await startServer(fake.handler);
  client = new KartraClient({
    credentials: { apiUrl: server.url, ...CREDS },
    scheduler: immediateScheduler(),
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    http: { headersTimeoutMs: 200 },
  });
  return { fake, server, client };
}

const JOE = () => ({ id: '7', email: 'joe@example.com', first_name: 'Joe', score: 0, tags: [] as string[] });

describe('uncertain create_lead (timeout after sending) is verified with get_lead', () => {
  it('applied: the lead exists, so nothing is sent again', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'all', reply: 'hold' }]);
    const out = await client.createLead({ email: 'new@example.com', first_name: 'New' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]);
    expect(out).toEqual({ leadId: '100', results: [{ cmd: 'assign_tag', ok: true, message: CONFIRMED_MESSAGE }] });
    expect(server.cmds()).toEqual(['create_lead', 'get_lead']);
    expect(fake.leads).toHaveLength(1);
  });

  it('not applied: no such lead, so the create is sent once more', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'none', reply: 'hold' }]);
    const out = await client.createLead({ email: 'new@example.com' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]);
    expect(out.leadId).toBe('100');
    expect(out.results).toEqual([{ cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' }]);
    expect(server.cmds()).toEqual(['create_lead', 'get_lead', 'create_lead']);
    expect(fake.leads.map((l) => [l.email, l.tags])).toEqual([['new@example.com', ['VIP']]]);
  });
});

describe('uncertain writes cut off after sending (reset / 5xx)', () => {
  it('a chain that stopped after create_lead: only the missing action is resent, bare on the id', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'first', reply: 'destroy' }]);
    const out = await client.createLead({ email: 'x@example.com' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]);
    expect(server.cmds()).toEqual(['create_lead', 'get_lead', 'assign_tag']);
    expect(server.hits[2]?.form['lead[id]']).toBe('100');
    expect(out.results[0]).toMatchObject({ ok: true, message: 'Tag added to lead' });
    expect(fake.leads[0]?.tags).toEqual(['VIP']);
  });

  it('a 5xx after the create was applied is confirmed by reading', async () => {
    const { server, client } = await setup([{ cmd: 'create_lead', apply: 'all', reply: { status: 502, text: 'bad gateway' } }]);
    await expect(client.createLead({ email: 'y@example.com' })).resolves.toEqual({ leadId: '100', results: [] });
    expect(server.cmds()).toEqual(['create_lead', 'get_lead']);
  });

  it('points cannot be verified: UncertainWriteError, and the points are not sent twice', async () => {
    const { fake, server, client } = await setup([{ cmd: 'give_points_to_lead', apply: 'all', reply: 'destroy' }], [JOE()]);
    const error = await client.givePoints({ id: '7' }, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainWriteError);
    expect((error as UncertainWriteError).verdicts).toEqual([{ part: 'give_points_to_lead 5', verdict: 'unknown' }]);
    expect(toAppError(error).toData()).toMatchObject({ code: 'conflict', message: expect.stringContaining("points cannot be checked") });
    expect(server.cmds()).toEqual(['give_points_to_lead', 'get_lead']);
    expect(fake.leads[0]?.score).toBe(5);
  });

  it('a tag that is already on the lead is reported as applied', async () => {
    const { server, client } = await setup([{ cmd: 'assign_tag', apply: 'all', reply: 'destroy' }], [JOE()]);
    await expect(client.assignTag({ id: '7' }, 'VIP')).resolves.toEqual({ cmd: 'assign_tag', ok: true, message: CONFIRMED_MESSAGE });
    expect(server.cmds()).toEqual(['assign_tag', 'get_lead']);
  });

  it('new_email: found under the new address means applied', async () => {
    const { fake, server, client } = await setup([{ cmd: 'edit_lead', apply: 'all', reply: 'destroy' }], [JOE()]);
    const out = await client.editLead({ email: 'joe@example.com' }, { new_email: 'joe@new.example' });
    expect(out.leadId).toBe('7');
    expect(server.cmds()).toEqual(['edit_lead', 'get_lead', 'get_lead']);
    expect(server.hits[2]?.form['get_lead[email]']).toBe('joe@new.example');
    expect(fake.leads[0]?.email).toBe('joe@new.example');
  });

  it('edited fields that do not hold are sent once more', async () => {
    const { fake, server, client } = await setup([{ cmd: 'edit_lead', apply: 'none', reply: 'destroy' }], [JOE()]);
    await client.editLead({ id: '7' }, { first_name: 'Joseph' });
    expect(server.cmds()).toEqual(['edit_lead', 'get_lead', 'edit_lead']);
    expect(fake.leads[0]?.first_name).toBe('Joseph');
  });

  it('when the single resend fails the same way, UncertainWriteError is thrown', async () => {
    const { server, client } = await setup(
      [
        { cmd: 'create_lead', apply: 'none', reply: 'destroy' },
        { cmd: 'create_lead', apply: 'none', reply: 'destroy' },
      ],
    );
    await expect(client.createLead({ email: 'z@example.com' })).rejects.toThrow(/sending it once more failed the same way/);
    expect(server.cmds()).toEqual(['create_lead', 'get_lead', 'create_lead']);
  });

  it('when the verification read fails too, UncertainWriteError is thrown and nothing is resent', async () => {
    server = await startServer((hit) => (hit.form['actions[0][cmd]'] ? 'destroy' : { status: 503, text: 'down' }));
    client = new KartraClient({ credentials: { apiUrl: server.url, ...CREDS }, scheduler: immediateScheduler(), retry: { attempts: 2, baseDelayMs: 1 } });
    await expect(client.assignTag({ id: '7' }, 'VIP')).rejects.toThrow(/reading the lead back to check failed too/);
    expect(server.cmds()).toEqual(['assign_tag', 'get_lead', 'get_lead']);
  });
});
