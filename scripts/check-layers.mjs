#!/usr/bin/env node
// Layer check: scans every import under src/ and fails when one crosses a layer boundary
// (architecture.md §3.1). Run by `npm run check:layers`; `checkLayers` is exported for its test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.test\.(ts|tsx|mts|cts)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that only work in Node / main: never in the renderer or src/shared. */
const NODE_ONLY_PACKAGES = ['electron', 'keytar', 'undici', 'ws'];
const REACT_PACKAGES = ['react', 'react-dom', 'zustand', '@mantine/'];

/** Strips comments (keeping newlines, so line numbers stay right) without touching string contents. */
export function stripComments(code) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < code.length) {
    const c = code[i];
    const next = code[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      // A quote inside a regex literal can look like a string start; ending '/" strings at the line's
      // end keeps such a misreading from hiding the imports on the following lines.
      if (c === quote || (c === '\n' && quote !== '`')) quote = null;
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i += 1;
    }
  }
  return out;
}

const IMPORT_PATTERNS = [
  // import x from 'm'; import { a, b } from 'm'; import type X from 'm'; export * from 'm'; export { a } from 'm'
  /(?:^|[^\w$.])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s*)?(['"])([^'"\n]+)\1/g,
  // import('m'), require('m'), import x = require('m')
  /(?:^|[^\w$.])(?:import|require)\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
];

/** Every module specifier a source file imports, with its line number. */
export function findImports(code) {
  const text = stripComments(code);
  const found = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[2];
      const at = match.index + match[0].lastIndexOf(match[1] + specifier);
      found.push({ specifier, line: text.slice(0, at).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function listSources(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(path));
    else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const isPackage = (spec, names) => names.some((n) => (n.endsWith('/') ? spec.startsWith(n) : spec === n || spec.startsWith(`${n}/`)));
const under = (area, path) => path === area || path.startsWith(area + '/');

/** The rules, as (file area, import) → message or null. Paths are relative to the root, with '/'. */
function ruleFor(from, imp, isTest) {
  const { spec, target } = imp; // target: resolved repo-relative path for relative imports, else null
  const builtin = !target && NODE_BUILTINS.has(spec);
  const electron = !target && isPackage(spec, ['electron']);
  const inShell = under('src/main/shell', from);
  const inPreload = under('src/preload', from);

  if (electron && !inShell && !inPreload) return 'electron may be imported only in src/main/shell and src/preload';
  if (target && under('src/main/shell', target) && !inShell) return 'nothing imports the shell (src/main/shell) but the shell itself';

  if (under('src/shared', from)) {
    if (builtin && !isTest) return 'src/shared must not import Node modules (it runs in the renderer too)';
    if (!target && isPackage(spec, REACT_PACKAGES)) return 'src/shared must not import React or UI libraries';
    if (!target && isPackage(spec, NODE_ONLY_PACKAGES)) return `src/shared must not import the Node-only package ${spec}`;
    if (target && !under('src/shared', target)) return 'src/shared may import only files inside src/shared';
  }
  if (under('src/renderer', from)) {
    if (builtin && !isTest) return 'the renderer must not import Node modules';
    if (!target && isPackage(spec, NODE_ONLY_PACKAGES)) return `the renderer must not import the Node-only package ${spec}`;
    if (target && !under('src/renderer', target) && !under('src/shared', target))
      return 'the renderer may import only src/shared and its own files';
  }
  if (inPreload) {
    if (target && !under('src/preload', target) && !under('src/shared', target)) return 'the preload may import only src/shared and its own files';
    if (builtin) return 'the sandboxed preload cannot use Node modules';
  }
  if (under('src/main/core', from)) {
    if (target && (under('src/renderer', target) || under('src/preload', target))) return 'the core must not import the renderer or the preload';
  }
  if (target && under('src/renderer', target) && !under('src/renderer', from)) return 'only the renderer imports src/renderer';
  return null;
}

/**
 * Checks every source file under <root>/src. Returns the violations (empty when the layers hold).
 * Test files may use Node modules (they run under Node) but obey every other rule.
 */
export function checkLayers(root) {
  const rootDir = resolve(root);
  const srcDir = join(rootDir, 'src');
  const files = statSync(srcDir, { throwIfNoEntry: false })?.isDirectory() ? listSources(srcDir) : [];
  const violations = [];
  for (const file of files) {
    const from = relative(rootDir, file).split(sep).join('/');
    for (const { specifier, line } of findImports(readFileSync(file, 'utf8'))) {
      const target = specifier.startsWith('.') ? relative(rootDir, resolve(dirname(file), specifier)).split(sep).join('/') : null;
      const rule = ruleFor(from, { spec: specifier, target }, TEST_FILE.test(file));
      if (rule) violations.push({ file: from, line, specifier, rule });
    }
  }
  return { filesChecked: files.length, violations };
}

function main() {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const { filesChecked, violations } = checkLayers(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: imports '${v.specifier}' — ${v.rule}`);
  if (violations.length > 0) {
    console.error(`Layer check failed: ${violations.length} import(s) cross a layer boundary (${filesChecked} files checked).`);
    process.exit(1);
  }
  console.log(`Layer check passed: ${filesChecked} files, no import crosses a layer boundary.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
