import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../src/main/core/create-core';
import { SessionSecretStore } from '../src/main/core/credentials/secret-store';
import { silentLogger } from '../src/main/core/log';
(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'built-'));
  const core = await createCore({ dataDir, version: 't', log: silentLogger, openKeychain: async () => ({ store: new SessionSecretStore() }), importWorkerPath: resolve(__dirname, 'build/import-worker.js') });
  console.log((await core.handle('sandbox.connect', {})).ok);
  const f = join(dataDir, 'a.csv'); writeFileSync(f, 'E-mail;Name\nx@example.com;X\nbad;Y\n');
  const { jobId } = await core.importFile(f);
  const a = await core.handle('import.analyze', { jobId });
  console.log(JSON.stringify(a).slice(0, 300));
  const v = await core.handle('import.validate', { jobId, mapping: (a as any).value.suggestedMapping });
  console.log(JSON.stringify(v).slice(0, 300));
  await core.close();
})();
