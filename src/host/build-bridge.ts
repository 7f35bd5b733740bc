// Builds the page-side bridge (bridge.ts + the shared contract + zod) into one classic script with Vite.
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

let cached: Promise<string> | undefined;

/** The bridge script's source; built once per process (about a second) and reused by every host. */
export function buildBridge(): Promise<string> {
  cached ??= compile().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function compile(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(__dirname),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: resolve(__dirname, 'bridge.ts'), formats: ['iife'], name: 'LeadDeskHostBridge', fileName: () => 'bridge.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  for (const output of outputs) {
    const chunk = output.output?.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Building the host bridge produced no script.');
}
