import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, startSandbox, type RunningSandbox } from './index';
import { call, error, freshEmail } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const create = (lead: object, more: object[] = []) => call(sb, { lead, actions: [{ cmd: 'create_lead' }, ...more] });
const edit = (lead: object) => call(sb, { lead, actions: [{ cmd: 'edit_lead' }] });
const search = (lead: object) => call(sb, { lead, actions: [{ cmd: 'search_lead' }] });

describe('create_lead', () => {
  it('answers the documented envelope with the new id and stores the profile', async () => {
    const email = freshEmail('create');
    const r = await create({ email, first_name: 'Joe', last_name: 'Smith', company: 'Acme', lead_preferred_time_zone: 'Europe/London' });
    expect(r).toEqual({ status: 'Success', actions: [{ create_lead: { status: 'Success', lead_details: { id: expect.stringMatching(/^\d+$/) } } }] });
    const lead = sb.inspect.getLead({ apiKey, id: r.actions[0].create_lead.lead_details.id })!;
    expect(lead).toMatchObject({ email, source: 'api', score: 0, deleted: false });
    expect(lead.profile).toMatchObject({ first_name: 'Joe', last_name: 'Smith', company: 'Acme', lead_preferred_time_zone: 'Europe/London' });
    expect(lead.gdpr.status).toBe('4');
  });

  it('244 for an existing email (any case), 245 for a deleted lead’s email', async () => {
    expect(await create({ email: DEMO_LEAD_EMAIL.toUpperCase() })).toEqual(error('244', 'Lead already exists'));
    const email = freshEmail('gone');
    await create({ email });
    sb.inspect.deleteLead({ apiKey, email });
    expect(await create({ email })).toEqual(error('245', 'Lead is deleted'));
  });

  it('checks 244 before 271, and refuses a bad block without creating anything', async () => {
    const bad = { custom_fields: 'nope' };
    expect(await create({ email: DEMO_LEAD_EMAIL, ...bad })).toMatchObject({ type: '244' });
    const email = freshEmail('bad');
    expect(await create({ email, ...bad })).toEqual(error('271', 'Wrong custom field format'));
    expect(sb.inspect.getLead({ apiKey, email })).toBeNull();
  });

  it('refuses a time zone outside Kartra’s list and a malformed email (invented 292)', async () => {
    expect(await create({ email: freshEmail(), lead_preferred_time_zone: 'Europe/Berlin' })).toEqual(
      error('292', 'Invalid value for lead_preferred_time_zone'),
    );
    expect(await create({ email: 'not-an-email' })).toEqual(error('292', 'Invalid value for email'));
    expect(await create({ email: freshEmail(), first_name: ['a', 'b'] })).toEqual(error('292', 'Invalid value for first_name'));
  });
});

describe('edit_lead', () => {
  it('overwrites only the fields sent and answers the envelope', async () => {
    const email = freshEmail('edit');
    const id = (await create({ email, first_name: 'Ann', city: 'Leeds' })).actions[0].create_lead.lead_details.id;
    const r = await edit({ email, first_name: 'Anna', phone: '' });
    expect(r).toEqual({ status: 'Success', actions: [{ edit_lead: { status: 'Success', lead_details: { id } } }] });
    expect(sb.inspect.getLead({ apiKey, id })!.profile).toMatchObject({ first_name: 'Anna', city: 'Leeds', phone: '' });
  });

  it('lets the id win over the email', async () => {
    const a = freshEmail('a');
    const b = freshEmail('b');
    const idA = (await create({ email: a })).actions[0].create_lead.lead_details.id;
    await create({ email: b });
    await edit({ id: idA, email: b, first_name: 'ById' });
    expect(sb.inspect.getLead({ apiKey, email: a })!.profile.first_name).toBe('ById');
    expect(sb.inspect.getLead({ apiKey, email: b })!.profile.first_name).toBe('');
  });

  it('changes the email with new_email; 244 when taken, also by a deleted lead', async () => {
    const email = freshEmail('move');
    const target = freshEmail('moved');
    await create({ email });
    expect(await edit({ email, new_email: DEMO_LEAD_EMAIL })).toEqual(error('244', 'Lead already exists'));
    const deleted = freshEmail('deleted');
    await create({ email: deleted });
    sb.inspect.deleteLead({ apiKey, email: deleted });
    expect(await edit({ email, new_email: deleted })).toEqual(error('244', 'Lead already exists'));
    expect(await edit({ email, new_email: target })).toMatchObject({ status: 'Success' });
    expect(sb.inspect.getLead({ apiKey, email: target })).not.toBeNull();
    expect(sb.inspect.getLead({ apiKey, email })).toBeNull();
  });

  it('243 for no lead, 245 for a deleted one, then 271, in that order', async () => {
    expect(await edit({ email: freshEmail('nobody'), first_name: 'x' })).toEqual(error('243', 'No lead found'));
    expect(await edit({ id: '12', first_name: 'x' })).toEqual(error('243', 'No lead found'));
    const email = freshEmail('del');
    await create({ email });
    sb.inspect.deleteLead({ apiKey, email });
    expect(await edit({ email, custom_fields: 'bad' })).toEqual(error('245', 'Lead is deleted'));
    // Documented order: a taken new_email (244) is reported before the deleted lead (245).
    expect(await edit({ email, new_email: DEMO_LEAD_EMAIL })).toEqual(error('244', 'Lead already exists'));
    expect(await edit({ email: DEMO_LEAD_EMAIL, custom_fields: 'bad' })).toEqual(error('271', 'Wrong custom field format'));
    expect(await edit({ email: DEMO_LEAD_EMAIL, new_email: 'broken' })).toEqual(error('292', 'Invalid value for new_email'));
  });
});

