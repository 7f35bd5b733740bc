// KartraClient: one method per Kartra command over request(), which adds credentials, goes through the rate limiter, and retries only where harmless.
import type { ActionResult, LeadAction } from '../../../shared/domain/actions';
import { scrubSecrets } from '../secret-text';
import type { AccountCustomField, AccountSequence } from '../../../shared/domain/account';
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { Lane } from '../../../shared/domain/limiter';
import { silentLogger, type Logger } from '../log';
import { laneOf, type CallMode, type CallOptions, type KartraCaller } from './caller';
import * as account from './commands-account';
import * as leads from './commands-lead';
import * as pay from './commands-payment';
import { decodeHttpResponse, type DecodedResponse } from './decode';
import { KartraApiError, TransportError } from './errors';
import { checkApiUrl, KartraHttp, type HttpOptions } from './http';
import type { CreateLeadInput, EditLeadChanges } from './lead-input';
import * as writes from './lead-writes';
import { phpBuildQuery, type PhpObject } from './php-encode';
import type { KartraCredentials, Scheduler } from './types';

export interface RetryOptions {
  /** Total attempts for a retryable failure (first try included). Default 3. */
  attempts?: number;
  /** Delay before the second attempt; doubles each time. Default 300 ms. */
  baseDelayMs?: number;
  /** Upper bound of one delay. Default 3 s. */
  maxDelayMs?: number;
}

export interface KartraClientOptions {
  credentials: KartraCredentials;
  /** The rate limiter for this app_id: every request starts through it. */
  scheduler: Scheduler;
  http?: HttpOptions;
  retry?: RetryOptions;
  log?: Logger;
}

type Calendar = { calendar_name: string; class_name: string; starting_date?: string; starting_hour?: string };

export class KartraClient implements KartraCaller {
  readonly #credentials: KartraCredentials;
  readonly #http: KartraHttp;
  readonly #scheduler: Scheduler;
  readonly #retry: Required<RetryOptions>;
  readonly #log: Logger;

  constructor(options: KartraClientOptions) {
    checkApiUrl(options.credentials.apiUrl); // refuse plain http off loopback before anything else
    this.#credentials = { ...options.credentials };
    this.#scheduler = options.scheduler;
    this.#http = new KartraHttp(options.http);
    this.#retry = { attempts: 3, baseDelayMs: 300, maxDelayMs: 3000, ...options.retry };
    this.#log = options.log ?? silentLogger;
  }

  get apiUrl(): string {
    return this.#credentials.apiUrl;
  }

