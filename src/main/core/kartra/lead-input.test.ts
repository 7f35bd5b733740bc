import { describe, expect, it } from 'vitest';
import { parseInput } from './input';
import { actionParams, CreateLeadInput, EditLeadChanges, leadBlock } from './lead-input';
import { phpBuildQuery } from './php-encode';

describe('lead inputs', () => {
  it('builds the lead block: identity first, then profile, business_type and custom fields', () => {
    const changes = parseInput(EditLeadChanges, {
      custom_fields: [
        { field_identifier: 'cb', field_value: [] },
        { field_identifier: 'dd', field_value: '612' },
      ],
      last_name: 'Smith',
      new_email: 'new@example.com',
      business_type: 2,
    }, 'changes');
    expect(leadBlock({ id: '5', email: 'old@example.com' }, changes)).toEqual({
      id: '5',
      email: 'old@example.com',
      new_email: 'new@example.com',
      last_name: 'Smith',
      business_type: 2,
      // An empty checkbox selection is sent as "" (PHP would drop an empty array entirely).
      custom_fields: [
        { field_identifier: 'cb', field_value: '' },
        { field_identifier: 'dd', field_value: '612' },
      ],
    });
  });

  it('keeps an empty string, which is how Kartra clears a field', () => {
    const data = parseInput(CreateLeadInput, { email: 'a@b.co', phone: '' }, 'lead');
    expect(phpBuildQuery({ lead: leadBlock({ email: data.email }, data) })).toBe('lead%5Bemail%5D=a%40b.co&lead%5Bphone%5D=');
  });

  it('rejects unknown keys and bad values with the field named', () => {
    expect(() => parseInput(CreateLeadInput, { email: 'a@b.co', favourite_colour: 'red' }, 'lead')).toThrow(/Invalid lead.*favourite_colour/);
    expect(() => parseInput(CreateLeadInput, { first_name: 'No email' }, 'lead')).toThrow(/Invalid lead: email/);
    expect(() => parseInput(EditLeadChanges, { new_email: 'nope' }, 'changes')).toThrow(/new_email — is not a valid email address/);
    expect(() => parseInput(EditLeadChanges, { custom_fields: [{ field_identifier: '', field_value: 'x' }] }, 'changes')).toThrow(/custom_fields\.0\.field_identifier/);
    expect(() => parseInput(EditLeadChanges, { lead_preferred_time_zone: 'Europe/Berlin' }, 'changes')).toThrow(/time zones Kartra accepts/);
    expect(parseInput(EditLeadChanges, { lead_preferred_time_zone: 'Europe/Brussels' }, 'changes').lead_preferred_time_zone).toBe('Europe/Brussels');
  });

  it('writes an action as cmd followed by its parameters', () => {
    expect(actionParams({ cmd: 'give_points_to_lead', points: 5, expiration: 30 })).toEqual({ cmd: 'give_points_to_lead', points: 5, expiration: 30 });
    expect(phpBuildQuery({ actions: [actionParams({ cmd: 'calendar_subscribe', calendar_name: 'Coaching', class_name: 'Intro', starting_date: '16 Jan 2019', starting_hour: '15:00' })] })).toBe(
      'actions%5B0%5D%5Bcmd%5D=calendar_subscribe&actions%5B0%5D%5Bcalendar_name%5D=Coaching&actions%5B0%5D%5Bclass_name%5D=Intro&actions%5B0%5D%5Bstarting_date%5D=16+Jan+2019&actions%5B0%5D%5Bstarting_hour%5D=15%3A00',
    );
  });
});
