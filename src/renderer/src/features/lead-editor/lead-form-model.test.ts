import { describe, expect, it } from 'vitest';
import { ada, CATALOG } from '../../workspace/testing/workspace-fake-core';
import {
  createErrors,
  customFieldDefs,
  editErrors,
  emptyFormValues,
  encodeCustomValue,
  formValuesFromLead,
  toCreateInput,
  toEditPlan,
} from './lead-form-model';

const defs = CATALOG.custom_fields;

describe('lead form model', () => {
  it('encodes each custom field type as the core expects', () => {
    expect(encodeCustomValue({ field_type: 'input_field' }, '  Analyst ')).toBe('Analyst');
    expect(encodeCustomValue({ field_type: 'text_area' }, 'line 1\nline 2')).toBe('line 1\nline 2');
    expect(encodeCustomValue({ field_type: 'drop_down' }, '602')).toBe('602');
    expect(encodeCustomValue({ field_type: 'radio_button' }, '')).toBe('');
    expect(encodeCustomValue({ field_type: 'checkbox' }, ['623', '621'])).toEqual(['623', '621']);
    expect(encodeCustomValue({ field_type: 'checkbox' }, [])).toEqual([]);
  });

  it('builds a create input with only the filled-in fields and custom values', () => {
    const values = emptyFormValues(defs);
    values.email = ' new@example.com ';
    values.fields.first_name = ' Grace ';
    values.fields.lead_preferred_time_zone = 'Europe/London';
    values.custom.company_size = '603';
    values.custom.preferred_contact = '612';
    values.custom.interests = ['622', '621'];
    values.custom.goals = 'Grow';
    expect(toCreateInput(values, defs)).toEqual({
      email: 'new@example.com',
      first_name: 'Grace',
      lead_preferred_time_zone: 'Europe/London',
      custom_fields: [
        { field_identifier: 'goals', field_value: 'Grow' },
        { field_identifier: 'company_size', field_value: '603' },
        { field_identifier: 'preferred_contact', field_value: '612' },
        { field_identifier: 'interests', field_value: ['622', '621'] },
      ],
    });
    expect(createErrors(values, defs)).toEqual({});
  });

  it('refuses a bad email and a time zone outside Kartra’s list, naming the field', () => {
    const values = emptyFormValues(defs);
    values.email = 'not-an-email';
    values.fields.lead_preferred_time_zone = 'Mars/Olympus';
    const errors = createErrors(values, defs);
    expect(errors.email).toBe('Email is not a valid email address');
    expect(errors['fields.lead_preferred_time_zone']).toMatch(/^Time zone is not one of the time zones Kartra accepts/);
    expect(createErrors(emptyFormValues(defs), defs).email).toBe('Email is required to create a lead');
  });

  it('prefills from a lead: option fields by option id, checkboxes as ids', () => {
    const values = formValuesFromLead(ada(), defs);
    expect(values.email).toBe('ada@example.com');
    expect(values.fields.first_name).toBe('Ada');
    expect(values.custom).toEqual({ job_title: 'Analyst', goals: '', company_size: '602', preferred_contact: '', interests: ['621'] });
  });

  it('an edit sends only the changed fields, with what the user saw', () => {
    const initial = formValuesFromLead(ada(), defs);
    const values = structuredClone(initial);
    values.fields.city = 'Paris';
    values.fields.company = ''; // cleared
    values.custom.company_size = '603';
    values.custom.interests = ['622', '621'];
    values.email = 'ada@newmail.com';
    const plan = toEditPlan(values, initial, defs);
    expect(plan.changes).toEqual({
      new_email: 'ada@newmail.com',
      city: 'Paris',
      company: '',
      custom_fields: [
        { field_identifier: 'company_size', field_value: '603' },
        { field_identifier: 'interests', field_value: ['622', '621'] },
      ],
    });
    expect(plan.seen).toEqual({
      new_email: 'ada@example.com',
      city: 'London',
      company: 'Analytical Engines',
      'custom:company_size': '602',
      'custom:interests': '621',
    });
    expect(editErrors(values, initial, defs)).toEqual({});
  });

  it('treats reordered checkboxes, a re-cased email and trailing spaces as no change', () => {
    const initial = formValuesFromLead(ada({ custom_fields: [{ field_id: '5', field_identifier: 'interests', field_type: 'checkbox', value: [{ option_id: '621', option_value: 'Webinars' }, { option_id: '622', option_value: 'Memberships' }] }] }), defs);
    const values = structuredClone(initial);
    values.custom.interests = ['622', '621'];
    values.email = 'ADA@example.com';
    values.fields.city = 'London  ';
    expect(toEditPlan(values, initial, defs)).toEqual({ changes: {}, seen: {}, changed: [] });
  });

  it('only checks the fields being changed: a stored odd time zone does not block other edits', () => {
    const initial = formValuesFromLead(ada({ lead_preferred_time_zone: 'UTC' }), defs);
    const values = structuredClone(initial);
    values.fields.city = 'Paris';
    expect(editErrors(values, initial, defs)).toEqual({});
    values.fields.lead_preferred_time_zone = 'Europe/Paris';
    expect(editErrors(values, initial, defs)['fields.lead_preferred_time_zone']).toMatch(/not one of the time zones Kartra accepts/);
  });

  it('offers the lead’s own custom fields the account cache does not know yet', () => {
    const lead = ada({ custom_fields: [{ field_id: '99', field_identifier: 'shoe_size', field_type: 'drop_down', value: [{ option_id: '9', option_value: '42' }] }] });
    const all = customFieldDefs(defs, lead);
    expect(all.map((d) => d.field_identifier)).toContain('shoe_size');
    expect(formValuesFromLead(lead, all).custom.shoe_size).toBe('9');
  });
});

describe('text areas (kartra-api.md §0.4 E9)', () => {
  it('refuse more than 365 characters in the new-lead and edit forms, naming the field', () => {
    const values = emptyFormValues(defs);
    values.email = 'grace@example.com';
    values.custom.goals = 'g'.repeat(365);
    expect(createErrors(values, defs)).toEqual({});
    values.custom.goals = 'g'.repeat(400);
    expect(createErrors(values, defs)).toEqual({ 'custom.goals': 'goals has 400 characters; Kartra keeps at most 365 in a text area — shorten it by 35' });
    const initial = formValuesFromLead(ada(), defs);
    const edited = { ...initial, custom: { ...initial.custom, goals: 'é'.repeat(366) } };
    expect(editErrors(edited, initial, defs)['custom.goals']).toMatch(/^goals has 366 characters/);
  });
});
