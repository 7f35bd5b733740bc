import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // keytar is a native addon: it stays a runtime dependency, never bundled.
      externalizeDeps: true,
      // The CSV parse worker is its own entry: the core starts out/main/import-worker.js in a worker thread.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/shell/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/core/import/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() modules: bundle everything it uses (zod, the contract).
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: { minify: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
  },
});
