import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ windows: [] as unknown[], openExternal: vi.fn(async () => undefined) }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWebContents extends Emitter {
    openHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      electron.windows.push(this);
    }
  }
  return { BrowserWindow, shell: { openExternal: electron.openExternal } };
});

import { APP_CSP } from '../core/app-pages/csp';
import { APP_ORIGIN, APP_START_URL } from './origin';
import { createMainWindow, installSessionSecurity, mainWindowOptions, withCsp } from './window';

type FakeWindow = EventEmitter & {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
  loadURL: ReturnType<typeof vi.fn>;
};

function navigate(contents: EventEmitter, eventName: string, url: string): boolean {
  let prevented = false;
  contents.emit(eventName, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

/** A real click reaching the page, as the browser process reports it. */
function click(contents: EventEmitter, type = 'mouseUp'): void {
  contents.emit('input-event', {}, { type });
}

function openWindow(): FakeWindow {
  createMainWindow({ preloadPath: '/app/out/preload/index.js', startUrl: APP_START_URL, trustedOrigins: [APP_ORIGIN] });
  return electron.windows.at(-1) as FakeWindow;
}

beforeEach(() => {
  electron.openExternal.mockClear();
});

describe('main window', () => {
  it('is created with the hardened web preferences and the preload', () => {
    const prefs = openWindow().options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs.preload).toBe('/app/out/preload/index.js');
    expect(mainWindowOptions('/x.js').webPreferences?.preload).toBe('/x.js');
  });

  it('loads the app from app://, not file://', () => {
    const win = openWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://lead-desk/index.html');
  });

  it('blocks navigation away from the app and opens clicked https links in the system browser', () => {
    const contents = openWindow().webContents;
    click(contents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(electron.openExternal).toHaveBeenCalledWith('https://evil.example/phish');
    click(contents);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
    click(contents);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(electron.openExternal).toHaveBeenCalledTimes(2);
    expect(navigate(contents, 'will-navigate', 'app://lead-desk/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://other-host/index.html')).toBe(true);
  });

  it('denies window.open, whatever the URL', () => {
    const contents = openWindow().webContents;
    click(contents);
    expect(contents.openHandler?.({ url: 'https://kartra.com/' })).toEqual({ action: 'deny' });
    click(contents);
    expect(contents.openHandler?.({ url: 'app://lead-desk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.openExternal).toHaveBeenCalledWith('https://kartra.com/');
  });

  it('refuses to attach webviews', () => {
    const contents = openWindow().webContents;
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });
});

describe('session security', () => {
  function fakeSession() {
    const calls: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: never) => (calls.permissionRequest = fn),
      setPermissionCheckHandler: (fn: never) => (calls.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (fn: never) => (calls.beforeRequest = fn),
        onHeadersReceived: (fn: never) => (calls.headersReceived = fn),
      },
    };
    installSessionSecurity(session as never, { csp: APP_CSP, trustedOrigins: [APP_ORIGIN] });
    return calls as Record<string, (...args: unknown[]) => unknown>;
  }

  it('sets the CSP header on app responses, replacing any other CSP', () => {
    const calls = fakeSession();
    let result: { responseHeaders?: Record<string, string[]> } | undefined;
    calls.headersReceived!(
      { url: 'app://lead-desk/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r: typeof result) => (result = r),
    );
    expect(result?.responseHeaders?.['Content-Security-Policy']).toEqual([APP_CSP]);
    expect(result?.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(result?.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toContain("script-src 'self' 'unsafe");
  });

  it('denies every permission request and check', () => {
    const calls = fakeSession();
    const answers: boolean[] = [];
    calls.permissionRequest!({}, 'media', (ok: boolean) => answers.push(ok));
    calls.permissionRequest!({}, 'notifications', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(calls.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });

  it('cancels network requests that leave the app origin', () => {
    const calls = fakeSession();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      calls.beforeRequest!({ url }, (r: { cancel?: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://app.kartra.com/api')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('ws://127.0.0.1:9/')).toBe(true);
    expect(verdict('app://lead-desk/assets/index.js')).toBe(false);
    expect(verdict('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('lets the dev server and its HMR socket through in development, nothing else', () => {
    const calls: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onBeforeRequest: (fn: never) => (calls.beforeRequest = fn), onHeadersReceived: () => undefined },
    };
    installSessionSecurity(session as never, { csp: APP_CSP, trustedOrigins: ['http://localhost:5173'] });
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      calls.beforeRequest!({ url }, (r: { cancel?: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(verdict('ws://localhost:5173/?token=x')).toBe(false);
    expect(verdict('ws://localhost:5174/')).toBe(true);
    expect(verdict('https://localhost:5173/')).toBe(true);
  });

  it('withCsp keeps other headers', () => {
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
