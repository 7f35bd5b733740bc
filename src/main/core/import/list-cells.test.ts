// Tags/Lists/Sequences columns: delimiter per cell, one action per value, merged with the import's own chain.
import { describe, expect, it } from 'vitest';
import { suggestMapping } from './aliases';
import { cellDelimiter, rowChain, splitList } from './list-cells';
import { compileMapping, validateRow } from './validate-row';

describe('splitList', () => {
  it('splits on the first of ";", "|", "," the cell contains, trimming and dropping repeats', () => {
    expect(splitList('VIP; Customer')).toEqual(['VIP', 'Customer']);
    expect(splitList('VIP|Customer | vip')).toEqual(['VIP', 'Customer']);
    expect(splitList('VIP, Customer,')).toEqual(['VIP', 'Customer']);
    // A comma inside a name survives when the cell uses semicolons.
    expect(splitList('Smith, Jones & Co; Partner')).toEqual(['Smith, Jones & Co', 'Partner']);
    expect(splitList('  ')).toEqual([]);
    expect(cellDelimiter('a|b,c')).toBe('|');
    expect(cellDelimiter('single')).toBeNull();
  });
});

describe('Tags, Lists and Sequences columns', () => {
  it('are mapped automatically from their headers', () => {
    expect(suggestMapping(['Email', 'Tags', 'List', 'Sequence', 'Tag'], [])).toEqual({ Email: 'email', Tags: 'tags', List: 'lists', Sequence: 'sequences', Tag: 'ignore' });
  });

  it('give one action per value, and no lead field', () => {
    const cm = compileMapping(['Email', 'Tags', 'Lists', 'Sequences'], { Email: 'email', Tags: 'tags', Lists: 'lists', Sequences: 'sequences' }, []);
    const check = validateRow(cm, ['a@example.com', 'VIP; Customer', 'Newsletter', 'Welcome']);
    expect(check.errors).toEqual([]);
    expect(check.lead).toEqual({ email: 'a@example.com' });
    expect(check.actions).toEqual([
      { cmd: 'assign_tag', tag_name: 'VIP' },
      { cmd: 'assign_tag', tag_name: 'Customer' },
      { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' },
      { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome', step: '1' },
    ]);
    expect(validateRow(cm, ['b@example.com', '', '', '']).actions).toEqual([]);
  });

  it('refuse more values than one call can carry, naming the column', () => {
    const cm = compileMapping(['Email', 'Tags'], { Email: 'email', Tags: 'tags' }, []);
    const many = Array.from({ length: 41 }, (_, i) => `t${i}`).join(';');
    const check = validateRow(cm, ['a@example.com', many]);
    expect(check.lead).toBeNull();
    expect(check.errors).toEqual([{ column: 'Tags', message: expect.stringContaining('at most 40') }]);
  });
});

describe('rowChain', () => {
  it('merges the import options with the row values: points first, each name once, the sequence last', () => {
    const chain = rowChain(
      [
        { cmd: 'give_points_to_lead', points: 5 },
        { cmd: 'assign_tag', tag_name: 'Imported' },
        { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Onboarding', step: '2' },
      ],
      [
        { cmd: 'subscribe_lead_to_list', list_name: 'News' },
        { cmd: 'assign_tag', tag_name: 'VIP' },
        { cmd: 'assign_tag', tag_name: 'imported' },
      ],
    );
    expect(chain.map((a) => ('tag_name' in a ? a.tag_name : 'list_name' in a ? a.list_name : 'sequence_name' in a ? a.sequence_name : a.cmd))).toEqual([
      'give_points_to_lead',
      'Imported',
      'VIP',
      'News',
      'Onboarding',
    ]);
  });
});
