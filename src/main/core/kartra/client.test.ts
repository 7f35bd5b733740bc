import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toAppError } from '../api/to-app-error';
import { AppError } from '../errors';
import { KartraClient } from './client';
import { KartraApiError, RateLimitedError, TransportError } from './errors';
import { KartraHttp } from './http';
import { immediateScheduler, leadAnswer, startServer, type Reply, type TestServer } from './testing/stub-server';

const CREDS = { appId: 'AbCdE12345', apiKey: 'FgHiJ67890', apiPassword: 'kLmNoPqRsT' };
const FAST = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

let server: TestServer | undefined;
let client: KartraClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(handler: (hit: import('./testing/stub-server').Hit, i: number) => Reply | Promise<Reply>, http = {}) {
  server = await startServer(handler);
  const scheduler = immediateScheduler();
  client = new KartraClient({ credentials: { apiUrl: server.url, ...CREDS }, scheduler, retry: FAST, http });
  return { server, client, scheduler };
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as import('node:net').AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('KartraClient transport', () => {
  it('posts a PHP-style form with the credentials first, through the scheduler, reusing keep-alive connections', async () => {
    const { server, client, scheduler } = await setup(() => leadAnswer({ id: '7', email: 'joe@example.com', first_name: 'Joe' }));
    const lead = await client.getLead({ email: 'joe@example.com' });
    await client.getLead({ id: '7' }, { lane: 'bulk' });
    await client.getLead({ id: '7' }, { lane: 'outbox' });
    for (let i = 0; i < 5; i++) await client.getLead({ id: '7' });
    expect(lead).toMatchObject({ id: '7', first_name: 'Joe', tags: [] });
    expect(server.hits[0]?.raw).toBe('app_id=AbCdE12345&api_key=FgHiJ67890&api_password=kLmNoPqRsT&get_lead%5Bemail%5D=joe%40example.com');
    expect(server.hits[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.hits[1]?.form['get_lead[id]']).toBe('7');
    expect(scheduler.started.slice(0, 3)).toEqual(['interactive', 'bulk', 'outbox']);
    // Eight sequential calls: undici may open a second socket while the first drains, never one per call.
    expect(server.hits).toHaveLength(8);
    expect(server.connections).toBeLessThanOrEqual(2);
  });

  it('retries a refused connection, then surfaces it as offline (sent: false)', async () => {
    const scheduler = immediateScheduler();
    client = new KartraClient({ credentials: { apiUrl: `http://127.0.0.1:${await closedPort()}/api`, ...CREDS }, scheduler, retry: FAST });
    const error = await client.getLead({ id: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'refused', sent: false });
    expect(scheduler.started).toHaveLength(3);
    expect(toAppError(error).code).toBe('offline');
    // A write is retried too when nothing was sent.
    const write = await client.assignTag({ id: '1' }, 'VIP').catch((e: unknown) => e);
    expect(write).toMatchObject({ kind: 'refused', sent: false });
    expect(scheduler.started).toHaveLength(6);
  });

  it('refuses plain http to a non-loopback host before any network call', async () => {
    const scheduler = immediateScheduler();
    const make = () => new KartraClient({ credentials: { apiUrl: 'http://app.kartra.com/api', ...CREDS }, scheduler });
    expect(make).toThrow(AppError);
    expect(make).toThrow(/plain http to app\.kartra\.com/);
    expect(scheduler.started).toHaveLength(0);
    const http = new KartraHttp();
    await expect(http.post('http://10.1.2.3/api', 'a=1')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(http.post('ftp://127.0.0.1/api', 'a=1')).rejects.toThrow(/must start with https/);
    await http.close();
    for (const url of ['http://127.0.0.1:1/api', 'http://127.8.9.10/api', 'http://[::1]:8/api', 'http://localhost:9/api', 'https://app.kartra.com/api']) {
      expect(() => new KartraClient({ credentials: { apiUrl: url, ...CREDS }, scheduler }), url).not.toThrow();
    }
  });

  it('raises RateLimitedError for HTTP 429 (the limiter, not the client, retries it)', async () => {
    const { server, client } = await setup(() => ({ status: 429, json: { status: 'Error', message: 'Too many requests', type: '429' } }));
    await expect(client.retrieveAccountTags()).rejects.toBeInstanceOf(RateLimitedError);
    expect(server.hits).toHaveLength(1);
  });

  it('retries a 5xx read and succeeds', async () => {
    const { server, client } = await setup((_hit, i) => (i === 0 ? { status: 503, text: 'busy' } : { json: { status: 'Success', account_tags: ['A', 'B'] } }));
    await expect(client.retrieveAccountTags()).resolves.toEqual(['A', 'B']);
    expect(server.hits).toHaveLength(2);
  });

  it('surfaces a persistent 5xx as TransportError http (sent: true)', async () => {
    const { server, client } = await setup(() => ({ status: 502, text: '<html>bad gateway</html>' }));
    await expect(client.retrieveAccountLists()).rejects.toMatchObject({ kind: 'http', status: 502, sent: true });
    expect(server.hits).toHaveLength(3);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { server, client } = await setup(() => ({ status: 404, text: 'not here' }));
    await expect(client.retrieveAccountLists()).rejects.toMatchObject({ kind: 'http', status: 404 });
    expect(server.hits).toHaveLength(1);
  });

  it('reports malformed JSON as bad_response', async () => {
    const { client } = await setup(() => ({ text: '{"status":"Success","account_tags":[' }));
    await expect(client.retrieveAccountTags()).rejects.toMatchObject({ kind: 'bad_response', sent: true });
  });

  it('retries a read that timed out after sending', async () => {
    // undici checks header timeouts on a ~1 s tick, so this test takes about a second.
    const { server, client } = await setup((_hit, i) => (i === 0 ? 'hold' : leadAnswer({ id: '3' })), { headersTimeoutMs: 150 });
    await expect(client.getLead({ id: '3' })).resolves.toMatchObject({ id: '3' });
    expect(server.hits).toHaveLength(2);
  });

  it('retries a read whose connection was cut after sending, and surfaces the reset', async () => {
    const { server, client } = await setup(() => 'destroy');
    await expect(client.getLead({ id: '3' })).rejects.toMatchObject({ kind: 'reset', sent: true });
    expect(server.hits).toHaveLength(3);
  });

  it('never lets a credential appear in an error message', async () => {
    const { client } = await setup(() => ({ json: { status: 'Error', message: 'API key FgHiJ67890 with password kLmNoPqRsT not valid', type: '203' } }));
    const error = await client.assignTag({ id: '1' }, 'VIP').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KartraApiError);
    expect((error as Error).message).not.toMatch(/FgHiJ67890|kLmNoPqRsT/);
    expect((error as KartraApiError).kartraMessage).toBe('API key [redacted] with password [redacted] not valid');
    expect(toAppError(error).code).toBe('auth_failed');
  });
});

describe('KartraClient commands on the wire', () => {
  it('sends several actions bare on lead[id] (no search_lead anchor) and returns per-action results', async () => {
    const { server, client } = await setup(() => ({
      json: {
        status: 'Success',
        actions: [
          { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } },
          { subscribe_lead_to_list: { status: 'Error', message: 'List does not exist', type: '231' } },
        ],
      },
    }));
    const out = await client.runActions({ id: '55' }, [
      { cmd: 'assign_tag', tag_name: 'VIP' },
      { cmd: 'subscribe_lead_to_list', list_name: 'Nope' },
    ]);
    expect(out.leadId).toBe('55');
    expect(out.results).toEqual([
      { cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' },
      { cmd: 'subscribe_lead_to_list', ok: false, message: 'List does not exist', kartraType: '231' },
    ]);
    const form = server.hits[0]?.form ?? {};
    expect(form['lead[id]']).toBe('55');
    expect([form['actions[0][cmd]'], form['actions[0][tag_name]'], form['actions[1][cmd]'], form['actions[1][list_name]']]).toEqual(['assign_tag', 'VIP', 'subscribe_lead_to_list', 'Nope']);
  });

  it('sends one action on a known id bare, and throws when that first action fails', async () => {
    const { server, client } = await setup(() => ({ json: { status: 'Error', message: 'Tag does not exist', type: '212' } }));
    const error = await client.assignTag({ id: '9' }, 'Ghost').catch((e: unknown) => e);
    expect(error).toMatchObject({ type: '212', cmd: 'assign_tag' });
    expect(server.hits[0]?.form['actions[0][cmd]']).toBe('assign_tag');
    expect(server.hits[0]?.form['lead[id]']).toBe('9');
    expect(server.hits).toHaveLength(1); // a Kartra error is an answer: never retried
  });

  it('sends a single action bare on an email ref (an enveloped success is done) and throws when Kartra refuses it', async () => {
    const { server, client } = await setup((hit) =>
      hit.form['actions[0][cmd]'] === 'search_lead'
        ? { json: { status: 'Success', message: 'Lead found', lead_details: { id: '31' } } }
        : hit.form['actions[0][cmd]'] === 'subscribe_lead_to_list'
          ? { json: { status: 'Success', actions: [{ subscribe_lead_to_list: { status: 'Success', message: 'Lead subscribed to list', type: '101' } }] } }
          : { json: { status: 'Error', message: 'Tag does not exist', type: '214' } },
    );
    await expect(client.runActions({ email: 'a@b.co' }, [{ cmd: 'subscribe_lead_to_list', list_name: 'News' }])).resolves.toEqual({
      leadId: '31',
      head: null,
      results: [{ cmd: 'subscribe_lead_to_list', ok: true, message: 'Lead subscribed to list', kartraType: '101' }],
    });
    await expect(client.unassignTag({ email: 'a@b.co' }, 'Ghost')).rejects.toMatchObject({ type: '214', cmd: 'unassign_tag' });
    // Bare writes; the only search_lead is the read that learns the id the bare answer does not carry.
    expect(server.cmds()).toEqual(['subscribe_lead_to_list', 'search_lead', 'unassign_tag']);
    expect(server.hits[0]?.form['lead[email]']).toBe('a@b.co');
  });

  it('creates a lead with custom fields and chained actions in one call', async () => {
    const { server, client } = await setup(() => ({
      json: {
        status: 'Success',
        actions: [
          { create_lead: { status: 'Success', lead_details: { id: '1234' } } },
          { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } },
        ],
      },
    }));
    const out = await client.createLead(
      { email: 'joe.smith@example.com', first_name: 'Joe', custom_fields: [{ field_identifier: 'checkbox1', field_value: ['620', '621'] }] },
      [{ cmd: 'assign_tag', tag_name: 'My customer' }],
    );
    expect(out).toEqual({ leadId: '1234', head: { cmd: 'create_lead', ok: true, message: 'Done' }, results: [{ cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' }] });
    expect(server.hits[0]?.raw).toContain(
      '&lead%5Bemail%5D=joe.smith%40example.com&lead%5Bfirst_name%5D=Joe&lead%5Bcustom_fields%5D%5B0%5D%5Bfield_identifier%5D=checkbox1',
    );
    expect(server.hits[0]?.raw).toContain('&actions%5B0%5D%5Bcmd%5D=create_lead&actions%5B1%5D%5Bcmd%5D=assign_tag&actions%5B1%5D%5Btag_name%5D=My+customer');
  });

  it('rejects bad input with a clear message and sends nothing', async () => {
    const { server, client } = await setup(() => ({ json: { status: 'Success' } }));
    await expect(client.createLead({ email: 'not-an-email' })).rejects.toThrow(/Invalid lead: email — is not a valid email address/);
    await expect(client.createLead({ email: 'a@b.co', lead_preferred_time_zone: 'Mars/Olympus' })).rejects.toThrow(/time zones Kartra accepts/);
    await expect(client.editLead({ id: 'x1' }, {})).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.givePoints({ id: '1' }, -5)).rejects.toThrow(/actions: 0\.points/);
    expect(server.hits).toHaveLength(0);
  });
});
