// Property-based fuzzing of every command through the real core router (issue 15.6): random, wrong-typed
// and oversized payloads always get a clean envelope (invalid_input or another user-facing error, never
// internal), the process stays up, and the heap does not keep what the payloads brought.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, COMMAND_NAMES } from '../../../shared/ipc/contract';
import type { Core } from '../core-types';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { cleanReplyProblem, inputKeys, payloads } from '../testing/fuzz-payloads';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const h = new CoreHarness();
let core: Core;
beforeAll(async () => {
  core = await h.core();
  valueOf(await core.handle('sandbox.connect', {})); // connected, so valid inputs reach the handlers
}, 60_000);
afterAll(() => h.cleanup());

describe('contract fuzz through the core router', () => {
  it('answers every command, whatever the payload, with a clean envelope and bounded memory', async () => {
    const fuzzOnce = async (runs: number, seed: number) => {
      for (const name of COMMAND_NAMES) {
        const keys = inputKeys(commands[name].input);
        await fc.assert(
          fc.asyncProperty(payloads(keys), async (payload) => {
            const problem = cleanReplyProblem(await core.handle(name, payload));
            if (problem) throw new Error(`${name}: ${problem}`);
          }),
          { numRuns: runs, seed, endOnFailure: true },
        );
      }
      // Not a command name at all, and not a string.
      for (const bad of ['fs.readFile', '__proto__', 42, null, { toString: 1 }]) {
        expect(errorOf(await core.handle(bad, {})).code).toBe('invalid_input');
      }
    };
    await fuzzOnce(3, 1); // warm-up: code paths compiled, caches and prepared statements made
    const before = heapAfterGc();
    await fuzzOnce(25, 2);
    const grown = heapAfterGc() - before;
    expect(grown, `heap grew by ${(grown / 1048576).toFixed(1)} MiB`).toBeLessThan(32 * 1024 * 1024);
  }, 120_000);

  it('refuses the reported oversized inputs as invalid_input, naming the field', async () => {
    const statuses = errorOf(await core.handle('outbox.list', { statuses: Array.from({ length: 40_000 }, () => 'pending') }));
    expect(statuses).toMatchObject({ code: 'invalid_input', details: { field: 'statuses' } });
    const seen = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`field_${i}`, 'x']));
    const edit = errorOf(await core.handle('leads.edit', { lead: { id: '1' }, changes: { first_name: 'A' }, seen }));
    expect(edit).toMatchObject({ code: 'invalid_input', details: { field: 'seen' } });
    for (const [command, input, field] of [
      ['outbox.retry', { ids: Array.from({ length: 40_000 }, (_, i) => i + 1) }, 'ids'],
      ['import.fixCell', { jobId: 'abcdefgh-1', row: 1, column: 'c'.repeat(5000), value: 'v' }, 'column'],
      ['recipes.delete', { id: 'r'.repeat(5000) }, 'id'],
      ['leads.checkEmail', { email: 'a@example.com', exceptLeadId: '9'.repeat(5000) }, 'exceptLeadId'],
    ] as const) {
      expect(errorOf(await core.handle(command, input)), command).toMatchObject({ code: 'invalid_input', details: { field } });
    }
  });
});
