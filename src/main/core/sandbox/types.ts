// Public types of the Kartra sandbox: options, the running handle and the inspector (re-exported by index.ts).
import type { SandboxRequest } from './request-log';
import { LEAD_TEXT_FIELDS } from '../../../shared/domain/lead';
export { TEXT_AREA_MAX } from '../../../shared/domain/lead';

export interface SandboxFaults {
  /** Share (0..1) of accepted requests answered with an extra HTTP 429, as if the window were full. */
  rate429?: number;
  /** Share of requests answered HTTP 503 before anything is processed. */
  rate5xx?: number;
  /** Share of requests whose socket is destroyed: half before processing, half after the command was applied. */
  reset?: number;
  /** Share of requests applied, then held without an answer for timeoutHoldMs, then destroyed. */
  timeout?: number;
  /**
   * Round trip in ms, split evenly into upstream and downstream (network.ts). Used for whichever of
   * upstreamMs/downstreamMs is not given.
   */
  latencyMs?: number;
  /** Client → Kartra delay in ms: a request is counted by the rate window only when it has passed. */
  upstreamMs?: number;
  /** Kartra → client delay in ms, added to every answer. */
  downstreamMs?: number;
  /** ± share (0..1) by which each upstream and downstream delay varies, uniformly. */
  jitter?: number;
  /** How long a `timeout` fault holds the request; default 30000. */
  timeoutHoldMs?: number;
}

/** One request as the sandbox's rate window saw it; `at` is performance.now() in the sandbox's process. */
export interface SandboxArrival {
  appId: string;
  /** Tells apart accounts sharing one App (two installs). */
  apiKey: string;
  at: number;
  /** False when it was answered 429 (window full or an injected 429). */
  accepted: boolean;
}

/**
 * How the sandbox answers where kartra-api.md §0.4 leaves room. The defaults follow the evidence; every
 * other value is a switch (CLI flag of `sandbox`, admin method setBehaviour) for testing a client against
 * behaviour the evidence does not rule out.
 */
export interface SandboxBehaviour {
  /** E3: 'continue' (default) runs every action and reports each; 'stop' ends the call at a failing action. */
  chain: 'stop' | 'continue';
  /** E1: 'envelope' (default) answers a lone successful lead action inside `actions`; 'flat' prints its entry at top level. */
  singleSuccess: 'envelope' | 'flat';
  /** E9: 'cut' (default) keeps the first 365 characters of a text area; 'refuse' answers invented 292. */
  textArea: 'cut' | 'refuse';
  /** E10: 'html' (default) serves JSON as text/html like Kartra; 'json' serves application/json. */
  contentType: 'html' | 'json';
  /** §13: the older ("Nothing done" / "in a few moments") wording. */
  legacyMessages: boolean;
}

export interface SandboxOptions {
  /** 0 (default) = a random free port; always binds 127.0.0.1. */
  port?: number;
  /** node:sqlite file; state survives stop/start. Absent = in-memory. */
  dataFile?: string;
  /** Accepted requests per 1000 ms sliding window per app_id; default 20; 0 = unlimited. */
  rate?: number;
  /** Kartra Test Mode: email domains rewritten to @kartra.com. */
  testMode?: boolean;
  faults?: SandboxFaults;
  /** Seed demo data into an empty state; default true. The accounts themselves always exist. */
  seed?: boolean;
  /** Seeds the RNG used for faults (deterministic tests). */
  randomSeed?: number;
  /** What a chain does after a failing action (kartra-api.md §0.4 E3); default 'continue'. */
  chainFailure?: SandboxBehaviour['chain'];
  /** Shape of a lone successful lead action (E1); default 'envelope'. */
  singleSuccess?: SandboxBehaviour['singleSuccess'];
  /** A text-area value over 365 characters (E9); default 'cut'. */
  textArea?: SandboxBehaviour['textArea'];
  /** The Content-Type of every answer (E10); default 'html'. */
  contentType?: SandboxBehaviour['contentType'];
  /** Called for every /api request when it reaches the rate window (after the upstream delay): what a bench measures. */
  onArrival?: (arrival: SandboxArrival) => void;
  /** Answer with the older wording of kartra-api.md §13. */
  legacyMessages?: boolean;
  /** Answer 201 "Connection not secure" to every /api request. */
  simulateInsecure?: boolean;
}

export interface SandboxAccountCredentials {
  label: string;
  appId: string;
  apiKey: string;
  apiPassword: string;
}

export interface SandboxStats {
  requests: number;
  count429: number;
  byApp: Record<string, { requests: number; count429: number }>;
}

