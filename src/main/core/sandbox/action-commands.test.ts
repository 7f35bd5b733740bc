import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEst } from './est-time';
import { DEMO_ACCOUNT, startSandbox, type RunningSandbox } from './index';
import { call, enveloped, error, freshEmail, onLead } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const state = (email: string) => sb.inspect.getLead({ apiKey, email })!;
async function newLead(): Promise<string> {
  const email = freshEmail('act');
  await call(sb, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
  return email;
}

describe('lists', () => {
  it('subscribe (101) and unsubscribe (101) keep the list with its active flag', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'subscribe_lead_to_list', { list_name: 'Product Updates' })).toEqual(enveloped('subscribe_lead_to_list', '101', 'Lead subscribed to list'));
    expect(await onLead(sb, email, 'unsubscribe_lead_from_list', { list_name: 'product updates' })).toEqual(enveloped('unsubscribe_lead_from_list', '101', 'Lead unsubscribed from list'));
    expect(state(email).lists).toEqual([{ name: 'Product Updates', active: false }]);
    expect(await onLead(sb, email, 'unsubscribe_lead_from_list', { list_name: 'Partners' })).toMatchObject({ status: 'Success' });
    expect(state(email).lists).toHaveLength(1);
  });

  it('errors 207/231 and 208/209', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'subscribe_lead_to_list')).toEqual(error('207', 'List cannot be empty'));
    expect(await onLead(sb, email, 'subscribe_lead_to_list', { list_name: 'Nope' })).toEqual(error('231', 'List does not exist'));
    expect(await onLead(sb, email, 'unsubscribe_lead_from_list', { list_name: '' })).toEqual(error('208', 'List cannot be empty'));
    expect(await onLead(sb, email, 'unsubscribe_lead_from_list', { list_name: 'Nope' })).toEqual(error('209', 'List does not exist'));
  });
});

describe('tags', () => {
  it('assign (103) and unassign (104); unassigning a tag the lead lacks is ignored', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'VIP' })).toEqual(enveloped('assign_tag', '103', 'Tag added to lead'));
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'Affiliate' })).toEqual(enveloped('assign_tag', '103', 'Tag added to lead'));
    expect(await onLead(sb, email, 'unassign_tag', { tag_name: 'VIP' })).toEqual(enveloped('unassign_tag', '104', 'Tag removed from lead'));
    expect(await onLead(sb, email, 'unassign_tag', { tag_name: 'Churned' })).toEqual(enveloped('unassign_tag', '104', 'Tag removed from lead'));
    expect(state(email).tags).toEqual(['Affiliate']);
  });

  it('errors 211/212 and 213/214', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'assign_tag')).toEqual(error('211', 'Tag cannot be empty'));
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'Nope' })).toEqual(error('212', 'Tag does not exist'));
    expect(await onLead(sb, email, 'unassign_tag', { tag_name: '' })).toEqual(error('213', 'Tag cannot be empty'));
    expect(await onLead(sb, email, 'unassign_tag', { tag_name: 'Nope' })).toEqual(error('214', 'Tag does not exist'));
  });

  it('answers 243 for a lead that does not exist and 245 for a deleted one', async () => {
    expect(await onLead(sb, freshEmail('nobody'), 'assign_tag', { tag_name: 'VIP' })).toEqual(error('243', 'No lead found'));
    const email = await newLead();
    sb.inspect.deleteLead({ apiKey, email });
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'VIP' })).toEqual(error('245', 'Lead is deleted'));
  });
});

