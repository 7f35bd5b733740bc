// Test-only helpers: a throwaway Kartra-like HTTP server on 127.0.0.1 and a scheduler that runs tasks at once.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach } from 'vitest';
import type { Lane } from '../../../../shared/domain/limiter';
import { listenOnLoopback } from '../../testing/loopback-server';
import { KartraClient, type KartraClientOptions } from '../client';
import type { Scheduler } from '../types';

export interface Hit {
  /** Form fields by their literal PHP key, e.g. "actions[0][cmd]". */
  form: Record<string, string>;
  raw: string;
  headers: IncomingMessage['headers'];
  /** Which TCP connection carried the request (1-based). */
  connection: number;
}

/**
 * What the handler does: answer JSON (status 200 unless given), answer raw text, or hold the request open.
 * `contentType` defaults to application/json; Kartra itself serves text/html (kartra-api.md §0.4 E10).
 */
export type Reply =
  | { json: unknown; status?: number; contentType?: string }
  | { text: string; status?: number; contentType?: string }
  | 'hold'
  | 'destroy';

export interface TestServer {
  url: string;
  hits: Hit[];
  connections: number;
  /** cmds seen, from actions[0][cmd] or "get_lead". */
  cmds(): string[];
  close(): Promise<void>;
}

export async function startServer(handler: (hit: Hit, index: number) => Reply | Promise<Reply>): Promise<TestServer> {
  const hits: Hit[] = [];
  let connections = 0;
  const ids = new WeakMap<Socket, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const hit: Hit = { form: Object.fromEntries(new URLSearchParams(raw)), raw, headers: req.headers, connection: ids.get(req.socket) ?? 0 };
      hits.push(hit);
      void Promise.resolve(handler(hit, hits.length - 1)).then((reply) => {
        if (reply === 'hold') return;
        if (reply === 'destroy') {
          req.socket.destroy();
          return;
        }
        const body = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(body);
      });
    });
  });
  const loopback = await listenOnLoopback(server, (socket, count) => {
    connections = count;
    ids.set(socket, count);
  });
  return {
    url: loopback.url,
    hits,
    get connections() {
      return connections;
    },
    cmds: () => hits.map((h) => h.form['actions[0][cmd]'] ?? (h.form['get_lead[id]'] || h.form['get_lead[email]'] ? 'get_lead' : '?')),
    close: loopback.close,
  };
}

/** A Scheduler that starts every task at once and counts them (the real limiter is tested on its own). */
export function immediateScheduler(): Scheduler & { started: Lane[] } {
  const started: Lane[] = [];
  return {
    started,
    schedule<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
      started.push(lane);
      return task();
    },
  };
}

/** A get_lead answer for a lead with the given details. */
export function leadAnswer(details: Record<string, unknown>): Reply {
  return { json: { status: 'Success', lead_details: details } };
}

export const NO_LEAD: Reply = { json: { status: 'Error', message: 'No lead found', type: '234' } };

/**
 * For a test file: `answer(handler)` starts a throwaway server and a client on it (immediate scheduler,
 * two quick attempts unless `options` say otherwise); both are closed after each test.
 */
export function useAnsweringServer(
  options: Partial<Pick<KartraClientOptions, 'retry' | 'http'>> & { credentials?: Omit<KartraClientOptions['credentials'], 'apiUrl'> } = {},
): (handler: (hit: Hit, index: number) => Reply) => Promise<{ server: TestServer; client: KartraClient }> {
  let server: TestServer | undefined;
  let client: KartraClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });
  return async (handler) => {
    server = await startServer(handler);
    client = new KartraClient({
      credentials: { apiUrl: server.url, ...(options.credentials ?? { appId: 'a', apiKey: 'k', apiPassword: 'p' }) },
      scheduler: immediateScheduler(),
      retry: options.retry ?? { attempts: 2, baseDelayMs: 1 },
      ...(options.http ? { http: options.http } : {}),
    });
    return { server, client };
  };
}
