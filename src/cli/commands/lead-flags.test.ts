// Lead flags → client inputs: the lead reference, profile fields, custom field values and chained actions.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { chainedActions, leadRef, profileFrom } from './lead-flags';

const flagOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error.flag;
    throw error;
  }
  throw new Error('expected a UsageError');
};

describe('leadRef', () => {
  it('takes exactly one of --email and --id', () => {
    expect(leadRef({ email: ' ada@example.com ' }, 'lead get')).toEqual({ email: 'ada@example.com' });
    expect(leadRef({ id: '39001' }, 'lead get')).toEqual({ id: '39001' });
    expect(flagOf(() => leadRef({}, 'lead get'))).toBe('--email');
    expect(flagOf(() => leadRef({ email: 'a@b.co', id: '1' }, 'lead get'))).toBe('--id');
    expect(flagOf(() => leadRef({ id: '12x' }, 'lead get'))).toBe('--id');
    expect(flagOf(() => leadRef({ email: 'not-an-email' }, 'lead get'))).toBe('--email');
  });
});

describe('profileFrom', () => {
  it('gathers profile fields and custom fields (repeated identifiers become option lists)', () => {
    expect(
      profileFrom({
        'first-name': 'Ada',
        field: ['city=London', 'business_type=3', 'lead_preferred_time_zone=Europe/London'],
        custom: ['job_title=Analyst', 'interests=615', 'interests=Webinars', 'goals='],
      }),
    ).toEqual({
      first_name: 'Ada',
      city: 'London',
      business_type: 3,
      lead_preferred_time_zone: 'Europe/London',
      custom_fields: [
        { field_identifier: 'job_title', field_value: 'Analyst' },
        { field_identifier: 'interests', field_value: ['615', 'Webinars'] },
        { field_identifier: 'goals', field_value: '' },
      ],
    });
  });

  it('refuses unknown fields, the email fields, bad values and a field given twice', () => {
    for (const field of ['colour=red', 'email=a@b.co', 'new_email=a@b.co', 'business_type=big', 'lead_preferred_time_zone=Mars/Base', 'city']) {
      expect(flagOf(() => profileFrom({ field: [field] })), field).toBe('--field');
    }
    expect(flagOf(() => profileFrom({ 'first-name': 'A', field: ['first_name=B'] }))).toBe('--field');
    expect(flagOf(() => profileFrom({ custom: ['interests=615', 'interests='] }))).toBe('--custom');
    expect(flagOf(() => profileFrom({ custom: ['=615'] }))).toBe('--custom');
  });
});

describe('chainedActions', () => {
  it('turns --tag and --list into actions chained after create/edit', () => {
    expect(chainedActions({ tag: ['VIP', 'Customer'], list: ['Newsletter'] })).toEqual([
      { cmd: 'assign_tag', tag_name: 'VIP' },
      { cmd: 'assign_tag', tag_name: 'Customer' },
      { cmd: 'subscribe_lead_to_list', list_name: 'Newsletter' },
    ]);
    expect(flagOf(() => chainedActions({ tag: [' '] }))).toBe('--tag');
  });
});
