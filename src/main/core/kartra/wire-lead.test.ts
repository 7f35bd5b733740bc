import { describe, expect, it } from 'vitest';
import { Lead } from '../../../shared/domain/lead';
import { leadCalendars, normaliseLead } from './wire-lead';

describe('normaliseLead', () => {
  it('fills every missing field with "", 0 or []', () => {
    const lead = normaliseLead({ id: '5', email: 'a@b.co' });
    expect(Lead.parse(lead)).toEqual(lead);
    expect(lead).toMatchObject({ id: '5', email: 'a@b.co', first_name: '', score: 0, blacklisted: 0, tags: [], lists: [], custom_fields: [] });
    expect(Lead.safeParse(normaliseLead(undefined)).success).toBe(true);
    expect(Lead.safeParse(normaliseLead('garbage')).success).toBe(true);
  });

  it('reads the documented fields, numbers as numbers and ids as strings', () => {
    const lead = normaliseLead({
      id: 39260,
      first_name: 'Joe',
      email: 'joe@example.com',
      score: '42',
      blacklisted: 1,
      date_joined: '2024-01-02 03:04:05',
      gdpr_lead_status: 2,
      phone: null,
      lead_preferred_time_zone: 'Europe/London',
    });
    expect(lead).toMatchObject({ id: '39260', first_name: 'Joe', score: 42, blacklisted: 1, gdpr_lead_status: '2', phone: '' });
    expect(normaliseLead([{ id: '7' }]).id).toBe('7');
    expect(normaliseLead({ score: 'lots' }).score).toBe(0);
  });

  it('reads tags as objects or strings, dropping blanks and duplicates', () => {
    expect(normaliseLead({ tags: [{ tag_name: 'VIP', tag_id: '3' }, 'Buyer', { name: 'Old' }, '', 'VIP'] }).tags).toEqual(['VIP', 'Buyer', 'Old']);
    expect(normaliseLead({ tags: { a: { tag_name: 'X' } } }).tags).toEqual(['X']);
  });

  it('reads list, sequence and membership flags as "1", 1 or true', () => {
    const lead = normaliseLead({
      lists: [
        { list_id: '1', list_name: 'News', active: '1' },
        { list_name: 'Old', active: 0 },
        { name: 'Promo', active: true },
        { list_name: 'Implicit' },
      ],
      sequences: [
        { sequence_id: '9', sequence_name: 'Welcome', step: 3, status: 'Active' },
        { sequence_name: 'Gone', step: '1', status: 'unsubscribed' },
        { name: 'Flagged', active: '0' },
      ],
      memberships: [
        { name: 'Gold', level_name: 'Top', active: '1' },
        { membership_id: '4', membership_name: 'Silver', level_name: 'Mid', active: 0 },
      ],
    });
    expect(lead.lists).toEqual([
      { list_name: 'News', active: true },
      { list_name: 'Old', active: false },
      { list_name: 'Promo', active: true },
      { list_name: 'Implicit', active: true },
    ]);
    expect(lead.sequences).toEqual([
      { sequence_name: 'Welcome', step: '3', status: 'active' },
      { sequence_name: 'Gone', step: '1', status: 'unsubscribed' },
      { sequence_name: 'Flagged', step: '', status: 'unsubscribed' },
    ]);
    expect(lead.memberships).toEqual([
      { name: 'Gold', level_name: 'Top', active: true },
      { name: 'Silver', level_name: 'Mid', active: false },
    ]);
  });

  it('reads custom field values as strings or option arrays', () => {
    const lead = normaliseLead({
      custom_fields: [
        { field_id: 1, field_identifier: 'text1', field_type: 'input_field', field_value: 'hello' },
        { field_id: '2', field_identifier: 'dd', field_type: 'drop_down', field_value: [{ option_id: 612, option_value: 'Blue' }] },
        { field_id: '3', field_identifier: 'cb', field_type: 'checkbox', field_value: ['620', 621] },
        { field_id: '4', field_identifier: 'empty', field_type: 'radio_button', field_value: '' },
        { field_id: '5', field_identifier: 'single', field_type: 'radio_button', field_value: '700' },
        { field_id: '6', field_identifier: 'mystery', field_value: { '801': 'Red' } },
        { field_id: '7', field_identifier: 'area', field_type: 'text_area' },
      ],
    });
    expect(lead.custom_fields).toEqual([
      { field_id: '1', field_identifier: 'text1', field_type: 'input_field', value: 'hello' },
      { field_id: '2', field_identifier: 'dd', field_type: 'drop_down', value: [{ option_id: '612', option_value: 'Blue' }] },
      { field_id: '3', field_identifier: 'cb', field_type: 'checkbox', value: [{ option_id: '620', option_value: '620' }, { option_id: '621', option_value: '621' }] },
      { field_id: '4', field_identifier: 'empty', field_type: 'radio_button', value: [] },
      { field_id: '5', field_identifier: 'single', field_type: 'radio_button', value: [{ option_id: '700', option_value: '700' }] },
      { field_id: '6', field_identifier: 'mystery', field_type: 'checkbox', value: [{ option_id: '801', option_value: 'Red' }] },
      { field_id: '7', field_identifier: 'area', field_type: 'text_area', value: '' },
    ]);
    expect(Lead.safeParse(lead).success).toBe(true);
  });

  it('reads calendar bookings only when Kartra sends them', () => {
    expect(leadCalendars({ id: '1' })).toBeNull();
    expect(leadCalendars({ calendars: [{ calendar_name: 'Coaching', class_name: 'Intro', status: 'pending' }, { calendar_name: 'X', class_name: 'Y', status: 'cancelled' }] })).toEqual([
      { calendar_name: 'Coaching', class_name: 'Intro', active: true },
      { calendar_name: 'X', class_name: 'Y', active: false },
    ]);
  });
});
