#!/usr/bin/env node
// Runs dependency-cruiser's CLI (arguments passed through) with ./typescript-adapter.mjs as its 'typescript', so it
// reads the project's .ts/.tsx files although the project compiles with TypeScript 7 (see that file for why).
// `npm run check:layers` = `node scripts/depcruise/run.mjs src e2e scripts --config .dependency-cruiser.cjs`.
import { registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ADAPTER = pathToFileURL(join(here, 'typescript-adapter.mjs')).href;
const MANIFEST = pathToFileURL(join(here, 'package.json')).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    // Only dependency-cruiser's own imports are redirected; everything else keeps the real TypeScript 7.
    if (context.parentURL?.includes('/node_modules/dependency-cruiser/')) {
      if (specifier === 'typescript') return { url: ADAPTER, format: 'module', shortCircuit: true };
      if (specifier === 'typescript/package.json') return { url: MANIFEST, format: 'json', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

const bin = join(here, '../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(pathToFileURL(bin).href);