  /**
   * One Kartra call: credentials first in the body, PHP-encoded, started by the scheduler
   * (which itself retries 429s). Failures where nothing was sent are retried for every command;
   * `mode: 'read'` also retries failures after sending (a read cannot do harm twice).
   */
  async request(lane: Lane, body: PhpObject, mode: CallMode = 'write'): Promise<DecodedResponse> {
    const { appId, apiKey, apiPassword, apiUrl } = this.#credentials;
    const form = phpBuildQuery({ app_id: appId, api_key: apiKey, api_password: apiPassword, ...withoutCredentials(body) });
    for (let attempt = 1; ; attempt++) {
      try {
        const decoded = await this.#scheduler.schedule(lane, async () => {
          const reply = await this.#http.post(apiUrl, form);
          return decodeHttpResponse(reply.status, reply.text);
        });
        return this.#scrubDecoded(decoded);
      } catch (error) {
        const clean = this.#scrubError(error);
        if (!(clean instanceof TransportError) || attempt >= this.#retry.attempts || !retryable(clean, mode)) throw clean;
        const delay = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
        this.#log.warn('kartra request failed, retrying', { lane, mode, attempt, kind: clean.kind, sent: clean.sent, delayMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  call(body: PhpObject, options: { lane: Lane; mode: CallMode }): Promise<DecodedResponse> {
    return this.request(options.lane, body, options.mode);
  }

  /** Close pooled connections. */
  close(): Promise<void> {
    return this.#http.close();
  }

  // ── Leads ───────────────────────────────────────────────────────────────────────────
  getLead(ref: LeadRef, options?: CallOptions): Promise<Lead> {
    return leads.getLead(this, ref, laneOf(options));
  }
  searchLead(ref: LeadRef, options?: CallOptions): Promise<{ id: string } | null> {
    return leads.searchLead(this, ref, laneOf(options));
  }
  createLead(lead: CreateLeadInput, actions: LeadAction[] = [], options?: CallOptions): Promise<writes.LeadWriteResult> {
    return writes.createLead(this, laneOf(options), lead, actions);
  }
  editLead(ref: LeadRef, changes: EditLeadChanges, actions: LeadAction[] = [], options?: CallOptions): Promise<writes.LeadWriteResult> {
    return writes.editLead(this, laneOf(options), ref, changes, actions);
  }
  runActions(ref: LeadRef, actions: LeadAction[], options?: CallOptions): Promise<writes.LeadWriteResult> {
    return writes.runActions(this, laneOf(options), ref, actions);
  }
  subscribeToList(ref: LeadRef, listName: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'subscribe_lead_to_list', list_name: listName }, options);
  }
  unsubscribeFromList(ref: LeadRef, listName: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'unsubscribe_lead_from_list', list_name: listName }, options);
  }
  assignTag(ref: LeadRef, tagName: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'assign_tag', tag_name: tagName }, options);
  }
  unassignTag(ref: LeadRef, tagName: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'unassign_tag', tag_name: tagName }, options);
  }
  givePoints(ref: LeadRef, points: number, expirationDays?: number, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'give_points_to_lead', points, ...(expirationDays !== undefined ? { expiration: expirationDays } : {}) }, options);
  }
  removePoints(ref: LeadRef, points: number, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'remove_points_from_lead', points }, options);
  }
  subscribeToSequence(ref: LeadRef, sequenceName: string, step: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'subscribe_lead_to_sequence_at_step', sequence_name: sequenceName, step }, options);
  }
  unsubscribeFromSequence(ref: LeadRef, sequenceName: string, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'unsubscribe_lead_from_sequence', sequence_name: sequenceName }, options);
  }
  calendarSubscribe(ref: LeadRef, booking: Calendar, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'calendar_subscribe', ...booking }, options);
  }
  calendarCancel(ref: LeadRef, booking: Omit<Calendar, 'starting_date' | 'starting_hour'>, options?: CallOptions): Promise<ActionResult> {
    return this.#one(ref, { cmd: 'calendar_cancel', calendar_name: booking.calendar_name, class_name: booking.class_name }, options);
  }

  // ── Account ─────────────────────────────────────────────────────────────────────────
  retrieveAccountTags(options?: CallOptions): Promise<string[]> {
    return account.retrieveAccountTags(this, laneOf(options));
  }
  retrieveAccountLists(options?: CallOptions): Promise<string[]> {
    return account.retrieveAccountLists(this, laneOf(options));
  }
  retrieveAccountSequences(options?: CallOptions): Promise<AccountSequence[]> {
    return account.retrieveAccountSequences(this, laneOf(options));
  }
  retrieveAccountPages(options?: CallOptions): Promise<account.AccountPage[]> {
    return account.retrieveAccountPages(this, laneOf(options));
  }
  retrieveCustomFields(options?: CallOptions): Promise<AccountCustomField[]> {
    return account.retrieveCustomFields(this, laneOf(options));
  }
  createCustomField(input: account.CreateCustomFieldInput, options?: CallOptions): Promise<{ message: string }> {
    return account.createCustomField(this, laneOf(options), input);
  }

  // ── Payments ────────────────────────────────────────────────────────────────────────
  searchTransaction(transactionId: string | number, options?: CallOptions): Promise<boolean> {
    return pay.searchTransaction(this, laneOf(options), transactionId);
  }
  getTransactionDetails(transactionId: string | number, options?: CallOptions): Promise<pay.KartraDetails> {
    return pay.getTransactionDetails(this, laneOf(options), transactionId);
  }
  refundTransaction(transactionId: string | number, refundAmount?: number, options?: CallOptions): Promise<{ transactionRefunded: string }> {
    return pay.refundTransaction(this, laneOf(options), { transaction_id: transactionId, ...(refundAmount !== undefined ? { refund_amount: refundAmount } : {}) });
  }
  retrieveTransactionsFromLead(ref: LeadRef, options?: CallOptions): Promise<pay.TransactionSummary[]> {
    return pay.retrieveTransactionsFromLead(this, laneOf(options), ref);
  }
  retrieveSubscriptionsFromLead(ref: LeadRef, options?: CallOptions): Promise<pay.SubscriptionSummary[]> {
    return pay.retrieveSubscriptionsFromLead(this, laneOf(options), ref);
  }
  getSubscriptionDetails(subscriptionId: string | number, options?: CallOptions): Promise<pay.KartraDetails> {
    return pay.getSubscriptionDetails(this, laneOf(options), subscriptionId);
  }
  searchSubscription(subscriptionId: string | number, options?: CallOptions): Promise<boolean> {
    return pay.searchSubscription(this, laneOf(options), subscriptionId);
  }
  modifySubscriptionStatus(subscriptionId: string | number, change: 'cancel' | 'pause' | 'unpause', options?: CallOptions): Promise<{ message: string }> {
    return pay.modifySubscriptionStatus(this, laneOf(options), subscriptionId, change);
  }
  editSubscription(input: pay.EditSubscriptionInput, options?: CallOptions): Promise<{ message: string }> {
    return pay.editSubscription(this, laneOf(options), input);
  }
  cancelTransaction(
    target: { transaction_id: string | number } | { transaction_internal_subscription_id: string | number },
    options?: CallOptions,
  ): Promise<{ transactionSubscriptionId: string; transactionInternalSubscriptionId: string }> {
    return pay.cancelTransaction(this, laneOf(options), target);
  }

  /** A single lead action: resolves with its (successful) result, throws KartraApiError when Kartra refused it. */
  async #one(ref: LeadRef, action: LeadAction, options?: CallOptions): Promise<ActionResult> {
    const { results } = await writes.runActions(this, laneOf(options), ref, [action]);
    const result = results[0];
    // Not reported either way: the outcome is unknown, as after a lost answer (the write queue's verifier settles it).
    if (!result || result.unknown) throw new TransportError("Kartra's answer did not say whether the action was applied", true, 'bad_response');
    // Behind a search_lead anchor (ref by email) a refused action is only reported; make it throw here too.
    if (!result.ok) throw new KartraApiError(result.kartraType ?? '', result.message, result.cmd);
    return result;
  }

  /** Kartra never echoes credentials as far as documented; this makes sure no message carries one, in any encoding. */
  #scrub(text: string): string {
    return scrubSecrets(text, [this.#credentials.apiKey, this.#credentials.apiPassword]);
  }

  #scrubDecoded(decoded: DecodedResponse): DecodedResponse {
    return {
      ...decoded,
      message: this.#scrub(decoded.message),
      entries: decoded.entries.map((entry) => ({ ...entry, message: this.#scrub(entry.message) })),
    };
  }

  #scrubError(error: unknown): unknown {
    if (error instanceof TransportError) {
      const message = this.#scrub(error.message);
      return message === error.message ? error : new TransportError(message, error.sent, error.kind, error.status);
    }
    if (error instanceof KartraApiError) {
      const message = this.#scrub(error.kartraMessage);
      return message === error.kartraMessage ? error : new KartraApiError(error.type, message, error.cmd, error.action);
    }
    return error;
  }
}

/** Credentials lead the body, as in every Kartra example; the caller's own keys cannot replace them. */
function withoutCredentials(body: PhpObject): PhpObject {
  const { app_id: _a, api_key: _k, api_password: _p, ...rest } = body;
  return rest;
}

function retryable(error: TransportError, mode: CallMode): boolean {
  // A 3xx/4xx (never 429 here) is a definite answer from whatever sits at that address: a retry changes nothing.
  if (error.kind === 'http' && (error.status ?? 0) < 500) return false;
  return !error.sent || mode === 'read';
}
