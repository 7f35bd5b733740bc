// The single source of truth for main <-> renderer: every command (input/output schemas) and pushed event.
import { z } from 'zod';
import { AccountInfo, AccountLabel, KARTRA_API_URL, KeychainStatus } from '../domain/account';
import { ActionResult, LeadAction } from '../domain/actions';
import { Lead, LeadRef } from '../domain/lead';
import { LimiterState } from '../domain/limiter';

const none = z.object({}).strict();

export const AppStatus = z.object({
  version: z.string(),
  account: AccountInfo.nullable(),
  online: z.boolean(),
  /** The App ID this build ships with (prefilled on the connect form), if any. */
  defaultAppId: z.string().nullable(),
  keychain: KeychainStatus,
});

const AccountId = z.string().trim().min(1).max(100);
const secret = (what: string) => z.string().trim().min(1, `${what} is required`).max(200, `${what} is too long`);

export const ConnectInput = z
  .object({
    label: AccountLabel,
    appId: secret('App ID'),
    apiKey: secret('API key'),
    apiPassword: secret('API password'),
    apiUrl: z.string().trim().url('API address must be a URL').default(KARTRA_API_URL),
    /** Keep the credentials in memory only (offered when no keychain is available). */
    sessionOnly: z.boolean().default(false),
    /** Re-enter the credentials of an existing account instead of adding a new one. */
    accountId: AccountId.optional(),
  })
  .strict();

export const AccountsList = z.object({
  accounts: z.array(AccountInfo),
  currentId: z.string().nullable(),
  keychain: KeychainStatus,
});
export type AppStatus = z.infer<typeof AppStatus>;

export const commands = {
  'app.status': { input: none, output: AppStatus },
  /** Start the built-in Kartra sandbox (demo data) and connect to it. */
  'sandbox.connect': { input: none, output: AccountInfo },
  'accounts.list': { input: none, output: AccountsList },
  /** Validate the credentials with one cheap call, store them in the keychain and make the account current. */
  'accounts.connect': { input: ConnectInput, output: AccountInfo },
  'accounts.switch': { input: z.object({ id: AccountId }).strict(), output: AccountInfo },
  'accounts.rename': { input: z.object({ id: AccountId, label: AccountLabel }).strict(), output: AccountInfo },
  /** Remove the keychain entry; with deleteLocalData also the account and its local cache, outbox and imports. */
  'accounts.forget': { input: z.object({ id: AccountId, deleteLocalData: z.boolean() }).strict(), output: AccountsList },
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
