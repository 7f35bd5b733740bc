// The first journey through the real core: router → services → client → rate limiter → sandbox over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../shared/domain/lead';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Core } from './core-types';
import { createCore } from './create-core';
import { silentLogger } from './log';
import { DEMO_ACCOUNT, DEMO_LEAD_EMAIL } from './sandbox';
import { coreClient } from './core-client';

const opened: { core: Core; dir: string }[] = [];
afterEach(async () => {
  for (const { core, dir } of opened.splice(0)) {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function newCore(dir = mkdtempSync(join(tmpdir(), 'lead-desk-core-'))) {
  const core = await createCore({ dataDir: dir, version: 'test', log: process.env.CORE_LOG ? undefined : silentLogger });
  opened.push({ core, dir });
  return { core, dir };
}

function value<T>(reply: Envelope<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('createCore', () => {
  it('starts with no account, then connects to the sandbox and reports it', async () => {
    const { core } = await newCore();
    const events: string[] = [];
    core.onEvent((name) => events.push(name));
    expect(value<{ account: unknown }>(await coreClient(core).app.status({})).account).toBeNull();

    const account = value<{ kind: string; apiUrl: string }>(await coreClient(core).sandbox.connect({}));
    expect(account.kind).toBe('sandbox');
    expect(account.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(events).toContain('app.status');
    expect(value<{ account: { kind: string } }>(await coreClient(core).app.status({})).account.kind).toBe('sandbox');
  });

  it('finds the demo lead, assigns a tag it lacks in one call, and the sandbox agrees', async () => {
    const { core } = await newCore();
    value(await coreClient(core).sandbox.connect({}));
    const lead = value<Lead>(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL }));
    expect(lead.email).toBe(DEMO_LEAD_EMAIL);
    expect(lead.tags.length).toBeGreaterThanOrEqual(2);

    const tags = value<{ items: string[] }>(await coreClient(core).account.tags({})).items;
    const missing = tags.find((t) => !lead.tags.includes(t))!;
    const before = core.builtinSandbox()!.stats().requests;
    const { lead: after } = value<{ lead: Lead }>(
      await coreClient(core).leads.applyActions({ lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: missing }] }),
    );
    expect(after.tags).toContain(missing);
    // One chained call for the action plus one read-back of the lead.
    expect(core.builtinSandbox()!.stats().requests - before).toBe(2);
    const truth = core.builtinSandbox()!.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email: DEMO_LEAD_EMAIL });
    expect(truth?.tags).toContain(missing);
  });

  it('refuses an unknown tag before sending anything', async () => {
    const { core } = await newCore();
    value(await coreClient(core).sandbox.connect({}));
    const lead = value<Lead>(await coreClient(core).leads.find({ query: DEMO_LEAD_EMAIL }));
    value(await coreClient(core).account.tags({}));
    const reply = await coreClient(core).leads.applyActions({
      lead: { id: lead.id },
      actions: [{ cmd: 'assign_tag', tag_name: 'No Such Tag 42' }],
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_input');
      expect(reply.error.message).toContain('No Such Tag 42');
    }
  });

  it('answers a malformed payload with invalid_input naming the field, and keeps working', async () => {
    // Malformed on purpose: the untyped entry a wire message takes (IPC, WebSocket), not the typed client.
    const { core } = await newCore();
    const bad = await core.handle('leads.find', { query: 123 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'query' } } });
    if (!bad.ok) expect(bad.error.message).toContain('query');
    const nested = await core.handle('leads.applyActions', { lead: { id: '1' }, actions: [{ cmd: 'assign_tag', tag_name: 7 }] });
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'actions.0.tag_name' } } });
    expect(await core.handle('no.such.command', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.handle('app.status', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await coreClient(core).app.status({})).ok).toBe(true);
  });

  it('needs a connection for lead commands', async () => {
    const { core } = await newCore();
    expect(await coreClient(core).leads.find({ query: 'a@b.co' })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('reconnects to the sandbox after a restart and keeps the sandbox data', async () => {
    const first = await newCore();
    value(await coreClient(first.core).sandbox.connect({}));
    const lead = value<Lead>(await coreClient(first.core).leads.find({ query: DEMO_LEAD_EMAIL }));
    const tags = value<{ items: string[] }>(await coreClient(first.core).account.tags({})).items;
    const missing = tags.find((t) => !lead.tags.includes(t))!;
    value(await coreClient(first.core).leads.applyActions({ lead: { id: lead.id }, actions: [{ cmd: 'assign_tag', tag_name: missing }] }));
    await first.core.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await newCore(first.dir);
    expect(value<{ account: { kind: string } | null }>(await coreClient(second.core).app.status({})).account?.kind).toBe('sandbox');
    const again = value<Lead>(await coreClient(second.core).leads.find({ query: DEMO_LEAD_EMAIL }));
    expect(again.tags).toContain(missing);
  });
});
