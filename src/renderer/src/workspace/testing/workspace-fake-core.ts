// Test kit: teaches the shared FakeCore the workspace's commands (search, profile, writes through a fake
// outbox with its events, e-mail checks, account lists). It fakes the core behind window.api, never a UI part.
import type { Lead } from '../../../../shared/domain/lead';
import type { LeadProfile } from '../../../../shared/domain/lead-views';
import type { OutboxChange, OutboxItemView, OutboxStatus } from '../../../../shared/domain/outbox';
import type { WriteReceipt } from '../../../../shared/ipc/contract';
import { fail, FakeCore, ok } from '../../testing/fake-core';
import { makeLead, makeSandboxAccount } from '../../testing/fixtures';
import { ada, applyChange, CATALOG, FETCHED_AT, lists, summarize, toRow, unknownNames, type Catalog } from './workspace-fake-data';

export { ada, CATALOG, FETCHED_AT, toRow, type Catalog } from './workspace-fake-data';

/** 'confirm': Kartra confirms at once; 'hold': changes stay pending until confirm()/failItem() is called. */
export type WriteMode = 'confirm' | 'hold';

export interface WorkspaceKit {
  core: FakeCore;
  catalog: Catalog;
  items: Map<number, OutboxItemView>;
  mode: WriteMode;
  deletedEmails: Set<string>;
  payments: Map<string, Pick<LeadProfile, 'transactions' | 'subscriptions'>>;
  /** Leads whose profile answers as the offline cached copy. */
  fromCache: Set<string>;
  confirm(id: number): void;
  failItem(id: number, message: string): void;
}

