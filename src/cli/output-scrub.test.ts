// The CLI's output path (issue 15.4): a failure whose text carries the key or password in any encoding,
// or a credential field of a form body, is printed without them.
import { describe, expect, it } from 'vitest';
import { KartraApiError, TransportError } from '../main/core/kartra/errors';
import { silentLogger } from '../main/core/log';
import { DROPPED_TEXT } from '../main/core/secret-text';
import { allForms, ENCODINGS, ODD_KEY, ODD_PASSWORD } from '../main/core/testing/secret-encodings';
import { createPrinter, failureDoc } from './output';

function printed(doc: Record<string, unknown>): string {
  let out = '';
  const printer = createPrinter((text) => (out += text));
  printer.addSecrets(ODD_KEY, ODD_PASSWORD);
  printer.print(doc);
  return out;
}

describe('CLI output scrubbing', () => {
  it.each(Object.keys(ENCODINGS))('removes the %s form of the key and password', (name) => {
    const encode = ENCODINGS[name]!;
    const error = new KartraApiError('203', `Key ${encode(ODD_KEY)} / ${encode(ODD_PASSWORD)} not valid`, 'assign_tag');
    const out = printed(failureDoc(error, silentLogger).doc);
    expect(out).toContain('[redacted]');
    for (const form of allForms(ODD_KEY, ODD_PASSWORD)) expect(out, form).not.toContain(form);
    expect(JSON.parse(out)).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
  });

  it('drops an error text naming api_key= or api_password=, and redacts such a value anywhere else', () => {
    const error = new TransportError('proxy said: POST body app_id=A&api_key=sekrit&api_password=hunter2', true, 'http', 502);
    const out = printed(failureDoc(error, silentLogger).doc);
    expect(out).not.toMatch(/sekrit|hunter2/);
    expect(JSON.parse(out).error.message).toContain(DROPPED_TEXT);
    const note = printed({ ok: true, note: 'echo: api_key=sekrit&x=1 and API%5Fpassword%3Dhunter2' });
    expect(note).not.toMatch(/sekrit|hunter2/);
  });
});
