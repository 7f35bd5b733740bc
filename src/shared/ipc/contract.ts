// The single source of truth for main <-> renderer: every command (input/output schemas) and pushed event,
// composed from one slice per domain in ./contract/.
import type { z } from 'zod';
import { appCommands } from './contract/app';
import { bulkCommands } from './contract/bulk';
import { catalogCommands } from './contract/catalog';
import { events } from './contract/events';
import { historyCommands } from './contract/history';
import { importCommands } from './contract/import';
import { leadCommands } from './contract/leads';
import { outboxCommands } from './contract/outbox';
import { recipeCommands } from './contract/recipes';
import { settingsCommands } from './contract/settings';
import { viewCommands } from './contract/views';

export { AppStatus, ConnectInput, AccountsList } from './contract/app';
export { WriteReceipt } from './contract/leads';
export { AccountLists } from './contract/catalog';
export { events };

export const commands = {
  ...appCommands,
  ...leadCommands,
  ...catalogCommands,
  ...outboxCommands,
  ...importCommands,
  ...recipeCommands,
  ...historyCommands,
  ...viewCommands,
  ...bulkCommands,
  ...settingsCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandParsedInput<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
