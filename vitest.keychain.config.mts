import { defineConfig } from 'vitest/config';

// Tests that talk to a real Secret Service; run under scripts/with-keyring.sh.
export default defineConfig({
  test: {
    include: ['src/**/*.keychain.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
