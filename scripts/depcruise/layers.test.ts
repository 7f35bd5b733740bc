// The layer rules (.dependency-cruiser.cjs) on tiny fixture trees: a clean tree passes, and each kind of
// violation fails with its rule's name — run through the same runner `npm run check:layers` uses.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const RUNNER = join(ROOT, 'scripts/depcruise/run.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

const clean: Record<string, string> = {
  'src/shared/ipc/contract.ts': "import { z } from 'zod';\nexport const x = z.string();\nexport type X = string;\n",
  'src/shared/ipc/make-api.ts': "import { x, type X } from './contract';\nexport const y: X = String(x);\n",
  'src/main/core/store/database.ts': "import { DatabaseSync } from 'node:sqlite';\nexport const open = () => new DatabaseSync(':memory:');\n",
  'src/main/core/leads/lead-repo.ts': "import type { DatabaseSync } from 'node:sqlite';\nimport { open } from '../store/database';\nexport const repo = (db: DatabaseSync = open()) => db;\n",
  'src/main/core/leads/lead-service.ts': "import { repo } from './lead-repo';\nexport const service = () => repo();\n",
  'src/main/core/leads/testing/lead-fixtures.ts': "import { service } from '../lead-service';\nexport const fixture = service;\n",
  'src/main/core/leads/lead-service.test.ts': "import { fixture } from './testing/lead-fixtures';\nexport const t = fixture;\n",
  'src/main/core/api/router.ts': "import { x } from '../../../shared/ipc/contract';\nexport const router = x;\n",
  'src/main/core/create-core.ts': "import { join } from 'node:path';\nimport { router } from './api/router';\nimport { service } from './leads/lead-service';\nexport const c = [join, router, service];\n",
  'src/main/shell/index.ts': "import { app } from 'electron';\nimport { c } from '../core/create-core';\nimport { w } from './window';\nexport const s = [app, c, w];\n",
  'src/main/shell/window.ts': "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;\n",
  'src/preload/index.ts': "import { contextBridge } from 'electron';\nimport { y } from '../shared/ipc/make-api';\ncontextBridge.exposeInMainWorld('api', y);\n",
  'src/renderer/src/app.tsx':
    "import { useState } from 'react';\nimport type { X } from '../../shared/ipc/contract';\nimport { store } from './store';\nexport const a = (x: X) => <div>{String([useState, store, x])}</div>;\n",
  'src/renderer/src/store.ts': "import { create } from 'zustand';\nexport const store = create;\n",
  'src/host/start-host.ts': "import { c } from '../main/core/create-core';\nexport const h = c;\n",
  'e2e/app.spec.ts': "import { h } from '../src/host/start-host';\nimport { fixture } from '../src/main/core/leads/testing/lead-fixtures';\nexport const e = [h, fixture];\n",
};

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Writes the tree to a temp dir, runs the layer check on it, returns the violations found. */
async function check(files: Record<string, string>): Promise<Violation[]> {
  const root = await mkdtemp(join(tmpdir(), 'lead-desk-layers-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  // As `npm run check:layers`, scripts/ too when the tree has one (the runner refuses a folder that does not exist).
  const scripts = Object.keys(files).some((f) => f.startsWith('scripts/')) ? ['scripts'] : [];
  const args = [RUNNER, 'src', 'e2e', ...scripts, '--config', CONFIG, '--output-type', 'json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 1 << 24 }).catch(
    // A tree with violations exits non-zero; its report is still on stdout.
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const result = JSON.parse(stdout) as { modules: Array<{ source: string }>; summary: { violations: Violation[] } };
  // Every fixture file was read (a parser that skipped .ts/.tsx would pass any tree).
  expect(result.modules.map((m) => m.source)).toEqual(expect.arrayContaining(Object.keys(files)));
  return result.summary.violations;
}

const withFile = (path: string, content: string) => ({ ...clean, [path]: content });

describe('layer check (dependency-cruiser)', { timeout: 60_000 }, () => {
  it('passes a clean tree', async () => {
    expect(await check(clean)).toEqual([]);
  });

  it('fails on an import cycle, also when one side is a type-only import', async () => {
    const violations = await check(
      withFile('src/main/core/leads/lead-repo.ts', "import type { service } from './lead-service';\nexport const repo = (s?: typeof service) => s;\n"),
    );
    expect(violations).toContainEqual(
      expect.objectContaining({ rule: expect.objectContaining({ name: 'no-cycles' }), from: expect.stringMatching(/lead-(repo|service)\.ts$/) }),
    );
  });

  it('fails when product code imports a test kit', async () => {
    const violations = await check(
      withFile('src/main/core/create-core.ts', "import { fixture } from './leads/testing/lead-fixtures';\nexport const c = fixture;\n"),
    );
    expect(violations).toEqual([
      expect.objectContaining({ from: 'src/main/core/create-core.ts', to: 'src/main/core/leads/testing/lead-fixtures.ts', rule: expect.objectContaining({ name: 'test-kits-only-from-tests' }) }),
    ]);
  });

  it('fails when a product module imports a test runner; tests and testing/ folders may', async () => {
    const violations = await check({
      ...withFile('src/main/core/leads/lead-service.ts', "import { vi } from 'vitest';\nexport const service = () => vi;\n"),
      'src/main/core/leads/testing/lead-fixtures.ts': "import { expect } from 'vitest';\nexport const fixture = expect;\n",
      'src/main/core/leads/lead-service.test.ts': "import { it } from 'vitest';\nexport const t = it;\n",
    });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([
      'test-runners-only-in-test-support: src/main/core/leads/lead-service.ts → vitest',
    ]);
  });

  it('fails when core code imports the shell', async () => {
    const violations = await check(withFile('src/main/core/leads/lead-service.ts', "import { w } from '../../shell/window';\nexport const service = () => w;\n"));
    const names = violations.filter((v) => v.from === 'src/main/core/leads/lead-service.ts').map((v) => v.rule.name).sort();
    expect(names).toEqual(['core-stays-below-its-callers', 'nothing-imports-the-shell']);
  });

  it("lets tests use the shell's test kit, and keeps product code from it and from the shell itself", async () => {
    const kit = { 'src/main/shell/testing/recording-electron.ts': 'export const stand = {};\n' };
    const violations = await check({
      ...clean,
      ...kit,
      'scripts/build/bundles.test.ts': "import { stand } from '../../src/main/shell/testing/recording-electron';\nexport const t = stand;\n",
      'scripts/build/bundles.ts': "import { w } from '../../src/main/shell/window';\nexport const b = w;\n",
      'src/main/core/create-core.ts': "import { stand } from '../shell/testing/recording-electron';\nexport const c = stand;\n",
    });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      'core-stays-below-its-callers: src/main/core/create-core.ts → src/main/shell/testing/recording-electron.ts',
      'nothing-imports-the-shell: scripts/build/bundles.ts → src/main/shell/window.ts',
      'test-kits-only-from-tests: src/main/core/create-core.ts → src/main/shell/testing/recording-electron.ts',
    ]);
  });

  it("fails when a core file imports 'electron'", async () => {
    const violations = await check(withFile('src/main/core/create-core.ts', "import { app } from 'electron';\nexport const c = app;\n"));
    expect(violations).toEqual([
      expect.objectContaining({ from: 'src/main/core/create-core.ts', to: 'electron', rule: expect.objectContaining({ name: 'electron-only-in-shell-and-preload' }) }),
    ]);
  });

  it('fails when SQL leaves the repos or the renderer reaches into main', async () => {
    const violations = await check({
      ...withFile('src/main/core/leads/lead-service.ts', "import { DatabaseSync } from 'node:sqlite';\nexport const service = () => DatabaseSync;\n"),
      'src/renderer/src/store.ts': "import type { c } from '../../main/core/create-core';\nexport const store: typeof c = [];\n",
    });
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      'renderer-imports-only-shared: src/renderer/src/store.ts → src/main/core/create-core.ts',
      'sql-only-in-repos: src/main/core/leads/lead-service.ts → node:sqlite',
    ]);
  });
});
