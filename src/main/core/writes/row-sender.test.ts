// One import row through the one outcome rule and verifier, against a stub Kartra: an answer that covers fewer
// actions than were sent is settled by reading the lead, and only the part shown missing is sent again (bare).
import { describe, expect, it } from 'vitest';
import { useAnsweringServer } from '../kartra/testing/stub-server';
import { sendRow, type RowPlan } from './row-sender';

const answer = useAnsweringServer();

const plan: RowPlan = {
  row: 1,
  mode: 'upsert',
  ref: { email: 'new@example.com' },
  lead: { email: 'new@example.com', first_name: 'New' },
  actions: [
    { cmd: 'give_points_to_lead', points: 3 },
    { cmd: 'assign_tag', tag_name: 'VIP' },
  ],
};

describe('sendRow', () => {
  it('fewer results than actions: reads the lead (score from 0 for a new lead), re-sends only the missing tag bare', async () => {
    const { server, client } = await answer((hit) => {
      if (hit.form['get_lead[id]'] ?? hit.form['get_lead[email]']) return { json: { status: 'Success', lead_details: { id: '77', email: 'new@example.com', score: '3', tags: [] } } };
      if (hit.form['actions[0][cmd]'] === 'create_lead') return { json: { status: 'Success', actions: [{ create_lead: { status: 'Success', lead_details: { id: '77' } } }] } };
      return { json: { status: 'Success', actions: [{ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }] } };
    });
    const steps: string[] = [];
    const result = await sendRow(client, plan, 'create', { inFlight: (step) => steps.push(step) }, false);
    expect(server.cmds()).toEqual(['create_lead', 'get_lead', 'assign_tag']);
    expect(server.hits[2]?.form['lead[id]']).toBe('77');
    expect(steps).toEqual(['create', 'actions']);
    expect(result).toMatchObject({ kind: 'settled', settlement: { status: 'created', reason: 'done', leadId: '77' } });
    expect(result.kind === 'settled' && result.parts.map((p) => p.outcome)).toEqual(['done', 'done', 'done']);
  });

  it('a flat error for the chain after a crash-free send: the lead shows everything, nothing is sent again', async () => {
    const { server, client } = await answer((hit) => {
      if (hit.form['get_lead[email]']) return { json: { status: 'Success', lead_details: { id: '78', email: 'new@example.com', score: '3', tags: [{ tag_name: 'VIP' }] } } };
      return { json: { status: 'Error', message: 'Tag does not exist', type: '212' } };
    });
    const result = await sendRow(client, plan, 'create', { inFlight: () => undefined }, false);
    expect(server.cmds()).toEqual(['create_lead', 'get_lead']);
    expect(result).toMatchObject({ kind: 'settled', settlement: { status: 'created', leadId: '78' } });
  });

  it('fill, after a crash while its edit was out: reads the lead and sends only what is still empty, never the filled fields', async () => {
    const fill: RowPlan = { row: 2, mode: 'upsert', existing: 'fill', ref: { email: 'old@example.com' }, lead: { email: 'old@example.com', first_name: 'File', phone: '+15550001' }, actions: [] };
    const { server, client } = await answer((hit) => {
      if (hit.form['get_lead[email]']) return { json: { status: 'Success', lead_details: { id: '90', email: 'old@example.com', first_name: 'Kept', phone: '', score: '0', tags: [] } } };
      return { json: { status: 'Success', actions: [{ edit_lead: { status: 'Success', lead_details: { id: '90' } } }] } };
    });
    const result = await sendRow(client, fill, 'edit', { inFlight: () => undefined }, true);
    expect(server.cmds()).toEqual(['get_lead', 'edit_lead']);
    expect(server.hits[1]?.form['lead[phone]']).toBe('+15550001');
    expect(server.hits[1]?.form['lead[first_name]']).toBeUndefined();
    expect(result).toMatchObject({ kind: 'settled', settlement: { status: 'updated', leadId: '90' }, head: { kind: 'edit', fields: { phone: '+15550001' } } });
  });

  it('keep, create answered 244: the chain goes bare on the lead, never an edit_lead', async () => {
    const keep: RowPlan = { ...plan, existing: 'keep' };
    const { server, client } = await answer((hit) => {
      if (hit.form['actions[0][cmd]'] === 'create_lead') return { json: { status: 'Error', message: 'Lead already exists', type: '244' } };
      return { json: { status: 'Success', actions: [{ give_points_to_lead: { status: 'Success', message: 'ok' } }, { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }] } };
    });
    const result = await sendRow(client, keep, 'create', { inFlight: () => undefined }, false);
    expect(server.cmds()).toEqual(['create_lead', 'give_points_to_lead']);
    expect(server.hits[1]?.form['lead[first_name]']).toBeUndefined();
    expect(result).toMatchObject({ kind: 'settled', settlement: { status: 'updated' }, head: null });
  });
});
