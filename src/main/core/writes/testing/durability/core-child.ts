// A Lead Desk core in its own process, driven like the UI drives it (core.handle), so a test can SIGKILL it for real.
// Run: node --import tsx core-child.ts <config.json>   (config: ChildConfig; reports: ChildMessage JSON lines)
import { readFileSync } from 'node:fs';
import type { OutboxItemView } from '../../../../../shared/domain/outbox';
import type { Envelope } from '../../../../../shared/ipc/envelope';
import type { Core } from '../../../core-types';
import { createCore } from '../../../create-core';
import type { AccountSecret, SecretStore } from '../../../credentials/secret-store';
import { createLogger } from '../../../log';
import type { ChildConfig, ChildMessage } from './child-protocol';
import { commandOf, recordedPrefix, type PlannedChange } from './plan';

/**
 * Stands in for the OS keychain (not under test here): it answers every account with the test's credentials,
 * the way the real keychain still holds them after the app was killed.
 */
class StandInKeychain implements SecretStore {
  readonly kind = 'keychain' as const;
  private readonly ids = new Set<string>();
  constructor(private readonly secret: AccountSecret) {}
  async set(accountId: string): Promise<void> {
    this.ids.add(accountId);
  }
  async get(): Promise<AccountSecret> {
    return { ...this.secret };
  }
  async delete(accountId: string): Promise<boolean> {
    return this.ids.delete(accountId);
  }
  async listAccountIds(): Promise<string[]> {
    return [...this.ids];
  }
}

const say = (message: ChildMessage) => process.stdout.write(JSON.stringify(message) + '\n');

function valueOf<T>(reply: Envelope<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function listOutbox(core: Core): Promise<OutboxItemView[]> {
  return valueOf<{ items: OutboxItemView[] }>(await core.handle('outbox.list', { limit: 5000 }), 'outbox.list').items;
}

async function main(config: ChildConfig): Promise<void> {
  const started = Date.now();
  const { apiKey, apiPassword } = config.account;
  const errors = createLogger();
  const core = await createCore({
    dataDir: config.dataDir,
    version: 'durability-child',
    // Retries and offline transitions are expected here; only errors are worth a line on stderr.
    log: { info() {}, warn() {}, error: errors.error },
    openKeychain: async () => ({ store: new StandInKeychain({ apiKey, apiPassword }) }),
    ...(config.probeBackoffMs ? { probeBackoffMs: config.probeBackoffMs } : {}),
    ...(config.confirmWaitMs !== undefined ? { confirmWaitMs: config.confirmWaitMs } : {}),
    ...(config.outboxConcurrency !== undefined ? { outboxConcurrency: config.outboxConcurrency } : {}),
  });

  if (config.connect) {
    const { label, appId, apiUrl } = config.account;
    const info = valueOf<{ id: string }>(await core.handle('accounts.connect', { label, appId, apiKey, apiPassword, apiUrl }), 'accounts.connect');
    // The UI loads the account's lists when it opens; offline, names are then checked against this cache.
    valueOf(await core.handle('account.lists', { refresh: ['tags', 'lists', 'sequences', 'custom_fields'] }), 'account.lists');
    say({ t: 'connected', accountId: info.id });
  }
  const status = valueOf<{ account: { id: string } | null }>(await core.handle('app.status', {}), 'app.status');
  const atStart = status.account ? await listOutbox(core) : [];
  say({
    t: 'ready',
    accountId: status.account?.id ?? null,
    outbox: atStart.map(({ id, status: s, summary, leadId, leadEmail, change }) => ({ id, status: s, summary, leadId, leadEmail, change })),
  });
  if (!status.account) throw new Error('no account is connected in this data dir');

  if (config.planFile) {
    const plan = JSON.parse(readFileSync(config.planFile, 'utf8')) as PlannedChange[];
    let from = 0;
    if (config.from === 'recorded') {
      const recorded = recordedPrefix(plan, atStart);
      from = recorded.changes;
      say({ t: 'resume', from, recordedChanges: recorded.changes, recordedItems: recorded.items });
    } else from = config.from ?? 0;
    const to = Math.min(config.to ?? plan.length, plan.length);
    for (let i = from; i < to; i++) {
      const { command, input } = commandOf(plan[i]!);
      const receipt = valueOf<{ confirmed: boolean }>(await core.handle(command, input), `change ${i} (${command})`);
      say({ t: 'ack', i, confirmed: receipt.confirmed });
    }
    say({ t: 'queued', next: to });
  }

  if (config.drain) {
    // Watch the counts, as the status bar does: listing every item each time would be work the app never does.
    for (;;) {
      const { state } = valueOf<{ state: { counts: Record<string, number> } }>(await core.handle('outbox.list', { limit: 1 }), 'outbox.list');
      if (state.counts.pending === 0 && state.counts.inFlight === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    say({ t: 'drained', left: await listOutbox(core), ms: Date.now() - started });
  }
  await core.close();
}

/** Stdout to a pipe is asynchronous: exit only once every report line has been handed to the parent. */
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

const configFile = process.argv[2];
if (configFile) {
  main(JSON.parse(readFileSync(configFile, 'utf8')) as ChildConfig).then(
    () => exit(0),
    (error: unknown) => {
      say({ t: 'error', message: error instanceof Error ? error.message : String(error) });
      exit(1);
    },
  );
}
