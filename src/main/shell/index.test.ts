// Boots the real main entry (index.ts) against a fake Electron: scheme and sandbox set up before
// 'ready', then the window, app:// protocol, IPC to the real core, and a clean quit that closes the core.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { createRecordingElectron } from './testing/recording-electron';

type RecordingElectron = ReturnType<typeof createRecordingElectron>;

/** The recording Electron (./testing/recording-electron.ts), made when index.ts first imports 'electron'. */
const hoisted = vi.hoisted(() => ({ userData: '', recording: undefined as undefined | RecordingElectron }));

vi.mock('electron', async () => {
  const { createRecordingElectron } = await import('./testing/recording-electron');
  hoisted.recording = createRecordingElectron(hoisted.userData, { isPackaged: false, version: '9.9.9' });
  return hoisted.recording.electron;
});

const fake = {
  get state() {
    if (!hoisted.recording) throw new Error("index.ts has not imported 'electron' yet");
    return hoisted.recording.state;
  },
};

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lead-desk-shell-'));
  hoisted.userData = join(base, 'default-user-data');
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
    expect(fake.state.order).toEqual(['registerSchemes', 'enableSandbox']);
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(hoisted.recording!.electron.app.getPath('userData')).toBe(join(base, 'data'));
    expect(fake.state.windows).toHaveLength(0);
  });

  it('after ready opens one hardened window on app://lead-desk with the preload', async () => {
    hoisted.recording!.markReady();
    await until(() => fake.state.windows.length === 1);
    const win = fake.state.windows[0]!;
    expect(win.url).toBe('app://lead-desk/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(fake.state.menuSet).toBe(true);
    expect(fake.state.protocolHandler).toBeDefined();
  });

  it('answers IPC from the window through the real core', async () => {
    const win = fake.state.windows[0] as unknown as { webContents: { mainFrame: unknown } };
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const status = await fake.state.ipcHandlers.get('lead-desk:cmd:app.status')!(event, {});
    expect(status).toMatchObject({ ok: true, value: { version: '9.9.9', account: null } });
    const foreign = await fake.state.ipcHandlers.get('lead-desk:cmd:app.status')!({ sender: new EventEmitter(), senderFrame: null }, {});
    expect(foreign).toMatchObject({ ok: false, error: { details: { field: 'sender' } } });
  });

  it('serves only the app host on app://', async () => {
    const other = await fake.state.protocolHandler!(new Request('app://elsewhere/index.html'));
    expect(other.status).toBe(404);
    const post = await fake.state.protocolHandler!(new Request('app://lead-desk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('closes the core before quitting', async () => {
    const beforeQuit = fake.state.appEvents.get('before-quit')![0]!;
    let prevented = false;
    beforeQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await until(() => fake.state.quitCalls === 1);
    // The second round of before-quit (from that app.quit()) goes through.
    let preventedAgain = false;
    beforeQuit({ preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
    // A late message after the core closed still gets an envelope, never a throw.
    const win = fake.state.windows[0] as unknown as { webContents: { mainFrame: unknown } };
    const after = await fake.state.ipcHandlers.get('lead-desk:cmd:app.status')!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    expect(after).toHaveProperty('ok');
    expect(fake.state.exitCalls).toEqual([]);
  });

  it('quits when the last window closes (except on macOS)', () => {
    const before = fake.state.quitCalls;
    for (const fn of fake.state.appEvents.get('window-all-closed') ?? []) fn();
    expect(fake.state.quitCalls).toBe(process.platform === 'darwin' ? before : before + 1);
  });
});
