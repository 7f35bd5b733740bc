// The sandbox's HTTP server: POST /api (rate window, faults, then the Kartra request) and /__admin, on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isLoopbackHost } from '../../../shared/domain/api-address';
import { handleAdmin } from './admin';
import { DEMO_ACCOUNT, AGENCY_ACCOUNT } from './auth';
import { createClock } from './est-time';
import { checkFaults, FaultInjector } from './faults';
import { createInspector } from './inspector';
import { Network } from './network';
import { say } from './messages';
import { parseKartraBody } from './parse-request';
import { processRequest, type ProcessSettings } from './process-request';
import { RequestLog } from './request-log';
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
  const seed = options.randomSeed ?? randomBytes(4).readUInt32LE(0);
  const initialFaults = checkFaults(options.faults ?? {});
  const faults = new FaultInjector(seed, initialFaults);
  const network = new Network(seed, initialFaults);
  const window = new SlidingWindow(options.rate ?? 20);
  const counters: SandboxStats = { requests: 0, count429: 0, byApp: {} };
  const requestLog = new RequestLog();
  const adminToken = randomBytes(18).toString('hex');
  const inspect = createInspector(state);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let port = 0;

  const stats = (): SandboxStats => ({
    requests: counters.requests,
    count429: counters.count429,
    byApp: Object.fromEntries(Object.entries(counters.byApp).map(([k, v]) => [k, { ...v }])),
  });
  const setFaults = (f: Parameters<RunningSandbox['setFaults']>[0]) => {
    const checked = checkFaults(f);
    faults.set(checked);
    network.set(checked);
  };
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
    // The request travels upstream first: Kartra's window counts it when it gets there, not when it was sent.
    const upstream = network.upstream();
    if (upstream > 0) await wait(upstream);
    if (closed) return;
    const arrival = performance.now();
    const params = parseKartraBody(body, req.headers['content-type']);
    const appId = typeof params.app_id === 'string' ? params.app_id : '';
    const accepted = window.tryAccept(appId, arrival);
    const fault = accepted ? faults.decide() : 'none';
    if (fault === 'extra429') window.release(appId, arrival);
    const rejected = !accepted || fault === 'extra429';
    count(appId, rejected);
    requestLog.add(params, !rejected);
    options.onArrival?.({ appId, apiKey: typeof params.api_key === 'string' ? params.api_key : '', at: arrival, accepted: !rejected });
    if (rejected) return answer(res, 429, tooMany());
    if (fault === 'http503') return answer(res, 503, { status: 'Error', message: 'Service Unavailable', type: '503' });
    if (fault === 'resetBefore') return void req.socket.destroy();
    const reply = processRequest(state, params, req.socket.remoteAddress ?? '', settings);
    if (fault === 'resetAfter') return void req.socket.destroy();
    if (fault === 'timeout') {
      await wait(faults.holdMs);
      return void req.socket.destroy();
    }
    await answer(res, 200, reply);
  }

  /** Sends an answer after its trip downstream. */
  async function answer(res: http.ServerResponse, status: number, reply: unknown): Promise<void> {
    const downstream = network.downstream();
    if (downstream > 0) await wait(downstream);
    if (closed) return;
    send(res, status, reply);
  }

  const server = http.createServer((req, res) => {
    const refusal = refuseCaller(req, port);
    if (refusal) {
      req.resume();
      return send(res, refusal.status, { status: 'Error', message: refusal.message });
    }
    readBody(req)
      .then(async (body) => {
        if (closed) return;
        const path = (req.url ?? '/').split('?')[0]!;
        if (path === '/__admin' || path.startsWith('/__admin/')) {
          const token = req.headers['x-sandbox-admin'];
          const answer = handleAdmin(
            { token: adminToken, inspect, setFaults, setTestMode, setBehaviour, behaviour, stats, requests: (q) => requestLog.list(q) },
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
  port = (server.address() as { port: number }).port;

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
    requests: (q = {}) => requestLog.list(q),
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

/**
 * Only programs on this machine may call the sandbox, as with browser mode (src/host/guard.ts): the Host
 * header must name a loopback address on our port (a DNS-rebinding page sends its own name), and no
 * Origin may be present (browsers send one with every POST; Kartra clients never do), so a web page
 * cannot drive the sandbox's accounts.
 */
export function refuseCaller(req: Pick<http.IncomingMessage, 'headers'>, port: number): { status: number; message: string } | null {
  const host = req.headers.host ?? '';
  let hostname: string;
  let hostPort: string;
  try {
    ({ hostname, port: hostPort } = new URL(`http://${host}`));
  } catch {
    return { status: 421, message: 'Misdirected request: the Host header is not valid.' };
  }
  if (!isLoopbackHost(hostname) || hostPort !== String(port)) {
    return { status: 421, message: 'Misdirected request: the sandbox answers only on its own loopback address.' };
  }
  if (req.headers.origin !== undefined) {
    return { status: 403, message: 'Forbidden: the sandbox does not answer web pages (a request with an Origin header).' };
  }
  return null;
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
