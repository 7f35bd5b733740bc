// planExistingRow: keep touches no detail, fill writes only empty fields, overwrite writes what differs.
import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/lead';
import { needsRead, planExistingRow } from './existing-policy';

const current = {
  email: 'ann@example.com',
  first_name: 'Ann',
  last_name: '',
  phone: '+441234',
  company: 'Old Co',
  city: ' ',
  custom_fields: [
    { field_id: '1', field_identifier: 'job_title', field_type: 'input_field', value: '' },
    { field_id: '5', field_identifier: 'size', field_type: 'drop_down', value: [{ option_id: '601', option_value: 'Just me' }] },
  ],
} as unknown as Lead;
const row = {
  email: 'ann@example.com',
  first_name: 'Annie',
  last_name: 'Lee',
  phone: '+441234',
  company: 'New Co',
  city: 'Leeds',
  custom_fields: [
    { field_identifier: 'job_title', field_value: 'CTO' },
    { field_identifier: 'size', field_value: ['602'] },
  ],
};
const tag = [{ cmd: 'assign_tag' as const, tag_name: 'VIP' }];

describe('planExistingRow', () => {
  it('keep: adds the tags, lists and sequences only', () => {
    expect(planExistingRow('keep', row, current, tag)).toEqual({ edit: null, actions: tag, changes: [] });
    expect(planExistingRow('keep', row, null, tag).edit).toBeNull();
    expect(needsRead('keep')).toBe(false);
  });

  it('fill: writes only the fields the lead has empty, and needs the lead read first', () => {
    expect(planExistingRow('fill', row, current, tag)).toEqual({
      edit: { last_name: 'Lee', city: 'Leeds', custom_fields: [{ field_identifier: 'job_title', field_value: 'CTO' }] },
      actions: tag,
      changes: ['last_name', 'city', 'custom:job_title'],
    });
    expect(() => planExistingRow('fill', row, null)).toThrow('read it before');
    expect(needsRead('fill')).toBe(true);
    // Nothing empty to fill: the details are left alone, the tag still goes.
    expect(planExistingRow('fill', { email: 'ann@example.com', first_name: 'X' }, current, tag)).toEqual({ edit: null, actions: tag, changes: [] });
  });

  it('overwrite: writes every field the file gives that differs (all of them when the lead was not read)', () => {
    const plan = planExistingRow('overwrite', row, current);
    expect(plan.changes).toEqual(['first_name', 'last_name', 'company', 'city', 'custom:job_title', 'custom:size']);
    expect(plan.edit).toMatchObject({ first_name: 'Annie', company: 'New Co' });
    expect(plan.edit).not.toHaveProperty('phone');
    expect(plan.edit).not.toHaveProperty('email');
    expect(planExistingRow('overwrite', row, null).changes).toEqual(['first_name', 'last_name', 'phone', 'company', 'city', 'custom:job_title', 'custom:size']);
  });
});
