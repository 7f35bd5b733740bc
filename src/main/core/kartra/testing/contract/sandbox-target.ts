// Builds a ContractTarget from a running sandbox: starts it for a test file, binds its inspector to the demo account and picks fixtures from its seed.
import { afterAll, beforeAll } from 'vitest';
import {
  DEMO_ACCOUNT,
  INACTIVE_ACCOUNT,
  SANDBOX_APPS,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
  type SandboxTransaction,
} from '../../../sandbox';
import { DEMO_CATALOG } from '../../../sandbox/seed/catalog-data';
import type { ContractFixtures, ContractTarget, PaymentFixtures } from './contract-target';
import type { NotProduced } from './error-suite';

const DAY_MS = 86_400_000;

/**
 * What the sandbox cannot produce as a KartraApiError, with the reason. Everything else of
 * kartra-api.md §4, §5 and §10–§12 is produced — including 266 "Refund has failed" and 267
 * "Cancellation has failed": the sandbox seeds a recent sale and an active subscription whose payment
 * gateway refuses, so those two are reached like any other code.
 */
export const NOT_PRODUCED_BY_SANDBOX: NotProduced = {
  '429':
    'The rate limit is an HTTP 429 (its body type "429" is invented, kartra-api.md §6). The RateLimiter pauses and retries it, so it ' +
    'never reaches a caller as a KartraApiError; faults.contract.test.ts drives it through a limiter until it gives up (RateLimitedError).',
};


/**
 * Starts a sandbox (in-memory; `rate: 0` unless the options say otherwise) and an always-insecure
 * companion sandbox for 201 before the file's tests, and closes both afterwards.
 */
export function useSandboxTarget(options: SandboxOptions = {}): () => ContractTarget {
  let sb: RunningSandbox | undefined;
  let insecure: RunningSandbox | undefined;
  let target: ContractTarget | undefined;
  beforeAll(async () => {
    // One after the other, so that afterAll can close whichever of them did start.
    sb = await startSandbox({ rate: 0, ...options });
    insecure = await startSandbox({ rate: 0, seed: false, simulateInsecure: true });
    target = sandboxTarget(sb, insecure.url, options);
  });
  afterAll(async () => {
    await Promise.all([sb?.close(), insecure?.close()]);
  });
  return () => {
    if (!target) throw new Error('the sandbox target was used before its beforeAll hook ran');
    return target;
  };
}

