// `account tags|lists|sequences|pages|custom-fields`: the account's lists, read straight from Kartra.
import type { KartraClient } from '../../main/core/kartra/client';
import { parseFlags, UsageError } from '../args';
import { ACCOUNT_OPTIONS, withClient } from '../account-flags';
import type { Command } from '../context';
import type { Doc } from '../output';

const SUBCOMMANDS: Record<string, (client: KartraClient) => Promise<Doc>> = {
  tags: async (client) => ({ tags: await client.retrieveAccountTags() }),
  lists: async (client) => ({ lists: await client.retrieveAccountLists() }),
  sequences: async (client) => ({ sequences: await client.retrieveAccountSequences() }),
  pages: async (client) => ({ pages: await client.retrieveAccountPages() }),
  'custom-fields': async (client) => ({ custom_fields: await client.retrieveCustomFields() }),
};

export const ACCOUNT_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export const accountCommand: Command = async (argv, ctx) => {
  const [name, ...rest] = argv;
  const run = name === undefined ? undefined : Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!run) {
    const known = ACCOUNT_SUBCOMMANDS.join(', ');
    throw new UsageError(name === undefined ? `"account" needs a subcommand: ${known}` : `unknown subcommand "account ${name}" (known: ${known})`);
  }
  const values = parseFlags(rest, ACCOUNT_OPTIONS, `account ${name}`);
  return withClient(values, ctx, run);
};
