// --custom values checked against the account's custom fields and shaped the way Kartra wants them.
import { describe, expect, it } from 'vitest';
import type { AccountCustomField } from '../../shared/domain/account';
import { UsageError } from '../args';
import { resolveCustomFields } from './custom-options';

const opts = (...pairs: [string, string][]) => pairs.map(([option_id, option_value]) => ({ option_id, option_value }));
const FIELDS: AccountCustomField[] = [
  { field_id: '1', field_identifier: 'job_title', field_type: 'input_field', options: [] },
  { field_id: '5', field_identifier: 'company_size', field_type: 'drop_down', options: opts(['601', 'Just me'], ['602', '2-10']) },
  { field_id: '8', field_identifier: 'interests', field_type: 'checkbox', options: opts(['615', 'Email marketing'], ['618', 'Webinars']) },
];

describe('resolveCustomFields', () => {
  it('keeps text, maps labels to option ids and makes checkbox values lists', () => {
    expect(
      resolveCustomFields(
        [
          { field_identifier: 'job_title', field_value: '42 things' },
          { field_identifier: 'company_size', field_value: '2-10' },
          { field_identifier: 'interests', field_value: '615' },
        ],
        FIELDS,
      ),
    ).toEqual([
      { field_identifier: 'job_title', field_value: '42 things' },
      { field_identifier: 'company_size', field_value: '602' },
      { field_identifier: 'interests', field_value: ['615'] },
    ]);
    expect(resolveCustomFields([{ field_identifier: 'interests', field_value: ['webinars', '615'] }], FIELDS)).toEqual([
      { field_identifier: 'interests', field_value: ['618', '615'] },
    ]);
    expect(resolveCustomFields([{ field_identifier: 'company_size', field_value: '' }], FIELDS)).toEqual([{ field_identifier: 'company_size', field_value: '' }]);
  });

  it('refuses unknown fields and options, and several values where one is allowed', () => {
    const bad = [
      { field_identifier: 'nope', field_value: 'x' },
      { field_identifier: 'company_size', field_value: 'huge' },
      { field_identifier: 'company_size', field_value: '615' },
      { field_identifier: 'company_size', field_value: ['601', '602'] },
      { field_identifier: 'job_title', field_value: ['a', 'b'] },
    ];
    for (const input of bad) expect(() => resolveCustomFields([input], FIELDS), JSON.stringify(input)).toThrow(UsageError);
  });
});
