// A view's condition in words, as its chip reads: "Has tag VIP", "Not in list Newsletter", "Score 50–120".
import { fieldLabel } from './custom-field-labels';
import { GDPR_STATUSES, type FilterCondition } from './lead-filter';

export const KIND_LABELS: Record<FilterCondition['kind'], string> = {
  tag: 'Tag',
  list: 'List',
  sequence: 'Sequence',
  field: 'Custom field',
  score: 'Score',
  gdpr: 'GDPR status',
  joined: 'Date joined',
  source: 'Source',
  refreshed: 'Last refreshed',
};

const FIELD_OPS = { is: 'is', is_not: 'is not', contains: 'contains', empty: 'is empty', not_empty: 'is not empty' } as const;

export function describeCondition(c: FilterCondition): string {
  switch (c.kind) {
    case 'tag':
      return `${c.op === 'has' ? 'Has' : 'Has not'} tag ${c.name}`;
    case 'list':
      return `${c.op === 'in' ? 'In' : 'Not in'} list ${c.name}`;
    case 'sequence':
      return `${c.op === 'in' ? 'In' : 'Not in'} sequence ${c.name}`;
    case 'field': {
      const op = FIELD_OPS[c.op];
      return c.op === 'empty' || c.op === 'not_empty' ? `${fieldLabel(c.field)} ${op}` : `${fieldLabel(c.field)} ${op} “${c.value}”`;
    }
    case 'score':
      return c.min !== null && c.max !== null ? `Score ${c.min}–${c.max}` : c.min !== null ? `Score ≥ ${c.min}` : `Score ≤ ${c.max}`;
    case 'gdpr':
      return `GDPR: ${c.statuses.map((s) => GDPR_STATUSES[s]).join(' or ')}`;
    case 'joined':
      return c.from && c.to ? `Joined ${c.from} – ${c.to}` : c.from ? `Joined on or after ${c.from}` : `Joined on or before ${c.to}`;
    case 'source':
      return `Source is ${c.value}`;
    case 'refreshed':
      return c.op === 'within' ? `Refreshed in the last ${c.days} days` : `Not refreshed for ${c.days} days`;
  }
}
