import { describe, expect, it } from 'vitest';
import { decodeBody, decodeHttpResponse, expectSuccess, findData, leadIdFrom, outcomeOf } from './decode';
import { KartraApiError, RateLimitedError, TransportError } from './errors';

const ok = (body: unknown) => decodeHttpResponse(200, JSON.stringify(body));

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('decodeHttpResponse: shapes of kartra-api.md §3.1', () => {
  it('reads a flat status message', () => {
    const d = ok({ status: 'Success', message: 'Tag added to lead', type: '103' });
    expect(outcomeOf(d, 'assign_tag')).toMatchObject({ status: 'success', message: 'Tag added to lead', type: '103' });
    const e = ok({ status: 'Error', message: 'Tag cannot be empty', type: '211' });
    const err = caught(() => expectSuccess(e, 'assign_tag'));
    expect(err).toBeInstanceOf(KartraApiError);
    expect(err).toMatchObject({ type: '211', kartraMessage: 'Tag cannot be empty', cmd: 'assign_tag' });
  });

  it('reads the actions envelope with one single-key object per action', () => {
    const d = ok({
      status: 'Success',
      actions: [{ modify_subscription_status: { status: 'Success', message: 'Subscription modified', type: '115' } }],
    });
    expect(d.entries).toHaveLength(1);
    expect(expectSuccess(d, 'modify_subscription_status')).toMatchObject({ message: 'Subscription modified', type: '115' });
  });

  it('reads per-cmd wrappers that carry data instead of message/type', () => {
    const d = ok({ refund_transaction: { status: 'Success', transaction_refunded: '792354' } });
    expect(d.status).toBe('none');
    expect(expectSuccess(d, 'refund_transaction').data.transaction_refunded).toBe('792354');
    const list = ok({ retrieve_transactions_from_lead: { status: 'Success', transaction_list: [{ transaction_id: '1' }] } });
    expect(findData(list, 'retrieve_transactions_from_lead', 'transaction_list')).toEqual([{ transaction_id: '1' }]);
  });

  it('reads top-level data keys (account retrievals, get_lead)', () => {
    const d = ok({ status: 'Success', account_tags: ['Tag name 1', 'Tag name 2'] });
    expect(findData(d, 'retrieve_account_tags', 'account_tags')).toEqual(['Tag name 1', 'Tag name 2']);
    const lead = ok({ status: 'Success', lead_details: { id: 77, email: 'a@b.co' } });
    expect(leadIdFrom(lead)).toBe('77');
    // No status at all but the expected key is there: tolerated.
    const bare = ok({ account_lists: ['News'] });
    expect(() => expectSuccess(bare, 'retrieve_account_lists', 'account_lists')).not.toThrow();
    expect(() => expectSuccess(bare, 'retrieve_account_lists', 'account_tags')).toThrow(TransportError);
  });

  it('reads success without type, and search_lead flat with lead_details', () => {
    const d = ok({ status: 'Success', message: 'Transaction exists' });
    expect(expectSuccess(d, 'search_transaction')).toMatchObject({ status: 'success', type: '' });
    const s = ok({ status: 'Success', message: 'Lead found', lead_details: { id: '39260' } });
    expect(leadIdFrom(s)).toBe('39260');
  });

  it('finds the created lead id inside actions[0].create_lead.lead_details', () => {
    const d = ok({ status: 'Success', actions: [{ create_lead: { status: 'Success', lead_details: { id: '1234' } } }] });
    expect(leadIdFrom(d)).toBe('1234');
    expect(leadIdFrom(ok({ status: 'Success' }))).toBeNull();
  });

  it('matches status case-insensitively and turns numeric types into strings', () => {
    const d = ok({ status: 'error', message: "Subscription doesn't exist", type: 248 });
    expect(d.status).toBe('error');
    expect(d.type).toBe('248');
    expect(caught(() => expectSuccess(d, 'modify_subscription_status'))).toMatchObject({ type: '248' });
    expect(ok({ status: 'SUCCESS', message: 'x' }).status).toBe('success');
    expect(ok({ status: ' Success ', actions: { '0': { assign_tag: { status: 'success', type: 103 } } } }).entries[0]).toMatchObject({
      cmd: 'assign_tag',
      status: 'success',
      type: '103',
    });
  });

  it('accepts action elements that name their cmd in a field', () => {
    const d = ok({ status: 'Success', actions: [{ cmd: 'assign_tag', status: 'Success', message: 'Tag added to lead' }] });
    expect(d.entries[0]).toMatchObject({ cmd: 'assign_tag', status: 'success' });
  });

  it('lets a top-level Error win over a successful-looking entry', () => {
    const d = ok({ status: 'Error', message: 'API key not valid. Please get an API key first', type: '203', actions: [{ assign_tag: { status: 'Success' } }] });
    expect(outcomeOf(d, 'assign_tag')).toMatchObject({ status: 'error', type: '203' });
  });

  it('requires a status for commands without a data key', () => {
    expect(caught(() => expectSuccess(ok({ whatever: 1 }), 'assign_tag'))).toMatchObject({ kind: 'bad_response', sent: true });
  });
});

describe('decodeHttpResponse: failures', () => {
  it('raises RateLimitedError for HTTP 429 and for a "Too many requests" body', () => {
    expect(() => decodeHttpResponse(429, '')).toThrow(RateLimitedError);
    expect(() => ok({ status: 'Error', message: 'Too many requests', type: '429' })).toThrow(RateLimitedError);
    expect(() => ok({ status: 'Error', message: 'too many requests' })).toThrow(RateLimitedError);
    expect(() => decodeHttpResponse(200, 'Too many requests')).toThrow(RateLimitedError);
  });

  it('raises TransportError http: sent for 5xx, not sent for 3xx/4xx (not Kartra\'s API answering)', () => {
    expect(caught(() => decodeHttpResponse(503, '<html>down</html>'))).toMatchObject({ kind: 'http', sent: true, status: 503 });
    expect(caught(() => decodeHttpResponse(404, 'nope'))).toMatchObject({ kind: 'http', status: 404, sent: false });
    expect(caught(() => decodeHttpResponse(301, ''))).toMatchObject({ kind: 'http', status: 301, sent: false });
  });

  it('raises bad_response (sent) for broken bodies', () => {
    for (const body of ['', '{"status":"Success",', '<html>Fatal error</html>', 'null', '[1,2]', '"Success"', '42']) {
      const error = caught(() => decodeHttpResponse(200, body));
      expect(error, body).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ kind: 'bad_response', sent: true });
    }
  });

  it('reads JSON preceded by a PHP notice or a BOM', () => {
    const noisy = '<br />\n<b>Notice</b>: Undefined index in x.php<br />\n{"status":"Success","message":"Tag added to lead","type":"103"}';
    expect(decodeBody(noisy).type).toBe('103');
    expect(decodeBody('\uFEFF{"status":"Success"}').status).toBe('success');
  });
});
