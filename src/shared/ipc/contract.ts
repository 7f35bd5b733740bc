// The single source of truth for main <-> renderer: every command (input/output schemas) and pushed event.
import { z } from 'zod';
import { AccountInfo } from '../domain/account';
import { ActionResult, LeadAction } from '../domain/actions';
import { Lead, LeadRef } from '../domain/lead';
import { LimiterState } from '../domain/limiter';

const none = z.object({}).strict();

export const AppStatus = z.object({
  version: z.string(),
  account: AccountInfo.nullable(),
  online: z.boolean(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const commands = {
  'app.status': { input: none, output: AppStatus },
  /** Start the built-in Kartra sandbox (demo data) and connect to it. */
  'sandbox.connect': { input: none, output: AccountInfo },
  /** Find one lead on Kartra by email or numeric id. */
  'leads.find': {
    input: z.object({ query: z.string().trim().min(1, 'type an email or a lead id').max(320) }).strict(),
    output: Lead,
  },
  /** Apply one or more actions to a lead in one chained call; returns the lead as Kartra now has it. */
  'leads.applyActions': {
    input: z.object({ lead: LeadRef, actions: z.array(LeadAction).min(1).max(50) }).strict(),
    output: z.object({ lead: Lead, results: z.array(ActionResult) }),
  },
  /** The account's tags, from the local cache unless refresh is asked or the cache is empty. */
  'account.tags': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(z.string()), fetchedAt: z.number(), stale: z.boolean() }),
  },
} as const;

export const events = {
  'limiter.state': LimiterState,
  'app.status': AppStatus,
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
