// Every cmd the sandbox understands, by Kartra's cmd string.
import { ACCOUNT_COMMANDS } from './account-commands';
import { ACTION_COMMANDS } from './action-commands';
import type { CommandSpec } from './context';
import { LEAD_COMMANDS } from './lead-commands';
import { PAYMENT_COMMANDS } from './payment-commands';
import { SUBSCRIPTION_COMMANDS } from './subscription-commands';

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  ...LEAD_COMMANDS,
  ...ACTION_COMMANDS,
  ...ACCOUNT_COMMANDS,
  ...PAYMENT_COMMANDS,
  ...SUBSCRIPTION_COMMANDS,
};

export const commandSpec = (cmd: string): CommandSpec | undefined =>
  Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
