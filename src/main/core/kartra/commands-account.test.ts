import { describe, expect, it } from 'vitest';
import { useAnsweringServer } from './testing/stub-server';

const answer = useAnsweringServer();

describe('account retrievals', () => {
  it('reads tags and lists as strings or objects, top level or inside actions', async () => {
    const { client, server } = await answer((hit) =>
      hit.form['actions[0][cmd]'] === 'retrieve_account_tags'
        ? { json: { status: 'Success', account_tags: ['Tag name 1', { tag_name: 'Tag name 2' }, ''] } }
        : { json: { status: 'Success', actions: [{ retrieve_account_lists: { status: 'Success', account_lists: [{ list_name: 'News' }, 'Promo'] } }] } },
    );
    await expect(client.retrieveAccountTags()).resolves.toEqual(['Tag name 1', 'Tag name 2']);
    await expect(client.retrieveAccountLists()).resolves.toEqual(['News', 'Promo']);
    expect(server.hits[0]?.form).toEqual({ app_id: 'a', api_key: 'k', api_password: 'p', 'actions[0][cmd]': 'retrieve_account_tags' });
  });

  it('treats an empty account (null/[]/missing key with a status) as no items', async () => {
    const { client } = await answer(() => ({ json: { status: 'Success', account_tags: null } }));
    await expect(client.retrieveAccountTags()).resolves.toEqual([]);
  });

  it('reads sequences by name only (kartra-api.md §0.4 E6), taking no ids or steps even from an object', async () => {
    const { client } = await answer(() => ({
      json: {
        status: 'Success',
        account_sequences: ['Plain', { sequence_id: 4, sequence_name: 'Welcome', steps: [{ step: 1 }, '2'] }, { name: 'Named' }, '  ', 'Plain'],
      },
      contentType: 'text/html; charset=UTF-8',
    }));
    await expect(client.retrieveAccountSequences()).resolves.toEqual([{ name: 'Plain' }, { name: 'Welcome' }, { name: 'Named' }]);
  });

  it('reads pages as names or objects', async () => {
    const { client } = await answer(() => ({
      json: { status: 'Success', account_pages: ['Home', { kartra_page_id: '12', kartra_page_name: 'Sales', url: 'https://x.example/s' }] },
    }));
    await expect(client.retrieveAccountPages()).resolves.toEqual([
      { id: '', name: 'Home', url: '' },
      { id: '12', name: 'Sales', url: 'https://x.example/s' },
    ]);
  });

  it('reads custom fields with their options', async () => {
    const { client } = await answer(() => ({
      json: {
        status: 'Success',
        custom_fields: [
          { field_id: '1', field_identifier: 'text1', field_type: 'input_field' },
          { field_id: 2, field_identifier: 'color', field_type: 'drop_down', field_value: [{ option_id: 612, option_value: 'blue' }, { option_id: '613', option_value: 'brown' }] },
          { field_id: '3', field_identifier: 'odd', field_type: 'signature' },
        ],
      },
    }));
    await expect(client.retrieveCustomFields()).resolves.toEqual([
      { field_id: '1', field_identifier: 'text1', field_type: 'input_field', options: [] },
      { field_id: '2', field_identifier: 'color', field_type: 'drop_down', options: [{ option_id: '612', option_value: 'blue' }, { option_id: '613', option_value: 'brown' }] },
    ]);
  });
});

describe('create_custom_field', () => {
  it('sends options as option_name entries', async () => {
    const { client, server } = await answer(() => ({ json: { status: 'Success', message: 'Custom Field created', type: '114' } }));
    await expect(client.createCustomField({ custom_field_identifier: 'eye_color', custom_field_type: 'drop_down', custom_field_options: ['blue', 'brown'] })).resolves.toEqual({
      message: 'Custom Field created',
    });
    expect(server.hits[0]?.form).toMatchObject({
      'actions[0][custom_field_identifier]': 'eye_color',
      'actions[0][custom_field_type]': 'drop_down',
      'actions[0][custom_field_options][0][option_name]': 'blue',
      'actions[0][custom_field_options][1][option_name]': 'brown',
    });
  });

  it('validates before sending', async () => {
    const { client, server } = await answer(() => ({ json: { status: 'Success' } }));
    await expect(client.createCustomField({ custom_field_identifier: 'Custom field name', custom_field_type: 'input_field' })).rejects.toThrow(/letters, digits/);
    await expect(client.createCustomField({ custom_field_identifier: 'c', custom_field_type: 'checkbox', custom_field_options: ['one'] })).rejects.toThrow(/at least two options/);
    expect(server.hits).toHaveLength(0);
  });

  it('after a lost answer, finds the field in retrieve_custom_fields instead of creating it twice', async () => {
    const { client, server } = await answer((hit) =>
      hit.form['actions[0][cmd]'] === 'create_custom_field'
        ? 'destroy'
        : { json: { status: 'Success', custom_fields: [{ field_id: '9', field_identifier: 'notes2', field_type: 'text_area' }] } },
    );
    await expect(client.createCustomField({ custom_field_identifier: 'notes2', custom_field_type: 'text_area' })).resolves.toMatchObject({ message: expect.stringContaining('confirmed') });
    expect(server.cmds()).toEqual(['create_custom_field', 'retrieve_custom_fields']);
  });
});
