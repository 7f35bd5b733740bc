// Playwright config for the benchmarks under e2e/bench (`*.bench.ts`): not part of the default e2e run
// (playwright.config.ts matches `*.spec.ts`). Run: npx playwright test -c e2e/bench/bench.config.ts
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  // One at a time, on an otherwise idle machine: timings are the point.
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  outputDir: '../../test-results/bench',
});
