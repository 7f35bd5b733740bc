// Build step for browser mode's page bridge (src/host/bridge.ts + the shared contract + zod): a Vite plugin for
// electron-vite's main build that compiles the bridge into one classic script and emits it as
// out/main/host-bridge.js, next to the host. Browser mode then only reads a file at run time.
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

export const HOST_BRIDGE_FILE = 'host-bridge.js';

async function compileBridge(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(entry, '..'),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'LeadDeskHostBridge', fileName: () => HOST_BRIDGE_FILE },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const output of outputs) {
    const chunk = output.output?.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Building the host bridge produced no script.');
}

/** Emits the bridge built from `entry` as an asset of the bundle it is added to. */
export function hostBridgePlugin(entry: string): Plugin {
  return {
    name: 'lead-desk:host-bridge',
    apply: 'build',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: HOST_BRIDGE_FILE, source: await compileBridge(entry) });
    },
  };
}
