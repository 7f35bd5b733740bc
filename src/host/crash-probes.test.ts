// The attacks from the security review, run against browser mode in its own process: a reset during a
// refused upgrade (no token), an invalid UTF-8 text frame and an oversized frame (with the token). Each
// must cost the attacker its own connection only: the host keeps answering the next request.
import { connect as tcpConnect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHostProcess, type HostProcess } from './testing/host-process';
import { WS_PATH } from './wire';
import { MAX_FRAME_BYTES } from './ws-server';

let host: HostProcess;
let origin: string;
let port: number;

// A fresh host per probe, so each probe shows its own effect.
beforeEach(async () => {
  host = await startHostProcess();
  ({ origin, port } = host);
}, 60_000);

afterEach(() => host?.stop());

/** The host is alive and serves its page: the process did not exit and GET / answers 200. */
async function expectAnswering(): Promise<void> {
  const status = await host.getPage();
  expect(host.child.exitCode, host.stderr()).toBeNull();
  expect(status).toBe(200);
}

const openSocket = () => host.openSocket();

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
