import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { hostBridgePlugin } from './scripts/build/host-bridge-plugin';

export default defineConfig({
  main: {
    // Browser mode is built with the app: its server entries here, its page bridge as out/main/host-bridge.js.
    plugins: [hostBridgePlugin(resolve(__dirname, 'src/host/bridge.ts'))],
    build: {
      // keytar is a native addon: it stays a runtime dependency, never bundled.
      externalizeDeps: true,
      // The CSV parse worker is its own entry: the core starts out/main/import-worker.js in a worker thread.
      // host.js is `npm run host` (browser mode); browser-host.js is its startHost for Playwright's fixtures.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/shell/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/core/import/parse-worker.ts'),
          host: resolve(__dirname, 'src/host/main.ts'),
          'browser-host': resolve(__dirname, 'src/host/start-host.ts'),
        },
        // Shared chunks stay next to the entries: the core finds import-worker.js in its own folder (__dirname).
        output: { chunkFileNames: '[name]-[hash].js' },
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
    build: {
      minify: true,
      // The manifest lets scripts/build/first-screen-size.mjs follow index.html's static imports.
      manifest: true,
      rollupOptions: {
        input: resolve(__dirname, 'src/renderer/index.html'),
        output: {
          // React in its own long-lived chunk. Heavy UI vendors stay off the first screen by being imported only
          // from lazy modules (the workspace and its pages: the date pickers with the profile, the palette with the
          // workspace, the virtual table with the leads page), so the bundler splits them out on its own. Grouping
          // them here without their dependencies broke the execution order of shared modules at run time.
          codeSplitting: {
            groups: [{ name: 'react', priority: 20, test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
  },
});
