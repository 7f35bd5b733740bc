// Browser mode: serves the built renderer on 127.0.0.1 with a bridge that gives the page the same window.api
// as the Electron preload, over a WebSocket to the same core the shell uses. Both are build outputs
// (`npm run build`): out/renderer and out/main/host-bridge.js.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createCore } from '../main/core/create-core';
import type { Core, CoreOptions } from '../main/core/core-types';
import { createLogger, type Logger } from '../main/core/log';
import { securityHeaders } from '../main/core/app-pages/csp';
import { readStaticFile } from '../main/core/app-pages/static-files';
import { isAllowedHost, newToken } from './guard';
import { BRIDGE_PATH, TOKEN_PARAM } from './wire';
import { createWsEndpoint } from './ws-server';

export interface HostOptions {
  dataDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (default: out/renderer of this repository). */
  rendererDir?: string;
  /** The built page bridge (default: out/main/host-bridge.js of this repository). */
  bridgeFile?: string;
  log?: Logger;
  /** Passed to the core's built-in sandbox (fault injection, rate) for tests. */
  sandbox?: CoreOptions['sandbox'];
}

export interface RunningHost {
  /** Page URL with the token in the hash: what a browser opens. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

// Both src/host and out/main sit two folders below the repository: the same paths work from source and built.
export const DEFAULT_RENDERER_DIR = resolve(__dirname, '../../out/renderer');
export const DEFAULT_BRIDGE_FILE = resolve(__dirname, '../../out/main/host-bridge.js');

/** Puts the bridge before the renderer's first script so window.api exists when the app boots. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1) return html.slice(0, firstScript) + tag + '\n    ' + html.slice(firstScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd !== -1) return html.slice(0, headEnd) + tag + html.slice(headEnd);
  throw new Error('The renderer index.html has neither a <script> nor a </head> to put the host bridge before.');
}

async function requireBuilt(what: string, file: string): Promise<void> {
  const ok = await stat(file).then((s) => s.isFile(), () => false);
  if (!ok) throw new Error(`${what} is not built: ${file} is missing. Run \`npm run build\` first.`);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const bridgeFile = resolve(options.bridgeFile ?? DEFAULT_BRIDGE_FILE);
  await requireBuilt('The renderer', join(rendererDir, 'index.html'));
  await requireBuilt('The browser-mode bridge', bridgeFile);
  const log = options.log ?? createLogger();
  const bridge = await readFile(bridgeFile, 'utf8');
  const version = await readVersion();
  const core = await createCore({ dataDir: options.dataDir, version, log, processKind: 'browser', ...(options.sandbox ? { sandbox: options.sandbox } : {}) });
  const token = newToken();
  let port = 0;
  const headers = securityHeaders();

  const reply = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return reply(res, 421, 'text/plain; charset=utf-8', 'Misdirected request: wrong Host header.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.', { Allow: 'GET, HEAD' });
      const path = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
      if (path === BRIDGE_PATH) return reply(res, 200, 'text/javascript; charset=utf-8', bridge);
      if (path === '/' || path === '/index.html') {
        // Read on every request: a rebuilt renderer shows up on reload.
        const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
        return reply(res, 200, 'text/html; charset=utf-8', injectBridge(html));
      }
      const file = await readStaticFile(rendererDir, path);
      res.writeHead(file.status, file.headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })().catch((error: unknown) => {
      log.error('host: request failed', { url: req.url, error });
      if (!res.headersSent) reply(res, 500, 'text/plain; charset=utf-8', 'Internal error.');
      else res.destroy();
    });
  });

  // A malformed request line, a header overflow or a reset mid-request: answer 400 when the socket can
  // still take it, otherwise drop it. Node's default does the same, but an explicit handler also covers
  // errors after the response began and keeps them in the log.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') log.warn('host: client error', { error: error.message, code: error.code });
    if (socket.writable && !socket.writableEnded) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const ws = createWsEndpoint({ core, port: () => port, token, log });
  server.on('upgrade', (req, socket, head) => ws.handleUpgrade(req, socket, head));

  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => done());
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  // After listening, a server error (e.g. EMFILE while accepting) is logged, never the end of the process.
  server.on('error', (error) => log.error('host: server error', { error }));
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#${TOKEN_PARAM}=${token}`,
    origin,
    token,
    core,
    close() {
      closing ??= (async () => {
        await ws.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await core.close();
      })();
      return closing;
    },
  };
}

async function readVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(resolve(__dirname, '../../package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
