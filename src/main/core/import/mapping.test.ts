// Column mapping: aliases and custom fields suggested from headers, header clean-up, and the per-row checks behind it.
import { describe, expect, it } from 'vitest';
import type { AccountCustomField } from '../../../shared/domain/account';
import { headerSetKey, normalise, suggestMapping } from './aliases';
import { readHeaders } from './headers';
import { compileMapping, validateRow } from './validate-row';

const FIELDS: AccountCustomField[] = [
  { field_id: '1', field_identifier: 'job_title', field_type: 'input_field', options: [] },
  {
    field_id: '5',
    field_identifier: 'company_size',
    field_type: 'drop_down',
    options: [
      { option_id: '601', option_value: 'Just me' },
      { option_id: '602', option_value: '2-10' },
    ],
  },
  {
    field_id: '8',
    field_identifier: 'interests',
    field_type: 'checkbox',
    options: [
      { option_id: '615', option_value: 'Email marketing' },
      { option_id: '616', option_value: 'Sales funnels' },
      { option_id: '618', option_value: 'Webinars' },
    ],
  },
];

describe('suggestMapping', () => {
  it('matches lead fields by name and common aliases', () => {
    const headers = ['E-mail', 'First Name', 'Surname', 'Zip code', 'Postcode', 'Mobile', 'Organisation', 'Time Zone', 'VAT number', 'Full Name'];
    expect(suggestMapping(headers, [])).toEqual({
      'E-mail': 'email',
      'First Name': 'first_name',
      Surname: 'last_name',
      'Zip code': 'zip',
      Postcode: 'ignore', // zip is taken by the column before it
      Mobile: 'phone',
      Organisation: 'company',
      'Time Zone': 'lead_preferred_time_zone',
      'VAT number': 'sales_tax_id',
      'Full Name': 'ignore', // splitting a full name would be a guess
    });
  });

  it("matches the account's custom fields by identifier", () => {
    expect(suggestMapping(['Job Title', 'company size', 'INTERESTS', 'Shoe size'], FIELDS)).toEqual({
      'Job Title': 'custom:job_title',
      'company size': 'custom:company_size',
      INTERESTS: 'custom:interests',
      'Shoe size': 'ignore',
    });
  });

  it('normalises accents, case and punctuation; header sets ignore order and case', () => {
    expect(normalise(' Prénom ')).toBe('prenom');
    expect(normalise('E_Mail-Address')).toBe('emailaddress');
    expect(headerSetKey(['Email', 'Name'])).toBe(headerSetKey(['name', 'EMAIL ']));
  });
});

describe('readHeaders', () => {
  it('names blank and duplicate columns and says so', () => {
    const read = readHeaders(['Email', '', 'email', 'Name ']);
    expect(read.headers).toEqual(['Email', 'Column 2', 'email (2)', 'Name']);
    expect(read.problems).toEqual(['Columns 1 and 3 are both called "email"; column 3 is shown as "email (2)". Map the one that holds the data.']);
  });

  it('refuses a first row that is data', () => {
    expect(readHeaders(['joe@example.com', 'Joe']).fatal).toContain('the first row holds an email address'.replace('the', 'The'));
  });
});