describe('points', () => {
  it('give (105) and remove (106) change the score; never below zero', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'give_points_to_lead', { points: '25' })).toEqual(enveloped('give_points_to_lead', '105', 'Points added to lead'));
    expect(await onLead(sb, email, 'remove_points_from_lead', { points: '10' })).toEqual(enveloped('remove_points_from_lead', '106', 'Points removed from lead'));
    expect(state(email).score).toBe(15);
    await onLead(sb, email, 'remove_points_from_lead', { points: '100' });
    expect(state(email).score).toBe(0);
  });

  it('errors: 215 before 227, 217 before 228', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'give_points_to_lead')).toEqual(error('215', 'Points cannot be empty'));
    expect(await onLead(sb, email, 'give_points_to_lead', { points: 'ten' })).toEqual(error('227', 'Points is not a number'));
    expect(await onLead(sb, email, 'give_points_to_lead', { points: '2.5' })).toMatchObject({ type: '227' });
    expect(await onLead(sb, email, 'remove_points_from_lead', { points: '' })).toEqual(error('217', 'Points cannot be empty'));
    expect(await onLead(sb, email, 'remove_points_from_lead', { points: '-3' })).toEqual(error('228', 'Points is not a number'));
    expect(await onLead(sb, email, 'give_points_to_lead', { points: '5', expiration: 'soon' })).toEqual(error('292', 'Invalid value for expiration'));
    expect(state(email).score).toBe(0);
  });

  it('deducts exactly the expiring points when their days have passed', async () => {
    const email = await newLead();
    await onLead(sb, email, 'give_points_to_lead', { points: '40', expiration: '2' });
    await onLead(sb, email, 'give_points_to_lead', { points: '7', expiration: '0' });
    expect(state(email).score).toBe(47);
    sb.inspect.advanceClock({ ms: 3 * 86_400_000 });
    expect(state(email).score).toBe(7);
    const got = await call(sb, { get_lead: { email } });
    expect(got.lead_details.score).toBe(7);
  });
});

describe('sequences', () => {
  it('subscribe at a step (107), move to another step, unsubscribe (108 [U])', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'subscribe_lead_to_sequence_at_step', { sequence_name: 'Welcome Series', step: '2' })).toEqual(
      enveloped('subscribe_lead_to_sequence_at_step', '107', 'Lead added to sequence'),
    );
    await onLead(sb, email, 'subscribe_lead_to_sequence_at_step', { sequence_name: 'Welcome Series', step: '4' });
    expect(state(email).sequences).toEqual([{ name: 'Welcome Series', step: '4', status: 'active' }]);
    expect(await onLead(sb, email, 'unsubscribe_lead_from_sequence', { sequence_name: 'Welcome Series' })).toEqual(
      enveloped('unsubscribe_lead_from_sequence', '108', 'Lead removed from sequence'),
    );
    expect(state(email).sequences).toEqual([{ name: 'Welcome Series', step: '4', status: 'unsubscribed' }]);
  });

  it('errors in documented order 226 → 225 → 219 → 229 → 230, and 226/220 for unsubscribe', async () => {
    const email = await newLead();
    const sub = (p: object) => onLead(sb, email, 'subscribe_lead_to_sequence_at_step', p);
    expect(await sub({ step: '' })).toEqual(error('226', 'Sequence cannot be empty'));
    expect(await sub({ sequence_name: 'Nope' })).toEqual(error('225', 'Step cannot be empty'));
    expect(await sub({ sequence_name: 'Nope', step: '1-a' })).toEqual(error('219', 'Sequence does not exist'));
    expect(await sub({ sequence_name: 'Welcome Series', step: '1-a' })).toEqual(error('229', 'Step has to be alphanumeric'));
    expect(await sub({ sequence_name: 'Welcome Series', step: '9' })).toEqual(error('230', 'Step does not exist'));
    expect(await onLead(sb, email, 'unsubscribe_lead_from_sequence')).toEqual(error('226', 'Sequence cannot be empty'));
    expect(await onLead(sb, email, 'unsubscribe_lead_from_sequence', { sequence_name: 'Nope' })).toEqual(error('220', 'Sequence does not exist'));
  });
});

