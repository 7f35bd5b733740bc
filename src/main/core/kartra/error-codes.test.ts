import { describe, expect, it } from 'vitest';
import { toAppError } from '../api/to-app-error';
import { KartraApiError } from './errors';
import { cmdsForKartraCode, describeKartraError, isGlobalKartraCode, KARTRA_CODES } from './error-codes';

// Every code kartra-api.md documents (§4, §5, §6, §9–§12).
const DOCUMENTED = [
  '101', '103', '104', '105', '106', '107', '112', '113', '114', '115',
  '201', '202', '203', '233', '204', '254', '206', '223', '236', '224', '238', '239', '240', '242', '262', '429',
  '243', '234', '244', '245', '271',
  '207', '231', '208', '209', '211', '212', '213', '214', '215', '227', '217', '228',
  '219', '225', '226', '229', '230', '220',
  '255', '256', '257', '258', '259', '260', '261',
  '263', '264', '265', '269', '270', '272', '273',
  '247', '248', '249', '250', '251', '252', '253', '266', '267', '268',
  '274', '275', '276', '277', '278', '280', '281', '282', '283', '284', '285', '290',
];
const AUTH = ['201', '202', '203', '204', '233', '238', '239', '240', '242', '262'];

describe('Kartra error codes', () => {
  it('covers every documented code, and nothing undocumented', () => {
    expect(Object.keys(KARTRA_CODES).sort()).toEqual([...DOCUMENTED].sort());
  });

  it('gives every code a Kartra wording and a user message', () => {
    for (const [type, row] of Object.entries(KARTRA_CODES)) {
      expect(row.kartraMessage.length, type).toBeGreaterThan(3);
      expect(row.message.length, type).toBeGreaterThan(15);
      expect(row.code === null, type).toBe(type.startsWith('1'));
    }
  });

  it('maps auth codes to auth_failed with directions to My Integrations → API', () => {
    for (const type of AUTH) {
      const described = describeKartraError(type, 'whatever Kartra said');
      expect(described.code, type).toBe('auth_failed');
      expect(described.message, type).toContain('My Integrations → API');
      expect(isGlobalKartraCode(type)).toBe(true);
    }
  });

  it('maps lead outcomes: not found, already exists, deleted', () => {
    expect(describeKartraError('243', 'No lead found').code).toBe('not_found');
    expect(describeKartraError('234', 'No lead found').code).toBe('not_found');
    expect(describeKartraError('244', 'Lead already exists').code).toBe('already_exists');
    expect(describeKartraError('245', 'Lead is deleted')).toMatchObject({ code: 'conflict', message: expect.stringContaining('Restore the lead') });
    expect(describeKartraError(' 212 ', 'Tag does not exist')).toMatchObject({ code: 'kartra_error', message: expect.stringContaining('Create it in Kartra') });
    expect(describeKartraError('429', 'Too many requests').code).toBe('rate_limited');
  });

  it('keeps Kartra\'s own message for unknown codes', () => {
    expect(describeKartraError('999', 'Brand new failure')).toEqual({
      code: 'kartra_error',
      message: 'Kartra reported a problem (code 999): Brand new failure',
    });
    expect(describeKartraError('', '')).toEqual({ code: 'kartra_error', message: 'Kartra reported a problem: no explanation was given' });
  });

  it('falls back to the wording when Kartra sent no type', () => {
    expect(describeKartraError('', 'No lead found').code).toBe('not_found');
    expect(describeKartraError('', 'lead is deleted').code).toBe('conflict');
  });

  it('knows which commands emit a code', () => {
    expect(cmdsForKartraCode('212')).toEqual(['assign_tag']);
    expect(cmdsForKartraCode('203')).toEqual([]);
    expect(cmdsForKartraCode('999')).toEqual([]);
  });

  it('feeds the router: KartraApiError becomes an envelope error with the Kartra type in details', () => {
    const appError = toAppError(new KartraApiError('233', 'API password not valid. Please get an API password first'));
    expect(appError.toData()).toMatchObject({
      code: 'auth_failed',
      retryable: false,
      details: { kartraType: '233', kartraMessage: 'API password not valid. Please get an API password first' },
    });
  });
});

describe('230 names the step and the sequence when the failing action is known', () => {
  const action = { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: 'Welcome Series', step: '7' };

  it('fills the message from the action', () => {
    expect(describeKartraError('230', 'Step does not exist', action)).toEqual({
      code: 'kartra_error',
      message: "Kartra has no step 7 in 'Welcome Series' — check the box number in the sequence builder.",
    });
    expect(toAppError(new KartraApiError('230', 'Step does not exist', action.cmd, action)).message).toBe(
      "Kartra has no step 7 in 'Welcome Series' — check the box number in the sequence builder.",
    );
  });

  it('keeps the general message without the action, or when a placeholder has no value', () => {
    const general = KARTRA_CODES['230']!.message;
    expect(describeKartraError('230', 'Step does not exist').message).toBe(general);
    expect(describeKartraError('230', 'Step does not exist', { ...action, step: '' }).message).toBe(general);
    // Codes without an action message are not affected by an action.
    expect(describeKartraError('212', 'Tag does not exist', action).message).toBe(KARTRA_CODES['212']!.message);
  });
});
