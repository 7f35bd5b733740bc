// Views for the connected account: filtering the lead cache, saved views, counts for the account browser
// and the table layout. Reads only the local database: views work the same offline.
import { LeadFilter, TableLayout, type LeadSelection, type SavedView, type ViewSort } from '../../../shared/domain/lead-filter';
import type { ConnectionService } from '../connection/connection-service';
import { AppError } from '../errors';
import type { FilterPage, LeadFilterRepo } from './lead-filter-repo';
import type { SavedViewsRepo } from './saved-views-repo';

export interface ViewsServiceDeps {
  connection: Pick<ConnectionService, 'require'>;
  filters: LeadFilterRepo;
  saved: SavedViewsRepo;
  now?: () => number;
}

export class ViewsService {
  constructor(private readonly deps: ViewsServiceDeps) {}

  private accountId(): string {
    return this.deps.connection.require().account.id;
  }

  filter(filter: LeadFilter, sort: ViewSort, offset: number, limit: number): FilterPage & { tookMs: number; newestSeenAt: number | null } {
    const accountId = this.accountId();
    const started = performance.now();
    const page = this.deps.filters.page(accountId, filter, sort, offset, limit);
    return { ...page, tookMs: performance.now() - started, newestSeenAt: this.deps.filters.newestSeenAt(accountId) };
  }

  countSelection(selection: LeadSelection): { count: number } {
    return { count: this.deps.filters.selectionCount(this.accountId(), selection) };
  }

  /** The lead ids of a selection, for bulk actions: a whole view resolves to every cached match. */
  selectionIds(selection: LeadSelection): { ids: string[] } {
    return { ids: this.deps.filters.selectionIds(this.accountId(), selection) };
  }

  counts() {
    return this.deps.filters.facetCounts(this.accountId());
  }

  list(): { views: SavedView[] } {
    const accountId = this.accountId();
    return { views: this.deps.saved.list(accountId).filter((v) => LeadFilter.safeParse(v.filter).success) };
  }

  save(input: { id?: string; name: string; filter: LeadFilter }): SavedView {
    const accountId = this.accountId();
    const now = (this.deps.now ?? Date.now)();
    const clash = this.deps.saved.byName(accountId, input.name);
    if (clash && clash.id !== input.id) {
      throw new AppError('already_exists', `A view named “${clash.name}” exists already. Pick another name, or open that view and save it.`, {
        details: { field: 'name' },
      });
    }
    let id = input.id;
    if (id === undefined) id = this.deps.saved.insert(accountId, input.name, input.filter, now);
    else if (!this.deps.saved.update(accountId, id, input.name, input.filter, now)) {
      throw new AppError('not_found', 'That view no longer exists; it may have been deleted. Save it as a new view.', { details: { field: 'id' } });
    }
    return this.deps.saved.get(accountId, id)!;
  }

  delete(id: string): { views: SavedView[] } {
    if (!this.deps.saved.delete(this.accountId(), id)) {
      throw new AppError('not_found', 'That view no longer exists.', { details: { field: 'id' } });
    }
    return this.list();
  }

  /** The remembered layout; one that no longer parses (an older version's) counts as never set. */
  layout(): { layout: TableLayout | null } {
    const parsed = TableLayout.safeParse(this.deps.saved.layout(this.accountId()));
    return { layout: parsed.success ? parsed.data : null };
  }

  saveLayout(layout: TableLayout): { layout: TableLayout } {
    this.deps.saved.saveLayout(this.accountId(), layout);
    return { layout };
  }
}
