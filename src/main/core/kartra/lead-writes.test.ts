// The client's lead writes report what Kartra answered and nothing more: a lost answer is an unknown outcome
// (TransportError, sent: true) and an action the answer does not cover is unknown; the client never reads the
// lead back nor sends the write again (the write queue's verifier, core/writes/verifier.ts, settles both).
import { describe, expect, it } from 'vitest';
import { UNKNOWN_MESSAGE } from './decode-chain';
import { TransportError } from './errors';
import { leadAnswer, NO_LEAD, useAnsweringServer, type Hit, type Reply } from './testing/stub-server';

// A tiny stateful Kartra stand-in with fault injection: a fault answers a write with `reply`
// ('hold' = no answer until the client times out, 'destroy' = connection cut, a 5xx, or 'partial' = an envelope
// with the entries of what it applied) after applying the whole chain, only its first command, or nothing.
type Apply = 'all' | 'first' | 'none';
interface Fault { cmd: string; apply: Apply; reply: Reply | 'partial'; used?: boolean }
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
    return fault && fault.reply !== 'partial' ? fault.reply : { json: { status: 'Success', actions: entries } };
  };
  return { leads, handler };
}

const answer = useAnsweringServer({
  credentials: { appId: 'app', apiKey: 'key-1234', apiPassword: 'pass-1234' },
  retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  http: { headersTimeoutMs: 200 },
});

async function setup(faults: Fault[], seed: FakeLead[] = []) {
  const fake = fakeKartra(faults);
  fake.leads.push(...seed);
  return { fake, ...(await answer(fake.handler)) };
}

const JOE = () => ({ id: '7', email: 'joe@example.com', first_name: 'Joe', score: 0, tags: [] as string[] });

/** The write's promise ended with an unknown outcome: a TransportError after sending. */
async function lostAnswer(write: Promise<unknown>, kind: TransportError['kind']): Promise<TransportError> {
  const error = await write.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TransportError);
  expect(error).toMatchObject({ sent: true, kind });
  return error as TransportError;
}

describe('a lost answer is an unknown outcome: one write request, no read-back, no re-send', () => {
  it('create_lead held until the timeout (applied in Kartra): unknown, sent once', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'all', reply: 'hold' }]);
    await lostAnswer(client.createLead({ email: 'new@example.com', first_name: 'New' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]), 'timeout');
    expect(server.cmds()).toEqual(['create_lead']);
    expect(fake.leads.map((l) => [l.email, l.tags])).toEqual([['new@example.com', ['VIP']]]);
  });

  it('create_lead held until the timeout (not applied): unknown, not sent again', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'none', reply: 'hold' }]);
    await lostAnswer(client.createLead({ email: 'new@example.com' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]), 'timeout');
    expect(server.cmds()).toEqual(['create_lead']);
    expect(fake.leads).toEqual([]);
  });

  it('a connection cut after the chain applied only create_lead: unknown, nothing re-sent', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'first', reply: 'destroy' }]);
    await lostAnswer(client.createLead({ email: 'x@example.com' }, [{ cmd: 'assign_tag', tag_name: 'VIP' }]), 'reset');
    expect(server.cmds()).toEqual(['create_lead']);
    expect(fake.leads.map((l) => l.tags)).toEqual([[]]);
  });

  it('a 5xx after the create was applied: unknown (a write is never retried after sending)', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'all', reply: { status: 502, text: 'bad gateway' } }]);
    const error = await lostAnswer(client.createLead({ email: 'y@example.com' }), 'http');
    expect(error.status).toBe(502);
    expect(server.cmds()).toEqual(['create_lead']);
    expect(fake.leads).toHaveLength(1);
  });

  it('points whose answer was cut: unknown, and never sent twice', async () => {
    const { fake, server, client } = await setup([{ cmd: 'give_points_to_lead', apply: 'all', reply: 'destroy' }], [JOE()]);
    await lostAnswer(client.givePoints({ id: '7' }, 5), 'reset');
    expect(server.cmds()).toEqual(['give_points_to_lead']);
    expect(fake.leads[0]?.score).toBe(5);
  });

  it('an edit whose answer was cut: unknown, sent once', async () => {
    const { fake, server, client } = await setup([{ cmd: 'edit_lead', apply: 'all', reply: 'destroy' }], [JOE()]);
    await lostAnswer(client.editLead({ email: 'joe@example.com' }, { new_email: 'joe@new.example' }), 'reset');
    expect(server.cmds()).toEqual(['edit_lead']);
    expect(fake.leads[0]?.email).toBe('joe@new.example');
  });
});

describe('an answer that covers fewer actions than sent', () => {
  it('reports the covered ones as Kartra said and the rest unknown, with no read-back and no re-send', async () => {
    const { fake, server, client } = await setup([{ cmd: 'create_lead', apply: 'first', reply: 'partial' }]);
    const out = await client.createLead({ email: 'half@example.com' }, [
      { cmd: 'assign_tag', tag_name: 'VIP' },
      { cmd: 'give_points_to_lead', points: 3 },
    ]);
    expect(out).toEqual({
      leadId: '100',
      head: { cmd: 'create_lead', ok: true, message: 'Done' },
      results: [
        { cmd: 'assign_tag', ok: false, unknown: true, message: UNKNOWN_MESSAGE },
        { cmd: 'give_points_to_lead', ok: false, unknown: true, message: UNKNOWN_MESSAGE },
      ],
    });
    expect(server.cmds()).toEqual(['create_lead']);
    expect(fake.leads.map((l) => [l.tags, l.score])).toEqual([[[], 0]]);
  });

  it('a lone action the answer leaves out is unknown: the single-action call throws a TransportError after sending', async () => {
    const { server, client } = await setup([{ cmd: 'assign_tag', apply: 'all', reply: { json: { status: 'Success', actions: [{ search_lead: { status: 'Success' } }] } } }], [JOE()]);
    await lostAnswer(client.assignTag({ id: '7' }, 'VIP'), 'bad_response');
    expect(server.cmds()).toEqual(['assign_tag']);
  });
});
