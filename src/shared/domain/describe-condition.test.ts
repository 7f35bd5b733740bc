import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe-condition';

describe('describeCondition', () => {
  it('reads each kind of condition in words', () => {
    expect(describeCondition({ kind: 'tag', op: 'has_not', name: 'VIP' })).toBe('Has not tag VIP');
    expect(describeCondition({ kind: 'list', op: 'not_in', name: 'Newsletter' })).toBe('Not in list Newsletter');
    expect(describeCondition({ kind: 'field', field: 'job_title', op: 'contains', value: 'CEO' })).toBe('Job title contains “CEO”');
    expect(describeCondition({ kind: 'field', field: 'company_size', op: 'empty', value: '' })).toBe('Company size is empty');
    expect(describeCondition({ kind: 'score', min: 50, max: null })).toBe('Score ≥ 50');
    expect(describeCondition({ kind: 'gdpr', statuses: ['2', '5'] })).toBe('GDPR: Accepted or Pending');
    expect(describeCondition({ kind: 'joined', from: null, to: '2024-01-31' })).toBe('Joined on or before 2024-01-31');
    expect(describeCondition({ kind: 'refreshed', op: 'older', days: 30 })).toBe('Not refreshed for 30 days');
  });
});
