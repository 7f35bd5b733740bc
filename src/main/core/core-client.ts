// The typed api of a core for Node callers (browser mode's tests, harnesses, scripts, benches): the same
// contract-derived LeadDeskApi the renderer gets, over a direct in-process transport instead of IPC/WebSocket.
// Untrusted input from a wire (the shell's IPC router, browser mode's WebSocket) still goes to core.handle.
import type { CommandInput, CommandName, CommandOutput } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { makeApi, type LeadDeskApi } from '../../shared/ipc/make-api';
import type { Core } from './core-types';

type ClientCore = Pick<Core, 'handle' | 'onEvent'>;

const clients = new WeakMap<ClientCore, LeadDeskApi>();

/** The typed client of `core` (one per core, so `coreClient(core).leads.find(…)` may be called inline). */
export function coreClient(core: ClientCore): LeadDeskApi {
  let client = clients.get(core);
  if (!client) {
    client = makeApi({
      invoke: (command, input) => core.handle(command, input),
      subscribe: (event, listener) =>
        core.onEvent((name, payload) => {
          if (name === event) listener(payload);
        }),
    });
    clients.set(core, client);
  }
  return client;
}

/** One command picked by name at run time (tables of cases), typed like the client's methods. */
export async function callCore<K extends CommandName>(core: ClientCore, command: K, input: CommandInput<K>): Promise<Envelope<CommandOutput<K>>> {
  return (await core.handle(command, input)) as Envelope<CommandOutput<K>>;
}
