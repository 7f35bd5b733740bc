// The Kartra account's own lists (tags for now), cached locally with the time they were fetched.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import { TransportError } from '../kartra/errors';
import type { AccountCacheRepo } from '../store/account-cache-repo';

export interface CachedList<T> {
  items: T[];
  fetchedAt: number;
  stale: boolean;
}

export class AccountService {
  constructor(
    private readonly connection: ConnectionService,
    private readonly cache: AccountCacheRepo,
  ) {}

  /** Tags from the cache, or from Kartra when asked to refresh or nothing is cached; offline falls back to the cache. */
  async tags(refresh: boolean): Promise<CachedList<string>> {
    const { account, client } = this.connection.require();
    const cached = this.cache.get<string>(account.id, 'tags');
    if (cached && !refresh) return { ...cached, stale: false };
    try {
      const items = await client.retrieveAccountTags();
      return { ...this.cache.put(account.id, 'tags', items), stale: false };
    } catch (error) {
      if (cached && error instanceof TransportError) return { ...cached, stale: true };
      throw error;
    }
  }

  /**
   * Kartra rejects unknown tag names (212/214); checking the cached list first gives a clearer
   * message without a round trip. Refreshes once before refusing, in case the tag is new.
   */
  async assertNamesExist(actions: LeadAction[]): Promise<void> {
    const wanted = actions.flatMap((a) => ('tag_name' in a ? [a.tag_name] : []));
    if (wanted.length === 0) return;
    let known = new Set((await this.tags(false)).items);
    if (wanted.every((t) => known.has(t))) return;
    known = new Set((await this.tags(true)).items);
    const missing = wanted.filter((t) => !known.has(t));
    if (missing.length > 0) {
      throw new AppError('invalid_input', `No tag named ${missing.map((m) => `"${m}"`).join(', ')} exists in this Kartra account. Create it in Kartra first or pick an existing tag.`, {
        details: { field: 'actions' },
      });
    }
  }
}
