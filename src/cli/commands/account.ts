// `account tags|lists|sequences|pages|custom-fields`: the account's lists through the core (read fresh from Kartra;
// when it cannot be reached, the data folder's cached copy, marked stale).
import type { AccountListKind } from '../../shared/domain/account';
import { parseFlags, UsageError } from '../args';
import type { Command } from '../context';
import { CORE_OPTIONS, unwrap, withCore } from '../core-session';

const SUBCOMMANDS: Record<string, AccountListKind> = {
  tags: 'tags',
  lists: 'lists',
  sequences: 'sequences',
  pages: 'pages',
  'custom-fields': 'custom_fields',
};

export const ACCOUNT_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export const accountCommand: Command = async (argv, ctx) => {
  const [name, ...rest] = argv;
  const kind = name === undefined ? undefined : Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!kind) {
    const known = ACCOUNT_SUBCOMMANDS.join(', ');
    throw new UsageError(name === undefined ? `"account" needs a subcommand: ${known}` : `unknown subcommand "account ${name}" (known: ${known})`);
  }
  const values = parseFlags(rest, CORE_OPTIONS, `account ${name}`);
  return withCore(values, ctx, async ({ api }) => {
    const lists = unwrap(await api.account.lists({ refresh: [kind] }));
    if (lists.stale) ctx.warn(`Kartra cannot be reached: these ${name} are the copy cached in the data folder`);
    return { [kind]: lists[kind].items, ...(lists.stale ? { stale: true } : {}) };
  });
};
