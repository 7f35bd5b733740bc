// The layer rules of architecture.md §3.1, checked by dependency-cruiser over src, e2e and scripts.
// Run with `npm run check:layers` (scripts/depcruise/run.mjs, which lets dependency-cruiser read TypeScript 7
// sources). There is no known-violations baseline: any violation fails.

/** Test support: `testing/` folders and `*.testkit.ts` files. */
const TEST_KIT = '(^|/)testing/|\\.testkit\\.tsx?$';
const TEST_FILE = '\\.(test|spec)\\.tsx?$';
/** Files that may use test support and test runners: tests, test kits themselves, e2e, scripts, the runners' configs. */
const TEST_CALLER = `${TEST_FILE}|${TEST_KIT}|^e2e/|^scripts/|^[^/]+\\.config\\.m?ts$`;
/** A package by name: resolved into node_modules in the repo, bare where it cannot be resolved. */
const pkg = (names) => `(^|node_modules/)(${names})(/|$)`;
/** Packages that only work in Node / the main process. */
const NODE_ONLY = pkg('electron|keytar|undici|ws');
const UI_PACKAGES = pkg('react|react-dom|zustand|@mantine/[^/]+');
const TEST_RUNNERS = pkg('vitest|@playwright/test');
/** The project's own sources. */
const OWN = '^(src|e2e|scripts)/';

/** One forbidden-import rule; every rule here is an error. */
const rule = (name, from, to, comment) => ({ name, ...(comment ? { comment } : {}), severity: 'error', from, to });
/** `layer` (a folder under src/) imports none of the project's sources but its own folder and `allowed` ones. */
const importsOnly = (name, layer, allowed, comment) =>
  rule(name, { path: `^src/${layer}/` }, { path: OWN, pathNot: `^src/(${[layer, ...allowed].join('|')})/` }, comment);
/** `layer` imports no node: modules (`exceptTests`: its tests may). */
const noNode = (name, layer, exceptTests, comment) =>
  rule(name, { path: `^src/${layer}/`, ...(exceptTests ? { pathNot: TEST_FILE } : {}) }, { dependencyTypes: ['core'] }, comment);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── process boundaries ──────────────────────────────────────────────────────────────
    rule('electron-only-in-shell-and-preload', { pathNot: '^src/main/shell/|^src/preload/' }, { path: pkg('electron') },
      'The core and everything else run under plain Node: only src/main/shell and src/preload import electron.'),
    rule('nothing-imports-the-shell', { pathNot: '^src/main/shell/' }, { path: '^src/main/shell/', pathNot: '^src/main/shell/testing/' },
      'The shell is the Electron entry; only its own files (the main entry and its parts) import it. Its test kit (the recording stand-in for electron) is for tests, which the test-kit rule below keeps it to.'),
    noNode('shared-no-node', 'shared', true, 'src/shared runs in the renderer too: no node: modules (its tests may use them).'),
    rule('shared-no-ui-or-node-packages', { path: '^src/shared/' }, { path: [UI_PACKAGES, NODE_ONLY] },
      'src/shared holds types, schemas and constants: no React/UI libraries, no Node-only packages.'),
    importsOnly('shared-imports-only-shared', 'shared', []),
    importsOnly('renderer-imports-only-shared', 'renderer', ['shared'], 'The renderer is an untrusted view: it reaches main only through window.api.'),
    noNode('renderer-no-node', 'renderer', true),
    rule('renderer-no-node-packages', { path: '^src/renderer/' }, { path: NODE_ONLY }),
    importsOnly('preload-imports-only-shared', 'preload', ['shared'], 'The sandboxed preload: electron, src/shared and its own files; no Node modules.'),
    noNode('preload-no-node', 'preload', false),
    rule('core-stays-below-its-callers', { path: '^src/main/core/' }, { path: '^src/(renderer|preload|host|cli|main/shell)/' },
      'shell → core, host → core, cli → core: the core never reaches up.'),
    importsOnly('host-imports-core-and-shared', 'host', ['main/core', 'shared'], 'Browser mode stands where the shell stands: the core and src/shared only.'),
    rule('only-tests-import-e2e-and-scripts', { path: '^src/' }, { path: '^(e2e|scripts)/' }),
    // ── inside the core ─────────────────────────────────────────────────────────────────
    rule('sql-only-in-repos', { path: '^src/main/core/', pathNot: `-repo\\.ts$|(^|/)store/|${TEST_CALLER}` }, { path: '^node:sqlite$|^sqlite$' },
      'SQL lives in repos (*-repo.ts) and the store folders; services go through a repo.'),
    rule('repos-below-services', { path: '^src/main/core/(.+-repo\\.ts$|store/)' }, { path: '^src/main/core/.+(-service|/handlers)\\.ts$' },
      'handlers → services → repos → store: a repo or the store never calls a service or a handler.'),
    rule('services-below-handlers', { path: '^src/main/core/.+-service\\.ts$' }, { path: '^src/main/core/.+/handlers\\.ts$' }),
    rule('only-composition-root-reaches-router', { pathNot: `^src/main/core/(create-core|api/[^/]+)\\.ts$|${TEST_FILE}` }, { path: '^src/main/core/api/router\\.ts$' },
      'create-core.ts wires the router; callers use the core (or its typed client), never the router.'),
    rule('only-connection-reaches-sandbox', { path: '^src/main/core/', pathNot: `^src/main/core/(connection|sandbox)/|${TEST_CALLER}` },
      { path: '^src/main/core/sandbox/', dependencyTypesNot: ['exotic-require'] },
      'The built-in sandbox is started by core/connection only (types may be named elsewhere).'),
    // ── test support and cycles ─────────────────────────────────────────────────────────
    rule('test-kits-only-from-tests', { pathNot: TEST_CALLER }, { path: TEST_KIT },
      'Test support (testing/ folders, *.testkit.ts files) is never imported by product code.'),
    rule('test-runners-only-in-test-support', { pathNot: TEST_CALLER }, { path: TEST_RUNNERS },
      'A module that imports vitest or @playwright/test is test support: a test, a testing/ folder or a *.testkit.ts file.'),
    rule('no-cycles', {}, { circular: true }, 'No import cycles, type-only imports included.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Build output at the root only: a package's own dist/ folder must stay visible to the package rules.
    exclude: { path: '^(out|dist|test-results)/' },
    // Type-only imports reach dependency-cruiser as `typeOnly("…")` calls (scripts/depcruise/typescript-adapter.mjs),
    // i.e. as exotic requires: that keeps them in every rule and in cycle detection. dependency-cruiser's own
    // tsPreCompilationDeps needs the TypeScript < 7 compiler API, so it stays off here; the adapter does its job.
    exoticRequireStrings: ['typeOnly'],
    tsPreCompilationDeps: false,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
