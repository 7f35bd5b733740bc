// The client against throw-away stub servers that answer the way Kartra really does (kartra-api.md §0.4 E1, E10,
// E11): enveloped single successes, JSON typed text/html, firewall 403 pages, 5xx error pages.
import { describe, expect, it } from 'vitest';
import { toAppError } from '../api/to-app-error';
import { AppError } from '../errors';
import { expectSuccess } from './decode';
import { chainResults } from './decode-chain';
import { TransportError } from './errors';
import { useAnsweringServer } from './testing/stub-server';
import { LEAD_DESK_HOMEPAGE } from './user-agent';
import { version } from '../../../../package.json';

const answer = useAnsweringServer();
const HTML = 'text/html; charset=UTF-8';
const ref = { email: 'ada@example.com' };
const FIREWALL_PAGE = `<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>
<body><h1>Sorry, you have been blocked</h1></body></html>`;

describe('successes inside the actions envelope', () => {
  // A bare action on lead[email] (kartra-api.md §0.4 E5), sent through the client's own request().
  const bare = { lead: ref, actions: [{ cmd: 'assign_tag', tag_name: 'VIP' }] };
  const done = { cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' };

  it('a lone assign_tag answered inside `actions` (as text/html) is done, with its own message and type', async () => {
    const { client, server } = await answer(() => ({
      json: { status: 'Success', actions: [{ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }] },
      contentType: HTML,
    }));
    const decoded = await client.request('interactive', bare);
    expect(expectSuccess(decoded, 'assign_tag')).toMatchObject({ status: 'success', type: '103' });
    expect(chainResults(decoded, ['assign_tag'])).toEqual([done]);
    expect(server.hits).toHaveLength(1);
  });

  it('the same action answered flat is done too', async () => {
    const { client } = await answer(() => ({ json: { status: 'Success', message: 'Tag added to lead', type: '103' }, contentType: HTML }));
    const decoded = await client.request('interactive', bare);
    expect(expectSuccess(decoded, 'assign_tag')).toMatchObject({ status: 'success', type: '103' });
    expect(chainResults(decoded, ['assign_tag'])).toEqual([done]);
  });
});

describe('JSON decoded by content, whatever the Content-Type', () => {
  it.each([HTML, 'text/plain', 'application/octet-stream'])('get_lead served as %s decodes', async (contentType) => {
    const { client } = await answer(() => ({
      json: { status: 'Success', lead_details: { id: '42', email: 'ada@example.com', first_name: 'Ada', tags: [{ tag_name: 'VIP' }] } },
      contentType,
    }));
    await expect(client.getLead(ref)).resolves.toMatchObject({ id: '42', first_name: 'Ada', tags: ['VIP'] });
  });
});

describe('the User-Agent', () => {
  it('names the app, its version and its homepage', async () => {
    const { client, server } = await answer(() => ({ json: { status: 'Success', account_tags: [] }, contentType: HTML }));
    await client.retrieveAccountTags();
    expect(server.hits[0]!.headers['user-agent']).toBe(`LeadDesk/${version} (+${LEAD_DESK_HOMEPAGE})`);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("pages from in front of Kartra's API", () => {
  it("a 403 HTML page is blocked_by_kartra after exactly one request, for a read (which retries) as for a write", async () => {
    const { client, server } = await answer(() => ({ text: FIREWALL_PAGE, status: 403, contentType: 'text/html' }));
    const read = await client.getLead(ref).catch((e: unknown) => e);
    expect(read).toBeInstanceOf(AppError);
    expect(toAppError(read).toData()).toEqual({
      code: 'blocked_by_kartra',
      message: expect.stringMatching(/^Kartra's firewall refused the request \(HTTP 403: "Attention Required! \| Cloudflare"\)/),
      retryable: false,
    });
    expect(server.hits).toHaveLength(1);
    const write = await client.assignTag(ref, 'VIP').catch((e: unknown) => e);
    expect(toAppError(write).code).toBe('blocked_by_kartra');
    expect(server.hits).toHaveLength(2);
  });

  it('a 5xx HTML page is a retryable error that names the page; a read is retried once more, then reported', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';
    const { client, server } = await answer(() => ({ text: page, status: 502, contentType: 'text/html' }));
    const error = await client.getLead(ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 502, sent: true });
    expect(server.hits).toHaveLength(2); // useAnsweringServer's client makes two attempts
    const app = toAppError(error).toData();
    expect(app.retryable).toBe(true);
    expect(app.message).toContain('HTTP 502) and sent an error page: "502 Bad Gateway" instead of an answer');
  });

  it('a 403 that carries Kartra-style JSON is not mistaken for the firewall', async () => {
    const { client } = await answer(() => ({ json: { status: 'Error', message: 'Forbidden' }, status: 403 }));
    const error = await client.getLead(ref).catch((e: unknown) => e);
    expect(toAppError(error).code).toBe('kartra_error');
  });
});
