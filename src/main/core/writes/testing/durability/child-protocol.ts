// What the durability test tells its core child process (a JSON file) and what the child reports back (JSON lines).
import type { OutboxItemView } from '../../../../../shared/domain/outbox';

export interface ChildConfig {
  dataDir: string;
  /** The Kartra account (the sandbox's demo account); the stand-in keychain hands out these credentials. */
  account: { label: string; appId: string; apiKey: string; apiPassword: string; apiUrl: string };
  /** First run: connect the account and cache its lists. Later runs find it in the data dir, as the app does. */
  connect?: boolean;
  /** JSON file holding PlannedChange[]. */
  planFile?: string;
  /** First change to make; 'recorded' = the first one not found in the outbox (a crash may have cut a run short). */
  from?: number | 'recorded';
  /** One past the last change to make (default: the whole plan). */
  to?: number;
  /** After queuing, keep running until nothing is pending or in flight; then report what is left and exit. */
  drain?: boolean;
  probeBackoffMs?: number[];
  confirmWaitMs?: number;
  outboxConcurrency?: number;
}

export type ChildMessage =
  /** The core is open; the outbox as found at start (before anything was sent). */
  | { t: 'ready'; accountId: string | null; outbox: Pick<OutboxItemView, 'id' | 'status' | 'summary' | 'leadId' | 'leadEmail' | 'change'>[] }
  | { t: 'connected'; accountId: string }
  /** Where this run starts in the plan, and how many changes a previous run had durably recorded. */
  | { t: 'resume'; from: number; recordedChanges: number; recordedItems: number }
  /** Change `i` of the plan was accepted (it is in the outbox). */
  | { t: 'ack'; i: number; confirmed: boolean }
  | { t: 'queued'; next: number }
  /** Nothing pending or in flight any more; `left` are the items that failed or are in conflict. */
  | { t: 'drained'; left: OutboxItemView[]; ms: number }
  | { t: 'error'; message: string };
