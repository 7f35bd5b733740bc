// Test support: browser mode in a child process (see host-child.ts), and the checks the hostile-client
// tests make against it: still running, still serving its page, WebSockets with the right token and Origin.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WS_PATH } from '../wire';

const ROOT = join(__dirname, '../../..');

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  port: number;
  stderr(): string;
  /** GET / with the right Host header: the status, or the error text when nothing answered. */
  getPage(): Promise<number | string>;
  openSocket(): Promise<WebSocket>;
  stop(): void;
}

export async function startHostProcess(): Promise<HostProcess> {
  let stderr = '';
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'host-child.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before it started: ${stderr}`)));
  });
  const { origin, token } = JSON.parse(line) as { origin: string; token: string };
  const port = Number(new URL(origin).port);
  return {
    child,
    origin,
    token,
    port,
    stderr: () => stderr,
    getPage: () =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      }).catch((error: unknown) => `${String(error)} (host stderr: ${stderr})`),
    openSocket: () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?token=${encodeURIComponent(token)}`, { origin });
      return new Promise((resolve, reject) => {
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    },
    stop: () => void child.kill('SIGTERM'),
  };
}
