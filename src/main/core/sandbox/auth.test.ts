import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_ACCOUNT, DEMO_ACCOUNT, DEMO_LEAD_EMAIL, INACTIVE_ACCOUNT, SANDBOX_APPS, startSandbox, type RunningSandbox } from './index';
import { call, credentials, error, form, post } from './testing/raw-calls';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ rate: 0 });
});
afterAll(() => sb.close());

const tagsCall = { actions: [{ cmd: 'retrieve_account_tags' }] };
const withCreds = (creds: Record<string, string | undefined>, extra: object = tagsCall) =>
  post(sb, form({ ...creds, ...extra })).then((r) => r.body);

describe('credential checks (kartra-api.md §4), in order', () => {
  const good = credentials(DEMO_ACCOUNT);

  it('238 when app_id is missing or empty, before anything else', async () => {
    expect(await withCreds({ api_key: 'nope' })).toEqual(error('238', 'App Id cannot be empty. Please get an App Id first'));
    expect(await withCreds({ ...good, app_id: '' })).toEqual(error('238', 'App Id cannot be empty. Please get an App Id first'));
  });

  it('239 for an unknown app, 240 for the inactive developer account', async () => {
    expect(await withCreds({ ...good, app_id: 'SOMEONEELSE', api_key: '' })).toEqual(
      error('239', 'App Id is not valid. The app does not exists or is inactive'),
    );
    expect(await withCreds({ ...good, app_id: SANDBOX_APPS.inactive, api_key: '' })).toEqual(error('240', 'App Account inactive'));
  });

  it('202 / 203 / 233 / 204 for the App user credentials', async () => {
    expect(await withCreds({ ...good, api_key: '' })).toEqual(error('202', 'API key cannot be empty. Please get an API key first'));
    expect(await withCreds({ ...good, api_key: 'not-a-key' })).toEqual(error('203', 'API key not valid. Please get an API key first'));
    expect(await withCreds({ ...good, api_password: 'wrong' })).toEqual(
      error('233', 'API password not valid. Please get an API password first'),
    );
    expect(await withCreds({ ...good, api_password: undefined })).toMatchObject({ type: '233' });
    expect(await withCreds(credentials(INACTIVE_ACCOUNT))).toEqual(error('204', 'API Account inactive'));
  });

  it('242 for the IP-restricted app, after the account checks', async () => {
    expect(await withCreds({ ...good, app_id: SANDBOX_APPS.ipRestricted })).toEqual(
      error('242', 'This API call was sent from an unauthorized IP'),
    );
    expect(await withCreds({ ...good, app_id: SANDBOX_APPS.ipRestricted, api_password: 'x' })).toMatchObject({ type: '233' });
  });

  it('262 for writes by the read-only app, and for unknown commands', async () => {
    const ro = { ...good, app_id: SANDBOX_APPS.readOnly };
    const denied = error('262', 'App does not have permission to execute this CMD');
    expect(await withCreds(ro, { lead: { email: DEMO_LEAD_EMAIL }, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] })).toEqual(denied);
    expect(await withCreds(ro, { lead: { email: DEMO_LEAD_EMAIL }, actions: [{ cmd: 'search_lead' }, { cmd: 'give_points_to_lead', points: '1' }] })).toEqual(denied);
    expect(await withCreds(ro, tagsCall)).toMatchObject({ status: 'Success' });
    expect(await withCreds(ro, { get_lead: { email: DEMO_LEAD_EMAIL } })).toMatchObject({ status: 'Success' });
    expect(await withCreds(good, { actions: [{ cmd: 'delete_everything' }] })).toEqual(denied);
    expect(sb.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })!.tags).not.toContain('Affiliate');
  });

  it('201 for every call of a sandbox that simulates plain HTTP', async () => {
    const insecure = await startSandbox({ simulateInsecure: true, seed: false });
    try {
      const r = await post(insecure, form({ ...good, ...tagsCall }));
      expect(r).toEqual({ status: 200, body: error('201', 'Connection not secure') });
    } finally {
      await insecure.close();
    }
  });

  it('keeps accounts apart: the agency sees its own tags only', async () => {
    const demo = await call(sb, tagsCall);
    const agency = await call(sb, tagsCall, AGENCY_ACCOUNT);
    expect(agency.account_tags).toContain('Prospect');
    expect(demo.account_tags).not.toContain('Prospect');
    expect(await call(sb, { get_lead: { email: DEMO_LEAD_EMAIL } }, AGENCY_ACCOUNT)).toEqual(error('234', 'No lead found'));
  });
});

describe('request structure', () => {
  it('223 / 236 / 224 / 254 for wrong shapes', async () => {
    expect(await call(sb, { lead: 'joe@example.com', actions: [{ cmd: 'search_lead' }] })).toEqual(error('223', "'lead' not an array"));
    expect(await call(sb, { get_lead: 'joe@example.com' })).toEqual(error('236', "'get_lead' not an array"));
    expect(await call(sb, { actions: 'retrieve_account_tags' })).toEqual(error('224', "'actions' not an array"));
    expect(await call(sb, { actions: [{ tag_name: 'VIP' }] })).toEqual(error('254', "'cmd' is required"));
    expect(await call(sb, {})).toEqual(error('254', "'cmd' is required"));
  });

  it('291 (invented) when create/edit/search is not actions[0]; nothing runs', async () => {
    const r = await call(sb, {
      lead: { email: DEMO_LEAD_EMAIL },
      actions: [{ cmd: 'unassign_tag', tag_name: 'VIP' }, { cmd: 'search_lead' }],
    });
    expect(r).toEqual(error('291', 'create_lead, edit_lead and search_lead must be the first cmd (actions[0])'));
    expect(sb.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL })!.tags).toContain('VIP');
  });

  it('206 when a lead-scoped call names no lead', async () => {
    const required = error('206', 'email or lead id is required. Nothing done');
    expect(await call(sb, { actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] })).toEqual(required);
    expect(await call(sb, { lead: { first_name: 'Ann' }, actions: [{ cmd: 'create_lead' }] })).toEqual(required);
    expect(await call(sb, { lead: { id: '39001' }, actions: [{ cmd: 'create_lead' }] })).toEqual(required);
    expect(await call(sb, { get_lead: { first_name: 'x' } })).toEqual(required);
  });

  it('accepts percent-encoded and literal brackets on the wire', async () => {
    const creds = `app_id=${DEMO_ACCOUNT.appId}&api_key=${DEMO_ACCOUNT.apiKey}&api_password=${DEMO_ACCOUNT.apiPassword}`;
    const encoded = await post(sb, `${creds}&get_lead%5Bemail%5D=${encodeURIComponent(DEMO_LEAD_EMAIL)}`);
    const literal = await post(sb, `${creds}&get_lead[email]=${DEMO_LEAD_EMAIL}`);
    expect(encoded.body.lead_details.email).toBe(DEMO_LEAD_EMAIL);
    expect(literal.body).toEqual(encoded.body);
  });

  it('treats a JSON body as missing fields (238)', async () => {
    const r = await post(sb, JSON.stringify({ ...credentials(), ...tagsCall }), 'application/json');
    expect(r).toEqual({ status: 200, body: error('238', 'App Id cannot be empty. Please get an App Id first') });
  });

  it('answers 404 off /api and 405 for other verbs', async () => {
    const base = sb.url.replace(/\/api$/, '');
    const notFound = await fetch(`${base}/v1/api`, { method: 'POST', body: 'x=1' });
    expect(notFound.status).toBe(404);
    await notFound.text();
    const wrongVerb = await fetch(sb.url);
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get('allow')).toBe('POST');
    await wrongVerb.text();
  });
});
