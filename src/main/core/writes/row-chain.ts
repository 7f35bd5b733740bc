// The chain of an import or recipe row, built so a lost answer can be settled by reading the lead: Kartra applies
// a chain in order, so the actions that cannot be checked afterwards (points, calendar bookings) go first and a
// checkable one (tag, list, sequence) last — if that last one holds, the call was processed.
import type { LeadAction } from '../../../shared/domain/actions';
import type { ImportOptions } from '../../../shared/domain/import';

const POSITIVE = new Set<LeadAction['cmd']>(['assign_tag', 'subscribe_lead_to_list', 'subscribe_lead_to_sequence_at_step']);

/** The import's chain: points, then tags, lists, and the sequence last. */
export function importActions(options: Pick<ImportOptions, 'tags' | 'lists' | 'sequence' | 'points'>): LeadAction[] {
  return [
    ...(options.points > 0 ? [{ cmd: 'give_points_to_lead' as const, points: options.points }] : []),
    ...options.tags.map((tag_name) => ({ cmd: 'assign_tag' as const, tag_name })),
    ...options.lists.map((list_name) => ({ cmd: 'subscribe_lead_to_list' as const, list_name })),
    ...(options.sequence ? [{ cmd: 'subscribe_lead_to_sequence_at_step' as const, sequence_name: options.sequence.name, step: options.sequence.step }] : []),
  ];
}

const uncheckable = (a: LeadAction) =>
  a.cmd === 'give_points_to_lead' || a.cmd === 'remove_points_from_lead' || a.cmd === 'calendar_subscribe' || a.cmd === 'calendar_cancel';

/** A recipe's chain: actions that cannot be checked first, the rest in the recipe's own order. */
export function chainOrder(actions: readonly LeadAction[]): LeadAction[] {
  return [...actions.filter(uncheckable), ...actions.filter((a) => !uncheckable(a))];
}

function sameTarget(a: LeadAction, b: LeadAction): boolean {
  const name = (x: LeadAction) => ('tag_name' in x ? `t:${x.tag_name}` : 'list_name' in x ? `l:${x.list_name}` : 'sequence_name' in x ? `s:${x.sequence_name}` : '');
  return name(a) !== '' && name(a).toLowerCase() === name(b).toLowerCase();
}

/** The last adding action whose effect no later action of the chain undoes: the chain's proof of delivery. */
export function evidenceAction(actions: readonly LeadAction[]): LeadAction | null {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i]!;
    if (!POSITIVE.has(action.cmd)) continue;
    if (actions.slice(i + 1).some((later) => sameTarget(later, action))) continue;
    return action;
  }
  return null;
}
