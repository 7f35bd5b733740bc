import { describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { DROPPED_TEXT, dropCredentialText, scrubSecrets } from './secret-text';
import { allForms, ENCODINGS, ODD_KEY, ODD_PASSWORD } from './testing/secret-encodings';

describe('scrubSecrets', () => {
  it.each(Object.keys(ENCODINGS))('redacts the %s form', (name) => {
    const text = `a ${ENCODINGS[name]!(ODD_KEY)} b ${ENCODINGS[name]!(ODD_PASSWORD)} c`;
    expect(scrubSecrets(text, [ODD_KEY, ODD_PASSWORD])).toBe('a [redacted] b [redacted] c');
  });

  it('redacts a secret whose characters are encoded in mixed ways, and inside a JSON text in a JSON text', () => {
    const mixed = `K3y%2Bwith\\u002fodd=chars&amp;%C3%A9+%c3%bc~`;
    expect(scrubSecrets(`x${mixed}y`, [ODD_KEY])).toBe('x[redacted]y');
    const nested = JSON.stringify(JSON.stringify({ password: ODD_PASSWORD }));
    for (const form of allForms(ODD_PASSWORD)) expect(scrubSecrets(nested, [ODD_PASSWORD])).not.toContain(form);
  });

  it('leaves short secrets and unrelated text alone', () => {
    expect(scrubSecrets('abc def', ['abc'])).toBe('abc def');
    expect(scrubSecrets('nothing here', [ODD_KEY])).toBe('nothing here');
  });
});

describe('text naming a credential field', () => {
  it('is dropped whole, however the field name is encoded', () => {
    for (const text of ['app_id=1&api_key=abc', 'API_PASSWORD = x', 'api%5Fkey%3Dabc', 'api_password%253Dabc', '{"api\\u005fkey\\u003d1"}']) {
      expect(dropCredentialText(text), text).toBe(DROPPED_TEXT);
    }
    expect(dropCredentialText('the api key is wrong')).toBe('the api key is wrong');
  });

  it('never reaches the log', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.warn('Kartra answered: you sent api_key=abc123&api_password=hunter2', { body: 'app_id=A&api_password=hunter2', nested: { text: 'API%5Fkey%3Dabc123' } });
    const out = lines.join('\n');
    expect(out).not.toMatch(/abc123|hunter2/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: DROPPED_TEXT, body: DROPPED_TEXT, nested: { text: DROPPED_TEXT } });
  });
});
