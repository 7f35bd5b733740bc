import { describe, expect, it } from 'vitest';
import { decodeHttpResponse } from './decode';
import { chainResults, UNKNOWN_MESSAGE } from './decode-chain';

const decode = (body: unknown) => decodeHttpResponse(200, JSON.stringify(body));
const CHAIN = ['create_lead', 'assign_tag', 'subscribe_lead_to_list'];

describe('chainResults', () => {
  it('reads the §2.4 expected response: every action succeeded', () => {
    const results = chainResults(
      decode({
        status: 'Success',
        actions: [
          { create_lead: { status: 'Success', lead_details: { id: '1234' } } },
          { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } },
          { subscribe_lead_to_list: { status: 'Success', message: 'Lead subscribed to list', type: '101' } },
        ],
      }),
      CHAIN,
    );
    expect(results).toEqual([
      { cmd: 'create_lead', ok: true, message: 'Done' },
      { cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' },
      { cmd: 'subscribe_lead_to_list', ok: true, message: 'Lead subscribed to list', kartraType: '101' },
    ]);
  });

  it('"continue" behaviour: top-level Success, per-action statuses', () => {
    const results = chainResults(
      decode({
        status: 'Success',
        actions: [
          { create_lead: { status: 'Success', lead_details: { id: '1' } } },
          { assign_tag: { status: 'Error', message: 'Tag does not exist', type: '212' } },
          { subscribe_lead_to_list: { status: 'Success', message: 'Lead subscribed to list', type: '101' } },
        ],
      }),
      CHAIN,
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ kartraType: '212', message: 'Tag does not exist' });
  });

  it('"stop" behaviour: top-level Error plus partial actions; the unreported ones are unknown, never "not run"', () => {
    const results = chainResults(
      decode({
        status: 'Error',
        message: 'Tag does not exist',
        type: '212',
        actions: [
          { create_lead: { status: 'Success', lead_details: { id: '1' } } },
          { assign_tag: { status: 'Error', message: 'Tag does not exist', type: '212' } },
        ],
      }),
      CHAIN,
    );
    expect(results).toEqual([
      { cmd: 'create_lead', ok: true, message: 'Done' },
      { cmd: 'assign_tag', ok: false, message: 'Tag does not exist', kartraType: '212' },
      { cmd: 'subscribe_lead_to_list', ok: false, unknown: true, message: UNKNOWN_MESSAGE },
    ]);
  });

  it('fewer results than actions: the rest are unknown, even when the top-level error names their code', () => {
    const results = chainResults(
      decode({
        status: 'Error',
        message: 'List does not exist',
        type: '231',
        actions: [
          { create_lead: { status: 'Success', lead_details: { id: '1' } } },
          { assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } },
        ],
      }),
      CHAIN,
    );
    expect(results[2]).toEqual({ cmd: 'subscribe_lead_to_list', ok: false, unknown: true, message: UNKNOWN_MESSAGE });
    const success = chainResults(decode({ status: 'Success', actions: [{ create_lead: { status: 'Success' } }] }), CHAIN);
    expect(success.map((r) => r.unknown ?? false)).toEqual([false, true, true]);
  });

  it('a flat error for a chain blames nobody: every action is unknown', () => {
    const results = chainResults(decode({ status: 'Error', message: 'Tag does not exist', type: '212' }), ['assign_tag', 'give_points_to_lead', 'subscribe_lead_to_sequence_at_step']);
    expect(results.every((r) => r.unknown === true && !r.ok)).toBe(true);
  });

  it('certain flat errors: a global code (nothing ran) and a code only the create/edit head can give (no lead to act on)', () => {
    const auth = chainResults(decode({ status: 'Error', message: 'API key not valid. Please get an API key first', type: 203 }), CHAIN);
    expect(auth.every((r) => !r.ok && !r.unknown && r.kartraType === '203')).toBe(true);
    const exists = chainResults(decode({ status: 'Error', message: 'Lead already exists', type: '244' }), CHAIN);
    expect(exists.every((r) => !r.ok && !r.unknown && r.kartraType === '244')).toBe(true);
    const unknownCode = chainResults(decode({ status: 'ERROR', message: 'Something new', type: '999' }), CHAIN);
    expect(unknownCode.every((r) => r.unknown === true)).toBe(true);
  });

  it('a single action answered flat or in the envelope (§0.4 E1, E2)', () => {
    expect(chainResults(decode({ status: 'Success', message: 'Points added to lead', type: '105' }), ['give_points_to_lead'])).toEqual([
      { cmd: 'give_points_to_lead', ok: true, message: 'Points added to lead', kartraType: '105' },
    ]);
    expect(chainResults(decode({ status: 'Success', actions: [{ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }] }), ['assign_tag'])).toEqual([
      { cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' },
    ]);
    expect(chainResults(decode({ status: 'Error', message: 'Tag does not exist', type: '212' }), ['assign_tag'])).toEqual([
      { cmd: 'assign_tag', ok: false, message: 'Tag does not exist', kartraType: '212' },
    ]);
  });

  it('repeated cmds are matched in order', () => {
    const results = chainResults(
      decode({
        status: 'Success',
        actions: [
          { edit_lead: { status: 'Success' } },
          { assign_tag: { status: 'Success', message: 'first' } },
          { assign_tag: { status: 'Error', message: 'Tag does not exist', type: '212' } },
        ],
      }),
      ['edit_lead', 'assign_tag', 'assign_tag'],
    );
    expect(results.map((r) => r.message)).toEqual(['Done', 'first', 'Tag does not exist']);
  });

  it('rejects an answer with no status and no entries', () => {
    expect(() => chainResults(decode({ foo: 'bar' }), CHAIN)).toThrow(/no status/);
  });
});
