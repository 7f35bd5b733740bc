// One row of a recipe's "only for leads that…" sentence as the form edits it (what to test, how, on what), and
// its conversion to and from the contract's condition. A score range reads as two rows: "at least", "at most".
import { RecipeCondition } from '../../../../shared/domain/recipe-conditions';
import type { RecipeConditionKind } from '../../../../shared/domain/recipe-conditions';

export interface ConditionDraft {
  kind: RecipeConditionKind;
  op: string;
  /** Tag, list or sequence name; the custom field's identifier for a field. */
  name: string;
  /** The value a field is compared with; the score bound. */
  value: string;
}

export const CONDITION_OPS: Record<RecipeConditionKind, { value: string; label: string }[]> = {
  tag: [
    { value: 'has', label: 'has tag' },
    { value: 'has_not', label: 'has not tag' },
  ],
  list: [
    { value: 'in', label: 'is in list' },
    { value: 'not_in', label: 'is not in list' },
  ],
  sequence: [
    { value: 'in', label: 'is in sequence' },
    { value: 'not_in', label: 'is not in sequence' },
  ],
  field: [
    { value: 'is', label: 'field equals' },
    { value: 'is_not', label: 'field does not equal' },
    { value: 'contains', label: 'field contains' },
    { value: 'empty', label: 'field is empty' },
    { value: 'not_empty', label: 'field is not empty' },
  ],
  score: [
    { value: 'gte', label: 'score is at least' },
    { value: 'lte', label: 'score is at most' },
  ],
};

/** Every "kind + how" the form offers, as one list: "has tag", "is not in list", "score is at least", … */
export const CONDITION_CHOICES = (Object.keys(CONDITION_OPS) as RecipeConditionKind[]).flatMap((kind) =>
  CONDITION_OPS[kind].map((op) => ({ value: `${kind}:${op.value}`, label: op.label })),
);

export const blankCondition = (): ConditionDraft => ({ kind: 'tag', op: 'has', name: '', value: '' });

/** The row as a condition, or what is missing in words. */
export function toCondition(d: ConditionDraft): { condition: RecipeCondition } | { error: string } {
  let raw: unknown;
  if (d.kind === 'score') {
    if (!/^-?\d+$/.test(d.value.trim())) return { error: 'Type the score as a whole number.' };
    const n = Number(d.value.trim());
    raw = { kind: 'score', min: d.op === 'gte' ? n : null, max: d.op === 'lte' ? n : null };
  } else if (d.kind === 'field') {
    if (!d.name) return { error: 'Pick the custom field.' };
    const needsValue = d.op !== 'empty' && d.op !== 'not_empty';
    if (needsValue && !d.value.trim()) return { error: 'Type the value to compare with.' };
    raw = { kind: 'field', field: d.name, op: d.op, value: needsValue ? d.value.trim() : '' };
  } else {
    if (!d.name) return { error: `Pick the ${d.kind}.` };
    raw = { kind: d.kind, op: d.op, name: d.name };
  }
  const parsed = RecipeCondition.safeParse(raw);
  return parsed.success ? { condition: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'This condition is not valid.' };
}

/** A saved condition as rows (a score range with both bounds becomes two). */
export function conditionRows(c: RecipeCondition): ConditionDraft[] {
  switch (c.kind) {
    case 'tag':
    case 'list':
    case 'sequence':
      return [{ kind: c.kind, op: c.op, name: c.name, value: '' }];
    case 'field':
      return [{ kind: 'field', op: c.op, name: c.field, value: c.value }];
    case 'score':
      return [
        ...(c.min !== null ? [{ kind: 'score' as const, op: 'gte', name: '', value: String(c.min) }] : []),
        ...(c.max !== null ? [{ kind: 'score' as const, op: 'lte', name: '', value: String(c.max) }] : []),
      ];
    default:
      return [];
  }
}
