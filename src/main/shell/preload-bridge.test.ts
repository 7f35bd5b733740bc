// The preload's window.api against the shell's IPC router, with Electron's IPC replaced by an in-memory pair:
// both sides speak on the channel names of src/shared/ipc/channels.ts.
import { describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  rendererListeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  invokedChannels: [] as string[],
  exposed: new Map<string, unknown>(),
  senderEvent: { sender: 'app-window', senderFrame: { url: 'app://lead-desk/index.html' } } as unknown,
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => bridge.handlers.set(channel, fn),
    removeHandler: (channel: string) => bridge.handlers.delete(channel),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      bridge.invokedChannels.push(channel);
      const handler = bridge.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      // Electron structured-clones both ways; so does this fake.
      return structuredClone(await handler(bridge.senderEvent, ...structuredClone(args)));
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!bridge.rendererListeners.has(channel)) bridge.rendererListeners.set(channel, new Set());
      bridge.rendererListeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => bridge.rendererListeners.get(channel)?.delete(fn),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value) },
}));

import type { LeadDeskApi } from '../../shared/ipc/make-api';
import { silentLogger } from '../core/log';
import { commandChannel, EVENT_CHANNEL } from '../../shared/ipc/channels';
import { COMMAND_NAMES } from '../../shared/ipc/contract';
import { registerIpcRouter } from './ipc';

async function setup() {
  const handle = vi.fn(async (command: unknown, input: unknown) => ({ ok: true as const, value: { command, input } }));
  const unregister = registerIpcRouter({
    core: { handle },
    isTrustedSender: (event) => event === bridge.senderEvent,
    log: silentLogger,
  });
  await import('../../preload/index');
  const api = bridge.exposed.get('api') as LeadDeskApi;
  return { api, handle, unregister };
}

/** What the main process does with webContents.send(EVENT_CHANNEL, name, payload). */
function pushFromMain(...args: unknown[]) {
  for (const fn of bridge.rendererListeners.get(EVENT_CHANNEL) ?? []) fn({ sender: 'ipc-renderer-event', ports: [] }, ...args);
}

describe('preload ↔ shell', () => {
  it('both use the shared channel names: the shell handles, and the preload invokes, commandChannel(name)', async () => {
    const { api, unregister } = await setup();
    expect([...bridge.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
    bridge.invokedChannels.length = 0;
    await api.leads.find({ query: 'x' });
    await api.outbox.list();
    expect(bridge.invokedChannels).toEqual([commandChannel('leads.find'), commandChannel('outbox.list')]);
    unregister();
  });

  it('exposes only window.api, and each command reaches the core under its contract name', async () => {
    const { api, handle, unregister } = await setup();
    expect([...bridge.exposed.keys()]).toEqual(['api']);
    const reply = await api.leads.find({ query: 'ada@example.com' });
    expect(reply).toEqual({ ok: true, value: { command: 'leads.find', input: { query: 'ada@example.com' } } });
    await api.app.status();
    expect(handle).toHaveBeenLastCalledWith('app.status', {});
    unregister();
  });

  it('delivers events by name, without the IpcRendererEvent, and stops after unsubscribe', async () => {
    const { api, unregister } = await setup();
    const seen: unknown[][] = [];
    const off = api.on('app.status', (...args: unknown[]) => seen.push(args));
    const status = { version: '1', account: null, online: false };
    pushFromMain('app.status', status);
    pushFromMain('limiter.state', { queued: 1 });
    off();
    pushFromMain('app.status', status);
    expect(seen).toEqual([[status]]);
    expect(() => api.on('no.such.event' as never, () => undefined)).toThrow(/Unknown event/);
    unregister();
  });

  it('turns a lost main process into an error envelope instead of a rejection', async () => {
    const { api, unregister } = await setup();
    unregister();
    await expect(api.app.status()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
