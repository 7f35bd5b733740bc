import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ handler: undefined as undefined | ((request: Request) => Promise<Response>) }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (electron.handler = fn),
  },
}));

import { handleAppProtocol } from './app-protocol';
import { APP_CSP } from '../core/app-pages/csp';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lead-desk-protocol-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>Lead Desk</title>');
  await writeFile(join(base, 'renderer', 'assets', 'index.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'secret');
  handleAppProtocol(join(base, 'renderer'), APP_CSP);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const fetchApp = (url: string, init?: RequestInit) => electron.handler!(new Request(url, init));

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const res = await fetchApp('app://lead-desk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Lead Desk</title>');
    const css = await fetchApp('app://lead-desk/assets/index.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetchApp('app://lead-desk/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('does not leave the renderer folder', async () => {
    const res = await fetchApp('app://lead-desk/%2e%2e/secret.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
});
