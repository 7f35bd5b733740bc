// The sandbox answers only programs on this machine (issue 15.7): a foreign Host header (DNS rebinding)
// gets 421 and a browser's Origin 403, on the Kartra endpoint and the admin API alike; nothing is counted.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { credentials, form } from './testing/raw-calls';

const open: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

function call(sb: RunningSandbox, path: string, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  const body = form({ ...credentials(), actions: [{ cmd: 'retrieve_account_tags' }] });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: sb.port, path, method, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sandbox-admin': sb.adminToken, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

describe('sandbox caller guard', () => {
  it('answers a Kartra client on its loopback address', async () => {
    const sb = await startSandbox({ seed: false, rate: 0 });
    open.push(sb);
    for (const host of [`127.0.0.1:${sb.port}`, `localhost:${sb.port}`]) {
      expect((await call(sb, '/api', { host })).status, host).toBe(200);
    }
    expect(sb.stats().requests).toBe(2);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:PORT' }, 421],
    ['a *.localhost Host', { host: 'kartra.localhost:PORT' }, 421],
    ['the right host on another port', { host: '127.0.0.1:1' }, 421],
    ['a Host without a port', { host: '127.0.0.1' }, 421],
    ['a web page Origin', { origin: 'http://evil.example' }, 403],
    ['its own origin from a browser', { origin: 'http://127.0.0.1:PORT' }, 403],
    ['an opaque origin (sandboxed iframe, file:)', { origin: 'null' }, 403],
  ] as const)('refuses %s, on /api and /__admin', async (_label, headers, status) => {
    const sb = await startSandbox({ seed: false, rate: 0 });
    open.push(sb);
    const withPort = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(sb.port))]));
    const api = await call(sb, '/api', withPort);
    expect(api.status).toBe(status);
    expect(JSON.parse(api.body)).toMatchObject({ status: 'Error' });
    expect((await call(sb, '/__admin/stats', withPort, 'GET')).status).toBe(status);
    expect(sb.stats().requests).toBe(0);
  });
});
