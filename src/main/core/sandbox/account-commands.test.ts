import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, startSandbox, type RunningSandbox } from './index';
import { account, call, error, success } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

describe('retrieve_* account lists', () => {
  it('retrieve_account_tags / _lists answer name arrays at top level', async () => {
    const tags = await account(sb, 'retrieve_account_tags');
    expect(tags.status).toBe('Success');
    expect(tags.account_tags).toHaveLength(15);
    expect(tags.account_tags).toContain('Customer');
    const lists = await account(sb, 'retrieve_account_lists');
    expect(lists).toEqual({ status: 'Success', account_lists: ['Newsletter', 'Product Updates', 'Webinar Invites', 'Customers', 'Partners', 'Re-engagement'] });
  });

  it('retrieve_account_sequences answers names only: steps cannot be listed (kartra-api.md §0.4 E6)', async () => {
    const r = await account(sb, 'retrieve_account_sequences');
    expect(r).toEqual({ status: 'Success', account_sequences: ['Welcome Series', 'Customer Onboarding', 'Webinar Follow-up', 'Win-back Campaign'] });
  });

  it('retrieve_account_pages answers page id, name and url', async () => {
    const r = await account(sb, 'retrieve_account_pages');
    expect(r.account_pages.length).toBeGreaterThan(3);
    expect(r.account_pages[0]).toEqual({ page_id: expect.any(String), page_name: 'Home', page_url: 'https://demostore.kartra.com/page/home' });
  });

  it('retrieve_custom_fields lists options only for option fields', async () => {
    const r = await account(sb, 'retrieve_custom_fields');
    expect(r.custom_fields).toHaveLength(8);
    const input = r.custom_fields.find((f: { field_type: string }) => f.field_type === 'input_field');
    expect(Object.keys(input).sort()).toEqual(['field_id', 'field_identifier', 'field_type']);
    const dd = r.custom_fields.find((f: { field_type: string }) => f.field_type === 'drop_down');
    expect(dd.field_value[0]).toEqual({ option_id: expect.stringMatching(/^\d+$/), option_value: expect.any(String) });
  });

  it('tolerates a lead block, and each account sees its own lists', async () => {
    const r = await call(sb, { lead: { email: 'x@example.com' }, actions: [{ cmd: 'retrieve_account_lists' }] });
    expect(r.status).toBe('Success');
    const agency = await account(sb, 'retrieve_account_lists', {}, AGENCY_ACCOUNT);
    expect(agency.account_lists).toEqual(['Agency Newsletter', 'Client Updates', 'Case Study Readers']);
  });
});

describe('create_custom_field', () => {
  const createField = (p: object) => account(sb, 'create_custom_field', p);

  it('creates each type (114) and the field appears in retrieve_custom_fields', async () => {
    expect(await createField({ custom_field_identifier: 'favourite_colour', custom_field_type: 'drop_down', custom_field_options: [{ option_name: 'blue' }, { option_name: 'brown' }] })).toEqual(
      success('114', 'Custom Field created'),
    );
    expect(await createField({ custom_field_identifier: 'nickname', custom_field_type: 'input_field' })).toMatchObject({ type: '114' });
    expect(await createField({ custom_field_identifier: 'bio-long', custom_field_type: 'text_area' })).toMatchObject({ type: '114' });
    expect(await createField({ custom_field_identifier: 'size', custom_field_type: 'radio_button', custom_field_options: [{ option_name: 'S' }, { option_name: 'M' }] })).toMatchObject({ type: '114' });
    expect(await createField({ custom_field_identifier: 'perks', custom_field_type: 'checkbox', custom_field_options: [{ option_name: 'a' }, { option_name: 'b' }, { option_name: 'c' }] })).toMatchObject({ type: '114' });
    const fields = (await account(sb, 'retrieve_custom_fields')).custom_fields;
    const colour = fields.find((f: { field_identifier: string }) => f.field_identifier === 'favourite_colour');
    expect(colour.field_type).toBe('drop_down');
    expect(colour.field_value.map((o: { option_value: string }) => o.option_value)).toEqual(['blue', 'brown']);
    // The new field can be written straight away.
    const email = `cf.${Date.now()}@example.net`;
    const r = await call(sb, { lead: { email, custom_fields: [{ field_identifier: 'favourite_colour', field_value: colour.field_value[1].option_id }] }, actions: [{ cmd: 'create_lead' }] });
    expect(r.status).toBe('Success');
    expect(sb.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email })!.customFields.favourite_colour).toEqual([colour.field_value[1].option_id]);
  });

  it('errors 265 → 263 → 264 → 269 → 270 → 272 → 273', async () => {
    expect(await createField({ custom_field_type: 'input_field' })).toEqual(error('265', 'Custom Field cannot be empty'));
    expect(await createField({ custom_field_identifier: 'Custom field name', custom_field_type: 'x' })).toEqual(
      error('263', 'Custom Field name can only contain letters, numbers, dashes or underscores'),
    );
    expect(await createField({ custom_field_identifier: 'job_title', custom_field_type: 'x' })).toEqual(error('264', 'Custom Field already exists or not allowed'));
    expect(await createField({ custom_field_identifier: 'first_name', custom_field_type: 'input_field' })).toMatchObject({ type: '264' });
    expect(await createField({ custom_field_identifier: 'fresh_one' })).toEqual(error('269', 'Custom Field type not valid'));
    expect(await createField({ custom_field_identifier: 'fresh_one', custom_field_type: 'dropdown' })).toMatchObject({ type: '269' });
    expect(await createField({ custom_field_identifier: 'fresh_one', custom_field_type: 'checkbox', custom_field_options: 'a,b' })).toEqual(error('270', 'Options not an array'));
    expect(await createField({ custom_field_identifier: 'fresh_one', custom_field_type: 'checkbox' })).toMatchObject({ type: '270' });
    expect(await createField({ custom_field_identifier: 'fresh_one', custom_field_type: 'checkbox', custom_field_options: [{ option_name: 'a' }, { option_name: '' }] })).toEqual(
      error('272', 'Option cannot be empty'),
    );
    expect(await createField({ custom_field_identifier: 'fresh_one', custom_field_type: 'radio_button', custom_field_options: [{ option_name: 'only' }] })).toEqual(
      error('273', 'Options must have two or more elements'),
    );
    const fields = (await account(sb, 'retrieve_custom_fields')).custom_fields;
    expect(fields.some((f: { field_identifier: string }) => f.field_identifier === 'fresh_one')).toBe(false);
  });
});