describe('calendars', () => {
  const future = () => {
    const d = formatEst(Date.now() + 20 * 86_400_000);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(d.slice(5, 7)) - 1];
    return `${d.slice(8, 10)} ${month} ${d.slice(0, 4)}`;
  };

  it('subscribe (112) with a date and hour, then cancel (113); 259 once cancelled', async () => {
    const email = await newLead();
    const cls = { calendar_name: 'Group Coaching', class_name: 'Tuesday cohort' };
    expect(await onLead(sb, email, 'calendar_subscribe', { ...cls, starting_date: future(), starting_hour: '15:00' })).toEqual(
      enveloped('calendar_subscribe', '112', 'Lead subscribed to class'),
    );
    expect(state(email).calendars).toEqual([
      { calendar: 'Group Coaching', className: 'Tuesday cohort', status: 'active', startsAt: expect.stringMatching(/ 15:00:00$/) },
    ]);
    expect(await onLead(sb, email, 'calendar_cancel', cls)).toEqual(enveloped('calendar_cancel', '113', 'Lead unsubscribed from class'));
    expect(state(email).calendars[0]!.status).toBe('cancelled');
    expect(await onLead(sb, email, 'calendar_cancel', cls)).toEqual(error('259', 'No active/pending calendar subscription for this lead'));
    expect(await onLead(sb, email, 'calendar_subscribe', cls)).toEqual(enveloped('calendar_subscribe', '112', 'Lead subscribed to class'));
  });

  it('errors 255 → 256 → 257 (missing or incomplete) → 258 → 260 → 261', async () => {
    const email = await newLead();
    const sub = (p: object) => onLead(sb, email, 'calendar_subscribe', p);
    expect(await sub({ class_name: 'x' })).toEqual(error('255', 'Calendar cannot be empty'));
    expect(await sub({ calendar_name: 'Nope' })).toEqual(error('256', 'Class cannot be empty'));
    expect(await sub({ calendar_name: 'Nope', class_name: 'x' })).toEqual(error('257', 'Calendar does not exist'));
    expect(await sub({ calendar_name: 'Office Hours (draft)', class_name: 'Open slot' })).toEqual(error('257', 'Calendar does not exist'));
    expect(await sub({ calendar_name: 'Group Coaching', class_name: 'Live demo' })).toEqual(error('258', 'Class does not exist'));
    const cls = { calendar_name: 'Product Demos', class_name: 'Live demo' };
    expect(await sub({ ...cls, starting_date: '2030-01-16', starting_hour: '15:00' })).toEqual(error('260', 'Invalid date format'));
    expect(await sub({ ...cls, starting_date: future(), starting_hour: '3pm' })).toEqual(error('260', 'Invalid date format'));
    expect(await sub({ ...cls, starting_date: '31 Feb 2030' })).toEqual(error('260', 'Invalid date format'));
    expect(await sub({ ...cls, starting_hour: '15:00' })).toEqual(error('260', 'Invalid date format'));
    expect(await sub({ ...cls, starting_date: '16 Jan 2019', starting_hour: '15:00' })).toEqual(error('261', 'Date is in the past'));
    const cancel = (p: object) => onLead(sb, email, 'calendar_cancel', p);
    expect(await cancel({})).toMatchObject({ type: '255' });
    expect(await cancel({ calendar_name: 'Product Demos' })).toMatchObject({ type: '256' });
    expect(await cancel({ calendar_name: 'Nope', class_name: 'x' })).toMatchObject({ type: '257' });
    expect(await cancel({ calendar_name: 'Product Demos', class_name: 'Tuesday cohort' })).toMatchObject({ type: '258' });
    expect(state(email).calendars).toEqual([]);
  });
});

describe('legacy wording', () => {
  it('uses the older messages of §13 when asked, with the same types', async () => {
    const old = await startSandbox({ rate: 0, legacyMessages: true });
    try {
      const email = freshEmail('legacy');
      await call(old, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
      expect(await onLead(old, email, 'subscribe_lead_to_list', { list_name: 'Newsletter' })).toEqual(
        enveloped('subscribe_lead_to_list', '101', 'The lead will be subscribed in list Newsletter in a few moments'),
      );
      expect(await onLead(old, email, 'subscribe_lead_to_list', { list_name: 'Nope' })).toEqual(error('231', 'list does not exist. Nothing done'));
      expect(await onLead(old, email, 'give_points_to_lead', { points: '12' })).toEqual(enveloped('give_points_to_lead', '105', '12 points were added to lead'));
      expect(await onLead(old, email, 'unassign_tag', { tag_name: 'Nope' })).toEqual(error('214', 'Invalid tag. Nothing done'));
      expect(await onLead(old, email, 'assign_tag', { tag_name: 'VIP' })).toEqual(enveloped('assign_tag', '103', 'Tag added to lead'));
    } finally {
      await old.close();
    }
  });
});
