// The evidence-open switches (kartra-api.md §0.4): defaults from the evidence, each alternative at start and through the admin API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEFAULT_BEHAVIOUR, startSandbox, type RunningSandbox } from './index';
import { call, enveloped, error, form, credentials, freshEmail, onLead, success } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

const apiKey = DEMO_ACCOUNT.apiKey;
const admin = (method: string, body: object) =>
  fetch(sb.url.replace(/\/api$/, `/__admin/${method}`), {
    method: 'POST',
    headers: { 'x-sandbox-admin': sb.adminToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; value?: any; error?: string } }));

async function newLead(target = sb): Promise<string> {
  const email = freshEmail('behaviour');
  await call(target, { lead: { email }, actions: [{ cmd: 'create_lead' }] });
  return email;
}

describe('defaults follow the evidence', () => {
  it('are continue / envelope / cut / html / current wording', () => {
    expect(sb.behaviour()).toEqual({ chain: 'continue', singleSuccess: 'envelope', textArea: 'cut', contentType: 'html', legacyMessages: false });
    expect(DEFAULT_BEHAVIOUR).toEqual(sb.behaviour());
  });

  it('E10: every answer, success or error, is JSON served as text/html', async () => {
    for (const body of [form({ ...credentials(), actions: [{ cmd: 'retrieve_account_tags' }] }), form({ app_id: 'nope' })]) {
      const res = await fetch(sb.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(JSON.parse(await res.text())).toHaveProperty('status');
    }
  });

  it('E1/E2: a lone lead action succeeds inside the envelope and fails flat', async () => {
    const email = await newLead();
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'VIP' })).toEqual(enveloped('assign_tag', '103', 'Tag added to lead'));
    expect(await onLead(sb, email, 'assign_tag', { tag_name: 'Nope' })).toEqual(error('212', 'Tag does not exist'));
  });

  it('E8: unknown and read-only keys of the lead block are ignored, not refused', async () => {
    const email = freshEmail('readonly');
    const r = await call(sb, {
      lead: { email, first_name: 'Ro', source: 'facebook', date_joined: '2020-01-01 00:00:00', username: 'ro', id_of_nothing: 'x' },
      actions: [{ cmd: 'create_lead' }],
    });
    expect(r).toMatchObject({ status: 'Success' });
    expect(sb.inspect.getLead({ apiKey, email })).toMatchObject({ source: 'api', profile: { first_name: 'Ro' } });
  });

  it('E9: a text area keeps its first 365 characters (code points); an input field keeps everything', async () => {
    const email = freshEmail('textarea');
    const long = `${'é'.repeat(300)}${'😀'.repeat(100)}`;
    await call(sb, {
      lead: { email, custom_fields: [{ field_identifier: 'sales_notes', field_value: long }, { field_identifier: 'job_title', field_value: 'x'.repeat(400) }] },
      actions: [{ cmd: 'create_lead' }],
    });
    const fields = sb.inspect.getLead({ apiKey, email })!.customFields;
    expect([...(fields.sales_notes as string)]).toHaveLength(365);
    expect(fields.sales_notes).toBe(`${'é'.repeat(300)}${'😀'.repeat(65)}`);
    expect(fields.job_title).toHaveLength(400);
  });
});

describe('switches', () => {
  it('singleSuccess flat answers the entry at top level; errors stay flat', async () => {
    const flat = await startSandbox({ rate: 0, singleSuccess: 'flat' });
    try {
      const email = await newLead(flat);
      expect(await onLead(flat, email, 'assign_tag', { tag_name: 'VIP' })).toEqual(success('103', 'Tag added to lead'));
      expect(await onLead(flat, email, 'assign_tag', { tag_name: 'Nope' })).toEqual(error('212', 'Tag does not exist'));
    } finally {
      await flat.close();
    }
  });

  it('textArea refuse answers invented 292 naming the field and changes nothing', async () => {
    const strict = await startSandbox({ rate: 0, textArea: 'refuse' });
    try {
      const email = freshEmail('refuse');
      const r = await call(strict, { lead: { email, custom_fields: [{ field_identifier: 'goals', field_value: 'g'.repeat(366) }] }, actions: [{ cmd: 'create_lead' }] });
      expect(r).toEqual(error('292', 'Invalid value for goals'));
      expect(strict.inspect.getLead({ apiKey, email })).toBeNull();
    } finally {
      await strict.close();
    }
  });

  it('the admin API reads and changes the behaviour; bad switches are refused with the allowed values', async () => {
    expect((await admin('behaviour', {})).body).toEqual({ ok: true, value: DEFAULT_BEHAVIOUR });
    const changed = await admin('setBehaviour', { chain: 'stop', contentType: 'json' });
    expect(changed.body.value).toMatchObject({ chain: 'stop', contentType: 'json', singleSuccess: 'envelope' });
    const res = await fetch(sb.url, { method: 'POST', body: form({ ...credentials(), actions: [{ cmd: 'retrieve_account_tags' }] }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const email = await newLead();
    expect(await call(sb, { lead: { email }, actions: [{ cmd: 'assign_tag', tag_name: 'Nope' }, { cmd: 'assign_tag', tag_name: 'VIP' }] })).toMatchObject({ status: 'Error', type: '212' });
    expect(sb.inspect.getLead({ apiKey, email })!.tags).toEqual([]);

    expect(await admin('setBehaviour', { chain: 'sometimes' })).toEqual({ status: 400, body: { ok: false, error: 'sandbox behaviour chain must be "continue" or "stop", got "sometimes"' } });
    expect((await admin('setBehaviour', { colour: 'red' })).body.error).toMatch(/unknown sandbox behaviour "colour"/);
    expect(sb.setBehaviour(DEFAULT_BEHAVIOUR)).toEqual(DEFAULT_BEHAVIOUR);
  });
});
