// The recipe condition evaluator: each kind against hand-made leads, and properties over generated leads —
// "and" means every condition, negations are exact complements, and a score range holds at its bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterCondition } from './lead-filter';
import { describeConditions, firstUnmet, meetsCondition, RecipeCondition, RecipeConditions, type ConditionLead } from './recipe-conditions';

const lead = (over: Partial<ConditionLead> = {}): ConditionLead => ({ tags: [], lists: [], sequences: [], custom_fields: [], score: 0, ...over });
const ada = lead({
  tags: ['VIP', 'Customer'],
  lists: [
    { list_name: 'Newsletter', active: true },
    { list_name: 'Partners', active: false },
  ],
  sequences: [
    { sequence_name: 'Welcome Series', step: '2', status: 'active' },
    { sequence_name: 'Win-back Campaign', step: '1', status: 'unsubscribed' },
  ],
  custom_fields: [
    { field_id: '1', field_identifier: 'plan', field_type: 'drop_down', value: [{ option_id: '7', option_value: 'Gold' }] },
    { field_id: '2', field_identifier: 'job_title', field_type: 'input_field', value: 'Engineer' },
    { field_id: '3', field_identifier: 'notes', field_type: 'text_area', value: '' },
  ],
  score: 40,
});

describe('meetsCondition', () => {
  it.each<[FilterCondition, boolean]>([
    [{ kind: 'tag', op: 'has', name: 'VIP' }, true],
    [{ kind: 'tag', op: 'has', name: 'vip' }, false], // tag names match exactly, as the view's filter does
    [{ kind: 'tag', op: 'has_not', name: 'Churned' }, true],
    [{ kind: 'list', op: 'in', name: 'Newsletter' }, true],
    [{ kind: 'list', op: 'in', name: 'Partners' }, false], // unsubscribed membership
    [{ kind: 'list', op: 'not_in', name: 'Partners' }, true],
    [{ kind: 'sequence', op: 'in', name: 'Welcome Series' }, true],
    [{ kind: 'sequence', op: 'not_in', name: 'Win-back Campaign' }, true],
    [{ kind: 'field', field: 'plan', op: 'is', value: 'gold' }, true],
    [{ kind: 'field', field: 'plan', op: 'is_not', value: 'Gold' }, false],
    [{ kind: 'field', field: 'job_title', op: 'contains', value: 'GINE' }, true],
    [{ kind: 'field', field: 'notes', op: 'empty', value: '' }, true],
    [{ kind: 'field', field: 'missing_field', op: 'empty', value: '' }, true],
    [{ kind: 'field', field: 'job_title', op: 'not_empty', value: '' }, true],
    [{ kind: 'score', min: 40, max: null }, true],
    [{ kind: 'score', min: null, max: 39 }, false],
    [{ kind: 'source', value: 'import' }, false], // not a kind a recipe tests
  ])('%j → %s', (condition, expected) => {
    expect(meetsCondition(condition, ada)).toBe(expected);
  });
});

const name = fc.constantFrom('A', 'B', 'C', 'D');
const genLead = fc.record({
  tags: fc.uniqueArray(name),
  lists: fc.uniqueArray(fc.record({ list_name: name, active: fc.boolean() }), { selector: (l) => l.list_name }),
  sequences: fc.uniqueArray(fc.record({ sequence_name: name, step: fc.constant('1'), status: fc.constantFrom('active', 'unsubscribed') }), { selector: (s) => s.sequence_name }),
  custom_fields: fc.constant([] as ConditionLead['custom_fields']),
  score: fc.integer({ min: -50, max: 50 }),
});
const genCondition: fc.Arbitrary<FilterCondition> = fc.oneof(
  fc.record({ kind: fc.constant('tag' as const), op: fc.constantFrom('has' as const, 'has_not' as const), name }),
  fc.record({ kind: fc.constant('list' as const), op: fc.constantFrom('in' as const, 'not_in' as const), name }),
  fc.record({ kind: fc.constant('sequence' as const), op: fc.constantFrom('in' as const, 'not_in' as const), name }),
  fc.record({ kind: fc.constant('score' as const), min: fc.option(fc.integer({ min: -50, max: 50 })), max: fc.option(fc.integer({ min: -50, max: 50 })) }),
);
const negate = (c: FilterCondition): FilterCondition | null =>
  c.kind === 'tag' ? { ...c, op: c.op === 'has' ? 'has_not' : 'has' } : c.kind === 'list' || c.kind === 'sequence' ? { ...c, op: c.op === 'in' ? 'not_in' : 'in' } : null;

describe('condition properties', () => {
  it('a lead meets "A and B and …" exactly when it meets each; firstUnmet names the first that fails', () => {
    fc.assert(
      fc.property(genLead, fc.array(genCondition, { maxLength: 6 }), (l, conditions) => {
        const unmet = firstUnmet(conditions, l);
        expect(unmet === null).toBe(conditions.every((c) => meetsCondition(c, l)));
        if (unmet) expect(unmet).toBe(conditions.find((c) => !meetsCondition(c, l)));
      }),
    );
  });

  it('has / has not, in / not in are complements on every lead', () => {
    fc.assert(
      fc.property(genLead, genCondition, (l, c) => {
        const opposite = negate(c);
        if (opposite) expect(meetsCondition(opposite, l)).toBe(!meetsCondition(c, l));
      }),
    );
  });

  it('a score range holds at both bounds and not one past them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 100 }), (min, width) => {
        const c: FilterCondition = { kind: 'score', min, max: min + width };
        expect(meetsCondition(c, lead({ score: min }))).toBe(true);
        expect(meetsCondition(c, lead({ score: min + width }))).toBe(true);
        expect(meetsCondition(c, lead({ score: min - 1 }))).toBe(false);
        expect(meetsCondition(c, lead({ score: min + width + 1 }))).toBe(false);
      }),
    );
  });
});

describe('recipe conditions at the contract', () => {
  it('takes tag, list, sequence, field and score conditions, at most 20, and reads as one if/and sentence', () => {
    expect(RecipeCondition.safeParse({ kind: 'tag', op: 'has', name: 'VIP' }).success).toBe(true);
    const refused = RecipeCondition.safeParse({ kind: 'gdpr', statuses: ['2'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('a recipe can test tags, lists, sequences, custom fields and the score only');
    expect(RecipeConditions.safeParse(Array.from({ length: 21 }, () => ({ kind: 'tag', op: 'has', name: 'VIP' }))).success).toBe(false);
    expect(describeConditions([{ kind: 'tag', op: 'has', name: 'A' }, { kind: 'list', op: 'not_in', name: 'B' }])).toBe('Has tag A and not in list B');
  });
});
