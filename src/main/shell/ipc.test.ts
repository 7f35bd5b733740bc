import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../shared/ipc/contract';
import type { Core } from '../core/core-types';
import { createCore } from '../core/create-core';
import { silentLogger } from '../core/log';

const electron = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electron.handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

import { APP_ORIGIN } from './origin';
import { COMMAND_CHANNEL_PREFIX, commandChannel, EVENT_CHANNEL } from '../../shared/ipc/channels';
import { forwardCoreEvents, isAppMainFrame, registerIpcRouter, REFUSED_SENDER_REPLY } from './ipc';

/** A window whose main frame shows `url`; `frame` builds a sender frame of it (or a child frame). */
function fakeWindow(url = 'app://lead-desk/index.html') {
  const mainFrame = { url, parent: null, processId: 4, routingId: 1 };
  const webContents = { mainFrame, isDestroyed: () => false, send: vi.fn() };
  const win = { webContents, isDestroyed: () => false };
  const fromMain = () => ({ sender: webContents, senderFrame: mainFrame });
  return { win, webContents, mainFrame, fromMain };
}

const invoke = (name: string, event: unknown, input: unknown) => {
  const handler = electron.handlers.get(`${COMMAND_CHANNEL_PREFIX}${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(event, input);
};

describe('IPC router with the real core', () => {
  let dataDir: string;
  let core: Core;
  let unregister: () => void;
  const { win, fromMain } = fakeWindow();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lead-desk-ipc-'));
    core = await createCore({ dataDir, version: '0.0.0-test', log: silentLogger });
    unregister = registerIpcRouter({
      core,
      isTrustedSender: (event) => isAppMainFrame(event, win as never, [APP_ORIGIN]),
      log: silentLogger,
    });
  });
  afterAll(async () => {
    unregister();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('registers every command of the contract, and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
  });

  it('answers a command from the app window', async () => {
    const reply = (await invoke('app.status', fromMain(), {})) as { ok: boolean; value?: { version: string } };
    expect(reply).toMatchObject({ ok: true, value: { version: '0.0.0-test' } });
  });

  it('returns invalid_input naming the field for a malformed payload', async () => {
    const reply = await invoke('leads.find', fromMain(), { query: 123 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'query' } } });
    expect((reply as { error: { message: string } }).error.message).toContain('query');
    for (const junk of [null, undefined, 'text', 42, [], { query: 'a', extra: true }]) {
      const r = (await invoke('leads.find', fromMain(), junk)) as { ok: boolean; error?: { code: string } };
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('invalid_input');
    }
  });

  it('drops messages from a foreign sender without running the command', async () => {
    const other = fakeWindow();
    const spy = vi.spyOn(core, 'handle');
    expect(await invoke('app.status', other.fromMain(), {})).toEqual(REFUSED_SENDER_REPLY);
    expect(await invoke('app.status', { sender: win.webContents, senderFrame: null }, {})).toEqual(REFUSED_SENDER_REPLY);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('IPC router never throws', () => {
  it('turns a throwing core or sender check into an internal envelope', async () => {
    const core = { handle: vi.fn(async () => Promise.reject(new Error('boom'))) };
    let trusted: () => boolean = () => true;
    const unregister = registerIpcRouter({ core, isTrustedSender: () => trusted(), log: silentLogger });
    try {
      await expect(invoke('app.status', {}, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
      trusted = () => {
        throw new Error('destroyed');
      };
      await expect(invoke('app.status', {}, {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      unregister();
    }
    expect(electron.handlers.size).toBe(0);
  });
});

describe('sender check', () => {
  it('accepts only the main frame of the app window on the app origin', () => {
    const { win, webContents, mainFrame, fromMain } = fakeWindow();
    const check = (event: unknown, w: unknown = win) => isAppMainFrame(event as never, w as never, [APP_ORIGIN]);
    expect(check(fromMain())).toBe(true);
    // an iframe inside the window
    expect(check({ sender: webContents, senderFrame: { url: mainFrame.url, parent: mainFrame, processId: 4, routingId: 9 } })).toBe(false);
    // the main frame after it navigated somewhere else
    expect(check({ sender: webContents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } })).toBe(false);
    expect(check({ sender: webContents, senderFrame: null })).toBe(false);
    expect(check(fromMain(), null)).toBe(false);
    expect(check(fromMain(), { ...win, isDestroyed: () => true })).toBe(false);
    const evil = fakeWindow('https://evil.example/');
    expect(isAppMainFrame(evil.fromMain() as never, evil.win as never, [APP_ORIGIN])).toBe(false);
  });
});

describe('event forwarding', () => {
  it('sends known core events to the window and skips unknown ones or a closed window', () => {
    const { webContents } = fakeWindow();
    let emit: (name: string, payload: unknown) => void = () => undefined;
    const core = { onEvent: (fn: typeof emit) => ((emit = fn), () => undefined) } as unknown as Pick<Core, 'onEvent'>;
    let target: typeof webContents | null = webContents;
    forwardCoreEvents(core, () => target as never);
    const status = { version: '1', account: null, online: true };
    emit('app.status', status);
    emit('not.an.event', {});
    expect(webContents.send).toHaveBeenCalledTimes(1);
    expect(webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'app.status', status);
    target = null;
    emit('app.status', status);
    expect(webContents.send).toHaveBeenCalledTimes(1);
  });
});
