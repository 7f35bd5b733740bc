// Saved recipe definitions: the current shape round-trips, recipes saved before conditions existed (a bare array
// of actions) or before fields could be cleared still load, and one that no longer parses loads as what it holds
// instead of failing the list.
import { describe, expect, it } from 'vitest';
import { parseDefinition, storedDefinition } from './recipe-definition';

describe('recipe definitions as stored', () => {
  it('round-trips actions, conditions and fields to clear', () => {
    const actions = [{ cmd: 'unassign_tag' as const, tag_name: 'VIP' }];
    const conditions = [{ kind: 'list' as const, op: 'not_in' as const, name: 'Newsletter' }];
    const clear = ['company', 'custom:favorite_color'];
    expect(parseDefinition(storedDefinition(actions, conditions, clear))).toEqual({ actions, conditions, clear });
  });

  it('loads a recipe saved before "clear a field" as one that clears nothing', () => {
    expect(parseDefinition('{"actions":[{"cmd":"assign_tag","tag_name":"A"}],"conditions":[]}').clear).toEqual([]);
  });

  it('loads a recipe saved as a bare array of actions, with no conditions', () => {
    expect(parseDefinition('[{"cmd":"assign_tag","tag_name":"Beta Tester"},{"cmd":"give_points_to_lead","points":3}]')).toEqual({
      actions: [{ cmd: 'assign_tag', tag_name: 'Beta Tester' }, { cmd: 'give_points_to_lead', points: 3 }],
      conditions: [],
      clear: [],
    });
  });

  it('keeps what an unreadable definition holds rather than losing the recipe', () => {
    expect(parseDefinition('[{"cmd":"future_cmd","x":1}]')).toEqual({ actions: [{ cmd: 'future_cmd', x: 1 }], conditions: [], clear: [] });
    expect(parseDefinition('{"actions":[{"cmd":"assign_tag","tag_name":"A"}],"conditions":[{"kind":"later"}]}').conditions).toEqual([{ kind: 'later' }]);
  });
});
