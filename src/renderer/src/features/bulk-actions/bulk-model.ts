// The bulk-action form's model: which kinds of change there are, what each needs, the draft as the contract's
// BulkAction (checked with its own schema), and the preview's numbers in words.
import { BulkAction } from '../../../../shared/domain/bulk-actions';

export const BULK_KINDS = {
  assign_tag: { label: 'Add a tag', needs: 'tag' },
  unassign_tag: { label: 'Remove a tag', needs: 'tag' },
  subscribe_lead_to_list: { label: 'Subscribe to a list', needs: 'list' },
  unsubscribe_lead_from_list: { label: 'Unsubscribe from a list', needs: 'list' },
  subscribe_lead_to_sequence_at_step: { label: 'Start a sequence at a step', needs: 'sequence' },
  unsubscribe_lead_from_sequence: { label: 'Stop a sequence', needs: 'sequence' },
  give_points_to_lead: { label: 'Give points', needs: 'points' },
  remove_points_from_lead: { label: 'Remove points', needs: 'points' },
  set_field: { label: 'Set a field', needs: 'field' },
} as const;
export type BulkKind = keyof typeof BULK_KINDS;

export interface BulkDraft {
  kind: BulkKind;
  name: string;
  step: string;
  points: number | '';
  field: string;
  value: string;
}

export const EMPTY_DRAFT: BulkDraft = { kind: 'assign_tag', name: '', step: '', points: '', field: '', value: '' };

/** The draft as a BulkAction, or the first thing missing in words. */
export function toBulkAction(d: BulkDraft): { action: BulkAction } | { error: string } {
  const needs = BULK_KINDS[d.kind].needs;
  if ((needs === 'tag' || needs === 'list' || needs === 'sequence') && !d.name.trim()) return { error: `Pick a ${needs}.` };
  if (needs === 'sequence' && d.kind === 'subscribe_lead_to_sequence_at_step' && !d.step.trim()) return { error: 'Give the step (the box number in Kartra’s sequence builder).' };
  if (needs === 'points' && (d.points === '' || d.points <= 0)) return { error: 'Give a number of points above 0.' };
  if (needs === 'field' && !d.field) return { error: 'Pick a field.' };
  const raw =
    d.kind === 'set_field'
      ? { kind: 'field', field: d.field, value: d.value }
      : {
          kind: 'action',
          action:
            needs === 'tag'
              ? { cmd: d.kind, tag_name: d.name }
              : needs === 'list'
                ? { cmd: d.kind, list_name: d.name }
                : needs === 'sequence'
                  ? { cmd: d.kind, sequence_name: d.name, ...(d.kind === 'subscribe_lead_to_sequence_at_step' ? { step: d.step.trim() } : {}) }
                  : { cmd: d.kind, points: d.points },
        };
  const parsed = BulkAction.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue ? `${String(issue.path.at(-1) ?? 'value')}: ${issue.message}` : 'This action is not complete.' };
  }
  return { action: parsed.data };
}

/** "about 3 s", "about 2 min", "under a second". */
export function formatEta(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
