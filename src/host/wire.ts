// Message shapes on the host's WebSocket, shared by the server (ws-server.ts) and the page (bridge.ts).
// Kept free of Node and DOM imports so both sides compile it.

export const WS_PATH = '/__host/ws';
export const BRIDGE_PATH = '/__host/bridge.js';
export const TOKEN_PARAM = 'token';

/** page → host */
export interface RequestMessage {
  t: 'req';
  id: number;
  command: string;
  input: unknown;
}
/** host → page: the core's envelope for request `id` */
export interface ResponseMessage {
  t: 'res';
  id: number;
  reply: unknown;
}
/** host → page: a pushed core event */
export interface EventMessage {
  t: 'evt';
  name: string;
  payload: unknown;
}
export type ServerMessage = ResponseMessage | EventMessage;

export function parseRequest(data: string): RequestMessage | { error: string; id?: number } {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { error: 'message is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { error: 'message is not an object' };
  const m = value as Partial<RequestMessage>;
  const id = typeof m.id === 'number' && Number.isSafeInteger(m.id) ? m.id : undefined;
  if (m.t !== 'req' || id === undefined || typeof m.command !== 'string') {
    return { error: 'message must be { t: "req", id: integer, command: string, input }', ...(id === undefined ? {} : { id }) };
  }
  return { t: 'req', id, command: m.command, input: m.input };
}

export function parseServerMessage(data: string): ServerMessage | null {
  try {
    const m = JSON.parse(data) as { t?: unknown; id?: unknown; reply?: unknown; name?: unknown; payload?: unknown };
    if (m.t === 'res' && typeof m.id === 'number') return { t: 'res', id: m.id, reply: m.reply };
    if (m.t === 'evt' && typeof m.name === 'string') return { t: 'evt', name: m.name, payload: m.payload };
  } catch {
    // fall through: ignored as not ours
  }
  return null;
}
