// Property-based fuzzing of every command through browser mode's WebSocket (issue 15.6), against a host in
// its own process: each request gets a clean envelope for its id, malformed messages are answered or
// ignored, and afterwards the process is still up and serving.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { commands, COMMAND_NAMES } from '../shared/ipc/contract';
import { cleanReplyProblem, inputKeys, payloads } from '../main/core/testing/fuzz-payloads';
import { startHostProcess, type HostProcess } from './testing/host-process';

let host: HostProcess;
let ws: WebSocket;
const pending = new Map<number, (reply: unknown) => void>();
let nextId = 1;

beforeAll(async () => {
  host = await startHostProcess();
  ws = await host.openSocket();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { t: string; id?: number; reply?: unknown };
    if (message.t === 'res' && message.id !== undefined) pending.get(message.id)?.(message.reply);
  });
}, 60_000);
afterAll(() => {
  ws?.close();
  host?.stop();
});

function call(command: unknown, input: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${String(command)} (host stderr: ${host.stderr()})`)), 20_000);
    pending.set(id, (reply) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(reply);
    });
    ws.send(JSON.stringify({ t: 'req', id, command, input }));
  });
}

describe('contract fuzz through browser mode', () => {
  it('answers every command with a clean envelope and stays up', async () => {
    for (const name of COMMAND_NAMES) {
      const keys = inputKeys(commands[name].input);
      await fc.assert(
        fc.asyncProperty(payloads(keys), async (payload) => {
          const problem = cleanReplyProblem(await call(name, payload));
          if (problem) throw new Error(`${name}: ${problem}`);
        }),
        { numRuns: 8, seed: 3, endOnFailure: true },
      );
    }
    // Frames that are not requests at all: not JSON, binary, wrong shapes.
    ws.send('not json');
    ws.send(Buffer.from([0, 1, 2, 3]));
    ws.send(JSON.stringify({ t: 'req', id: 'x', command: 'app.status' }));
    ws.send(JSON.stringify([1, 2, 3]));
    expect(await call('no.such.command', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('app.status', {})).toMatchObject({ ok: true });
    expect(host.child.exitCode).toBeNull();
    expect(await host.getPage()).toBe(200);
  }, 120_000);
});
