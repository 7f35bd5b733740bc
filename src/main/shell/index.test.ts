// Boots the real main entry (index.ts) against a fake Electron: scheme and sandbox set up before
// 'ready', then the window, app:// protocol, IPC to the real core, and a clean quit that closes the core.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    paths: new Map<string, string>(),
    windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; url?: string; webContents: unknown }>,
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    schemes: [] as unknown[],
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    appEvents: new Map<string, Array<(...args: unknown[]) => void>>(),
    quitCalls: 0,
    exitCalls: [] as number[],
    menuSet: false,
    readyResolve: undefined as undefined | (() => void),
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ready = new Promise<void>((resolve) => (fake.readyResolve = resolve));
  const app = {
    isPackaged: false,
    setPath: (name: string, value: string) => fake.paths.set(name, value),
    getPath: (name: string) => {
      const value = fake.paths.get(name);
      if (!value) throw new Error(`no path ${name}`);
      return value;
    },
    getVersion: () => '9.9.9',
    enableSandbox: () => fake.order.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    on: (name: string, fn: (...args: unknown[]) => void) => {
      fake.appEvents.set(name, [...(fake.appEvents.get(name) ?? []), fn]);
    },
    quit: () => {
      fake.quitCalls += 1;
    },
    exit: (code: number) => fake.exitCalls.push(code),
  };
  class WebContents extends Emitter {
    readonly mainFrame = { url: '', parent: null, processId: 1, routingId: 1 };
    setWindowOpenHandler() {}
    isDestroyed() {
      return false;
    }
    send() {}
  }
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fake.windows;
    readonly webContents = new WebContents();
    url?: string;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      fake.windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
      this.webContents.mainFrame.url = url;
    }
    isDestroyed() {
      return false;
    }
    show() {}
  }
  const noop = () => undefined;
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: noop },
    shell: { openExternal: noop },
    Menu: { setApplicationMenu: () => (fake.menuSet = true), buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.order.push('registerSchemes');
        fake.schemes.push(...schemes);
      },
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (fake.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: noop,
        setPermissionCheckHandler: noop,
        webRequest: { onBeforeRequest: noop, onHeadersReceived: noop },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => fake.ipc.set(channel, fn),
      removeHandler: (channel: string) => fake.ipc.delete(channel),
    },
  };
});

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lead-desk-shell-'));
  fake.paths.set('userData', join(base, 'default-user-data'));
  vi.stubEnv('LEAD_DESK_DATA_DIR', join(base, 'data'));
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await import('./index');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(base, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('Electron main entry', () => {
  it('registers the app:// scheme and enables the sandbox before ready, and honours LEAD_DESK_DATA_DIR', () => {
    expect(fake.order).toEqual(['registerSchemes', 'enableSandbox']);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.paths.get('userData')).toBe(join(base, 'data'));
    expect(fake.windows).toHaveLength(0);
  });

  it('after ready opens one hardened window on app://lead-desk with the preload', async () => {
    fake.readyResolve!();
    await until(() => fake.windows.length === 1);
    const win = fake.windows[0]!;
    expect(win.url).toBe('app://lead-desk/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(fake.menuSet).toBe(true);
    expect(fake.protocolHandler).toBeDefined();
  });

  it('answers IPC from the window through the real core', async () => {
    const win = fake.windows[0] as unknown as { webContents: { mainFrame: unknown } };
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const status = await fake.ipc.get('lead-desk:cmd:app.status')!(event, {});
    expect(status).toMatchObject({ ok: true, value: { version: '9.9.9', account: null } });
    const foreign = await fake.ipc.get('lead-desk:cmd:app.status')!({ sender: new EventEmitter(), senderFrame: null }, {});
    expect(foreign).toMatchObject({ ok: false, error: { details: { field: 'sender' } } });
  });

  it('serves only the app host on app://', async () => {
    const other = await fake.protocolHandler!(new Request('app://elsewhere/index.html'));
    expect(other.status).toBe(404);
    const post = await fake.protocolHandler!(new Request('app://lead-desk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('closes the core before quitting', async () => {
    const beforeQuit = fake.appEvents.get('before-quit')![0]!;
    let prevented = false;
    beforeQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await until(() => fake.quitCalls === 1);
    // The second round of before-quit (from that app.quit()) goes through.
    let preventedAgain = false;
    beforeQuit({ preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
    // A late message after the core closed still gets an envelope, never a throw.
    const win = fake.windows[0] as unknown as { webContents: { mainFrame: unknown } };
    const after = await fake.ipc.get('lead-desk:cmd:app.status')!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    expect(after).toHaveProperty('ok');
    expect(fake.exitCalls).toEqual([]);
  });

  it('quits when the last window closes (except on macOS)', () => {
    const before = fake.quitCalls;
    for (const fn of fake.appEvents.get('window-all-closed') ?? []) fn();
    expect(fake.quitCalls).toBe(process.platform === 'darwin' ? before : before + 1);
  });
});
