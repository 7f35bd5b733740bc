// Runs in the page served by the browser host, before the renderer: defines window.api = makeApi(wsTransport),
// the same contract-derived api the Electron preload exposes, over one WebSocket to the host.
import { isCommandName, isEventName, type EventName } from '../shared/ipc/contract';
import { makeApi, type Transport } from '../shared/ipc/make-api';
import { parseServerMessage, TOKEN_PARAM, WS_PATH, type RequestMessage } from './wire';

const TOKEN_KEY = 'lead-desk-host-token';

/** The token arrives in the URL hash once; sessionStorage keeps it for reloads, the hash is cleaned. */
function takeToken(): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get(TOKEN_PARAM);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    params.delete(TOKEN_PARAM);
    const rest = params.toString();
    history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createWsTransport(token: string | null): { transport: Transport; connect(): Promise<WebSocket> } {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let retryMs = 250;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    if (!token) return Promise.reject(new Error('no access token: open the exact URL the Lead Desk host printed'));
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    const attempt = new Promise<WebSocket>((resolve, reject) => {
      ws.addEventListener('open', () => {
        retryMs = 250;
        resolve(ws);
      });
      ws.addEventListener('close', () => {
        reject(new Error('the Lead Desk host refused or closed the connection'));
        if (socket === ws) {
          socket = null;
          opened = null;
        }
        for (const [id, call] of pending) {
          pending.delete(id);
          call.reject(new Error('connection to the Lead Desk host closed'));
        }
        // Events only arrive over an open socket: come back by ourselves (backing off) while anyone listens.
        if (listeners.size > 0) setTimeout(() => void connect().catch(() => undefined), retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      });
    });
    ws.addEventListener('message', (event) => {
      const message = typeof event.data === 'string' ? parseServerMessage(event.data) : null;
      if (!message) return;
      if (message.t === 'res') {
        const call = pending.get(message.id);
        pending.delete(message.id);
        call?.resolve(message.reply);
      } else if (isEventName(message.name)) {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    });
    opened = attempt;
    return attempt;
  };

  const transport: Transport = {
    async invoke(command, input) {
      if (!isCommandName(command)) throw new Error(`Unknown command: ${String(command)}`);
      const ws = await connect();
      const id = nextId++;
      const message: RequestMessage = { t: 'req', id, command, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify(message));
      });
    },
    subscribe(event, listener) {
      if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      void connect().catch(() => undefined);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
  return { transport, connect };
}

const token = takeToken();
const { transport, connect } = createWsTransport(token);
// Connect right away so events pushed before the first command are not missed.
if (token) void connect().catch(() => undefined);
Object.defineProperty(window, 'api', { value: makeApi(transport), writable: false, configurable: false, enumerable: true });
