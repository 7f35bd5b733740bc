// The sandbox's HTTP server: POST /api (rate window, faults, then the Kartra request) and /__admin, on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { handleAdmin } from './admin';
import { DEMO_ACCOUNT, AGENCY_ACCOUNT } from './auth';
import { createClock } from './est-time';
import { checkFaults, FaultInjector } from './faults';
import { createInspector } from './inspector';
import { say } from './messages';
import { parseKartraBody } from './parse-request';
import { processRequest, type ProcessSettings } from './process-request';
import { SlidingWindow } from './rate-window';
import { bootstrapState } from './seed/seed';
import { openState } from './store/state';
import { behaviourFrom, checkBehaviour } from './behaviour';
import type { RunningSandbox, SandboxBehaviour, SandboxOptions, SandboxStats } from './types';

const MAX_BODY = 8 * 1024 * 1024;
/** Kartra serves its JSON as text/html (kartra-api.md §0.4 E10); 'json' is the switch for the opposite. */
const CONTENT_TYPES = { html: 'text/html; charset=UTF-8', json: 'application/json; charset=utf-8' } as const;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = openState(createClock(), options.dataFile);
  try {
    bootstrapState(state, options.seed !== false);
  } catch (error) {
    state.db.close();
    throw error;
  }
  const settings: ProcessSettings = {
    testMode: options.testMode === true,
    simulateInsecure: options.simulateInsecure === true,
    behaviour: behaviourFrom(options),
  };
  const faults = new FaultInjector(options.randomSeed ?? randomBytes(4).readUInt32LE(0), checkFaults(options.faults ?? {}));
  const window = new SlidingWindow(options.rate ?? 20);
  const counters: SandboxStats = { requests: 0, count429: 0, byApp: {} };
  const adminToken = randomBytes(18).toString('hex');
  const inspect = createInspector(state);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const stats = (): SandboxStats => ({
    requests: counters.requests,
    count429: counters.count429,
    byApp: Object.fromEntries(Object.entries(counters.byApp).map(([k, v]) => [k, { ...v }])),
  });
  const setFaults = (f: Parameters<RunningSandbox['setFaults']>[0]) => faults.set(checkFaults(f));
  const setTestMode = (on: boolean) => {
    settings.testMode = on;
  };
  const behaviour = (): SandboxBehaviour => ({ ...settings.behaviour });
  const setBehaviour = (change: Partial<SandboxBehaviour>): SandboxBehaviour => {
    settings.behaviour = checkBehaviour({ ...settings.behaviour, ...change });
    return behaviour();
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => sendAs(settings.behaviour.contentType, res, status, body);
  /** A timer that close() cancels; the awaiting request is then simply abandoned (its socket is destroyed). */
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const count = (appId: string, rejected: boolean) => {
    const app = (counters.byApp[appId] ??= { requests: 0, count429: 0 });
    counters.requests++;
    app.requests++;
    if (rejected) {
      counters.count429++;
      app.count429++;
    }
  };

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const arrival = performance.now();
    const params = parseKartraBody(body, req.headers['content-type']);
    const appId = typeof params.app_id === 'string' ? params.app_id : '';
    if (!window.tryAccept(appId, arrival)) {
      count(appId, true);
      return send(res, 429, tooMany());
    }
    const fault = faults.decide();
    count(appId, fault === 'extra429');
    if (fault === 'extra429') {
      window.release(appId, arrival);
      return send(res, 429, tooMany());
    }
    if (faults.latencyMs > 0) await wait(faults.latencyMs);
    if (closed) return;
    if (fault === 'http503') return send(res, 503, { status: 'Error', message: 'Service Unavailable', type: '503' });
    if (fault === 'resetBefore') return void req.socket.destroy();
    const answer = processRequest(state, params, req.socket.remoteAddress ?? '', settings);
    if (fault === 'resetAfter') return void req.socket.destroy();
    if (fault === 'timeout') {
      await wait(faults.holdMs);
      return void req.socket.destroy();
    }
    send(res, 200, answer);
  }

  const server = http.createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        if (closed) return;
        const path = (req.url ?? '/').split('?')[0]!;
        if (path === '/__admin' || path.startsWith('/__admin/')) {
          const token = req.headers['x-sandbox-admin'];
          const answer = handleAdmin(
            { token: adminToken, inspect, setFaults, setTestMode, setBehaviour, behaviour, stats },
            req.method ?? '',
            path,
            Array.isArray(token) ? token[0] : token,
            body,
          );
          return send(res, answer.status, answer.body);
        }
        if (path !== '/api') return send(res, 404, { status: 'Error', message: `Not found: ${path}` });
        if (req.method !== 'POST') {
          res.setHeader('allow', 'POST');
          return send(res, 405, { status: 'Error', message: 'Method not allowed: the Kartra API takes POST only' });
        }
        await handleApi(req, res, body);
      })
      .catch((error: unknown) => {
        if (closed || res.headersSent || req.socket.destroyed) return;
        if (error instanceof BodyTooLarge) return send(res, 413, { status: 'Error', message: 'Request body too large' });
        send(res, 500, { status: 'Error', message: `Sandbox internal error: ${(error as Error).message}` });
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    state.db.close();
    throw error;
  });
  const port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/api`,
    port,
    accounts: [{ ...DEMO_ACCOUNT }, { ...AGENCY_ACCOUNT }],
    adminToken,
    inspect,
    setFaults,
    setTestMode,
    setBehaviour,
    behaviour,
    stats,
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
      state.db.close();
    },
  };

  function tooMany() {
    const { type, message } = say('rateLimited', settings.behaviour.legacyMessages);
    return { status: 'Error', message, type };
  }
}

function sendAs(type: SandboxBehaviour['contentType'], res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': CONTENT_TYPES[type] });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
