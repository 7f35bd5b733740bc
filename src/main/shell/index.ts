// Electron main entry: creates the core on the user's data folder, the hardened window, the app://
// protocol, the IPC router and the menu; closes the core before the app quits.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join, resolve } from 'node:path';
import type { Core } from '../core/core-types';
import { createCore } from '../core/create-core';
import { AppError } from '../core/errors';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_CSP, devCsp } from '../core/app-pages/csp';
import { createFileLogger } from './file-log';
import { forwardCoreEvents, isAppMainFrame, registerIpcRouter } from './ipc';
import { installMenu } from './menu';
import { APP_ORIGIN, APP_START_URL, originOf } from './origin';
import { createMainWindow, hardenWebContents, installSessionSecurity } from './window';

// Tests and portable setups may point the app at another data folder; must happen before 'ready'.
if (process.env.LEAD_DESK_DATA_DIR) app.setPath('userData', resolve(process.env.LEAD_DESK_DATA_DIR));

// electron-vite dev sets ELECTRON_RENDERER_URL; empty or set in a packaged app, it is ignored.
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devUrl ? originOf(devUrl) : null;
const trustedOrigins = devOrigin ? [devOrigin] : [APP_ORIGIN];
const csp = devUrl ? devCsp(devUrl) : APP_CSP;

registerAppScheme();
app.enableSandbox();

let core: Core | undefined;
let mainWindow: BrowserWindow | null = null;
let coreClosed = false;
let quitting = false;
// userData/logs on every platform: the README's one folder for everything, and usable before 'ready'.
const { log, close: closeLog } = createFileLogger(join(app.getPath('userData'), 'logs'));

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    startUrl: devUrl ?? APP_START_URL,
    trustedOrigins,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  installSessionSecurity(session.defaultSession, { csp, trustedOrigins });
  handleAppProtocol(join(__dirname, '../renderer'), csp);
  installMenu({ isDev: Boolean(devUrl), isMac: process.platform === 'darwin' });
  core = await createCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    log,
    processKind: 'desktop',
    logsDir: join(app.getPath('userData'), 'logs'),
    // Settings → "Open folder": only the app's own data and logs folders ever reach here (the core picks the path).
    openFolder: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
  });
  registerIpcRouter({ core, isTrustedSender: (event) => isAppMainFrame(event, mainWindow, trustedOrigins), log });
  forwardCoreEvents(core, () => mainWindow?.webContents ?? null);
  openWindow();
  log.info('Lead Desk started', { version: app.getVersion(), dataDir: app.getPath('userData') });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; hand over to the running one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('before-quit', (event) => {
    if (!core || coreClosed) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    // The core flushes its database and stops the sandbox; give it a bounded time, then quit anyway.
    const timeout = new Promise<void>((done) => setTimeout(done, 5000).unref());
    void Promise.race([core.close(), timeout])
      .catch((error: unknown) => log.error('closing the core failed', { error }))
      .finally(() => {
        coreClosed = true;
        closeLog();
        app.quit();
      });
  });
  start().catch((error: unknown) => {
    // Browser mode or the CLI holds the data folder: say which, and quit without touching it.
    const inUse = error instanceof AppError && error.code === 'data_dir_in_use';
    if (inUse) log.warn('data folder in use', { message: error.message });
    else log.error('Lead Desk could not start', { error });
    dialog.showErrorBox(inUse ? 'Lead Desk is already running' : 'Lead Desk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
