// The app's own sandbox: a local Kartra-compatible server started on demand, its data kept in the app folder.
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox';
import { ensurePrivateDir, ensurePrivateFile } from '../store/private-files';

export class BuiltinSandbox {
  private running?: Promise<RunningSandbox>;
  private started?: RunningSandbox;

  constructor(
    private readonly dataDir: string,
    private readonly options: Omit<SandboxOptions, 'dataFile'> = {},
  ) {}

  /** The running sandbox, if it has finished starting. */
  current(): RunningSandbox | undefined {
    return this.started;
  }

  /** Starts the sandbox once (on a free loopback port) and returns it; later calls share it. */
  ensure(): Promise<RunningSandbox> {
    if (!this.running) {
      const folder = join(this.dataDir, 'sandbox');
      ensurePrivateDir(folder);
      const dataFile = join(folder, 'kartra-sandbox.sqlite');
      ensurePrivateFile(dataFile); // its -wal and -shm files take this mode from it
      const starting = startSandbox({ port: 0, ...this.options, dataFile });
      this.running = starting;
      starting.then((s) => (this.started = s), () => undefined);
      // A failed start (port, disk) must not stick: the next call tries again.
      starting.catch(() => {
        if (this.running === starting) this.running = undefined;
      });
    }
    return this.running;
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.started = undefined;
    if (running) await (await running).close().catch(() => undefined);
  }
}
