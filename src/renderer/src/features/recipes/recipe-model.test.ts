import { describe, expect, it } from 'vitest';
import { EMPTY_RECIPE, actionsOf, draftOf, parseEmails, recipeErrors } from './recipe-model';

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

  it('explains what stops a save', () => {
    expect(recipeErrors(EMPTY_RECIPE)).toEqual({ name: 'Give the recipe a name.', actions: 'Add at least one action: a tag, a list, a sequence, points or a calendar.' });
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', sequence: 'Welcome', step: 'step 2' }).step).toBe('The step is a number or code of letters and digits.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', calendar: 'Demo' }).calendar).toBe('A calendar needs both its name and the class.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).actions).toBe('A recipe holds at most 20 actions; this one has 21.');
    expect(recipeErrors({ ...EMPTY_RECIPE, name: 'ok', tags: ['VIP'] })).toEqual({});
  });

  it('reads pasted emails one per line, flags the invalid ones and drops repeats', () => {
    expect(parseEmails('ada@example.com\n\n bob@example.com \nnot an email\nADA@example.com;cy@x.io')).toEqual({
      emails: ['ada@example.com', 'bob@example.com', 'cy@x.io'],
      invalid: ['not an email'],
    });
  });
});
