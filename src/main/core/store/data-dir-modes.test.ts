// The data folder is private on POSIX (issue 15.5): after a session that writes every kind of file —
// the database with its WAL and SHM, the built-in sandbox's data, an upload with its UTF-8 copy and the
// validation's email list — every folder is 0700 and every file 0600, whatever the umask.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAnalysis } from '../../../shared/domain/import';
import { upload, waitForJob } from '../jobs/testing/import-test-kit';
import { CoreHarness, valueOf } from '../testing/core-harness';

const h = new CoreHarness();
let previousUmask: number;
beforeAll(() => {
  previousUmask = process.umask(0o022); // the usual desktop umask: files 0644 unless the app says otherwise
});
afterAll(async () => {
  process.umask(previousUmask);
  await h.cleanup();
});

/** Every path under root with its permission bits, folders marked with a trailing slash. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const mode = (statSync(path).mode & 0o777).toString(8);
      if (entry.isDirectory()) {
        out[`${relative(root, path)}/`] = mode;
        walk(path);
      } else out[relative(root, path)] = mode;
    }
  };
  walk(root);
  return out;
}

describe.skipIf(process.platform === 'win32')('data folder modes', () => {
  it('creates the folder 0700 and every file in it 0600', async () => {
    const dataDir = join(h.tempDir(), 'fresh', 'Lead Desk');
    const core = await h.core({ dataDir });
    valueOf(await core.handle('sandbox.connect', {}));
    // Windows-1252 bytes: the analysis writes a UTF-8 copy beside the upload.
    const jobId = await upload(core, 'leads.csv', Buffer.from('email,first name\r\nzoe@example.com,Zo\xe9\r\nbad,x\r\n', 'latin1'));
    const analysis = valueOf<FileAnalysis>(await core.handle('import.analyze', { jobId }));
    valueOf(await core.handle('import.validate', { jobId, mapping: analysis.suggestedMapping }));
    await waitForJob(core, jobId, ['validated']);

    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    const found = modes(dataDir);
    const names = Object.keys(found);
    // The files this test means to cover are really there.
    for (const expected of ['lead-desk.sqlite', 'lead-desk.sqlite-wal', 'lead-desk.sqlite-shm', 'sandbox/kartra-sandbox.sqlite', 'sandbox/kartra-sandbox.sqlite-wal']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => /^imports\/.+\/source\.csv$/.test(n))).toBe(true);
    expect(names.some((n) => /source\.utf8\.csv$/.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith('imports/')).length).toBeGreaterThanOrEqual(4);
    for (const [name, mode] of Object.entries(found)) expect(mode, name).toBe(name.endsWith('/') ? '700' : '600');
  });

  it('tightens a data folder made by an older version', async () => {
    const dataDir = join(h.tempDir(), 'old');
    mkdirSync(join(dataDir, 'imports', 'job-1'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'imports', 'job-1', 'source.csv'), 'email\n', { mode: 0o644 });
    writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o664 });
    await h.core({ dataDir });
    for (const [name, mode] of Object.entries(modes(dataDir))) expect(mode, name).toBe(name.endsWith('/') ? '700' : '600');
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  });
});