/** Profile fields of a lead as Kartra names them (kartra-api.md §8.1): the text fields plus business_type. */
export const PROFILE_FIELDS = [...LEAD_TEXT_FIELDS, 'business_type'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Everything the sandbox knows about one lead. */
export interface SandboxLeadState {
  id: string;
  email: string;
  deleted: boolean;
  /** Eastern time `YYYY-MM-DD HH:MM:SS`, or null. */
  deletedAt: string | null;
  dateJoined: string;
  source: string;
  score: number;
  profile: Record<ProfileField, string>;
  tags: string[];
  lists: { name: string; active: boolean }[];
  sequences: { name: string; step: string; status: 'active' | 'unsubscribed' }[];
  /** field identifier → text (input_field/text_area) or selected option ids (drop_down/radio_button/checkbox). */
  customFields: Record<string, string | string[]>;
  calendars: { calendar: string; className: string; status: string; startsAt: string | null }[];
  memberships: { name: string; level: string; active: boolean }[];
  gdpr: { status: string; statusDate: string; statusIp: string; communications: string };
}

export interface SandboxLeadSummary {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  deleted: boolean;
}

/** A lead addressed by account (its api key) and id or email; the id wins when both are given. */
export interface SandboxLeadQuery {
  apiKey: string;
  id?: string;
  email?: string;
}

/** A change made "on the Kartra side", bypassing the API (to create conflicts in tests). */
export interface SandboxLeadEdit extends SandboxLeadQuery {
  newEmail?: string;
  profile?: Partial<Record<ProfileField, string>>;
  score?: number;
  addTags?: string[];
  removeTags?: string[];
  subscribeLists?: string[];
  unsubscribeLists?: string[];
  sequences?: { name: string; step: string; status?: 'active' | 'unsubscribed' }[];
  /** identifier → text, or option ids for option fields ([] or '' clears). */
  customFields?: Record<string, string | string[]>;
}

export interface SandboxCatalog {
  label: string;
  tags: { id: string; name: string }[];
  lists: { id: string; name: string }[];
  /** Steps are the sandbox's own knowledge (the box numbers it accepts); Kartra's API never lists them (E6). */
  sequences: { id: string; name: string; steps: string[] }[];
  calendars: { id: string; name: string; complete: boolean; classes: { id: string; name: string }[] }[];
  customFields: { id: string; identifier: string; type: string; options: { id: string; value: string }[] }[];
  pages: { id: string; name: string; url: string }[];
  memberships: { id: string; name: string; levels: string[] }[];
}

export interface SandboxTransaction {
  id: string;
  leadId: string;
  leadEmail: string;
  type: string;
  productName: string;
  amount: number;
  refundedAmount: number;
  date: string;
  subscriptionId: string | null;
  isTest: boolean;
  /** The gateway refuses refunds of this transaction (refund_transaction → 266). */
  refundFails: boolean;
}

export interface SandboxSubscription {
  id: string;
  leadId: string;
  leadEmail: string;
  status: string;
  gateway: 'stripe' | 'paypal';
  gatewaySubscriptionId: string;
  productName: string;
  /** The price point's kind: recurring | installments | recurring_installments. */
  kind: string;
  amount: number;
  nextPaymentDate: string | null;
  /** The gateway refuses to cancel this subscription (→ 267). */
  cancelFails: boolean;
}

/**
 * In-process read/write access to the sandbox's state for tests; the same methods are served over HTTP as
 * `POST /__admin/<method>` with the argument as JSON body and header `x-sandbox-admin: <adminToken>`
 * (see admin.ts). Every method throws SandboxInspectError with a specific message on bad input.
 */
export interface SandboxInspector {
  getLead(query: SandboxLeadQuery): SandboxLeadState | null;
  listLeads(query: { apiKey: string; includeDeleted?: boolean }): SandboxLeadSummary[];
  editLead(edit: SandboxLeadEdit): SandboxLeadState;
  /** Marks the lead deleted; its email stays reserved (create_lead → 245). */
  deleteLead(query: SandboxLeadQuery): SandboxLeadState;
  catalog(query: { apiKey: string }): SandboxCatalog;
  transactions(query: { apiKey: string }): SandboxTransaction[];
  subscriptions(query: { apiKey: string }): SandboxSubscription[];
  /** Moves the sandbox clock forward (point expiry, "date is in the past"). */
  advanceClock(input: { ms: number }): { now: string };
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234/api */
  url: string;
  port: number;
  /** [0] = the demo account used by "Try the sandbox", [1] = the agency account. */
  accounts: SandboxAccountCredentials[];
  /** For the /__admin endpoints (header x-sandbox-admin). */
  adminToken: string;
  inspect: SandboxInspector;
  setFaults(faults: SandboxFaults): void;
  setTestMode(on: boolean): void;
  /** Changes some of the evidence-open behaviours at run time; answers the whole current set. */
  setBehaviour(change: Partial<SandboxBehaviour>): SandboxBehaviour;
  behaviour(): SandboxBehaviour;
  stats(): SandboxStats;
  /** The request log (request-log.ts): requests after `since`, optionally for one email. */
  requests(query?: { since?: number; email?: string }): SandboxRequest[];
  /** Closes the server and every open socket promptly (held requests included), and the database. */
  close(): Promise<void>;
}

export class SandboxInspectError extends Error {
  override readonly name = 'SandboxInspectError';
}
