import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, findImports } from './check-layers.mjs';

const clean: Record<string, string> = {
  'src/shared/ipc/contract.ts': "import { z } from 'zod';\nexport const x = z.string();\n",
  'src/shared/ipc/make-api.ts': "import { x } from './contract';\nexport const y = x;\n",
  'src/main/core/create-core.ts': "import { join } from 'node:path';\nimport { x } from '../../shared/ipc/contract';\nexport const c = [join, x];\n",
  'src/main/shell/index.ts': "import { app } from 'electron';\nimport { c } from '../core/create-core';\nexport const s = [app, c];\n",
  'src/preload/index.ts': "import { contextBridge } from 'electron';\nimport { y } from '../shared/ipc/make-api';\ncontextBridge.exposeInMainWorld('api', y);\n",
  'src/renderer/src/app.tsx':
    "import { useState } from 'react';\nimport { Button } from '@mantine/core';\nimport type { LeadDeskApi } from '../../shared/ipc/make-api';\nimport { store } from './store';\nexport const a = [useState, Button, store];\n",
  'src/renderer/src/store.ts': "import { create } from 'zustand';\nexport const store = create;\n",
  'src/renderer/src/app.test.tsx': "import { readFileSync } from 'node:fs';\nimport { a } from './app';\nexport const t = [readFileSync, a];\n",
  'src/cli/main.ts': "import { c } from '../main/core/create-core';\nexport const m = c;\n",
};

let dirs: string[] = [];
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'lead-desk-layers-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

const withFile = (path: string, extra: string) => ({ ...clean, [path]: (clean[path] ?? '') + extra });

describe('layer check', () => {
  it('passes a clean tree', async () => {
    const result = checkLayers(await tree(clean));
    expect(result.violations).toEqual([]);
    expect(result.filesChecked).toBe(Object.keys(clean).length);
  });

  it("fails when a core file imports 'electron', naming file, line and rule", async () => {
    const { violations } = checkLayers(await tree(withFile('src/main/core/create-core.ts', "import 'electron';\n")));
    expect(violations).toEqual([
      { file: 'src/main/core/create-core.ts', line: 4, specifier: 'electron', rule: expect.stringContaining('only in src/main/shell and src/preload') },
    ]);
  });

  it.each([
    ['src/shared/ipc/contract.ts', "import { readFile } from 'node:fs';\n", 'node:fs'],
    ['src/shared/ipc/contract.ts', "const p = require('path');\n", 'path'],
    ['src/shared/ipc/contract.ts', "import React from 'react';\n", 'react'],
    ['src/shared/ipc/contract.ts', "export { c } from '../../main/core/create-core';\n", '../../main/core/create-core'],
    ['src/renderer/src/store.ts', "import { ipcRenderer } from 'electron';\n", 'electron'],
    ['src/renderer/src/store.ts', "const fs = await import('node:fs/promises');\n", 'node:fs/promises'],
    ['src/renderer/src/store.ts', "import type { Core } from '../../main/core/core-types';\n", '../../main/core/core-types'],
    ['src/main/core/create-core.ts', "import { s } from '../shell/index';\n", '../shell/index'],
    ['src/preload/index.ts', "import { readFileSync } from 'fs';\n", 'fs'],
    ['src/cli/main.ts', "import { s } from '../main/shell/index';\n", '../main/shell/index'],
  ])('fails when %s imports %s', async (path, extra, specifier) => {
    const { violations } = checkLayers(await tree(withFile(path, extra)));
    expect(violations.map((v) => [v.file, v.specifier])).toEqual([[path, specifier]]);
  });

  it('is not thrown off by a quote inside a regex literal', () => {
    const code = ["const re = /[\"']?\\s*=/;", "import { a } from './after-regex';"].join('\n');
    expect(findImports(code)).toEqual([{ specifier: './after-regex', line: 2 }]);
  });

  it('ignores imports inside comments and finds multi-line and dynamic ones', () => {
    const code = [
      "// import 'electron';",
      "/* import x from 'node:fs' */",
      'import {',
      '  a,',
      '  b,',
      "} from './multi';",
      "const s = \"// not a comment\"; const m = await import('./lazy');",
      "export * as ns from './star';",
    ].join('\n');
    expect(findImports(code)).toEqual([
      { specifier: './multi', line: 6 },
      { specifier: './lazy', line: 7 },
      { specifier: './star', line: 8 },
    ]);
  });
});
