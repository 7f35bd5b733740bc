// The durability test's model must be what Kartra does: here every planned change is sent on its own, one call
// each, in order (no outbox, no batching), and the sandbox must end exactly where the model says.
import { afterEach, describe, expect, it } from 'vitest';
import { KartraClient } from '../../../kartra/client';
import { DEMO_ACCOUNT, startSandbox, type RunningSandbox } from '../../../sandbox';
import { diffLead, keyOf, modelOf, newLeadModel, applyAction, type LeadModel } from './model';
import { expectedState, planCatalog, planForLeads, Rng, withCreates, type PlannedChange } from './plan';

const { apiKey, apiPassword, appId } = DEMO_ACCOUNT;
let sandbox: RunningSandbox | undefined;
let client: KartraClient | undefined;
afterEach(async () => {
  await client?.close();
  await sandbox?.close();
  client = undefined;
  sandbox = undefined;
});

/** No limiter needed: this sandbox has no rate window. */
const direct = { schedule: <T>(_lane: unknown, task: () => Promise<T>) => task() };

async function send(c: KartraClient, change: PlannedChange): Promise<void> {
  if (change.kind === 'create') await c.createLead(change.lead, change.actions);
  else if (change.kind === 'edit') await c.editLead(change.lead, change.changes, change.actions);
  else await c.runActions(change.lead, change.actions);
}

describe('durability model', () => {
  it("agrees with the sandbox's Kartra on every kind of planned change, sent one by one", async () => {
    sandbox = await startSandbox({ rate: 0 });
    client = new KartraClient({ credentials: { apiUrl: sandbox.url, appId, apiKey, apiPassword }, scheduler: direct });
    const names = planCatalog(sandbox.inspect.catalog({ apiKey }));
    const rng = new Rng(5);
    const leads = rng
      .shuffle(sandbox.inspect.listLeads({ apiKey }).map((l) => l.id))
      .slice(0, 12)
      .map((id) => sandbox!.inspect.getLead({ apiKey, id })!);
    const plan = withCreates(planForLeads(5, leads, names, 25), 5, 3, names, 'model-check');
    const kinds = new Set(plan.changes.flatMap((c) => (c.kind === 'edit' ? ['edit'] : c.kind === 'create' ? ['create'] : c.actions.map((a) => a.cmd))));
    expect([...kinds].sort()).toEqual(
      [
        'assign_tag',
        'create',
        'edit',
        'give_points_to_lead',
        'remove_points_from_lead',
        'subscribe_lead_to_list',
        'subscribe_lead_to_sequence_at_step',
        'unassign_tag',
        'unsubscribe_lead_from_list',
        'unsubscribe_lead_from_sequence',
      ].sort(),
    );
    for (const change of plan.changes) await send(client, change);

    const expected = expectedState(plan);
    const wrong = [...expected].flatMap(([key, lead]) => {
      const found = sandbox!.inspect.getLead(key.startsWith('id:') ? { apiKey, id: key.slice(3) } : { apiKey, email: key.slice(6) });
      return diffLead(key, lead, found ? modelOf(found, names.textField) : undefined);
    });
    expect(wrong).toEqual([]);
  });

  it('caps the score at 0 per removal and keeps an unsubscribed list or sequence only where the lead had one', () => {
    const lead: LeadModel = { ...newLeadModel('a@example.com'), score: 2, lists: { Old: true } };
    applyAction(lead, { cmd: 'remove_points_from_lead', points: 5 });
    applyAction(lead, { cmd: 'give_points_to_lead', points: 3 });
    expect(lead.score).toBe(3);
    applyAction(lead, { cmd: 'unsubscribe_lead_from_list', list_name: 'Never' });
    applyAction(lead, { cmd: 'unsubscribe_lead_from_list', list_name: 'Old' });
    applyAction(lead, { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Never' });
    expect(lead.lists).toEqual({ Old: false });
    expect(lead.sequences).toEqual({});
  });

  it('reports each difference in words', () => {
    const a = newLeadModel('a@example.com');
    expect(diffLead(keyOf({ id: '1' }), a, { ...a, score: 4, tags: ['VIP'] })).toEqual(['id:1 score: expected 0, got 4', 'id:1 tags: expected [], got ["VIP"]']);
    expect(diffLead('email:x@example.com', a, undefined)).toEqual(['email:x@example.com: missing in Kartra']);
  });
});
