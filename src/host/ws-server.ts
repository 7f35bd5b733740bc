// The host's WebSocket endpoint: checks Host, Origin and token on upgrade, then relays requests to
// core.handle and pushes core events to every connected page.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { errorEnvelope } from '../shared/ipc/envelope';
import type { Core } from '../main/core/core-types';
import type { Logger } from '../main/core/log';
import { isAllowedHost, isAllowedOrigin, isValidToken } from './guard';
import { parseRequest, TOKEN_PARAM, WS_PATH, type ServerMessage } from './wire';

export interface WsEndpointOptions {
  core: Pick<Core, 'handle' | 'onEvent'>;
  port: () => number;
  token: string;
  log: Logger;
}

export interface WsEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** Why an upgrade is refused, or null when it may proceed. */
export function refuseUpgrade(req: IncomingMessage, port: number, token: string): { status: number; reason: string } | null {
  if (!isAllowedHost(req.headers.host, port)) return { status: 421, reason: 'wrong Host header' };
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname !== WS_PATH) return { status: 404, reason: 'no such endpoint' };
  if (!isAllowedOrigin(req.headers.origin, port)) return { status: 403, reason: 'wrong Origin' };
  if (!isValidToken(url.searchParams.get(TOKEN_PARAM), token)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}

export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = options.core.onEvent((name, payload) => {
    for (const client of wss.clients) send(client, { t: 'evt', name, payload });
  });

  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      const parsed = parseRequest(isBinary ? '' : data.toString());
      if ('error' in parsed) {
        options.log.warn('host: malformed WebSocket message', { error: parsed.error });
        if (parsed.id !== undefined) {
          send(ws, { t: 'res', id: parsed.id, reply: errorEnvelope({ code: 'invalid_input', message: `Malformed request: ${parsed.error}`, retryable: false }) });
        }
        return;
      }
      options.core
        .handle(parsed.command, parsed.input)
        .catch(() => errorEnvelope({ code: 'internal', message: `Lead Desk could not run ${parsed.command}.`, retryable: true }))
        .then((reply) => send(ws, { t: 'res', id: parsed.id, reply }));
    });
  });

  return {
    handleUpgrade(req, socket, head) {
      const refusal = refuseUpgrade(req, options.port(), options.token);
      if (refusal) {
        options.log.warn('host: WebSocket refused', { reason: refusal.reason, origin: req.headers.origin, host: req.headers.host });
        socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      return new Promise((done) => wss.close(() => done()));
    },
  };
}
