#!/usr/bin/env node
// After `electron-vite build`: the JavaScript the renderer's first screen loads — index.html's entry chunk and
// everything it imports statically (lazy pages excluded), from Vite's build manifest — gzipped. Prints the total
// and fails above the budget (issue 12: ≤ 200 KiB), so a heavy import on the first screen cannot slip in.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KIB = 200;

/** The first screen's JS files (manifest keys → output files) and their gzipped sizes in bytes. */
export function firstScreenJs(rendererOut) {
  const manifest = JSON.parse(readFileSync(join(rendererOut, '.vite/manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error(`no index.html entry in ${rendererOut}/.vite/manifest.json`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => {
    const file = manifest[key].file;
    return { file, gzipBytes: gzipSync(readFileSync(join(rendererOut, file))).length };
  });
}

function main() {
  const out = resolve(process.argv[2] ?? 'out/renderer');
  const files = firstScreenJs(out);
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const kib = (bytes) => (bytes / 1024).toFixed(1);
  for (const f of files.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${kib(f.gzipBytes).padStart(7)} KiB  ${f.file}`);
  const line = `First screen JS: ${files.length} files, ${kib(total)} KiB gzipped (budget ${BUDGET_KIB} KiB).`;
  if (total > BUDGET_KIB * 1024) {
    console.error(`${line} Over budget: load the heavy part lazily (a page in the registry, or a dynamic import).`);
    process.exit(1);
  }
  console.log(line);
}

main();
