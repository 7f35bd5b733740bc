// The built desktop bundles, run under the project's Node with a recording stand-in for `electron` (the Electron
// binary cannot run here): out/main/index.js registers every contract command, serves app://lead-desk, opens the
// hardened window and answers through the real core and the sender check; out/preload/index.js exposes exactly
// the contract; out/main/host-bridge.js (browser mode's page bridge) gives the page the same api.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandChannel, EVENT_CHANNEL } from '../../src/shared/ipc/channels';
import { COMMAND_NAMES, EVENT_NAMES } from '../../src/shared/ipc/contract';
import { DEMO_LEAD_EMAIL } from '../../src/main/core/sandbox';
import { buildApp, OUT } from './testing/build-app';
import { createRecordingElectron, substituteElectron, type RecordedWindow } from '../../src/main/shell/testing/recording-electron';

const nativeRequire = createRequire(__filename);
let base: string;

beforeAll(async () => {
  await buildApp();
  base = await mkdtemp(join(tmpdir(), 'lead-desk-bundles-'));
}, 180_000);
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every function of an api object as "group.method" (plus top-level functions by name). */
function methodsOf(api: Record<string, unknown>): string[] {
  return Object.entries(api).flatMap(([key, value]) =>
    typeof value === 'function' ? [key] : Object.keys(value as object).map((method) => `${key}.${method}`),
  );
}

describe('out/main/index.js (the Electron main bundle)', { timeout: 60_000 }, () => {
  const fake = createRecordingElectron('/nonexistent-user-data');
  let restore: () => void;
  let win: RecordedWindow;
  const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
  const ipc = (name: (typeof COMMAND_NAMES)[number], event: unknown, input: unknown = {}) => fake.state.ipcHandlers.get(commandChannel(name))!(event, input);

  beforeAll(async () => {
    process.env.LEAD_DESK_DATA_DIR = join(base, 'desktop-data');
    restore = substituteElectron(fake.electron);
    nativeRequire(join(OUT, 'main/index.js'));
    fake.markReady();
    win = await until(() => fake.state.windows[0], 'the main window');
    await until(() => (fake.state.ipcHandlers.size > 0 ? true : undefined), 'the IPC router');
  });
  afterAll(async () => {
    // before-quit closes the core (database, sandbox) and then quits.
    for (const fn of fake.state.appEvents.get('before-quit') ?? []) fn({ preventDefault: () => undefined });
    await until(() => (fake.state.quitCalls > 0 ? true : undefined), 'the app to quit');
    restore();
    delete process.env.LEAD_DESK_DATA_DIR;
  });

  it('registers an ipcMain handler for every contract command, and nothing else', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(COMMAND_NAMES.map(commandChannel).sort());
    expect(fake.state.errors).toEqual([]);
  });

  it('opens its window on app://lead-desk with the hardened options and the built preload', () => {
    expect(win.url).toBe('app://lead-desk/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(OUT, 'preload/index.js'),
    });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('serves the built renderer on app://lead-desk/index.html with the CSP, and nothing for other hosts', async () => {
    const handler = fake.state.protocolHandler!;
    const page = await handler(new Request('app://lead-desk/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(readFileSync(join(OUT, 'renderer/index.html'), 'utf8'));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('answers app.status, sandbox.connect and leads.find through the real router, and drops a foreign sender', async () => {
    expect(await ipc('app.status', fromWindow())).toMatchObject({ ok: true, value: { version: '7.7.7-bundle', account: null } });
    expect(await ipc('sandbox.connect', fromWindow())).toMatchObject({ ok: true, value: { kind: 'sandbox' } });
    expect(await ipc('leads.find', fromWindow(), { query: DEMO_LEAD_EMAIL })).toMatchObject({ ok: true, value: { email: DEMO_LEAD_EMAIL } });
    expect(await ipc('leads.find', fromWindow(), { query: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const foreign = { sender: {}, senderFrame: { url: 'app://lead-desk/index.html', parent: null } };
    expect(await ipc('leads.find', foreign, { query: DEMO_LEAD_EMAIL })).toMatchObject({ ok: false, error: { details: { field: 'sender' } } });
    const iframe = { sender: win.webContents, senderFrame: { url: 'app://lead-desk/index.html', parent: {}, processId: 1, routingId: 2 } };
    expect(await ipc('app.status', iframe)).toMatchObject({ ok: false, error: { details: { field: 'sender' } } });
  });
});

describe('out/preload/index.js (the sandboxed preload bundle)', () => {
  it('exposes only window.api with exactly the contract’s commands and events', async () => {
    const fake = createRecordingElectron(base);
    const restore = substituteElectron(fake.electron);
    try {
      nativeRequire(join(OUT, 'preload/index.js'));
    } finally {
      restore();
    }
    expect([...fake.state.exposed.keys()]).toEqual(['api']);
    const api = fake.state.exposed.get('api') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    expect(methodsOf(api).sort()).toEqual([...COMMAND_NAMES, 'on'].sort());

    for (const name of COMMAND_NAMES) {
      const [group, method] = name.split('.') as [string, string];
      await api[group]![method]!({});
    }
    expect(fake.state.invoked.map((call) => call.channel)).toEqual(COMMAND_NAMES.map(commandChannel));

    const seen: string[] = [];
    const offs = EVENT_NAMES.map((event) => api.on(event, () => seen.push(event)));
    for (const event of EVENT_NAMES) for (const fn of fake.state.rendererListeners.get(EVENT_CHANNEL) ?? []) fn({}, event, {});
    expect(seen.sort()).toEqual([...EVENT_NAMES].sort());
    expect(() => api.on('no.such.event', () => undefined)).toThrow(/Unknown event/);
    for (const off of offs) off();
    expect(fake.state.rendererListeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
  });
});

describe('out/main/host-bridge.js (browser mode’s page bridge)', () => {
  it('defines window.api with exactly the contract’s commands, over a WebSocket carrying the page token', () => {
    const sockets: string[] = [];
    class StandInWebSocket {
      constructor(url: string) {
        sockets.push(url);
      }
      addEventListener() {}
      send() {}
    }
    const storage = new Map<string, string>();
    const page: Record<string, unknown> = {
      location: { hash: '#token=t0k3n', pathname: '/', search: '', protocol: 'http:', host: '127.0.0.1:4321' },
      history: { state: null, replaceState: () => undefined },
      sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
      URLSearchParams,
      WebSocket: StandInWebSocket,
      setTimeout,
    };
    page.window = page;
    runInNewContext(readFileSync(join(OUT, 'main/host-bridge.js'), 'utf8'), page);
    const api = page.api as Record<string, unknown>;
    expect(methodsOf(api).sort()).toEqual([...COMMAND_NAMES, 'on'].sort());
    expect(sockets).toEqual(['ws://127.0.0.1:4321/__host/ws?token=t0k3n']);
  });
});
