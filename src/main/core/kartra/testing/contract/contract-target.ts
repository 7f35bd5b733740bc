// What a contract suite runs against (a base URL, credentials, fixtures, an optional state inspector) and how it connects the real client to it.
//
// The suite never reaches into the sandbox directly: everything it knows about the server comes from
// a ContractTarget. sandbox-target.ts builds one from a running sandbox; a target for another
// Kartra-compatible server only has to fill in the same fields (inspect and the special credentials
// are optional — the checks that need them are skipped with the reason).
import { afterAll, beforeAll } from 'vitest';
import type { SandboxCatalog, SandboxLeadState, SandboxSubscription, SandboxTransaction } from '../../../sandbox';
import { KartraClient } from '../../client';
import { expectSuccess, type ActionEntry } from '../../decode';
import { LimiterRegistry } from '../../limiter-registry';
import type { PhpObject } from '../../php-encode';
import type { Scheduler } from '../../types';

export interface ContractCredentials {
  appId: string;
  apiKey: string;
  apiPassword: string;
}

/** Read access to the server's own state for the target account (what Kartra's UI would show). */
export interface ContractInspector {
  /** The lead by id or email (id wins), deleted ones included; null when there is none. */
  lead(ref: { id?: string; email?: string }): SandboxLeadState | null;
  catalog(): SandboxCatalog;
  transactions(): SandboxTransaction[];
  subscriptions(): SandboxSubscription[];
}

/** Names and ids that exist on the target account, each chosen for the one thing a test does with it. */
export interface ContractFixtures {
  /** At least three tag names, two list names. */
  tags: string[];
  lists: string[];
  /** A sequence with at least two steps. */
  sequence: { name: string; steps: string[] };
  /** A complete calendar with at least one class. */
  calendar: { name: string; classes: string[] };
  /** A calendar that exists but is not complete (calendar_subscribe → 257); absent when the target has none. */
  incompleteCalendar?: string;
  fields: {
    /** An input_field identifier. */
    text: string;
    dropDown: { identifier: string; optionIds: string[] };
    checkbox: { identifier: string; optionIds: string[] };
    /** A text_area identifier (E9: at most 365 characters); absent when the target has none. */
    textArea?: string;
  };
  /** The email of a deleted lead (its address stays reserved → 245); absent when the target has none. */
  deletedLeadEmail?: string;
  payments: PaymentFixtures;
}

/** Transactions and subscriptions by what a test needs them for (ids as strings). */
export interface PaymentFixtures {
  /** A lead that has both transactions and subscriptions. */
  leadWithPayments: { id: string; email: string };
  /** Recent one-off sales with nothing refunded yet: [0] is refunded by the command tests, [1] only probed. */
  refundable: [string, string];
  /** A recent sale whose refund the payment gateway refuses (266). */
  refundFails: string;
  outsideRefundPeriod: string;
  alreadyRefunded: string;
  /** A recent test-mode sale (253: cannot be refunded). */
  testSale: string;
  /** A one-off sale, not linked to any subscription (cancel_transaction → 249). */
  oneOffSale: string;
  /** A transaction of a live subscription that is neither a sale nor a rebill (cancel_transaction → 253). */
  nonSaleOfLiveSubscription: string;
  /** The first sale of an active subscription (cancel_transaction by transaction id). */
  subscriptionSale: { transactionId: string; subscriptionId: string };
  /** Active, not PayPal, each used by one command test only. */
  activeSubscription: string;
  pausableSubscription: string;
  /** Active, not PayPal, not recurring-installments (recurring_period_2 is refused for it → 280). */
  editableSubscription: string;
  paypalSubscription: string;
  cancelledSubscription: string;
  terminatedSubscription: string;
  /** Active subscription whose gateway refuses to cancel (267). */
  cancelFailsSubscription: string;
  /** A product + price point whose billing period is locked (281). */
  lockedPricePoint: { productId: string; pricePointId: string };
}

