// The table's selection as the core understands it: ticked ids, or the whole view (its words and
// conditions) minus the rows unticked — what bulk actions and recipes act on.
import type { LeadSelection } from '../../../../shared/domain/lead-filter';
import type { LeadSearchStore } from '../leads/lead-search-store';
import type { ViewsStore } from './views-store';

export function currentSelection(search: LeadSearchStore, views: ViewsStore): LeadSelection {
  const s = search.getState();
  if (!s.allSelected) return { kind: 'ids', ids: [...s.selected] };
  return { kind: 'view', filter: { text: s.shownQuery, conditions: views.getState().conditions }, except: [...s.except] };
}
