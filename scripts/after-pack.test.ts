// The packaging hook flips exactly the fuses issue 15.8 asks for: checked with the flip mocked (the call),
// and with the real @electron/fuses on a stand-in binary that carries Electron 45's fuse wire.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
type Hook = ((context: unknown, flip?: (path: string, config: unknown) => Promise<unknown>) => Promise<void>) & { FUSES: object };
const afterPack = require('./after-pack.cjs') as Hook;

// The fuse set itself is after-pack.cjs's own FUSES: the real-binary test below checks its effect fuse by fuse.
const EXPECTED = afterPack.FUSES;

const context = (electronPlatformName: string, arch = 1) => ({
  appOutDir: '/out/app',
  electronPlatformName,
  arch,
  packager: { appInfo: { productFilename: 'Lead Desk' }, executableName: 'lead-desk' },
});

describe('afterPack fuses', () => {
  it('is the afterPack hook of electron-builder.yml', () => {
    expect(readFileSync(join(__dirname, '../electron-builder.yml'), 'utf8')).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
  });

  it.each([
    ['linux', 1, '/out/app/lead-desk', false],
    ['win32', 1, '/out/app/Lead Desk.exe', false],
    ['darwin', 1, '/out/app/Lead Desk.app', false],
    ['darwin', 3, '/out/app/Lead Desk.app', true],
  ] as const)('on %s (arch %i) flips exactly the six fuses on %s', async (platform, arch, path, resign) => {
    const flip = vi.fn(async () => 1);
    await afterPack(context(platform, arch), flip);
    expect(flip).toHaveBeenCalledTimes(1);
    expect(flip).toHaveBeenCalledWith(path, { ...EXPECTED, resetAdHocDarwinSignature: resign });
  });

  it('sets them in a binary with the real @electron/fuses, leaving the other fuses as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    try {
      const binary = join(dir, 'lead-desk');
      // Electron 45's defaults: RunAsNode on, cookies off, NODE_OPTIONS on, inspect on, integrity off,
      // asar-only off, V8 snapshot off, file-protocol privileges on.
      const wire = Buffer.from('10110001', 'ascii');
      writeFileSync(binary, Buffer.concat([Buffer.from('ELF…padding…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), wire, Buffer.from('…rest')]));
      await afterPack({ ...context('linux'), appOutDir: dir });
      const fuses = await getCurrentFuseWire(binary);
      // The wire stores each fuse as the character '1' (on) or '0' (off).
      const on = '1'.charCodeAt(0);
      const off = '0'.charCodeAt(0);
      expect(fuses).toEqual({
        version: '1',
        [FuseV1Options.RunAsNode]: off,
        [FuseV1Options.EnableCookieEncryption]: on,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
        [FuseV1Options.EnableNodeCliInspectArguments]: off,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
        [FuseV1Options.OnlyLoadAppFromAsar]: on,
        [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: on,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
