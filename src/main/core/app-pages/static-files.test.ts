import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from './csp';
import { readStaticFile } from './static-files';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lead-desk-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'top secret');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves index.html for / with the CSP and a content type', async () => {
    const res = await readStaticFile(root, '/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('<title>x</title>');
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves assets with their MIME type', async () => {
    const res = await readStaticFile(root, '/assets/index-1.js');
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toMatch(/^text\/javascript/);
  });

  it('never reads outside the folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/..\\secret.txt']) {
      const res = await readStaticFile(root, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(String(res.body)).not.toContain('top secret');
    }
  });

  it('answers 404 for missing files and folders, 400 for broken encoding', async () => {
    expect((await readStaticFile(root, '/nope.js')).status).toBe(404);
    expect((await readStaticFile(root, '/assets')).status).toBe(404);
    expect((await readStaticFile(root, '/%E0%A4%A')).status).toBe(400);
  });
});
