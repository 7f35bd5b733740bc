// Test kit: an HTTP proxy on 127.0.0.1 in front of the sandbox that lets a test decide, per request, how the answer
// gets lost — after the sandbox applied it (flat error, fewer results, reset, timeout) or without forwarding it at
// all — and records every request in order (writes and get_lead reads) so a test can see what reached Kartra.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../testing/loopback-server';

export interface ProxiedRequest {
  /** "get_lead", or the write's cmds joined by "+" (e.g. "give_points_to_lead+subscribe_lead_to_sequence_at_step"). */
  what: string;
  form: Record<string, string>;
  /** Whether it reached the sandbox. */
  forwarded: boolean;
}

/**
 * What happens to one request: `pass` forwards it and answers what the sandbox said; `answer` forwards it and
 * answers `json` instead; `reset` forwards it, then destroys the socket; `hold` forwards it and never answers;
 * `drop-answer` answers `json` without forwarding (nothing applied).
 */
export type ProxyFate =
  | 'pass'
  | 'reset'
  | 'hold'
  | { answer: (upstream: Record<string, unknown>) => unknown }
  | { dropAnswer: unknown };

export interface FaultProxy {
  url: string;
  requests: ProxiedRequest[];
  writes(): ProxiedRequest[];
  close(): Promise<void>;
}

function whatOf(form: Record<string, string>): string {
  if (form['get_lead[id]'] !== undefined || form['get_lead[email]'] !== undefined) return 'get_lead';
  const cmds: string[] = [];
  for (let i = 0; form[`actions[${i}][cmd]`] !== undefined; i++) cmds.push(form[`actions[${i}][cmd]`]!);
  return cmds.join('+');
}

export async function startFaultProxy(upstreamUrl: string, decide: (request: ProxiedRequest, index: number) => ProxyFate): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const requests: ProxiedRequest[] = [];
  const forward = (raw: string, headers: IncomingMessage['headers']) =>
    new Promise<string>((resolve, reject) => {
      const req = httpRequest(upstream, { method: 'POST', agent: false, headers: { 'content-type': headers['content-type'] ?? 'application/x-www-form-urlencoded' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      req.on('error', reject);
      req.end(raw);
    });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const form = Object.fromEntries(new URLSearchParams(raw));
        const entry: ProxiedRequest = { what: whatOf(form), form, forwarded: false };
        requests.push(entry);
        const fate = decide(entry, requests.length - 1);
        const reply = (body: unknown) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        };
        if (typeof fate === 'object' && 'dropAnswer' in fate) return reply(fate.dropAnswer);
        entry.forwarded = true;
        const text = await forward(raw, req.headers);
        if (fate === 'pass') return reply(text);
        if (fate === 'reset') return req.socket.destroy();
        if (fate === 'hold') return;
        return reply(fate.answer(JSON.parse(text) as Record<string, unknown>));
      })();
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    requests,
    writes: () => requests.filter((r) => r.what !== 'get_lead' && r.what !== 'retrieve_account_tags' && r.forwarded),
    close: loopback.close,
  };
}

/** A decision giving `fate` to the FIRST request that `isTarget` picks, and 'pass' to every other; `used()` says whether it came. */
export function onFirst(isTarget: (request: ProxiedRequest) => boolean, fate: ProxyFate): { decide: (request: ProxiedRequest) => ProxyFate; used: () => boolean } {
  let used = false;
  return {
    decide: (request) => {
      if (used || !isTarget(request)) return 'pass';
      used = true;
      return fate;
    },
    used: () => used,
  };
}
