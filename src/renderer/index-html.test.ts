import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(join(__dirname, 'index.html'), 'utf8');

describe('renderer index.html', () => {
  // frame-ancestors is only honoured as an HTTP header (Chromium logs an error for it in a meta tag):
  // the shell and the e2e host send it with the full policy from src/main/core/app-pages/csp.ts.
  it('carries the strict Content-Security-Policy', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('loads nothing remote and runs no inline script', () => {
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\ssrc="/);
      expect(script[2]?.trim()).toBe('');
    }
  });
});
