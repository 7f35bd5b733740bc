// Lead look-ups against Kartra (falling back to the local cache offline), instant local search, and
// every lead write — queued through the outbox and confirmed within a few seconds when online.
import type { LeadAction } from '../../../shared/domain/actions';
import type { Lead, LeadRef } from '../../../shared/domain/lead';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';
import type { LeadProfile, LeadRow } from '../../../shared/domain/lead-views';
import type { PaymentWrite } from '../../../shared/domain/payment-writes';
import type { WriteReceipt } from '../../../shared/ipc/contract';
import type { AccountService } from '../account/account-service';
import type { ConnectionService, Session } from '../connection/connection-service';
import { AppError } from '../errors';
import { isLeadDeleted, isLeadNotFound } from '../kartra/error-codes';
import { KartraApiError, TransportError } from '../kartra/errors';
import { isNotSent, isOfflineError } from '../connection/connectivity';
import type { NewChange } from '../writes/write-repo';
import type { WriteQueue } from '../writes/write-queue';
import type { HistorySource } from '../../../shared/domain/history';
import { projectChange } from '../writes/project-change';
import type { AccountsRepo } from '../store/accounts-repo';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import { loadPayments } from './payments';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** How long a write command waits for Kartra's confirmation before answering "queued". */
export const CONFIRM_WAIT_MS = 5_000;

export interface LeadServiceDeps {
  connection: ConnectionService;
  cache: LeadCacheRepo;
  account: AccountService;
  outbox: WriteQueue;
  accounts: AccountsRepo;
  confirmWaitMs?: number;
}

export class LeadService {
  constructor(private readonly deps: LeadServiceDeps) {}

  /** Finds one lead on Kartra by email or numeric id, as typed by the user; offline, the cached copy. */
  async find(query: string): Promise<Lead> {
    const ref = parseLeadQuery(query);
    const session = this.deps.connection.require();
    try {
      return await this.read(session, ref);
    } catch (error) {
      const cached = this.offlineCopy(session, ref, error);
      if (cached) return cached.lead;
      throw error;
    }
  }

  search(query: string, offset: number, limit: number, cursor?: string): { rows: LeadRow[]; total: number; tookMs: number; newestSeenAt: number | null; nextCursor: string | null } {
    const { account } = this.deps.connection.require();
    const started = performance.now();
    const page = this.deps.cache.search(account.id, query, { offset, limit, cursor });
    return { ...page, tookMs: performance.now() - started, newestSeenAt: this.deps.cache.newestSeenAt(account.id) };
  }

  async profile(id: string): Promise<LeadProfile> {
    const session = this.deps.connection.require();
    const pending = this.deps.outbox.forLead(id);
    try {
      const lead = await this.read(session, { id });
      const payments = await loadPayments(session.client, { id });
      return { lead, fromCache: false, seenAt: Date.now(), ...payments, pending };
    } catch (error) {
      const cached = this.offlineCopy(session, { id }, error);
      if (!cached) throw error;
      // Show queued changes on the copy so the user sees what they did while offline.
      const lead = pending.reduce((l, item) => projectChange(l, item.change), cached.lead);
      return { lead, fromCache: true, seenAt: cached.seenAt, transactions: null, subscriptions: null, pending };
    }
  }

  async create(lead: CreateLeadData, actions: LeadAction[], source: HistorySource = 'edit'): Promise<WriteReceipt> {
    await this.deps.account.assertNamesExist(actions);
    const changes: NewChange[] = [{ change: { kind: 'create', lead } }, ...actions.map((action) => ({ change: { kind: 'action' as const, action } }))];
    const receipt = await this.write({ email: lead.email }, changes, source);
    if (receipt.lead) this.noticeTestMode(lead.email, receipt.lead.email);
    return receipt;
  }

  async edit(ref: LeadRef, changes: EditLeadData, seen: Record<string, string>, actions: LeadAction[], source: HistorySource = 'edit'): Promise<WriteReceipt> {
    await this.deps.account.assertNamesExist(actions);
    const queued: NewChange[] = [];
    if (Object.values(changes).some((v) => v !== undefined)) queued.push({ change: { kind: 'edit', changes }, seen });
    queued.push(...actions.map((action) => ({ change: { kind: 'action' as const, action } })));
    if (queued.length === 0) throw new AppError('invalid_input', 'Nothing to change.', { details: { field: 'changes' } });
    const receipt = await this.write(ref, queued, source);
    if (changes.new_email && receipt.lead) this.noticeTestMode(changes.new_email, receipt.lead.email);
    return receipt;
  }

  async applyActions(ref: LeadRef, actions: LeadAction[], source: HistorySource = 'edit'): Promise<WriteReceipt> {
    await this.deps.account.assertNamesExist(actions);
    return this.write(ref, actions.map((action) => ({ change: { kind: 'action', action } })), source);
  }

