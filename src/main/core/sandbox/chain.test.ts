import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox } from './index';
import { call, error, freshEmail, success } from './testing/raw-calls';

let stop: RunningSandbox;
let cont: RunningSandbox;
beforeAll(async () => {
  // The default is 'continue' (kartra-api.md §0.4 E3); 'stop' is the switch for the unproven opposite.
  [stop, cont] = await Promise.all([startSandbox({ rate: 0, chainFailure: 'stop' }), startSandbox({ rate: 0 })]);
});
afterAll(async () => {
  await Promise.all([stop.close(), cont.close()]);
});

const apiKey = DEMO_ACCOUNT.apiKey;
const tagged = { assign_tag: success('103', 'Tag added to lead') };
const listed = { subscribe_lead_to_list: success('101', 'Lead subscribed to list') };

describe('chains on one lead', () => {
  it('create_lead + actions: the actions apply to the new lead', async () => {
    const email = freshEmail('chain');
    const r = await call(stop, {
      lead: { email, first_name: 'Chained' },
      actions: [
        { cmd: 'create_lead' },
        { cmd: 'assign_tag', tag_name: 'Webinar Attendee' },
        { cmd: 'subscribe_lead_to_list', list_name: 'Webinar Invites' },
        { cmd: 'give_points_to_lead', points: '15' },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Webinar Follow-up', step: '1' },
      ],
    });
    expect(r).toEqual({
      status: 'Success',
      actions: [
        { create_lead: { status: 'Success', lead_details: { id: expect.any(String) } } },
        tagged,
        listed,
        { give_points_to_lead: success('105', 'Points added to lead') },
        { subscribe_lead_to_sequence_at_step: success('107', 'Lead added to sequence') },
      ],
    });
    expect(stop.inspect.getLead({ apiKey, email })).toMatchObject({
      tags: ['Webinar Attendee'],
      lists: [{ name: 'Webinar Invites', active: true }],
      score: 15,
      sequences: [{ name: 'Webinar Follow-up', step: '1', status: 'active' }],
    });
  });

  it('search_lead anchors the chain; edit_lead too', async () => {
    const r = await call(stop, { lead: { email: DEMO_LEAD_EMAIL }, actions: [{ cmd: 'search_lead' }, { cmd: 'assign_tag', tag_name: 'Referral' }] });
    const id = stop.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!.id;
    expect(r).toEqual({ status: 'Success', actions: [{ search_lead: { status: 'Success', message: 'Lead found', lead_details: { id } } }, tagged] });
    const email = freshEmail('edit-chain');
    await call(stop, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
    const e = await call(stop, { lead: { email, city: 'Oslo' }, actions: [{ cmd: 'edit_lead' }, { cmd: 'assign_tag', tag_name: 'VIP' }] });
    expect(e.actions[1]).toEqual(tagged);
    expect(stop.inspect.getLead({ apiKey, email })).toMatchObject({ tags: ['VIP'], profile: { city: 'Oslo' } });
  });

  it('plain actions chained on lead[email] without an anchor', async () => {
    const email = freshEmail('plain');
    await call(stop, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
    const r = await call(stop, { lead: { email }, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'subscribe_lead_to_list', list_name: 'Partners' }] });
    expect(r).toEqual({ status: 'Success', actions: [tagged, listed] });
  });

  it('a failing actions[0] stops the chain in both modes', async () => {
    for (const sb of [stop, cont]) {
      const r = await call(sb, { lead: { email: DEMO_LEAD_EMAIL }, actions: [{ cmd: 'create_lead' }, { cmd: 'assign_tag', tag_name: 'Beta Tester' }] });
      expect(r).toEqual({ ...error('244', 'Lead already exists'), actions: [{ create_lead: error('244', 'Lead already exists') }] });
      expect(sb.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!.tags).not.toContain('Beta Tester');
    }
    const nobody = freshEmail('nobody');
    const r = await call(cont, { lead: { email: nobody }, actions: [{ cmd: 'search_lead' }, { cmd: 'assign_tag', tag_name: 'VIP' }] });
    expect(r).toMatchObject({ status: 'Error', type: '243', actions: [{ search_lead: error('243', 'No lead found') }] });
  });

  it("chainFailure 'stop': top-level Error with the failing action's message/type and the actions done so far", async () => {
    const email = freshEmail('stop');
    const r = await call(stop, {
      lead: { email },
      actions: [{ cmd: 'create_lead' }, { cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'assign_tag', tag_name: 'Nope' }, { cmd: 'subscribe_lead_to_list', list_name: 'Partners' }],
    });
    expect(r).toEqual({
      status: 'Error',
      message: 'Tag does not exist',
      type: '212',
      actions: [{ create_lead: { status: 'Success', lead_details: { id: expect.any(String) } } }, tagged, { assign_tag: error('212', 'Tag does not exist') }],
    });
    const lead = stop.inspect.getLead({ apiKey, email })!;
    expect(lead.tags).toEqual(['VIP']);
    expect(lead.lists).toEqual([]);
  });

  it("chainFailure 'continue': a failing first lead action does not stop the ones after it", async () => {
    const email = freshEmail('first-fails');
    for (const sb of [stop, cont]) await call(sb, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
    const r = await call(cont, { lead: { email }, actions: [{ cmd: 'assign_tag', tag_name: 'Nope' }, { cmd: 'subscribe_lead_to_list', list_name: 'Partners' }] });
    expect(r).toEqual({ status: 'Success', actions: [{ assign_tag: error('212', 'Tag does not exist') }, listed] });
    expect(cont.inspect.getLead({ apiKey, email })!.lists).toEqual([{ name: 'Partners', active: true }]);
    const stopped = await call(stop, { lead: { email }, actions: [{ cmd: 'assign_tag', tag_name: 'Nope' }, { cmd: 'assign_tag', tag_name: 'VIP' }] });
    expect(stopped).toEqual({ ...error('212', 'Tag does not exist'), actions: [{ assign_tag: error('212', 'Tag does not exist') }] });
    expect(stop.inspect.getLead({ apiKey, email })!.tags).toEqual([]);
  });

  it("chainFailure 'continue': every action runs and reports its own status", async () => {
    const email = freshEmail('continue');
    const r = await call(cont, {
      lead: { email },
      actions: [{ cmd: 'create_lead' }, { cmd: 'assign_tag', tag_name: 'Nope' }, { cmd: 'subscribe_lead_to_list', list_name: 'Partners' }],
    });
    expect(r).toEqual({
      status: 'Success',
      actions: [{ create_lead: { status: 'Success', lead_details: { id: expect.any(String) } } }, { assign_tag: error('212', 'Tag does not exist') }, listed],
    });
    expect(cont.inspect.getLead({ apiKey, email })!.lists).toEqual([{ name: 'Partners', active: true }]);
  });

  it('a chain whose lead does not exist ends at its first lead action with 243, in both modes', async () => {
    const nobody = freshEmail('ghost');
    const actions = [{ cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'give_points_to_lead', points: '1' }];
    for (const sb of [stop, cont]) {
      expect(await call(sb, { lead: { email: nobody }, actions })).toEqual({
        ...error('243', 'No lead found'),
        actions: [{ assign_tag: error('243', 'No lead found') }],
      });
    }
  });

  it('account commands can be chained and answer inside the envelope', async () => {
    const r = await call(stop, { actions: [{ cmd: 'retrieve_account_tags' }, { cmd: 'retrieve_account_lists' }] });
    expect(r.status).toBe('Success');
    expect(r.actions[0].retrieve_account_tags.account_tags).toContain('VIP');
    expect(r.actions[1].retrieve_account_lists).toEqual({ status: 'Success', account_lists: expect.arrayContaining(['Newsletter']) });
  });

  it('a chain is one transaction in the answer order: a later action sees an earlier one', async () => {
    const email = freshEmail('order');
    await call(stop, {
      lead: { email },
      actions: [{ cmd: 'create_lead' }, { cmd: 'assign_tag', tag_name: 'VIP' }, { cmd: 'unassign_tag', tag_name: 'VIP' }, { cmd: 'assign_tag', tag_name: 'Churned' }],
    });
    expect(stop.inspect.getLead({ apiKey, email })!.tags).toEqual(['Churned']);
  });
});
