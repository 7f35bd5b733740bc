// Builds the typed window.api from the contract over any transport (Electron IPC, or the e2e host's WebSocket).
import { COMMAND_NAMES, type CommandInput, type CommandName, type CommandOutput, type EventName, type EventPayload } from './contract';
import { EnvelopeShape, type Envelope } from './envelope';

export interface Transport {
  invoke(command: CommandName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type GroupOf<K> = K extends `${infer G}.${string}` ? G : never;
type MethodOf<K, G extends string> = K extends `${G}.${infer M}` ? M : never;

export type CommandFn<K extends CommandName> = {} extends CommandInput<K>
  ? (input?: CommandInput<K>) => Promise<Envelope<CommandOutput<K>>>
  : (input: CommandInput<K>) => Promise<Envelope<CommandOutput<K>>>;

export type LeadDeskApi = {
  [G in GroupOf<CommandName>]: { [K in CommandName as MethodOf<K, G>]: CommandFn<K> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function makeApi(transport: Transport): LeadDeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of COMMAND_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    api[group] ??= {};
    api[group][method] = async (input?: unknown) => {
      try {
        const reply = await transport.invoke(name, input ?? {});
        const parsed = EnvelopeShape.safeParse(reply);
        if (parsed.success) return parsed.data;
        return transportFailure(`The app core sent a reply that is not an envelope for ${name}.`);
      } catch (error) {
        return transportFailure(`Lost contact with the app core while running ${name}: ${String(error)}`);
      }
    };
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return Object.freeze({ ...api, on }) as unknown as LeadDeskApi;
}

function transportFailure(message: string): Envelope<never> {
  return { ok: false, error: { code: 'internal', message, retryable: true } };
}
