import { describe, expect, it } from 'vitest';
import { EMPTY_RECIPE, actionsOf, conditionsOf, describeRecipe, draftOf, parseEmails, recipeErrors } from './recipe-model';

describe('recipe model', () => {
  it('turns a draft into chained actions and back', () => {
    const draft = { ...EMPTY_RECIPE, name: 'Onboard', tags: ['VIP'], lists: ['News'], sequence: 'Welcome', step: '2', points: 5, calendar: 'Demo', calendarClass: 'Intro' };
    const actions = actionsOf(draft);
    expect(actions).toEqual([
      { cmd: 'assign_tag', tag_name: 'VIP' },
      { cmd: 'subscribe_lead_to_list', list_name: 'News' },
      { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '2' },
      { cmd: 'give_points_to_lead', points: 5 },
      { cmd: 'calendar_subscribe', calendar_name: 'Demo', class_name: 'Intro' },
    ]);
    const back = draftOf({ id: 'r1', name: 'Onboard', actions: [...actions, { cmd: 'unassign_tag', tag_name: 'Lead' }], updatedAt: 1 });
    expect(actionsOf(back)).toEqual([...actions, { cmd: 'unassign_tag', tag_name: 'Lead' }]);
  });

  it('turns removals and conditions into actions and conditions and back; a score range is two rows', () => {
    const draft = {
      ...EMPTY_RECIPE,
      name: 'Cool down',
      untags: ['VIP'],
      leaveLists: ['Newsletter'],
      leaveSequences: ['Welcome Series'],
      removePoints: 4,
      conditions: [
        { kind: 'tag' as const, op: 'has', name: 'VIP', value: '' },
        { kind: 'list' as const, op: 'not_in', name: 'Customers', value: '' },
        { kind: 'field' as const, op: 'empty', name: 'job_title', value: 'ignored' },
        { kind: 'score' as const, op: 'gte', name: '', value: '10' },
      ],
    };
    const actions = actionsOf(draft);
    expect(actions).toEqual([
      { cmd: 'unassign_tag', tag_name: 'VIP' },
      { cmd: 'unsubscribe_lead_from_list', list_name: 'Newsletter' },
      { cmd: 'unsubscribe_lead_from_sequence', sequence_name: 'Welcome Series' },
      { cmd: 'remove_points_from_lead', points: 4 },
    ]);
    const conditions = conditionsOf(draft);
    expect(conditions).toEqual([
      { kind: 'tag', op: 'has', name: 'VIP' },
      { kind: 'list', op: 'not_in', name: 'Customers' },
      { kind: 'field', field: 'job_title', op: 'empty', value: '' },
      { kind: 'score', min: 10, max: null },
    ]);
    const back = draftOf({ id: 'r', name: 'Cool down', actions, conditions: [...conditions, { kind: 'score', min: 1, max: 9 }], updatedAt: 1 });
    expect(actionsOf(back)).toEqual(actions);
    expect(back.conditions.slice(4)).toEqual([
      { kind: 'score', op: 'gte', name: '', value: '1' },
      { kind: 'score', op: 'lte', name: '', value: '9' },
    ]);
    expect(recipeErrors(back)).toEqual({});
  });

  it('names the condition row that is not complete', () => {
    const base = { ...EMPTY_RECIPE, name: 'x', tags: ['VIP'] };
    expect(recipeErrors({ ...base, conditions: [{ kind: 'tag', op: 'has', name: 'A', value: '' }, { kind: 'list', op: 'in', name: '', value: '' }] }).conditions).toBe('Condition 2: Pick the list.');
    expect(recipeErrors({ ...base, conditions: [{ kind: 'score', op: 'lte', name: '', value: '2.5' }] }).conditions).toBe('Condition 1: Type the score as a whole number.');
    expect(recipeErrors({ ...base, conditions: [{ kind: 'field', op: 'is', name: 'plan', value: ' ' }] }).conditions).toBe('Condition 1: Type the value to compare with.');
  });

  it('explains what stops a save', () => {
    expect(recipeErrors(EMPTY_RECIPE)).toEqual({
      name: 'Give the recipe a name.',
      actions: 'Add at least one action: add or remove a tag, a list, a sequence or points, book a calendar, or clear a field.',
    });
    // Clearing a field is enough for a recipe; at most 20 of them.
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'Wipe', clear: ['company'] })).toEqual({});
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'Wipe', clear: Array.from({ length: 21 }, (_, i) => `custom:f${i}`) }).clear).toBe('A recipe clears at most 20 fields; this one has 21.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', sequence: 'Welcome', step: 'step 2' }).step).toBe('The step is a number or code of letters and digits.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', calendar: 'Demo' }).calendar).toBe('A calendar needs both its name and the class.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).actions).toBe('A recipe holds at most 20 actions; this one has 21.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'ok', tags: ['VIP'] })).toEqual({});
  });

  it('keeps the fields a recipe clears through a round trip, and says them in words', () => {
    const back = draftOf({ id: 'r', name: 'Wipe', actions: [{ cmd: 'unassign_tag', tag_name: 'VIP' }], clear: ['company', 'custom:job_title'], updatedAt: 1 });
    expect(back.clear).toEqual(['company', 'custom:job_title']);
    expect(describeRecipe({ actions: actionsOf(back), clear: back.clear }, (f) => (f === 'company' ? 'Company' : 'Job title'))).toBe('clear Company, Job title, remove tag “VIP”');
  });

  it('reads pasted emails one per line, flags the invalid ones and drops repeats', () => {
    expect(parseEmails('ada@example.com\n\n bob@example.com \nnot an email\nADA@example.com;cy@x.io')).toEqual({
      emails: ['ada@example.com', 'bob@example.com', 'cy@x.io'],
      invalid: ['not an email'],
    });
  });
});