  /** A money write from the profile's payments (refund, cancel a subscription); History source 'edit'. */
  payment(ref: LeadRef, payment: PaymentWrite): Promise<WriteReceipt> {
    return this.write(ref, [{ change: { kind: 'payment', payment } }], 'edit');
  }

  /** Free for a new lead or a new_email? A deleted lead keeps its address reserved at Kartra. */
  async checkEmail(email: string, exceptLeadId?: string): Promise<{ available: boolean; reason: string | null; leadId: string | null }> {
    const { client } = this.deps.connection.require();
    try {
      const found = await client.searchLead({ email }, { lane: 'interactive' });
      if (!found || found.id === exceptLeadId) return { available: true, reason: null, leadId: found?.id ?? null };
      return { available: false, reason: `Another lead (id ${found.id}) already uses ${email}.`, leadId: found.id };
    } catch (error) {
      if (error instanceof KartraApiError && isLeadDeleted(error.type)) {
        return { available: false, reason: `${email} belongs to a deleted lead; Kartra keeps that address reserved. Restore the lead in Kartra or use another address.`, leadId: null };
      }
      throw error;
    }
  }

  private async write(ref: LeadRef | { email: string }, changes: NewChange[], source: HistorySource): Promise<WriteReceipt> {
    const session = this.deps.connection.require();
    // A lead addressed by id still gets its address in the outbox (from the cache), so queued changes read
    // "Assign tag VIP — ada@example.com" rather than a bare number.
    const email = 'id' in ref && ref.id && !ref.email ? this.deps.cache.get(session.account.id, { id: ref.id })?.lead.email : undefined;
    const queued = this.deps.outbox.enqueue(email ? { ...ref, email } : ref, changes, source);
    const settled = await this.deps.outbox.waitFor(queued, this.deps.confirmWaitMs ?? CONFIRM_WAIT_MS);
    const confirmed = settled.every((v) => v.status === 'done');
    const failed = settled.find((v) => v.status === 'failed');
    if (failed?.error && settled.every((v) => v.status === 'failed')) {
      // Nothing was applied: answer with Kartra's reason (the items stay in the outbox to retry or discard).
      throw new AppError(failed.error.code, failed.error.message, { retryable: failed.error.retryable, details: failed.error.details });
    }
    const leadId = settled.find((v) => v.leadId)?.leadId ?? ('id' in ref ? ref.id : undefined);
    let lead: Lead | null = null;
    if (leadId) {
      lead = confirmed ? await this.read(session, { id: leadId }).catch(() => null) : null;
      lead ??= this.projected(session, leadId, settled);
    }
    return { changes: settled, confirmed, lead };
  }

  private projected(session: Session, leadId: string, views: WriteReceipt['changes']): Lead | null {
    const cached = this.deps.cache.get(session.account.id, { id: leadId });
    if (!cached) return null;
    return views.filter((v) => v.status !== 'done' && v.status !== 'failed').reduce((l, v) => projectChange(l, v.change), cached.lead);
  }

  private async read(session: Session, ref: LeadRef): Promise<Lead> {
    try {
      const lead = await session.client.getLead(ref, { lane: 'interactive' });
      this.deps.cache.put(session.account.id, lead);
      this.deps.outbox.connectivity.reportSuccess();
      return lead;
    } catch (error) {
      this.deps.outbox.connectivity.reportFailure(error);
      if (error instanceof KartraApiError && isLeadNotFound(error.type)) {
        throw new AppError('not_found', `No lead with ${ref.id ? `id ${ref.id}` : `email ${ref.email}`} in this Kartra account.`, {
          details: { kartraType: error.type, kartraMessage: error.kartraMessage },
        });
      }
      throw error;
    }
  }

  private offlineCopy(session: Session, ref: LeadRef, error: unknown): { lead: Lead; seenAt: number } | undefined {
    if (!(isOfflineError(error) || isNotSent(error) || error instanceof TransportError)) return undefined;
    return this.deps.cache.get(session.account.id, ref);
  }

  /** Kartra's Test Mode rewrites every new address to @kartra.com: when that happens, mark the account. */
  private noticeTestMode(sent: string, stored: string): void {
    const session = this.deps.connection.current();
    if (!session || session.account.testMode) return;
    const rewritten = stored.toLowerCase().endsWith('@kartra.com') && !sent.toLowerCase().endsWith('@kartra.com');
    if (!rewritten) return;
    this.deps.accounts.update(session.account.id, { testMode: true });
    this.deps.connection.reloadAccount(session.account.id);
  }
}

export function parseLeadQuery(query: string): LeadRef {
  const q = query.trim();
  if (/^\d+$/.test(q)) return { id: q };
  if (EMAIL.test(q)) return { email: q };
  throw new AppError('invalid_input', `"${q.slice(0, 80)}" is neither an email address nor a numeric lead id.`, { details: { field: 'query' } });
}
