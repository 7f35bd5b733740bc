// The shape of the handler map: one async function per contract command, typed from the contract. Domain
// handler slices name it without reaching the router itself.
import type { z } from 'zod';
import type { commands, CommandName, CommandParsedInput } from '../../../shared/ipc/contract';

export type Handlers = {
  [K in CommandName]: (input: CommandParsedInput<K>) => Promise<z.input<(typeof commands)[K]['output']>>;
};