describe('validateRow', () => {
  const headers = ['Email', 'Country', 'TZ', 'Size', 'Interests', 'Title', 'Skip'];
  const mapping = { Email: 'email', Country: 'country', TZ: 'lead_preferred_time_zone', Size: 'custom:company_size', Interests: 'custom:interests', Title: 'custom:job_title', Skip: 'ignore' } as const;
  const cm = compileMapping(headers, mapping, FIELDS);

  it('builds the lead with canonical values and option ids', () => {
    const check = validateRow(cm, [' Ann@Example.com ', 'de', 'america/new_york', '2-10', 'webinars; Email Marketing', 'CEO', '\u0000']);
    expect(check.errors).toEqual([]);
    expect(check.emailKey).toBe('ann@example.com');
    expect(check.lead).toEqual({
      email: 'Ann@Example.com',
      country: 'Germany',
      lead_preferred_time_zone: 'America/New_York',
      custom_fields: [
        { field_identifier: 'company_size', field_value: '602' },
        { field_identifier: 'interests', field_value: ['618', '615'] },
        { field_identifier: 'job_title', field_value: 'CEO' },
      ],
    });
    expect(validateRow(cm, ['a@b.co', 'United Kingdom', '', '601', 'Sales funnels', '', '']).lead).toMatchObject({
      country: 'United Kingdom',
      custom_fields: [{ field_value: '601' }, { field_value: ['616'] }],
    });
    expect(validateRow(cm, ['a@b.co', 'UK', '', '', '', '', '']).lead?.country).toBe('United Kingdom');
  });

  it('reports every bad cell with its column', () => {
    const check = validateRow(cm, ['joe@', 'XX', 'Europe/Berlin', 'Huge', 'Webinars;Yoga', 'x'.repeat(2001), '']);
    expect(check.lead).toBeNull();
    expect(check.errors.map((e) => e.column)).toEqual(['Email', 'Country', 'TZ', 'Size', 'Interests', 'Title']);
    expect(check.errors[0]?.message).toBe('"joe@" is not a valid email address');
    expect(check.errors[2]?.message).toContain('not one of the 76 time zones Kartra accepts');
    expect(check.errors[4]?.message).toContain('"Yoga" is not among the options of interests');
    expect(check.errors[5]?.message).toContain('longer than 2000 characters');
    expect(validateRow(cm, ['', '', '', '', '', '', '']).errors[0]?.message).toBe('is empty: every lead needs an email address');
    expect(validateRow(cm, ['a@b.co', '', '', '', '', 'C\u0000EO', '']).errors[0]?.message).toContain('NUL character');
  });

  it('reports ragged rows unless the extra cells are empty or the row was fixed by hand', () => {
    expect(validateRow(cm, ['a@b.co', 'DE']).errors[0]?.message).toContain('this row has 2 cells but the header has 7');
    expect(validateRow(cm, ['a@b.co', '', '', '', '', '', '', 'spill']).errors[0]?.message).toContain('(extra: "spill")');
    expect(validateRow(cm, ['a@b.co', '', '', '', '', '', '', '', ' ']).errors).toEqual([]);
    expect(validateRow(cm, ['a@b.co', 'DE'], true).errors).toEqual([]);
  });

  it('refuses mappings that cannot work', () => {
    expect(() => compileMapping(['A', 'B'], { A: 'email', B: 'email' }, [])).toThrow('Columns "A" and "B" are both mapped to email');
    expect(() => compileMapping(['A'], { A: 'first_name' }, [])).toThrow('Map one column to email');
    expect(() => compileMapping(['A'], { A: 'email', Z: 'zip' }, [])).toThrow('The file has no column named "Z"');
  });
});

describe('text areas (kartra-api.md §0.4 E9)', () => {
  const fields: AccountCustomField[] = [...FIELDS, { field_id: '3', field_identifier: 'goals', field_type: 'text_area', options: [] }];
  const cm = compileMapping(['Email', 'Goals', 'Title'], { Email: 'email', Goals: 'custom:goals', Title: 'custom:job_title' }, fields);

  it('takes 365 characters, counted as Kartra counts them (an emoji is one)', () => {
    const check = validateRow(cm, ['a@b.co', '😀'.repeat(365), 'x'.repeat(400)]);
    expect(check.errors).toEqual([]);
    expect(check.lead?.custom_fields).toEqual([
      { field_identifier: 'goals', field_value: '😀'.repeat(365) },
      { field_identifier: 'job_title', field_value: 'x'.repeat(400) },
    ]);
  });

  it('refuses 366 with a message naming the field, instead of letting Kartra cut it', () => {
    const check = validateRow(cm, ['a@b.co', 'g'.repeat(366), '']);
    expect(check.lead).toBeNull();
    expect(check.errors).toEqual([
      { column: 'Goals', message: 'goals has 366 characters; Kartra keeps at most 365 in a text area — shorten it by 1' },
    ]);
  });
});
