// The layer rules of architecture.md §3.1, checked by dependency-cruiser over src, e2e and scripts.
// Run with `npm run check:layers` (scripts/depcruise/run.mjs, which lets dependency-cruiser read TypeScript 7
// sources). There is no known-violations baseline: any violation fails.

/** Test support: `testing/` folders, `*.testkit.ts`, `test-kit.ts` files and `test-support/` folders. */
const TEST_KIT = '(^|/)testing/|\\.testkit\\.tsx?$|(^|/|-)test-kit\\.tsx?$|(^|/)test-support/';
/** Files that may use test support: tests, test kits themselves, e2e and scripts. */
const TEST_CALLER = `\\.(test|spec)\\.tsx?$|\\.test-setup\\.tsx?$|${TEST_KIT}|^e2e/|^scripts/`;
const TEST_FILE = '\\.(test|spec)\\.tsx?$|\\.test-setup\\.tsx?$';
/** Packages that only work in Node / the main process. */
const NODE_ONLY = '^(electron|keytar|undici|ws)(/|$)';
const UI_PACKAGES = '^(react|react-dom|zustand|@mantine/[^/]+)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── process boundaries ──────────────────────────────────────────────────────────────
    {
      name: 'electron-only-in-shell-and-preload',
      comment: 'The core and everything else run under plain Node: only src/main/shell and src/preload import electron.',
      severity: 'error',
      from: { pathNot: '^src/main/shell/|^src/preload/' },
      to: { path: '^electron(/|$)' },
    },
    {
      name: 'nothing-imports-the-shell',
      comment: 'The shell is the Electron entry; only its own files (the main entry and its parts) import it.',
      severity: 'error',
      from: { pathNot: '^src/main/shell/' },
      to: { path: '^src/main/shell/' },
    },
    {
      name: 'shared-no-node',
      comment: 'src/shared runs in the renderer too: no node: modules (its tests may use them).',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-ui-or-node-packages',
      comment: 'src/shared holds types, schemas and constants: no React/UI libraries, no Node-only packages.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: [UI_PACKAGES, NODE_ONLY] },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^(src|e2e|scripts)/', pathNot: '^src/shared/' },
    },
    {
      name: 'renderer-imports-only-shared',
      comment: 'The renderer is an untrusted view: it reaches main only through window.api.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^(src|e2e|scripts)/', pathNot: '^src/(renderer|shared)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: NODE_ONLY },
    },
    {
      name: 'preload-imports-only-shared',
      comment: 'The sandboxed preload: electron, src/shared and its own files; no Node modules.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^(src|e2e|scripts)/', pathNot: '^src/(preload|shared)/' },
    },
    {
      name: 'preload-no-node',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-stays-below-its-callers',
      comment: 'shell → core, host → core, cli → core: the core never reaches up.',
      severity: 'error',
      from: { path: '^src/main/core/' },
      to: { path: '^src/(renderer|preload|host|cli|main/shell)/' },
    },
    {
      name: 'host-imports-core-and-shared',
      comment: 'Browser mode stands where the shell stands: the core and src/shared only.',
      severity: 'error',
      from: { path: '^src/host/' },
      to: { path: '^(src|e2e|scripts)/', pathNot: '^src/(host|main/core|shared)/' },
    },
    {
      name: 'only-tests-import-e2e-and-scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(e2e|scripts)/' },
    },
    // ── inside the core ─────────────────────────────────────────────────────────────────
    {
      name: 'sql-only-in-repos',
      comment: 'SQL lives in repos (*-repo.ts) and the store folders; services go through a repo.',
      severity: 'error',
      from: { path: '^src/main/core/', pathNot: `-repo\\.ts$|(^|/)store/|${TEST_CALLER}` },
      to: { path: '^node:sqlite$|^sqlite$' },
    },
    {
      name: 'repos-below-services',
      comment: 'handlers → services → repos → store: a repo or the store never calls a service or a handler.',
      severity: 'error',
      from: { path: '^src/main/core/(.+-repo\\.ts$|store/)' },
      to: { path: '^src/main/core/.+(-service|/handlers)\\.ts$' },
    },
    {
      name: 'services-below-handlers',
      severity: 'error',
      from: { path: '^src/main/core/.+-service\\.ts$' },
      to: { path: '^src/main/core/.+/handlers\\.ts$' },
    },
    {
      name: 'only-composition-root-reaches-router',
      comment: 'create-core.ts wires the router; callers use the core (or its typed client), never the router.',
      severity: 'error',
      from: { pathNot: `^src/main/core/(create-core|api/[^/]+)\\.ts$|${TEST_FILE}` },
      to: { path: '^src/main/core/api/router\\.ts$' },
    },
    {
      name: 'only-connection-reaches-sandbox',
      comment: 'The built-in sandbox is started by core/connection only (types may be named elsewhere).',
      severity: 'error',
      from: { path: '^src/main/core/', pathNot: `^src/main/core/(connection|sandbox)/|${TEST_CALLER}` },
      to: { path: '^src/main/core/sandbox/', dependencyTypesNot: ['exotic-require'] },
    },
    // ── test support and cycles ─────────────────────────────────────────────────────────
    {
      name: 'test-kits-only-from-tests',
      comment: 'Test support (testing/, *.testkit.ts, test-kit.ts, test-support/) is never imported by product code.',
      severity: 'error',
      from: { pathNot: TEST_CALLER },
      to: { path: TEST_KIT },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist|test-results)/' },
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
