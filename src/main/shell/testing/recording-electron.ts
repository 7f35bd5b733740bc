// A recording stand-in for the `electron` module, for running the main entry (src/main/shell/index.test.ts) or the
// built bundles (out/main, out/preload; scripts/build/bundles.test.ts) under plain Node: it keeps what they
// registered (IPC handlers, the protocol handler, windows, exposed APIs, the order of the pre-ready calls) so a
// test can drive and inspect it. Only the calls Lead Desk's shell and preload make exist.
import { EventEmitter } from 'node:events';
import Module from 'node:module';

export interface RecordedWindow {
  options: { webPreferences: Record<string, unknown> };
  url?: string;
  webContents: RecordingWebContents;
}

class RecordingWebContents extends EventEmitter {
  readonly mainFrame = { url: '', parent: null, processId: 1, routingId: 1 };
  readonly sent: unknown[][] = [];
  windowOpenHandler?: (details: { url: string }) => unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export interface RecordingOptions {
  /** app.isPackaged (default true: a built app). */
  isPackaged?: boolean;
  /** app.getVersion() (default '7.7.7-bundle'). */
  version?: string;
}

export function createRecordingElectron(userData: string, options: RecordingOptions = {}) {
  const state = {
    /** The calls that must come before 'ready', in order: 'registerSchemes', 'enableSandbox'. */
    order: [] as string[],
    menuSet: false,
    exitCalls: [] as number[],
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    schemes: [] as unknown[],
    windows: [] as RecordedWindow[],
    appEvents: new Map<string, Array<(...args: unknown[]) => void>>(),
    quitCalls: 0,
    errors: [] as string[],
    exposed: new Map<string, unknown>(),
    invoked: [] as Array<{ channel: string; args: unknown[] }>,
    rendererListeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  };
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const paths = new Map([['userData', userData]]);
  const noop = () => undefined;

  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => state.windows;
    readonly webContents = new RecordingWebContents();
    url?: string;
    constructor(readonly options: RecordedWindow['options']) {
      super();
      state.windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
      this.webContents.mainFrame.url = url;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show = noop;
    focus = noop;
    restore = noop;
  }

  const electron = {
    app: {
      isPackaged: options.isPackaged ?? true,
      setPath: (name: string, value: string) => paths.set(name, value),
      getPath: (name: string) => {
        const value = paths.get(name);
        if (!value) throw new Error(`no path ${name}`);
        return value;
      },
      getVersion: () => options.version ?? '7.7.7-bundle',
      enableSandbox: () => void state.order.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      on: (name: string, fn: (...args: unknown[]) => void) => state.appEvents.set(name, [...(state.appEvents.get(name) ?? []), fn]),
      quit: () => void (state.quitCalls += 1),
      exit: (code: number) => {
        state.exitCalls.push(code);
        state.errors.push(`exit ${code}`);
      },
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, text: string) => state.errors.push(`${title}: ${text}`) },
    shell: { openExternal: async () => undefined },
    Menu: { setApplicationMenu: () => void (state.menuSet = true), buildFromTemplate: (template: unknown) => template },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.order.push('registerSchemes');
        state.schemes.push(...schemes);
      },
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (state.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: noop,
        setPermissionCheckHandler: noop,
        webRequest: { onBeforeRequest: noop, onHeadersReceived: noop },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        state.ipcHandlers.set(channel, fn);
      },
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        state.invoked.push({ channel, args });
        return { ok: true, value: null };
      },
      on: (channel: string, fn: (...args: unknown[]) => void) => {
        if (!state.rendererListeners.has(channel)) state.rendererListeners.set(channel, new Set());
        state.rendererListeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => void) => state.rendererListeners.get(channel)?.delete(fn),
    },
  };
  return { electron, state, markReady };
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/** Makes `require('electron')` answer `electron` until the returned function is called. */
export function substituteElectron(electron: unknown): () => void {
  const loader = Module as unknown as { _load: Loader };
  const original = loader._load;
  loader._load = function load(request, parent, isMain) {
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    loader._load = original;
  };
}
