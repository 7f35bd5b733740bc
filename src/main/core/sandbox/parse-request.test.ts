import { describe, expect, it } from 'vitest';
import { parseKartraBody, phpAppendIndices } from './parse-request';

const FORM = 'application/x-www-form-urlencoded';

describe('parseKartraBody', () => {
  it('reads literal and percent-encoded brackets alike', () => {
    const literal = parseKartraBody('lead[email]=a@b.co&actions[0][cmd]=create_lead', FORM);
    const encoded = parseKartraBody('lead%5Bemail%5D=a%40b.co&actions%5B0%5D%5Bcmd%5D=create_lead', FORM);
    expect(literal).toEqual({ lead: { email: 'a@b.co' }, actions: [{ cmd: 'create_lead' }] });
    expect(encoded).toEqual(literal);
  });

  it('decodes + as a space and nested custom-field arrays', () => {
    const p = parseKartraBody(
      'lead%5Bcustom_fields%5D%5B2%5D%5Bfield_value%5D%5B0%5D=620&lead%5Bcustom_fields%5D%5B2%5D%5Bfield_value%5D%5B1%5D=621&actions%5B1%5D%5Btag_name%5D=My+customer',
      FORM,
    );
    expect(p).toEqual({ lead: { custom_fields: [{ field_value: ['620', '621'] }] }, actions: [{ tag_name: 'My customer' }] });
  });

  it('keeps the last of repeated keys, as PHP does', () => {
    expect(parseKartraBody('app_id=one&app_id=two', FORM)).toEqual({ app_id: 'two' });
  });

  it('treats each empty [] as a new element, as PHP does', () => {
    const p = parseKartraBody('actions[][cmd]=assign_tag&actions[][tag_name]=VIP', FORM);
    expect(p.actions).toEqual([{ cmd: 'assign_tag' }, { tag_name: 'VIP' }]);
    expect(phpAppendIndices('a[3]=x&a[]=y')).toBe('a[3]=x&' + encodeURIComponent('a[4]') + '=y');
    expect(parseKartraBody('v[]=1&v[]=2', FORM)).toEqual({ v: ['1', '2'] });
  });

  it('refuses bodies that are not a form (JSON, multipart) by yielding no fields', () => {
    const json = JSON.stringify({ app_id: 'LDSANDBOX01', api_key: 'k' });
    expect(parseKartraBody(json, 'application/json')).toEqual({});
    expect(parseKartraBody(json, undefined)).toEqual({});
    expect(parseKartraBody('app_id=x', 'multipart/form-data; boundary=abc')).toEqual({});
    expect(parseKartraBody('app_id=x', undefined)).toEqual({ app_id: 'x' });
    expect(parseKartraBody('app_id=x', 'application/x-www-form-urlencoded; charset=UTF-8')).toEqual({ app_id: 'x' });
  });
});
