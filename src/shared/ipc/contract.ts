// The single source of truth for main <-> renderer: every command (input/output schemas) and pushed event.
import { z } from 'zod';
import {
  AccountCustomField,
  AccountInfo,
  AccountLabel,
  AccountListKind,
  AccountPage,
  AccountSequence,
  KARTRA_API_URL,
  KeychainStatus,
} from '../domain/account';
import { LeadAction } from '../domain/actions';
import { CUSTOM_FIELD_TYPES, Lead, LeadRef } from '../domain/lead';
import { CreateLeadInput, EditLeadChanges } from '../domain/lead-input';
import { LeadProfile, LeadRow } from '../domain/lead-views';
import { OutboxItemView, OutboxState, OutboxStatus } from '../domain/outbox';
import { ColumnMapping, FileAnalysis, ImportOptions, ImportRow, JobProgress, Recipe, RecipeTarget, RowStatus } from '../domain/import';
import { LimiterState } from '../domain/limiter';

const none = z.object({}).strict();
const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'not a job id');

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

/** The answer to a write: the queued changes (done when Kartra confirmed them in time) and the lead. */
export const WriteReceipt = z.object({
  changes: z.array(OutboxItemView),
  /** True when every change was confirmed before the command returned. */
  confirmed: z.boolean(),
  lead: Lead.nullable(),
});
export type WriteReceipt = z.infer<typeof WriteReceipt>;

