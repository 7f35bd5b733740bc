import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../main/core/log';
import { APP_CSP } from '../main/core/app-pages/csp';
import { injectBridge, startHost, type RunningHost } from './start-host';
import { BRIDGE_PATH, WS_PATH } from './wire';

const BRIDGE_SOURCE = 'window.api = "from the built bridge";\n';
let base: string;
let host: RunningHost;
let port: number;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lead-desk-host-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8"><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // The real bridge is a build output (out/main/host-bridge.js), exercised by the bundle tests; here any file does.
  await writeFile(join(base, 'bridge.js'), BRIDGE_SOURCE);
  await mkdir(join(base, 'data'));
  host = await startHost({ dataDir: join(base, 'data'), rendererDir, bridgeFile: join(base, 'bridge.js'), log: silentLogger });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

function get(path: string, hostHeader = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: hostHeader } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface WsOptions {
  token?: string | null;
  origin?: string | null;
  hostHeader?: string;
}

/** Opens a WebSocket; resolves with the open socket, or with the HTTP status the host refused it with. */
function connect({ token = host.token, origin = host.origin, hostHeader }: WsOptions = {}): Promise<WebSocket | number> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const headers: Record<string, string> = {};
  if (hostHeader) headers.Host = hostHeader;
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}${query}`, { headers, ...(origin === null ? {} : { origin }) });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

function roundTrip(ws: WebSocket, message: unknown): Promise<{ t: string; id: number; reply: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString()) as { t: string; id: number; reply: unknown };
      if (parsed.t !== 'res') return;
      ws.off('message', onMessage);
      resolve(parsed);
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser host HTTP', () => {
  it('listens on loopback only and puts the token in the URL hash', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves index.html with the bridge before the app script and the app CSP', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(APP_CSP);
    expect(res.body.indexOf(`<script src="${BRIDGE_PATH}">`)).toBeGreaterThan(-1);
    expect(res.body.indexOf(BRIDGE_PATH)).toBeLessThan(res.body.indexOf('type="module"'));
    const bridge = await get(BRIDGE_PATH, `localhost:${port}`);
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toMatch(/javascript/);
    expect(bridge.body).toBe(BRIDGE_SOURCE);
    expect((await get('/assets/app.js')).status).toBe(200);
  });

  it('refuses a request whose Host header is not its own loopback address (DNS rebinding)', async () => {
    for (const hostHeader of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const res = await get('/', hostHeader);
      expect(res.status, hostHeader).toBe(421);
      expect(res.body).not.toContain(BRIDGE_PATH);
    }
  });
});

describe('browser host WebSocket', () => {
  it('round-trips a command with the right token and Origin', async () => {
    const ws = await connect();
    expect(ws).toBeInstanceOf(WebSocket);
    const socket = ws as WebSocket;
    const res = await roundTrip(socket, { t: 'req', id: 7, command: 'app.status', input: {} });
    expect(res).toMatchObject({ t: 'res', id: 7, reply: { ok: true, value: { account: null } } });
    socket.close();
  });

  it('answers a malformed payload with invalid_input naming the field, and keeps the socket', async () => {
    const socket = (await connect({ origin: `http://localhost:${port}` })) as WebSocket;
    const bad = await roundTrip(socket, { t: 'req', id: 1, command: 'leads.find', input: { query: 123 } });
    expect(bad.reply).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'query' } } });
    const junk = await roundTrip(socket, { t: 'req', id: 2, command: 42 });
    expect(junk.reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await roundTrip(socket, { t: 'req', id: 3, command: 'fs.readFile', input: {} });
    expect(unknown.reply).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'command' } } });
    const ok = await roundTrip(socket, { t: 'req', id: 4, command: 'app.status', input: {} });
    expect(ok.reply).toMatchObject({ ok: true });
    socket.close();
  });

  it.each([
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['no token', { token: null }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['the right host name on another port as Origin', { origin: 'http://127.0.0.1:1' }, 403],
    ['no Origin', { origin: null }, 403],
  ] as const)('refuses an upgrade with %s', async (_label, options, status) => {
    expect(await connect(options)).toBe(status);
  });

  it('refuses an upgrade with a foreign Host header', async () => {
    expect(await connect({ hostHeader: `evil.example:${port}` })).toBe(421);
  });
});

describe('host setup', () => {
  it('fails with a clear message when the renderer is not built', async () => {
    await expect(startHost({ dataDir: base, rendererDir: join(base, 'missing'), log: silentLogger })).rejects.toThrow(/npm run build/);
  });

  it('fails with a clear message when the page bridge is not built', async () => {
    const rendererDir = join(base, 'renderer');
    await expect(startHost({ dataDir: base, rendererDir, bridgeFile: join(base, 'no-bridge.js'), log: silentLogger })).rejects.toThrow(
      /bridge is not built.*npm run build/,
    );
  });

  it('injects the bridge before the first script, or before </head>', () => {
    expect(injectBridge('<head><script src="a.js"></script></head>')).toMatch(/^<head><script src="\/__host\/bridge\.js"><\/script>\s*<script src="a\.js">/);
    expect(injectBridge('<head><title>x</title></head>')).toBe('<head><title>x</title><script src="/__host/bridge.js"></script></head>');
    expect(() => injectBridge('<p>no head</p>')).toThrow(/bridge/);
  });
});
