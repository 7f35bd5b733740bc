import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, startSandbox, type RunningSandbox, type SandboxCatalog } from './index';
import { call, error, freshEmail, post } from './testing/raw-calls';

let sb: RunningSandbox;
let fields: SandboxCatalog['customFields'];
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
  fields = sb.inspect.catalog({ apiKey: DEMO_ACCOUNT.apiKey }).customFields;
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const field = (type: string) => fields.find((f) => f.type === type)!;
const optionIds = (type: string) => field(type).options.map((o) => o.id);
const entry = (type: string, value: unknown) => ({ field_identifier: field(type).identifier, field_value: value });
const create = (email: string, customFields: unknown) =>
  call(sb, { lead: { email, custom_fields: customFields }, actions: [{ cmd: 'create_lead' }] });
const edit = (email: string, customFields: unknown) =>
  call(sb, { lead: { email, custom_fields: customFields }, actions: [{ cmd: 'edit_lead' }] });
const values = (email: string) => sb.inspect.getLead({ apiKey, email })!.customFields;

describe('custom field values on create_lead / edit_lead', () => {
  it('the demo account has all five types with numeric option ids', () => {
    for (const t of ['input_field', 'text_area', 'drop_down', 'radio_button', 'checkbox']) expect(field(t)).toBeDefined();
    for (const f of fields) for (const o of f.options) expect(o.id).toMatch(/^\d+$/);
  });

  it('stores text, a single option id, and a list of option ids', async () => {
    const email = freshEmail('cf');
    const [d1] = optionIds('drop_down');
    const [, r2] = optionIds('radio_button');
    const [c1, , c3] = optionIds('checkbox');
    const r = await create(email, [
      entry('input_field', 'Head of Growth'),
      entry('text_area', 'Line one\nLine two'),
      entry('drop_down', d1),
      entry('radio_button', r2),
      entry('checkbox', [c1, c3]),
    ]);
    expect(r.status).toBe('Success');
    expect(values(email)).toMatchObject({
      [field('input_field').identifier]: 'Head of Growth',
      [field('text_area').identifier]: 'Line one\nLine two',
      [field('drop_down').identifier]: [d1],
      [field('radio_button').identifier]: [r2],
      [field('checkbox').identifier]: [c1, c3],
    });
    const got = await call(sb, { get_lead: { email } });
    const cb = got.lead_details.custom_fields.find((f: { field_type: string }) => f.field_type === 'checkbox');
    expect(cb.field_value.map((o: { option_id: string }) => o.option_id)).toEqual([c1, c3]);
    expect(cb.field_value[0]).toEqual({ option_id: c1, option_value: field('checkbox').options[0]!.value });
  });

  it('clears any type with an empty string and leaves unsent fields alone', async () => {
    const email = freshEmail('clear');
    await create(email, [entry('input_field', 'x'), entry('drop_down', optionIds('drop_down')[0]), entry('checkbox', [optionIds('checkbox')[0]])]);
    await edit(email, [entry('input_field', ''), entry('checkbox', '')]);
    const v = values(email);
    expect(v[field('input_field').identifier]).toBe('');
    expect(v[field('checkbox').identifier]).toEqual([]);
    expect(v[field('drop_down').identifier]).toEqual([optionIds('drop_down')[0]]);
  });

  it('silently ignores unknown identifiers', async () => {
    const email = freshEmail('unknown');
    const r = await create(email, [{ field_identifier: 'no_such_field', field_value: 'x' }, entry('input_field', 'kept')]);
    expect(r.status).toBe('Success');
    expect(values(email)[field('input_field').identifier]).toBe('kept');
  });

  it('271 for every structurally wrong entry, and nothing is written', async () => {
    const email = freshEmail('wrong');
    await create(email, [entry('input_field', 'before')]);
    const otherFieldsOption = optionIds('radio_button')[0];
    const wrong: unknown[] = [
      'text',
      { named: { field_identifier: 'job_title', field_value: 'x' } },
      ['just-a-string'],
      [{ field_value: 'x' }],
      [{ field_identifier: field('input_field').identifier }],
      [entry('input_field', ['a', 'b'])],
      [entry('drop_down', [optionIds('drop_down')[0]])],
      [entry('drop_down', otherFieldsOption)],
      [entry('radio_button', 'Email')],
      [entry('checkbox', optionIds('checkbox')[0])],
      [entry('checkbox', [optionIds('checkbox')[0], otherFieldsOption])],
      [entry('input_field', 'after'), entry('drop_down', '999999')],
    ];
    for (const cf of wrong) {
      expect(await edit(email, cf), JSON.stringify(cf)).toEqual(error('271', 'Wrong custom field format'));
    }
    expect(values(email)[field('input_field').identifier]).toBe('before');
  });

  it('reads the exact body of kartra-api.md §2.4 (encoded brackets, + for space, checkbox list)', async () => {
    const email = freshEmail('wire');
    const cb = optionIds('checkbox');
    const body = [
      `app_id=${DEMO_ACCOUNT.appId}&api_key=${DEMO_ACCOUNT.apiKey}&api_password=${DEMO_ACCOUNT.apiPassword}`,
      `lead%5Bemail%5D=${encodeURIComponent(email)}&lead%5Bfirst_name%5D=Joe&lead%5Blast_name%5D=Smith`,
      `lead%5Bcustom_fields%5D%5B0%5D%5Bfield_identifier%5D=${field('text_area').identifier}`,
      'lead%5Bcustom_fields%5D%5B0%5D%5Bfield_value%5D=text+message',
      `lead%5Bcustom_fields%5D%5B1%5D%5Bfield_identifier%5D=${field('checkbox').identifier}`,
      `lead%5Bcustom_fields%5D%5B1%5D%5Bfield_value%5D%5B0%5D=${cb[0]}`,
      `lead%5Bcustom_fields%5D%5B1%5D%5Bfield_value%5D%5B1%5D=${cb[1]}`,
      'actions%5B0%5D%5Bcmd%5D=create_lead&actions%5B1%5D%5Bcmd%5D=assign_tag',
      'actions%5B1%5D%5Btag_name%5D=Newsletter+Subscriber&actions%5B2%5D%5Bcmd%5D=subscribe_lead_to_list',
      'actions%5B2%5D%5Blist_name%5D=Newsletter',
    ].join('&');
    const r = await post(sb, body);
    expect(r.body).toEqual({
      status: 'Success',
      actions: [
        { create_lead: { status: 'Success', lead_details: { id: expect.any(String) } } },
        { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } },
        { subscribe_lead_to_list: { status: 'Success', message: 'Lead subscribed to list', type: '101' } },
      ],
    });
    const lead = sb.inspect.getLead({ apiKey, email })!;
    expect(lead.customFields[field('text_area').identifier]).toBe('text message');
    expect(lead.customFields[field('checkbox').identifier]).toEqual([cb[0], cb[1]]);
    expect(lead.tags).toEqual(['Newsletter Subscriber']);
    expect(lead.lists).toEqual([{ name: 'Newsletter', active: true }]);
  });
});