/** A target for the sandbox's demo account. */
export function sandboxTarget(sb: RunningSandbox, insecureUrl: string | undefined, options: SandboxOptions = {}): ContractTarget {
  const apiKey = DEMO_ACCOUNT.apiKey;
  const inspect = {
    lead: (ref: { id?: string; email?: string }) => sb.inspect.getLead({ apiKey, ...ref }),
    catalog: () => sb.inspect.catalog({ apiKey }),
    transactions: () => sb.inspect.transactions({ apiKey }),
    subscriptions: () => sb.inspect.subscriptions({ apiKey }),
  };
  const rate = options.rate ?? 0;
  return {
    url: sb.url,
    credentials: { appId: DEMO_ACCOUNT.appId, apiKey, apiPassword: DEMO_ACCOUNT.apiPassword },
    inspect,
    fixtures: sandboxFixtures(sb, apiKey),
    auth: {
      ...(insecureUrl ? { insecureUrl } : {}),
      inactiveAccount: { appId: INACTIVE_ACCOUNT.appId, apiKey: INACTIVE_ACCOUNT.apiKey, apiPassword: INACTIVE_ACCOUNT.apiPassword },
      inactiveAppId: SANDBOX_APPS.inactive,
      ipRestrictedAppId: SANDBOX_APPS.ipRestricted,
      readOnlyAppId: SANDBOX_APPS.readOnly,
    },
    chainFailure: sb.behaviour().chain,
    textArea: sb.behaviour().textArea,
    // Without a window on the sandbox the limiter may run faster than Kartra's 20/s; with one, it must match it.
    limiter: { limit: rate === 0 ? 100 : rate },
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the sandbox seed has no ${what}; the contract fixtures need one`);
  return value;
}

/** Days since a sandbox timestamp (Eastern wall time; a few hours of offset do not matter at day scale). */
function ageDays(estTimestamp: string): number {
  return (Date.now() - Date.parse(`${estTimestamp.replace(' ', 'T')}-05:00`)) / DAY_MS;
}

function sandboxFixtures(sb: RunningSandbox, apiKey: string): ContractFixtures {
  const catalog = sb.inspect.catalog({ apiKey });
  const sequence = need(catalog.sequences.find((s) => s.steps.length >= 2), 'sequence with two steps');
  const calendar = need(catalog.calendars.find((c) => c.complete && c.classes.length > 0), 'complete calendar');
  const field = (type: string) => need(catalog.customFields.find((f) => f.type === type), `${type} custom field`);
  const dropDown = field('drop_down');
  const checkbox = field('checkbox');
  const payments = paymentFixtures(sb, apiKey);

  // A lead outside every payment fixture, deleted "in Kartra" so that its address stays reserved (245).
  const paying = new Set(sb.inspect.transactions({ apiKey }).map((t) => t.leadId));
  const spare = need(
    sb.inspect.listLeads({ apiKey }).filter((l) => !l.deleted && !paying.has(l.id)).at(-1),
    'lead without payments',
  );
  sb.inspect.deleteLead({ apiKey, id: spare.id });

  return {
    tags: catalog.tags.map((t) => t.name),
    lists: catalog.lists.map((l) => l.name),
    sequence: { name: sequence.name, steps: sequence.steps },
    calendar: { name: calendar.name, classes: calendar.classes.map((c) => c.name) },
    ...(catalog.calendars.find((c) => !c.complete) ? { incompleteCalendar: catalog.calendars.find((c) => !c.complete)!.name } : {}),
    fields: {
      text: field('input_field').identifier,
      dropDown: { identifier: dropDown.identifier, optionIds: dropDown.options.map((o) => o.id) },
      checkbox: { identifier: checkbox.identifier, optionIds: checkbox.options.map((o) => o.id) },
      textArea: field('text_area').identifier,
    },
    deletedLeadEmail: spare.email,
    payments,
  };
}

function paymentFixtures(sb: RunningSandbox, apiKey: string): PaymentFixtures {
  const txs = sb.inspect.transactions({ apiKey });
  const subs = sb.inspect.subscriptions({ apiKey });
  const isSale = (t: SandboxTransaction) => t.type === 'sale';
  // Seven days is the shortest refund period of the demo products: younger sales are inside every one.
  const recent = (t: SandboxTransaction) => ageDays(t.date) < 6;
  const oneOff = txs.filter((t) => isSale(t) && t.subscriptionId === null);
  const refundable = oneOff.filter((t) => recent(t) && !t.isTest && !t.refundFails && t.refundedAmount === 0);

  const activeStripe = subs.filter((s) => s.status === 'Active' && s.gateway === 'stripe' && !s.cancelFails);
  const editable = need(activeStripe.find((s) => s.kind !== 'recurring_installments'), 'active non-PayPal subscription that is not recurring-installments');
  const others = activeStripe.filter((s) => s.id !== editable.id);
  const withSale = need(
    others.find((s) => txs.some((t) => isSale(t) && t.subscriptionId === s.id)),
    'active subscription with a sale',
  );
  const rest = others.filter((s) => s.id !== withSale.id);
  const live = new Set(subs.filter((s) => s.status === 'Active' || s.status === 'Paused').map((s) => s.id));
  const leadWithPayments = need(
    subs.map((s) => s.leadId).find((leadId) => txs.some((t) => t.leadId === leadId)),
    'lead with transactions and subscriptions',
  );
  const locked = need(
    DEMO_CATALOG.products.flatMap((p) => p.pricePoints.filter((pp) => pp.locked).map((pp) => ({ productId: String(p.id), pricePointId: String(pp.id) })))[0],
    'price point with a locked billing period',
  );
  return {
    leadWithPayments: { id: leadWithPayments, email: need(txs.find((t) => t.leadId === leadWithPayments), 'payment lead').leadEmail },
    refundable: [need(refundable[0], 'refundable sale').id, need(refundable[1], 'second refundable sale').id],
    refundFails: need(oneOff.find((t) => t.refundFails && recent(t)), 'sale whose refund fails').id,
    outsideRefundPeriod: need(oneOff.find((t) => ageDays(t.date) > 61), 'sale outside every refund period').id,
    alreadyRefunded: need(oneOff.find((t) => recent(t) && t.refundedAmount >= t.amount), 'recent fully refunded sale').id,
    testSale: need(oneOff.find((t) => recent(t) && t.isTest), 'recent test sale').id,
    oneOffSale: need(oneOff[0], 'one-off sale').id,
    nonSaleOfLiveSubscription: need(
      txs.find((t) => t.subscriptionId !== null && live.has(t.subscriptionId) && t.type !== 'sale' && t.type !== 'rebill'),
      'non-sale transaction of a live subscription',
    ).id,
    subscriptionSale: {
      transactionId: need(txs.find((t) => isSale(t) && t.subscriptionId === withSale.id), 'subscription sale').id,
      subscriptionId: withSale.id,
    },
    activeSubscription: need(rest[0], 'third active subscription').id,
    pausableSubscription: need(rest[1], 'fourth active subscription').id,
    editableSubscription: editable.id,
    paypalSubscription: need(subs.find((s) => s.gateway === 'paypal' && s.status === 'Active'), 'active PayPal subscription').id,
    cancelledSubscription: need(subs.find((s) => s.gateway === 'stripe' && s.status === 'Cancelled'), 'cancelled subscription').id,
    terminatedSubscription: need(subs.find((s) => s.gateway === 'stripe' && s.status === 'Terminated'), 'terminated subscription').id,
    cancelFailsSubscription: need(subs.find((s) => s.cancelFails && s.status === 'Active'), 'subscription whose cancellation fails').id,
    lockedPricePoint: locked,
  };
}