export function makeWorkspaceCore(options: { leads?: Lead[]; online?: boolean } = {}): WorkspaceKit {
  const core = new FakeCore({
    status: { account: makeSandboxAccount(), online: options.online ?? true },
    leads: options.leads ?? [ada(), makeLead({ id: '1002', email: 'bob@example.com', first_name: 'Bob', last_name: 'Builder', company: 'Bricks', tags: [], lists: [] })],
    tags: CATALOG.tags,
  });
  const kit: WorkspaceKit = {
    core,
    catalog: structuredClone(CATALOG),
    items: new Map(),
    mode: 'confirm',
    deletedEmails: new Set(),
    payments: new Map(),
    fromCache: new Set(),
    confirm: (id) => settle(id, 'done'),
    failItem: (id, message) => settle(id, 'failed', message),
  };
  let nextItem = 1;
  let nextLead = 5000;

  const find = (ref: { id?: string; email?: string }) => core.leads.find((l) => (ref.id ? l.id === ref.id : l.email === ref.email));

  const settle = (id: number, status: OutboxStatus, message?: string) => {
    const item = kit.items.get(id);
    if (!item) throw new Error(`no fake outbox item ${id}`);
    const view: OutboxItemView = {
      ...item,
      status,
      updatedAt: item.updatedAt + 1,
      error: message ? { code: 'kartra_error', message, retryable: false } : null,
    };
    if (status === 'done') {
      kit.items.delete(id);
      const lead = view.leadId ? find({ id: view.leadId }) : undefined;
      if (lead) applyChange(lead, view.change);
    } else kit.items.set(id, view);
    core.emit('outbox.item', view);
    const lead = view.leadId ? find({ id: view.leadId }) : undefined;
    if (status === 'done' && lead) core.emit('lead.updated', { accountId: 'sandbox', lead: structuredClone(lead) });
  };

  const write = (lead: Lead | null, email: string, changes: OutboxChange[]): WriteReceipt => {
    const now = Date.now();
    const views = changes.map((change): OutboxItemView => {
      const view: OutboxItemView = {
        id: nextItem++,
        accountId: 'sandbox',
        leadId: lead?.id ?? null,
        leadEmail: email,
        change,
        summary: summarize(change),
        status: 'pending',
        attempts: 0,
        error: null,
        conflict: null,
        madeOffline: false,
        createdAt: now,
        updatedAt: now,
      };
      kit.items.set(view.id, view);
      core.emit('outbox.item', view);
      return view;
    });
    if (kit.mode === 'hold') return { changes: views, confirmed: false, lead: lead ? structuredClone(lead) : null };
    for (const view of views) settle(view.id, 'done');
    return { changes: views.map((v) => ({ ...v, status: 'done' })), confirmed: true, lead: lead ? structuredClone(lead) : null };
  };

  core.answer('leads.search', ({ query = '', offset = 0, limit = 100 }) => {
    const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const rows = core.leads
      .map(toRow)
      .filter((row) => words.every((w) => [row.name, row.email, row.company, ...row.tags].some((v) => v.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((t) => t.startsWith(w)))))
      .sort((a, b) => a.name.localeCompare(b.name));
    return ok({ rows: rows.slice(offset, offset + limit), total: rows.length, tookMs: 1, newestSeenAt: FETCHED_AT });
  });
  core.answer('leads.profile', ({ id }) => {
    const lead = find({ id });
    if (!lead) return fail('not_found', `No lead with id ${id} in this Kartra account.`);
    const cached = kit.fromCache.has(id);
    const payments = kit.payments.get(id) ?? { transactions: [], subscriptions: [] };
    return ok({
      lead: structuredClone(lead),
      fromCache: cached,
      seenAt: cached ? Date.now() - 5 * 60_000 : Date.now(),
      ...(cached ? { transactions: null, subscriptions: null } : structuredClone(payments)),
      pending: [...kit.items.values()].filter((i) => i.leadId === id),
    });
  });
  core.answer('leads.applyActions', ({ lead: ref, actions }) => {
    const lead = find(ref);
    if (!lead) return fail('not_found', 'That lead does not exist any more.');
    const unknown = unknownNames(kit.catalog, actions);
    if (unknown) return fail('invalid_input', unknown, false, { field: 'actions' });
    return ok(write(lead, lead.email, actions.map((action) => ({ kind: 'action', action }))));
  });
  core.answer('leads.edit', ({ lead: ref, changes, actions = [] }) => {
    const lead = find(ref);
    if (!lead) return fail('not_found', 'That lead does not exist any more.');
    const list: OutboxChange[] = [{ kind: 'edit', changes }, ...actions.map((action) => ({ kind: 'action' as const, action }))];
    return ok(write(lead, lead.email, list));
  });
  core.answer('leads.create', ({ lead: input, actions = [] }) => {
    const lead = makeLead({ id: String(nextLead++), email: input.email, first_name: '', last_name: '', company: '', city: '', country: '', tags: [], lists: [], score: 0 });
    applyChange(lead, { kind: 'edit', changes: input });
    if (kit.mode === 'confirm') core.leads.push(lead);
    return ok(write(kit.mode === 'confirm' ? lead : null, input.email, [{ kind: 'create', lead: input }, ...actions.map((action) => ({ kind: 'action' as const, action }))]));
  });
  core.answer('leads.checkEmail', ({ email, exceptLeadId }) => {
    const e = email.trim().toLowerCase();
    if (kit.deletedEmails.has(e)) {
      return ok({ available: false, reason: `${e} belongs to a deleted lead; Kartra keeps that address reserved.`, leadId: null });
    }
    const holder = core.leads.find((l) => l.email.toLowerCase() === e);
    if (!holder || holder.id === exceptLeadId) return ok({ available: true, reason: null, leadId: holder?.id ?? null });
    return ok({ available: false, reason: `Another lead (id ${holder.id}) already uses ${e}.`, leadId: holder.id });
  });
  core.answer('account.lists', () => ok(lists(kit.catalog)));
  core.answer('account.createCustomField', ({ identifier, type, options = [] }) => {
    if (kit.catalog.custom_fields.some((f) => f.field_identifier === identifier)) {
      return fail('already_exists', `A custom field named "${identifier}" already exists in this account.`, false, { field: 'identifier' });
    }
    kit.catalog.custom_fields.push({
      field_id: String(kit.catalog.custom_fields.length + 1),
      field_identifier: identifier,
      field_type: type,
      options: options.map((value, i) => ({ option_id: String(700 + i), option_value: value })),
    });
    return ok(lists(kit.catalog));
  });
  core.answer('outbox.list', () =>
    ok({ items: [...kit.items.values()], state: { accountId: 'sandbox', online: core.status.online, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0 }, nextProbeAt: null } }),
  );
  const outboxState = () => ({ accountId: 'sandbox', online: core.status.online, counts: { pending: 0, inFlight: 0, failed: 0, conflict: 0 }, nextProbeAt: null });
  core.answer('outbox.retry', ({ ids = [] }) => {
    for (const id of ids) settle(id, 'done');
    return ok(outboxState());
  });
  core.answer('outbox.discard', ({ ids = [] }) => {
    for (const id of ids) {
      const item = kit.items.get(id);
      kit.items.delete(id);
      if (item) core.emit('outbox.item', { ...item, status: 'done', error: { code: 'invalid_input', message: 'Discarded', retryable: false } });
    }
    return ok(outboxState());
  });
  return kit;
}

