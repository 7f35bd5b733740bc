// Test harness: a real core in a temp folder, plus a separately started sandbox to connect to as a "real" account
// (optionally behind a fault proxy).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Core, CoreOptions } from '../core-types';
import { createCore } from '../create-core';
import { SessionSecretStore, type SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox';
import { startFaultProxy, type FaultProxy, type ProxiedRequest, type ProxyFate } from '../writes/testing/fault-proxy';

export class CoreHarness {
  private readonly cores: Core[] = [];
  private readonly sandboxes: RunningSandbox[] = [];
  private readonly proxies: FaultProxy[] = [];
  private readonly dirs: string[] = [];

  tempDir(prefix = 'lead-desk-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  /** A core whose "OS keychain" is the given store (default: an in-memory one), or none at all. */
  async core(options: Partial<CoreOptions> & { keychain?: SecretStore | 'none' } = {}): Promise<Core> {
    const { keychain = new SessionSecretStore(), ...rest } = options;
    const core = await createCore({
      dataDir: rest.dataDir ?? this.tempDir('lead-desk-core-'),
      version: 'test',
      log: silentLogger,
      openKeychain: async () => (keychain === 'none' ? { reason: 'test: no Secret Service' } : { store: keychain }),
      ...rest,
    });
    this.cores.push(core);
    return core;
  }

  async sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
    const sandbox = await startSandbox({ rate: 0, ...options });
    this.sandboxes.push(sandbox);
    return sandbox;
  }

  /** A fault proxy in front of `upstreamUrl` (a sandbox), closed with the rest. */
  async faultProxy(upstreamUrl: string, decide: (request: ProxiedRequest, index: number) => ProxyFate): Promise<FaultProxy> {
    const proxy = await startFaultProxy(upstreamUrl, decide);
    this.proxies.push(proxy);
    return proxy;
  }

  async closeCore(core: Core): Promise<void> {
    this.cores.splice(this.cores.indexOf(core), 1);
    await core.close();
  }

  async cleanup(): Promise<void> {
    for (const core of this.cores.splice(0)) await core.close();
    for (const proxy of this.proxies.splice(0)) await proxy.close();
    for (const sandbox of this.sandboxes.splice(0)) await sandbox.close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

export function valueOf<T>(reply: Envelope<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

export function errorOf(reply: Envelope<unknown>) {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.value).slice(0, 200)}`);
  return reply.error;
}
