// The Kartra account's own lists (tags, lists, sequences, pages, custom fields), cached with their fetch time,
// and the check that names a user typed exist before anything is sent.
import type { AccountCustomField, AccountListKind, AccountPage, AccountSequence } from '../../../shared/domain/account';
import type { LeadAction } from '../../../shared/domain/actions';
import type { AccountLists } from '../../../shared/ipc/contract';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import type { KartraClient } from '../kartra/client';
import { isNotSent, isOfflineError } from '../connection/connectivity';
import type { AccountCacheRepo } from '../store/account-cache-repo';
import type { SequenceStepMemory } from './sequence-step-memory';

export interface CachedList<T> {
  items: T[];
  fetchedAt: number;
  stale: boolean;
}

type ItemOf = { tags: string; lists: string; sequences: AccountSequence; pages: AccountPage; custom_fields: AccountCustomField };

const FETCH: { [K in AccountListKind]: (client: KartraClient) => Promise<ItemOf[K][]> } = {
  tags: (c) => c.retrieveAccountTags({ lane: 'interactive' }),
  lists: (c) => c.retrieveAccountLists({ lane: 'interactive' }),
  sequences: (c) => c.retrieveAccountSequences({ lane: 'interactive' }),
  pages: (c) => c.retrieveAccountPages({ lane: 'interactive' }),
  custom_fields: (c) => c.retrieveCustomFields({ lane: 'interactive' }),
};

export class AccountService {
  /** Set when a refresh inside assertNamesExist could only return the stale cache (offline). */
  private refreshFailed = false;
  constructor(
    private readonly connection: ConnectionService,
    private readonly cache: AccountCacheRepo,
    private readonly stepMemory?: SequenceStepMemory,
  ) {}

  /** Steps used before for `sequence` in the current account, most recent first (Kartra cannot list them, E6). */
  sequenceSteps(sequence: string): { steps: string[] } {
    const { account } = this.connection.require();
    return { steps: this.stepMemory?.steps(account.id, sequence) ?? [] };
  }

  /** One list from the cache, or from Kartra when asked to refresh or nothing is cached; offline falls back to the cache. */
  async list<K extends AccountListKind>(kind: K, refresh: boolean): Promise<CachedList<ItemOf[K]>> {
    const session = this.connection.require();
    const cached = this.cache.get<ItemOf[K]>(session.account.id, kind);
    if (cached && !refresh) return { ...cached, stale: false };
    try {
      const items = await FETCH[kind](session.client);
      return { ...this.cache.put(session.account.id, kind, items), stale: false };
    } catch (error) {
      if (cached && (isOfflineError(error) || isNotSent(error))) return { ...cached, stale: true };
      throw error;
    }
  }

  /** One list as cached, without asking Kartra (undefined when never fetched): for work that must send nothing. */
  cachedList<K extends AccountListKind>(kind: K): ItemOf[K][] | undefined {
    const session = this.connection.require();
    return this.cache.get<ItemOf[K]>(session.account.id, kind)?.items;
  }

  tags(refresh: boolean): Promise<CachedList<string>> {
    return this.list('tags', refresh);
  }

  /** Every list as cached; the kinds named in `refresh` (or never fetched) are read from Kartra first. */
  async lists(refresh: AccountListKind[]): Promise<AccountLists> {
    const session = this.connection.require();
    let stale = false;
    const result = {} as Record<AccountListKind, { items: unknown[]; fetchedAt: number | null }>;
    for (const kind of ['tags', 'lists', 'sequences', 'pages', 'custom_fields'] as const) {
      const cached = this.cache.get(session.account.id, kind);
      if (!cached || refresh.includes(kind)) {
        try {
          const fresh = await this.list(kind, true);
          stale ||= fresh.stale;
          result[kind] = fresh;
          continue;
        } catch (error) {
          if (!(isOfflineError(error) || isNotSent(error))) throw error;
          stale = true;
        }
      }
      result[kind] = cached ?? { items: [], fetchedAt: null };
    }
    return { ...(result as unknown as Omit<AccountLists, 'stale'>), stale };
  }

