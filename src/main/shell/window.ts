// The main window and the hardening every web contents and the session get: no navigation, no popups,
// no webviews, no permissions, no remote requests, a CSP on every app response.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isTrustedUrl } from './origin';
import { UserGestures } from './user-gesture';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  trustedOrigins: readonly string[];
}

/** The window's options; exported so the test can assert every security-relevant preference. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Lead Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath));
  hardenWebContents(win.webContents, options.trustedOrigins);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.startUrl);
  return win;
}

/** Only https (and mailto) links leave the app, and only to the user's default browser / mail app. */
export function opensExternally(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

const hardened = new WeakSet<WebContents>();
const defaultGestures = new UserGestures();

/**
 * Blocks everything a compromised or confused page could use to leave the app's own origin:
 * navigation, redirects, window.open and <webview>. An https link the user just clicked opens in the
 * system browser; one a script opens on its own does not (user-gesture.ts).
 */
export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[], gestures: UserGestures = defaultGestures): void {
  // Called for the main window and again from app 'web-contents-created': register once per contents.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  gestures.track(contents);
  const openOutside = (url: string) => {
    if (opensExternally(url) && gestures.consume(contents)) void shell.openExternal(url);
  };
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isTrustedUrl(url, trustedOrigins)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'file:', 'ftp:']);

/**
 * Session-wide rules: every permission request is denied, network requests may only go to the app's
 * own origin (the core, not the page, talks to Kartra), and app responses carry the CSP header.
 */
export function installSessionSecurity(session: Session, options: { csp: string; trustedOrigins: readonly string[] }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      return callback({ cancel: true });
    }
    // A WebSocket belongs to the origin of the same host (dev server HMR: ws://localhost:5173).
    const asHttp = details.url.replace(/^ws(s?):/i, 'http$1:');
    callback({ cancel: NETWORK_SCHEMES.has(scheme) && !isTrustedUrl(asHttp, options.trustedOrigins) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isTrustedUrl(details.url, options.trustedOrigins)) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders, options.csp) });
  });
}

/** Replaces any CSP the response had (whatever its header case) with ours. */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
