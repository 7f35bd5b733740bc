import { describe, expect, it } from 'vitest';
import { decodeHttpResponse } from './decode';
import { chainResults, NOT_RUN_MESSAGE } from './decode-chain';

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

  it('"stop" behaviour: top-level Error plus partial actions; the untried ones are not run', () => {
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
      { cmd: 'subscribe_lead_to_list', ok: false, notRun: true, message: NOT_RUN_MESSAGE },
    ]);
  });

  it('"stop" with the failing action missing from actions: the top-level error is pinned on it', () => {
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
    expect(results[2]).toEqual({ cmd: 'subscribe_lead_to_list', ok: false, message: 'List does not exist', kartraType: '231' });
  });

  it('a top-level Error with message/type only: blames the action owning the code', () => {
    const results = chainResults(decode({ status: 'Error', message: 'Tag does not exist', type: '212' }), CHAIN);
    expect(results.map((r) => [r.ok, r.message])).toEqual([
      [true, 'Done'],
      [false, 'Tag does not exist'],
      [false, NOT_RUN_MESSAGE],
    ]);
  });

  it('a global or unknown top-level error fails the first action and nothing else runs', () => {
    const auth = chainResults(decode({ status: 'Error', message: 'API key not valid. Please get an API key first', type: 203 }), CHAIN);
    expect(auth[0]).toMatchObject({ ok: false, kartraType: '203' });
    expect(auth.slice(1).every((r) => !r.ok && r.message === NOT_RUN_MESSAGE)).toBe(true);
    const unknown = chainResults(decode({ status: 'ERROR', message: 'Something new', type: '999' }), CHAIN);
    expect(unknown[0]).toMatchObject({ ok: false, message: 'Something new', kartraType: '999' });
  });

  it('a flat success for search_lead plus action entries', () => {
    const results = chainResults(
      decode({
        status: 'Success',
        message: 'Lead found',
        lead_details: { id: '39260' },
        actions: [{ assign_tag: { status: 'Success', message: 'Tag added to lead', type: '103' } }],
      }),
      ['search_lead', 'assign_tag'],
    );
    expect(results).toEqual([
      { cmd: 'search_lead', ok: true, message: 'Lead found' },
      { cmd: 'assign_tag', ok: true, message: 'Tag added to lead', kartraType: '103' },
    ]);
  });

  it('a single action answered flat', () => {
    expect(chainResults(decode({ status: 'Success', message: 'Points added to lead', type: '105' }), ['give_points_to_lead'])).toEqual([
      { cmd: 'give_points_to_lead', ok: true, message: 'Points added to lead', kartraType: '105' },
    ]);
  });

  it('repeated cmds are matched in order', () => {
    const results = chainResults(
      decode({
        status: 'Success',
        actions: [
          { search_lead: { status: 'Success' } },
          { assign_tag: { status: 'Success', message: 'first' } },
          { assign_tag: { status: 'Error', message: 'Tag does not exist', type: '212' } },
        ],
      }),
      ['search_lead', 'assign_tag', 'assign_tag'],
    );
    expect(results.map((r) => r.message)).toEqual(['Done', 'first', 'Tag does not exist']);
  });

  it('rejects an answer with no status and no entries', () => {
    expect(() => chainResults(decode({ foo: 'bar' }), CHAIN)).toThrow(/no status/);
  });
});