describe('search_lead and get_lead', () => {
  it('search_lead answers the flat documented body', async () => {
    const id = sb.inspect.getLead({ apiKey, email: DEMO_LEAD_EMAIL })!.id;
    expect(await search({ email: DEMO_LEAD_EMAIL })).toEqual({ status: 'Success', message: 'Lead found', lead_details: { id } });
    expect(await search({ id })).toEqual({ status: 'Success', message: 'Lead found', lead_details: { id } });
    expect(await search({ email: freshEmail() })).toEqual(error('243', 'No lead found'));
    const gone = freshEmail('s-del');
    await create({ email: gone });
    sb.inspect.deleteLead({ apiKey, email: gone });
    expect(await search({ email: gone })).toEqual(error('245', 'Lead is deleted'));
  });

  it('get_lead by email or id returns the full lead_details', async () => {
    const byEmail = await call(sb, { get_lead: { email: DEMO_LEAD_EMAIL } });
    const byId = await call(sb, { get_lead: { id: byEmail.lead_details.id } });
    expect(byId).toEqual(byEmail);
    const d = byEmail.lead_details;
    expect(byEmail.status).toBe('Success');
    expect(d).toMatchObject({ email: DEMO_LEAD_EMAIL, first_name: 'Olivia', last_name: 'Bennett', score: 120 });
    expect(d.date_joined).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(d.tags.length).toBeGreaterThanOrEqual(2);
    // kartra-api.md §0.4 E7: tags carry their name only; no calendar bookings in get_lead.
    expect(d.tags[0]).toEqual({ tag_name: expect.any(String) });
    expect(d.lists[0]).toEqual({ list_id: expect.any(String), list_name: expect.any(String), active: '1' });
    expect(d.sequences[0]).toEqual({ sequence_id: expect.any(String), sequence_name: expect.any(String), step: expect.any(String), status: 'active' });
    expect(d.memberships[0]).toMatchObject({ name: 'Growth Academy', membership_name: 'Growth Academy', level_name: 'Pro', active: '1' });
    expect(d).not.toHaveProperty('calendars');
    expect(Object.keys(byEmail).sort()).toEqual(['lead_details', 'status']);
    expect(d.custom_fields).toHaveLength(8);
    for (const key of ['gdpr_lead_status', 'gdpr_lead_status_date', 'gdpr_lead_status_ip', 'gdpr_lead_communications', 'blacklisted', 'source', 'ip_country']) {
      expect(d).toHaveProperty(key);
    }
  });

  it('get_lead errors: 234 not found, 245 deleted', async () => {
    expect(await call(sb, { get_lead: { email: freshEmail() } })).toEqual(error('234', 'No lead found'));
    const gone = freshEmail('g-del');
    await create({ email: gone });
    sb.inspect.deleteLead({ apiKey, email: gone });
    expect(await call(sb, { get_lead: { email: gone } })).toEqual(error('245', 'Lead is deleted'));
  });
});

describe('test mode', () => {
  it('rewrites the domain on create and new_email; the original address still finds the lead', async () => {
    const tm = await startSandbox({ rate: 0, testMode: true, seed: false });
    try {
      const local = `tm${Date.now().toString(36)}`;
      const r = await call(tm, { lead: { email: `${local}@gmail.com` }, actions: [{ cmd: 'create_lead' }] });
      expect(r.actions[0].create_lead).toEqual({ status: 'Success', lead_details: { id: expect.any(String) } });
      expect(tm.inspect.getLead({ apiKey, email: `${local}@gmail.com` })).toBeNull();
      expect(tm.inspect.getLead({ apiKey, email: `${local}@kartra.com` })).not.toBeNull();
      const got = await call(tm, { get_lead: { email: `${local}@gmail.com` } });
      expect(got.lead_details.email).toBe(`${local}@kartra.com`);
      // Same local part, other domain: collides after the rewrite.
      expect(await call(tm, { lead: { email: `${local}@yahoo.com` }, actions: [{ cmd: 'create_lead' }] })).toMatchObject({ type: '244' });
      await call(tm, { lead: { email: `${local}@gmail.com`, new_email: `${local}.new@outlook.com` }, actions: [{ cmd: 'edit_lead' }] });
      expect(tm.inspect.getLead({ apiKey, email: `${local}.new@kartra.com` })).not.toBeNull();
      tm.setTestMode(false);
      const live = await call(tm, { lead: { email: `${local}@yahoo.com` }, actions: [{ cmd: 'create_lead' }] });
      expect(live.status).toBe('Success');
      expect(tm.inspect.getLead({ apiKey, email: `${local}@yahoo.com` })).not.toBeNull();
    } finally {
      await tm.close();
    }
  });
});
