import { describe, expect, it } from 'vitest';
import { makeApi } from '../../../../shared/ipc/make-api';
import type { CommandOutput } from '../../../../shared/ipc/contract';
import type { Envelope } from '../../../../shared/ipc/envelope';
import { deferred, FakeCore, ok } from '../../test/fake-core';
import { makeLead } from '../../test/fixtures';
import { createLeadStore } from './lead-store';

const ada = makeLead();
const bob = makeLead({ id: '2002', email: 'bob@example.com', first_name: 'Bob', tags: [] });

function setup() {
  const core = new FakeCore({ leads: [ada, bob] });
  return { core, store: createLeadStore(makeApi(core)) };
}

describe('lead store', () => {
  it('keeps the newest search when an older one answers later', async () => {
    const { core, store } = setup();
    const slow = deferred<Envelope<CommandOutput<'leads.find'>>>();
    core.answer('leads.find', ({ query }) => (query === 'ada@example.com' ? slow.promise : ok(bob)));
    const first = store.getState().find('ada@example.com');
    await store.getState().find('bob@example.com');
    slow.resolve(ok(ada));
    await first;
    expect(store.getState().lead?.id).toBe('2002');
    expect(store.getState().searching).toBe(false);
  });

  it('refuses to assign a tag the lead already has, without calling the core', async () => {
    const { core, store } = setup();
    await store.getState().find('ada@example.com');
    const outcome = await store.getState().assignTag('customer');
    expect(outcome.ok).toBe(false);
    expect(store.getState().assignError?.message).toBe('ada@example.com already has the tag “customer”.');
    expect(core.callsOf('leads.applyActions')).toHaveLength(0);
  });

  it('does not put an old lead’s reply, or its pending tag, on a lead searched meanwhile', async () => {
    const { core, store } = setup();
    const held = deferred<Envelope<CommandOutput<'leads.applyActions'>>>();
    core.answer('leads.applyActions', () => held.promise);
    await store.getState().find('ada@example.com');
    const assigning = store.getState().assignTag('VIP');
    expect(store.getState().pending).toEqual({ leadId: '1001', tag: 'VIP' });

    await store.getState().find('bob@example.com');
    held.resolve(ok({ lead: makeLead({ tags: ['customer', 'VIP'] }), results: [{ cmd: 'assign_tag', ok: true, message: 'ok' }] }));
    const outcome = await assigning;

    expect(outcome.ok).toBe(true);
    expect(store.getState().lead?.id).toBe('2002');
    expect(store.getState().lead?.tags).toEqual([]);
    expect(store.getState().pending).toBeNull();
  });

  it('allows one assignment at a time', async () => {
    const { core, store } = setup();
    const held = deferred<Envelope<CommandOutput<'leads.applyActions'>>>();
    core.answer('leads.applyActions', () => held.promise);
    await store.getState().find('ada@example.com');
    const first = store.getState().assignTag('VIP');
    const second = await store.getState().assignTag('Other');
    expect(second).toMatchObject({ ok: false, error: { message: 'Wait until “VIP” is assigned.' } });
    held.resolve(ok({ lead: ada, results: [] }));
    await first;
    expect(core.callsOf('leads.applyActions')).toHaveLength(1);
  });
});
