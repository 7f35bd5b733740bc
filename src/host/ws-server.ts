// The host's WebSocket endpoint: checks Host, Origin and token on upgrade, then relays requests to
// core.handle and pushes core events to every connected page. Every socket has an error handler: a peer
// that resets, sends invalid UTF-8 or an oversized frame loses its own connection, never the process.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { errorEnvelope } from '../shared/ipc/envelope';
import type { Core } from '../main/core/core-types';
import type { Logger } from '../main/core/log';
import { isAllowedHost, isAllowedOrigin, isValidToken } from './guard';
import { parseRequest, TOKEN_PARAM, WS_PATH, type ServerMessage } from './wire';

/** The largest frame accepted: the largest import.chunk (6,000,000 characters of base64) plus its JSON envelope. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

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
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // A server-level error (never expected with noServer) must not end the process either.
  wss.on('error', (error) => options.log.warn('host: WebSocket server error', { error: error.message }));
  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = options.core.onEvent((name, payload) => {
    for (const client of wss.clients) send(client, { t: 'evt', name, payload });
  });

  wss.on('connection', (ws) => {
    // ws emits 'error' for a protocol violation (invalid UTF-8 → 1007, frame over maxPayload → 1009) and
    // closes that connection itself; without a listener the emit would throw and end the process.
    ws.on('error', (error) => options.log.warn('host: WebSocket connection dropped', { error: error.message, code: (error as { code?: string }).code }));
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
      // Node's HTTP server stops listening for errors on a socket once it is handed over for an upgrade:
      // a peer that resets now (e.g. while being refused) would otherwise raise an unheard 'error'.
      socket.on('error', (error) => options.log.warn('host: upgrade socket error', { error: error.message }));
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