const cached = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), fetchedAt: z.number().nullable() });
export const AccountLists = z.object({
  tags: cached(z.string()),
  lists: cached(z.string()),
  sequences: cached(AccountSequence),
  pages: cached(AccountPage),
  custom_fields: cached(AccountCustomField),
  /** True when a refresh failed because Kartra could not be reached. */
  stale: z.boolean(),
});
export type AccountLists = z.infer<typeof AccountLists>;

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
  /**
   * Queue one or more actions on a lead (durably, in the outbox) and wait briefly for Kartra to confirm
   * them. `lead` is the lead as Kartra has it when everything was confirmed, else the last known copy.
   */
  'leads.applyActions': {
    input: z.object({ lead: LeadRef, actions: z.array(LeadAction).min(1).max(50) }).strict(),
    output: WriteReceipt,
  },
  /** Instant search over every lead the app has seen (local cache); an empty query lists them all. */
  'leads.search': {
    input: z
      .object({
        query: z.string().max(200).default(''),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(LeadRow), total: z.number(), tookMs: z.number(), newestSeenAt: z.number().nullable() }),
  },
  /** The full profile: Kartra's lead, its transactions and subscriptions, and its queued changes. Offline: the cached copy. */
  'leads.profile': { input: z.object({ id: z.string().regex(/^\d+$/, 'lead id must be digits') }).strict(), output: LeadProfile },
  'leads.create': {
    input: z.object({ lead: CreateLeadInput, actions: z.array(LeadAction).max(50).default([]) }).strict(),
    output: WriteReceipt,
  },
  /** Edit fields (and new_email). `seen` holds the values the user saw, so a later conflict can be detected. */
  'leads.edit': {
    input: z
      .object({
        lead: LeadRef,
        changes: EditLeadChanges,
        seen: z.record(z.string(), z.string()).default({}),
        actions: z.array(LeadAction).max(50).default([]),
      })
      .strict(),
    output: WriteReceipt,
  },
  /** Is this email free for a new lead or a new_email? Checks Kartra (including deleted leads). */
  'leads.checkEmail': {
    input: z.object({ email: z.string().trim().email('not a valid email address'), exceptLeadId: z.string().optional() }).strict(),
    output: z.object({ available: z.boolean(), reason: z.string().nullable(), leadId: z.string().nullable() }),
  },
  /** The account's tags, from the local cache unless refresh is asked or the cache is empty. */
  'account.tags': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(z.string()), fetchedAt: z.number(), stale: z.boolean() }),
  },
  /** Every account list with its fetch time; refresh re-reads the named kinds (all when empty). */
  'account.lists': {
    input: z.object({ refresh: z.array(AccountListKind).default([]) }).strict(),
    output: AccountLists,
  },
  'account.createCustomField': {
    input: z
      .object({
        identifier: z.string().trim().regex(/^[A-Za-z0-9_-]+$/, 'use only letters, numbers, dashes and underscores').max(100),
        type: z.enum(CUSTOM_FIELD_TYPES),
        options: z.array(z.string().trim().min(1, 'an option cannot be empty').max(200)).max(200).default([]),
      })
      .strict()
      .refine((v) => v.type === 'input_field' || v.type === 'text_area' || v.options.length >= 2, {
        message: 'give at least two options for a drop-down, radio or checkbox field',
        path: ['options'],
      }),
    output: AccountLists,
  },
  'outbox.list': {
    input: z.object({ statuses: z.array(OutboxStatus).default([]), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ items: z.array(OutboxItemView), state: OutboxState }),
  },
  /** Send failed/conflicting items again (all of this account's when ids is empty). */
  'outbox.retry': { input: z.object({ ids: z.array(z.number().int()).default([]) }).strict(), output: OutboxState },
  /** Drop items that are not in flight (all failed/conflict ones when ids is empty). */
  'outbox.discard': { input: z.object({ ids: z.array(z.number().int()).default([]) }).strict(), output: OutboxState },
  /** Replace the change of a pending/failed/conflict item (e.g. fix a value) and queue it again. */
  'outbox.edit': {
    input: z.object({ id: z.number().int(), change: z.union([EditLeadChanges, LeadAction]) }).strict(),
    output: OutboxItemView,
  },
  /** Settle a conflict: keep mine (send my values over Kartra's) or keep Kartra's (drop my change). */
  'outbox.resolve': { input: z.object({ id: z.number().int(), keep: z.enum(['mine', 'theirs']) }).strict(), output: OutboxState },
  /**
   * Start an import from a file the user dropped: its bytes arrive in chunks (base64, in order, at most
   * 4 MB each), so it works the same from Electron and the browser host. The last chunk has `final`.
   */
  'import.begin': { input: z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.number().int().min(0) }).strict(), output: z.object({ jobId: z.string() }) },
  'import.chunk': {
    input: z.object({ jobId: JobId, offset: z.number().int().min(0), data: z.string().max(6_000_000), final: z.boolean() }).strict(),
    output: z.object({ received: z.number() }),
  },
  /** Parse (off the main thread): encoding, delimiter, headers, sample, row count, suggested mapping. */
  'import.analyze': { input: z.object({ jobId: JobId }).strict(), output: FileAnalysis },
  /** Map and validate every row; the result is kept in the job's journal. */
  'import.validate': { input: z.object({ jobId: JobId, mapping: ColumnMapping }).strict(), output: JobProgress },
  'import.rows': {
    input: z
      .object({
        jobId: JobId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        statuses: z.array(RowStatus).default([]),
      })
      .strict(),
    output: z.object({ rows: z.array(ImportRow), total: z.number() }),
  },
  /** Fix one cell inline; the row is validated again. */
  'import.fixCell': {
    input: z.object({ jobId: JobId, row: z.number().int().min(1), column: z.string(), value: z.string().max(2000) }).strict(),
    output: ImportRow,
  },
  'import.exclude': {
    input: z.object({ jobId: JobId, rows: z.array(z.number().int().min(1)).min(1).max(100_000), excluded: z.boolean() }).strict(),
    output: JobProgress,
  },
  /** Run the ready rows on the bulk lane: one call per new lead, at most two for an existing one. */
  'import.start': { input: z.object({ jobId: JobId, options: ImportOptions }).strict(), output: JobProgress },
  'jobs.pause': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  'jobs.resume': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  /** Imports and recipe runs of the current account, newest first. */
  'jobs.list': { input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), output: z.object({ jobs: z.array(JobProgress) }) },
  'jobs.get': { input: z.object({ jobId: JobId }).strict(), output: JobProgress },
  /** The failed (and invalid) rows as CSV with an `error` column, ready to fix and drop again. */
  'jobs.exportFailed': { input: z.object({ jobId: JobId }).strict(), output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }) },
  'recipes.list': { input: none, output: z.object({ recipes: z.array(Recipe) }) },
  'recipes.save': {
    input: z.object({ id: z.string().optional(), name: Recipe.shape.name, actions: Recipe.shape.actions }).strict(),
    output: Recipe,
  },
  'recipes.delete': { input: z.object({ id: z.string() }).strict(), output: z.object({ recipes: z.array(Recipe) }) },
  /** Apply a recipe through the journaled runner: one chained call per lead, with progress and a report. */
  'recipes.apply': { input: z.object({ recipeId: z.string(), target: RecipeTarget }).strict(), output: JobProgress },
} as const;

export const events = {
  'limiter.state': LimiterState,
  'app.status': AppStatus,
  'outbox.state': OutboxState,
  /** An item was queued, sent, confirmed (status done: it is then removed), failed or conflicted. */
  'outbox.item': OutboxItemView,
  /** Kartra confirmed changes to this lead; here it is as Kartra now has it. */
  'lead.updated': z.object({ accountId: z.string(), lead: Lead }),
  /** Progress of an import or recipe run (a few per second while it runs, and on every status change). */
  'job.progress': JobProgress,
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
