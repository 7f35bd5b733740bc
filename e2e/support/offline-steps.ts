// Offline journey steps: a Kartra sandbox on a fixed port and data file that a test can stop ("offline")
// and start again ("back online") with the same state, and the connect-form steps to reach it.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNT, SANDBOX_APP_ID, startSandbox, type RunningSandbox } from '../../src/main/core/sandbox';
import type { RunningHost } from '../../src/host/start-host';
import { expectCurrentAccount, fillConnectForm, keepForThisSessionOnly, keychainAvailable, submitConnect } from './accounts-steps';

/** A loopback port that was free a moment ago (the OS picks it; the test then binds it itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** One sandbox "server" the app talks to: same port and data file across stop/start, so its state survives. */
export class SwitchableSandbox {
  private running: RunningSandbox | null = null;

  private constructor(
    readonly dir: string,
    readonly dataFile: string,
    readonly port: number,
  ) {}

  static async create(): Promise<SwitchableSandbox> {
    const dir = await mkdtemp(join(tmpdir(), 'lead-desk-offline-'));
    const sandbox = new SwitchableSandbox(dir, join(dir, 'kartra.sqlite'), await freePort());
    await sandbox.start();
    return sandbox;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get online(): boolean {
    return this.running !== null;
  }

  async start(): Promise<RunningSandbox> {
    if (this.running) return this.running;
    this.running = await startSandbox({ dataFile: this.dataFile, port: this.port, rate: 0 });
    expect(this.running.url, 'the sandbox came back on the same address').toBe(this.url);
    return this.running;
  }

  /** Closes the server: every request of the app now fails to connect, as without a network. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.close();
  }

  /** The demo lead as the sandbox holds it (the sandbox must be running). */
  lead(email: string) {
    if (!this.running) throw new Error('the sandbox is stopped: start it to inspect it');
    const lead = this.running.inspect.getLead({ apiKey: DEMO_ACCOUNT.apiKey, email });
    if (!lead) throw new Error(`the sandbox has no lead ${email}`);
    return lead;
  }

  /** The account's tags, lists, … as the sandbox holds them. */
  catalog() {
    if (!this.running) throw new Error('the sandbox is stopped: start it to inspect it');
    return this.running.inspect.catalog({ apiKey: DEMO_ACCOUNT.apiKey });
  }

  /**
   * Changes a lead "in Kartra" while the app cannot reach it: a second sandbox on another port over the
   * same data file makes the change and closes (the app's port stays dark meanwhile).
   */
  async editBehindTheAppsBack(email: string, profile: Record<string, string>): Promise<void> {
    if (this.running) throw new Error('stop the sandbox first: the change must happen while the app is offline');
    const other = await startSandbox({ dataFile: this.dataFile, rate: 0 });
    try {
      expect(other.url).not.toBe(this.url);
      other.inspect.editLead({ apiKey: DEMO_ACCOUNT.apiKey, email, profile });
    } finally {
      await other.close();
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Connects the demo account to the given sandbox through the connect form (session-only without a keychain). */
export async function connectDemoTo(page: Page, host: RunningHost, apiUrl: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Connect your Kartra account' })).toBeVisible();
  await fillConnectForm(page, {
    label: DEMO_ACCOUNT.label,
    apiKey: DEMO_ACCOUNT.apiKey,
    apiPassword: DEMO_ACCOUNT.apiPassword,
    appId: SANDBOX_APP_ID,
    apiUrl,
  });
  await submitConnect(page);
  if (!(await keychainAvailable(host))) await keepForThisSessionOnly(page);
  await expectCurrentAccount(page, DEMO_ACCOUNT.label);
}

export const statusBar = (page: Page) => page.getByRole('group', { name: 'Status bar' });
export const networkStatus = (page: Page) => page.getByRole('status', { name: 'Network' });
export const statusOutbox = (page: Page) => statusBar(page).getByTestId('status-outbox');
export const pendingList = (page: Page) => page.getByRole('list', { name: 'Pending changes' });
export const outboxTable = (page: Page) => page.getByRole('table', { name: 'Outbox' });
