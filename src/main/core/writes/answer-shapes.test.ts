// How the write queue reads Kartra's answer shapes (kartra-api.md §0.4 E1–E4), through the real core against a
// throw-away stub Kartra on 127.0.0.1 that keeps one lead's state: an enveloped single success is done; a flat
// error for a chain blames nobody and the lead is read before anything is sent again; an answer covering fewer
// actions than were sent leaves the rest unknown until the lead is read.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import { startServer, type Hit, type Reply, type TestServer } from '../kartra/testing/stub-server';
import { CoreHarness, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';

const h = new CoreHarness();
let server: TestServer | undefined;
afterEach(async () => {
  await h.cleanup();
  await server?.close();
  server = undefined;
});

interface StubLead {
  score: number;
  tags: string[];
  lists: string[];
}

const cmdsOf = (hit: Hit) => Object.keys(hit.form).filter((k) => /^actions\[\d+\]\[cmd\]$/.test(k)).map((k) => hit.form[k]!);
const isWrite = (hit: Hit) => cmdsOf(hit).some((c) => !c.startsWith('retrieve_'));
const isRead = (hit: Hit) => hit.form['get_lead[id]'] !== undefined;

/** Applies one write to the stub's lead, in order, like Kartra does. */
function apply(lead: StubLead, hit: Hit): void {
  cmdsOf(hit).forEach((cmd, i) => {
    const p = (k: string) => hit.form[`actions[${i}][${k}]`] ?? '';
    if (cmd === 'assign_tag' && !lead.tags.includes(p('tag_name'))) lead.tags.push(p('tag_name'));
    if (cmd === 'unassign_tag') lead.tags = lead.tags.filter((t) => t !== p('tag_name'));
    if (cmd === 'subscribe_lead_to_list' && !lead.lists.includes(p('list_name'))) lead.lists.push(p('list_name'));
    if (cmd === 'give_points_to_lead') lead.score += Number(p('points'));
  });
}

const entryFor = (cmd: string) => ({ [cmd]: { status: 'Success', message: 'Done', type: '103' } });

/** A stub Kartra: one lead (id 42); `firstWrite` decides the answer to the first write (it is applied first). */
async function stubKartra(lead: StubLead, firstWrite: (hit: Hit) => Reply, applyFirst = true) {
  let writes = 0;
  server = await startServer((hit) => {
    const cmds = cmdsOf(hit);
    if (cmds[0] === 'retrieve_account_tags') return { json: { status: 'Success', account_tags: ['VIP', 'Old', 'New'] } };
    if (cmds[0] === 'retrieve_account_lists') return { json: { status: 'Success', account_lists: ['Newsletter'] } };
    if (isRead(hit)) {
      return {
        json: {
          status: 'Success',
          lead_details: { id: '42', email: 'ann@example.com', first_name: 'Ann', score: String(lead.score), tags: lead.tags.map((tag_name) => ({ tag_name })), lists: lead.lists.map((list_name) => ({ list_name, active: '1' })), sequences: [] },
        },
      };
    }
    writes++;
    if (writes === 1) {
      if (applyFirst) apply(lead, hit);
      return firstWrite(hit);
    }
    apply(lead, hit);
    return { json: { status: 'Success', actions: cmds.map(entryFor) } };
  });
  const core = await h.core({ probeBackoffMs: [40, 80], confirmWaitMs: 3_000 });
  valueOf<AccountInfo>(await core.handle('accounts.connect', { label: 'Stub', appId: 'APP', apiKey: 'KEY1234', apiPassword: 'PASS1234', apiUrl: server.url }));
  return core;
}

/** The kinds of requests after the connect, in order: 'write' or 'read'. */
const timeline = () => server!.hits.filter((hit) => isWrite(hit) || isRead(hit)).map((hit) => (isWrite(hit) ? 'write' : 'read'));

describe('answer shapes', () => {
  it('an enveloped single success is done, sent bare on lead[id]', async () => {
    const lead: StubLead = { score: 0, tags: [], lists: [] };
    const core = await stubKartra(lead, () => ({ json: { status: 'Success', actions: [{ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }] } }));
    const receipt = valueOf<WriteReceipt>(await core.handle('leads.applyActions', { lead: { id: '42' }, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] }));
    expect(receipt.confirmed).toBe(true);
    expect(receipt.changes.map((c) => c.status)).toEqual(['done']);
    const write = server!.hits.find(isWrite)!;
    expect(write.form['lead[id]']).toBe('42');
    expect(cmdsOf(write)).toEqual(['assign_tag']); // no search_lead anchor
  });

  it('a flat error for a three-action chain blames nobody: one write, then the lead is read, nothing sent again', async () => {
    const lead: StubLead = { score: 10, tags: [], lists: [] };
    const core = await stubKartra(lead, () => ({ json: { status: 'Error', message: 'Tag does not exist', type: '212' } }));
    const receipt = valueOf<WriteReceipt>(
      await core.handle('leads.applyActions', {
        lead: { id: '42' },
        actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'give_points_to_lead', points: 5 }, { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' }],
      }),
    );
    // The score is read before points are sent; then exactly one write; then the lead is read.
    // (A last read may follow: the command answers with the lead as Kartra has it.)
    expect(timeline().slice(0, 3)).toEqual(['read', 'write', 'read']);
    expect(timeline().filter((t) => t === 'write')).toHaveLength(1);
    expect(receipt.changes.map((c) => c.status)).toEqual(['done', 'done', 'done']);
    expect(receipt.changes.some((c) => c.error)).toBe(false);
    expect(lead).toEqual({ score: 15, tags: ['VIP'], lists: ['Newsletter'] });
  });

  it('an answer covering fewer actions than sent leaves the rest unknown: read, and only the one not applied is sent again', async () => {
    const lead: StubLead = { score: 0, tags: ['Old'], lists: [] };
    // Kartra reports only the first action, and (as far as the read shows) skipped the unassign.
    const core = await stubKartra(
      lead,
      (hit) => {
        lead.tags.push('New');
        lead.lists.push('Newsletter');
        return { json: { status: 'Success', actions: [entryFor(cmdsOf(hit)[0]!)] } };
      },
      false,
    );
    const receipt = valueOf<WriteReceipt>(
      await core.handle('leads.applyActions', {
        lead: { id: '42' },
        actions: [{ cmd: 'assign_tag', tag_name: 'New' }, { cmd: 'unassign_tag', tag_name: 'Old' }, { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' }],
      }),
    );
    await waitUntil(async () => valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {})).items.length === 0, 'the queue to empty');
    expect(timeline().slice(0, 3)).toEqual(['write', 'read', 'write']);
    expect(timeline().filter((t) => t === 'write')).toHaveLength(2);
    const resent = server!.hits.filter(isWrite)[1]!;
    expect(cmdsOf(resent)).toEqual(['unassign_tag']);
    expect(lead.tags).toEqual(['New']);
    expect(receipt.changes.every((c) => c.status === 'done' || c.status === 'pending' || c.status === 'in_flight')).toBe(true);
  });
});