  async createCustomField(identifier: string, type: AccountCustomField['field_type'], options: string[]): Promise<AccountLists> {
    const session = this.connection.require();
    const known = await this.list('custom_fields', false);
    if (known.items.some((f) => f.field_identifier.toLowerCase() === identifier.toLowerCase())) {
      throw new AppError('already_exists', `A custom field named "${identifier}" already exists in this account.`, { details: { field: 'identifier' } });
    }
    await session.client.createCustomField(
      { custom_field_identifier: identifier, custom_field_type: type, custom_field_options: options },
      { lane: 'interactive' },
    );
    return this.lists(['custom_fields']);
  }

  /**
   * Kartra refuses unknown tags, lists and sequences (212/214/231/209/219/220): checking the cached lists first
   * gives a clear message and sends nothing. Refreshes once before refusing, in case the name was created in
   * Kartra a moment ago. Offline, unknown names are let through (the outbox reports Kartra's answer later).
   * Steps cannot be checked (Kartra does not list them, E6); the steps of accepted actions are remembered.
   */
  async assertNamesExist(actions: LeadAction[]): Promise<void> {
    await this.checkNames(actions);
    this.stepMemory?.rememberFrom(this.connection.require().account.id, actions);
  }

  private async checkNames(actions: LeadAction[]): Promise<void> {
    if ((await this.unknownNames(actions, false)).length === 0) return;
    this.refreshFailed = false;
    let problems: string[];
    try {
      problems = await this.unknownNames(actions, true);
      if (this.refreshFailed) return;
    } catch (error) {
      // Offline the cache cannot prove a name new in Kartra is missing: the change is queued and
      // Kartra's own answer is reported on it later.
      if (isOfflineError(error) || isNotSent(error)) return;
      throw error;
    }
    if (problems.length > 0) {
      throw new AppError('invalid_input', `${problems.join(' ')} Create it in Kartra first, or pick an existing one.`, { details: { field: 'actions' } });
    }
  }

  private async unknownNames(actions: LeadAction[], refresh: boolean): Promise<string[]> {
    const problems: string[] = [];
    const needs = (cmds: LeadAction['cmd'][]) => actions.some((a) => cmds.includes(a.cmd));
    const tags = needs(['assign_tag', 'unassign_tag']) ? new Set((await this.listOrNone('tags', refresh)).items) : undefined;
    const lists = needs(['subscribe_lead_to_list', 'unsubscribe_lead_from_list']) ? new Set((await this.listOrNone('lists', refresh)).items) : undefined;
    const sequences = needs(['subscribe_lead_to_sequence_at_step', 'unsubscribe_lead_from_sequence'])
      ? (await this.listOrNone('sequences', refresh)).items
      : undefined;
    for (const action of actions) {
      if ('tag_name' in action && tags && !tags.has(action.tag_name)) problems.push(`No tag named "${action.tag_name}" exists in this Kartra account.`);
      if ('list_name' in action && lists && !lists.has(action.list_name)) problems.push(`No list named "${action.list_name}" exists in this Kartra account.`);
      if ('sequence_name' in action && sequences && !sequences.some((s) => s.name === action.sequence_name)) {
        problems.push(`No sequence named "${action.sequence_name}" exists in this Kartra account.`);
      }
    }
    return problems;
  }

  /** The list as cached or fetched; with nothing cached and Kartra unreachable, refresh=false knows nothing. */
  private async listOrNone<K extends AccountListKind>(kind: K, refresh: boolean): Promise<{ items: ItemOf[K][] }> {
    try {
      const list = await this.list(kind, refresh);
      if (refresh && list.stale) this.refreshFailed = true;
      return list;
    } catch (error) {
      if (!refresh && (isOfflineError(error) || isNotSent(error))) return { items: [] };
      throw error;
    }
  }
}
