// Typed sequence steps through the real core and sandbox (kartra-api.md §0.4 E6): a step that works is remembered
// per account and sequence and suggested again; a step Kartra refuses (230) is explained in words and forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../shared/domain/account';
import type { Lead } from '../../../shared/domain/lead';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import { SessionSecretStore } from '../credentials/secret-store';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL, SANDBOX_APP_ID } from '../sandbox';
import { openDatabase } from '../store/database';
import { SettingsRepo } from '../store/settings-repo';
import { CoreHarness, errorOf, valueOf } from '../testing/core-harness';
import { waitUntil } from '../testing/wait';
import { REMEMBERED_STEPS, SequenceStepMemory } from './sequence-step-memory';
import { join } from 'node:path';

const h = new CoreHarness();
afterEach(() => h.cleanup());

describe('SequenceStepMemory', () => {
  it('keeps the most recent steps first, per account and sequence (names without regard to case), at most six', () => {
    const db = openDatabase(join(h.tempDir(), 'memory.sqlite'));
    try {
      const memory = new SequenceStepMemory(new SettingsRepo(db));
      for (const step of ['1', '2', '3', '2', '4', '5', '6', '7']) memory.remember('acc-1', 'Welcome Series', step);
      expect(memory.steps('acc-1', 'welcome series')).toEqual(['7', '6', '5', '4', '2', '3']);
      expect(REMEMBERED_STEPS).toBe(6);
      expect(memory.steps('acc-2', 'Welcome Series')).toEqual([]);
      expect(memory.steps('acc-1', 'Win-back Campaign')).toEqual([]);
      memory.forget('acc-1', 'Welcome Series', '5');
      expect(memory.steps('acc-1', 'Welcome Series')).toEqual(['7', '6', '4', '2', '3']);
    } finally {
      db.close();
    }
  });
});

describe('typed steps through the core', () => {
  it('remembers a step that was used, explains a 230 with the step and the sequence, and stops suggesting that step', async () => {
    const sandbox = await h.sandbox();
    const core = await h.core({ keychain: new SessionSecretStore(), confirmWaitMs: 3_000 });
    valueOf<AccountInfo>(
      await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: sandbox.url }),
    );
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const steps = async (sequence: string) => valueOf<{ steps: string[] }>(await core.handle('account.sequenceSteps', { sequence })).steps;
    expect(await steps('Win-back Campaign')).toEqual([]);

    const ok = valueOf<WriteReceipt>(
      await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Win-back Campaign', step: '3' }] }),
    );
    expect(ok.changes.map((c) => c.status)).toEqual(['done']);
    expect(sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, id: lead.id })!.sequences).toContainEqual({ name: 'Win-back Campaign', step: '3', status: 'active' });
    expect(await steps('Win-back Campaign')).toEqual(['3']);

    // Win-back Campaign has four boxes in the sandbox's builder: step 7 does not exist.
    await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Win-back Campaign', step: '7' }] });
    const failed = await waitUntil(async () => {
      const { items } = valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', {}));
      return items.find((i) => i.status === 'failed');
    }, 'the 230 refusal');
    expect(failed.error).toMatchObject({
      code: 'kartra_error',
      message: "Kartra has no step 7 in 'Win-back Campaign' — check the box number in the sequence builder.",
      details: { kartraType: '230' },
    });
    expect(await steps('Win-back Campaign')).toEqual(['3']);
    expect(errorOf(await core.handle('account.sequenceSteps', { sequence: ' ' })).code).toBe('invalid_input');
  });

  it('an unknown sequence is refused before anything is sent; no step is remembered for it', async () => {
    const sandbox = await h.sandbox();
    const core = await h.core({ keychain: new SessionSecretStore() });
    valueOf(await core.handle('accounts.connect', { label: 'Shop', appId: SANDBOX_APP_ID, apiKey: DEMO_ACCOUNT.apiKey, apiPassword: DEMO_ACCOUNT.apiPassword, apiUrl: sandbox.url }));
    const lead = valueOf<Lead>(await core.handle('leads.find', { query: DEMO_LEAD_EMAIL }));
    const before = sandbox.stats().requests;
    const error = errorOf(
      await core.handle('leads.applyActions', { lead: { id: lead.id }, actions: [{ cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome Serie', step: '2' }] }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('No sequence named "Welcome Serie" exists in this Kartra account.') });
    // Only reads of the sequence names reached Kartra: one to fill the empty cache, one refresh before refusing.
    expect(sandbox.stats().requests - before).toBe(2);
    expect(sandbox.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, id: lead.id })!.sequences.map((s) => s.name)).not.toContain('Welcome Serie');
    expect(valueOf<{ steps: string[] }>(await core.handle('account.sequenceSteps', { sequence: 'Welcome Serie' })).steps).toEqual([]);
  });
});
