// The attacks from the security review, run against browser mode in its own process: a reset during a
// refused upgrade (no token), an invalid UTF-8 text frame and an oversized frame (with the token). Each
// must cost the attacker its own connection only: the host keeps answering the next request.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH } from './wire';
import { MAX_FRAME_BYTES } from './ws-server';

const ROOT = join(__dirname, '../..');
let child: ChildProcess;
let stderr = '';
let origin: string;
let token: string;
let port: number;

// A fresh host per probe, so each probe shows its own effect.
beforeEach(async () => {
  stderr = '';
  child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'testing/host-child.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before it started: ${stderr}`)));
  });
  ({ origin, token } = JSON.parse(line) as { origin: string; token: string });
  port = Number(new URL(origin).port);
}, 60_000);

afterEach(() => {
  child?.kill('SIGTERM');
});

/** The host is alive and serves its page: the process did not exit and GET / answers 200. */
async function expectAnswering(): Promise<void> {
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  }).catch((error: unknown) => `${String(error)} (host stderr: ${stderr})`);
  expect(child.exitCode, stderr).toBeNull();
  expect(status).toBe(200);
}

function openSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?token=${encodeURIComponent(token)}`, { origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code the host ends the connection with. */
function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('error', () => {}); // the client side may see the reset too
    ws.once('close', (code) => resolve(code));
  });
}

describe('browser mode survives hostile clients', () => {
  it('a client that resets the connection while its upgrade is refused (no token)', async () => {
    const upgrade = [
      `GET ${WS_PATH} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      `Origin: ${origin}`,
      '',
      '',
    ].join('\r\n');
    // The reset races the refusal being written: repeat, resetting at different moments.
    for (let i = 0; i < 40; i++) {
      await new Promise<void>((resolve) => {
        const socket = tcpConnect(port, '127.0.0.1');
        socket.on('error', () => {});
        socket.on('close', () => resolve());
        socket.on('connect', () => {
          socket.write(upgrade);
          if (i % 2 === 0) socket.resetAndDestroy();
          else setImmediate(() => socket.resetAndDestroy());
        });
      });
    }
    await expectAnswering();
  });

  it('a text frame of invalid UTF-8 closes that connection with 1007 only', async () => {
    const other = await openSocket();
    const ws = await openSocket();
    const closed = closeCode(ws);
    ws.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    expect(other.readyState).toBe(WebSocket.OPEN);
    other.close();
    await expectAnswering();
  });

  it('a frame over the size limit closes that connection with 1009 only', async () => {
    const ws = await openSocket();
    const closed = closeCode(ws);
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20), { binary: false });
    expect(await closed).toBe(1009);
    await expectAnswering();
    // and a well-behaved page still gets its answers over a new connection
    const fresh = await openSocket();
    const reply = await new Promise<unknown>((resolve) => {
      fresh.once('message', (data) => resolve(JSON.parse(data.toString())));
      fresh.send(JSON.stringify({ t: 'req', id: 1, command: 'app.status', input: {} }));
    });
    expect(reply).toMatchObject({ t: 'res', id: 1, reply: { ok: true } });
    fresh.close();
  });
});