/** Credentials and addresses that reach the connection and authorisation errors (kartra-api.md §4). */
export interface ContractAuth {
  /** An address that answers 201 "Connection not secure". */
  insecureUrl?: string;
  /** App user whose account is inactive (204). */
  inactiveAccount?: ContractCredentials;
  /** app_ids: developer account inactive (240), IP not allowed (242), not allowed to write (262). */
  inactiveAppId?: string;
  ipRestrictedAppId?: string;
  readOnlyAppId?: string;
}

export interface ContractTarget {
  url: string;
  credentials: ContractCredentials;
  inspect?: ContractInspector;
  fixtures: ContractFixtures;
  auth: ContractAuth;
  /** How the server answers a chain whose middle action fails, when known (kartra-api.md §0.4 E3). */
  chainFailure?: 'stop' | 'continue';
  /** What the server does with a text area over 365 characters, when known (E9: Kartra keeps 365). */
  textArea?: 'cut' | 'refuse';
  /**
   * Rate-limiter settings for the client. Absent: Kartra's 20 starts per second. A sandbox running
   * without a window (rate 0) may be driven faster so the suite stays quick; the limiter stays real.
   */
  limiter?: { limit: number; windowMs?: number };
}

/** A real client for a target, over a real RateLimiter from a LimiterRegistry, counting what it hands to the limiter. */
export interface Connection {
  client: KartraClient;
  /** Requests handed to the rate limiter so far (a refused input never gets there). */
  sent(): number;
}

/** Owns the registry and every client made for a suite; close() ends them all. */
export class ContractConnections {
  readonly #registry: LimiterRegistry;
  readonly #clients: KartraClient[] = [];
  readonly #target: ContractTarget;

  constructor(target: ContractTarget) {
    this.#target = target;
    this.#registry = new LimiterRegistry({ ...(target.limiter ?? {}) });
  }

  /** The target's own credentials, or overrides to reach an auth error. */
  connect(over: Partial<ContractCredentials> & { url?: string } = {}): Connection {
    const { url, ...creds } = over;
    const credentials = { ...this.#target.credentials, ...creds };
    // One limiter per app_id, as in the app; a probe with an empty app_id shares the target's limiter.
    const limiter = this.#registry.get(credentials.appId || this.#target.credentials.appId);
    let count = 0;
    const scheduler: Scheduler = {
      schedule(lane, task) {
        count++;
        return limiter.schedule(lane, task);
      },
    };
    const client = new KartraClient({ credentials: { apiUrl: url ?? this.#target.url, ...credentials }, scheduler });
    this.#clients.push(client);
    return { client, sent: () => count };
  }

  async close(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map((c) => c.close()));
    this.#registry.closeAll();
  }
}

/**
 * Send a raw body through the client's own request() (credentials, PHP encoding, rate limiter) and read
 * `cmd`'s answer: resolves with the entry on success, throws the KartraApiError Kartra answered with.
 * Used where the client validates input itself and would never send it.
 */
export async function rawCall(conn: Connection, body: PhpObject, cmd: string): Promise<ActionEntry> {
  return expectSuccess(await conn.client.request('interactive', body, 'write'), cmd);
}

let unique = 0;
/** A fresh email address that no fixture or earlier test uses. */
export function freshEmail(tag: string, domain = 'example.net'): string {
  return `contract.${tag}.${process.pid}.${Date.now().toString(36)}.${unique++}@${domain}`;
}

/** For a describe block: one connection to the target, opened before its tests and closed after; `client()` inside tests. */
export function useContractClient(target: () => ContractTarget): () => KartraClient {
  let connections: ContractConnections | undefined;
  let conn: Connection | undefined;
  beforeAll(() => {
    connections = new ContractConnections(target());
    conn = connections.connect();
  });
  afterAll(() => connections?.close());
  return () => {
    if (!conn) throw new Error('useContractClient: call client() inside a test');
    return conn.client;
  };
}
