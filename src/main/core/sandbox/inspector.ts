// In-process read/write access to the sandbox state for tests: look at a lead, change it "on the Kartra side".
import { isValidEmail } from './commands/lead-input';
import { formatEst } from './est-time';
import { leadState } from './lead-view';
import type { AccountRow } from './store/catalog-store';
import { hasOptions } from './store/catalog-store';
import type { LeadRow } from './store/lead-store';
import type { SandboxState } from './store/state';
import {
  PROFILE_FIELDS,
  SandboxInspectError,
  type SandboxCatalog,
  type SandboxInspector,
  type SandboxLeadEdit,
  type SandboxLeadQuery,
} from './types';

const fail = (message: string): never => {
  throw new SandboxInspectError(message);
};

export function createInspector(state: SandboxState): SandboxInspector {
  const { catalog, leads, payments, db, clock } = state;

  const accountOf = (apiKey: unknown): AccountRow => {
    if (typeof apiKey !== 'string' || apiKey === '') return fail('apiKey is required');
    return catalog.accountByKey(apiKey) ?? fail(`no sandbox account has apiKey "${apiKey}"`);
  };
  const findLead = (account: AccountRow, q: SandboxLeadQuery): LeadRow | undefined => {
    if (q.id !== undefined && q.id !== '') return /^\d+$/.test(String(q.id)) ? leads.byId(account.id, Number(q.id)) : undefined;
    if (typeof q.email === 'string' && q.email !== '') return leads.byEmail(account.id, q.email);
    return fail('give the lead id or email');
  };
  const mustFind = (account: AccountRow, q: SandboxLeadQuery): LeadRow =>
    findLead(account, q) ?? fail(`no lead ${q.id ? `with id ${q.id}` : `with email ${q.email}`} in ${account.label}`);
  const names = (v: unknown, what: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(`${what} must be a list of names`);
    return v as string[];
  };

  const applyEdit = (account: AccountRow, lead: LeadRow, edit: SandboxLeadEdit): void => {
    if (edit.newEmail !== undefined) {
      if (!isValidEmail(edit.newEmail)) fail(`"${edit.newEmail}" is not an email address`);
      const holder = leads.byEmail(account.id, edit.newEmail);
      if (holder && holder.id !== lead.id) fail(`${edit.newEmail} already belongs to lead ${holder.id}`);
      leads.update(lead.id, { email: edit.newEmail });
    }
    if (edit.profile !== undefined) {
      for (const [k, v] of Object.entries(edit.profile)) {
        if (!(PROFILE_FIELDS as readonly string[]).includes(k)) fail(`unknown profile field "${k}"`);
        if (typeof v !== 'string') fail(`profile.${k} must be a string`);
      }
      leads.update(lead.id, edit.profile);
    }
    if (edit.score !== undefined) {
      if (!Number.isInteger(edit.score) || edit.score < 0) fail('score must be a whole number >= 0');
      leads.update(lead.id, { score: edit.score });
    }
    const tag = (n: string) => catalog.tagByName(account.id, n) ?? fail(`no tag "${n}" in ${account.label}`);
    const list = (n: string) => catalog.listByName(account.id, n) ?? fail(`no list "${n}" in ${account.label}`);
    for (const n of names(edit.addTags, 'addTags')) leads.addTag(lead.id, tag(n).id);
    for (const n of names(edit.removeTags, 'removeTags')) leads.removeTag(lead.id, tag(n).id);
    for (const n of names(edit.subscribeLists, 'subscribeLists')) leads.setList(lead.id, list(n).id, true);
    for (const n of names(edit.unsubscribeLists, 'unsubscribeLists')) leads.setList(lead.id, list(n).id, false);
    for (const s of edit.sequences ?? []) {
      const seq = catalog.sequenceByName(account.id, s.name) ?? fail(`no sequence "${s.name}" in ${account.label}`);
      if (!catalog.sequenceSteps(seq.id).includes(s.step)) fail(`sequence "${s.name}" has no step "${s.step}"`);
      leads.subscribeSequence(lead.id, seq.id, s.step);
      if (s.status === 'unsubscribed') leads.unsubscribeSequence(lead.id, seq.id);
    }
    const fields = catalog.fields(account.id);
    for (const [identifier, value] of Object.entries(edit.customFields ?? {})) {
      const f = fields.find((x) => x.identifier === identifier) ?? fail(`no custom field "${identifier}" in ${account.label}`);
      if (!hasOptions(f.type)) {
        if (typeof value !== 'string') fail(`${identifier} takes a text value`);
        leads.setText(lead.id, f.id, value as string);
        continue;
      }
      const ids = value === '' ? [] : Array.isArray(value) ? value : [value];
      if (f.type !== 'checkbox' && ids.length > 1) fail(`${identifier} takes one option id`);
      const known = ids.map((v) => f.options.find((o) => String(o.id) === String(v)) ?? fail(`${identifier} has no option ${v}`));
      leads.setOptions(lead.id, f.id, known.map((o) => o.id));
    }
  };

  return {
    getLead(q) {
      const account = accountOf(q?.apiKey);
      return db.transaction(() => {
        leads.expirePoints(account.id, clock.now());
        const lead = findLead(account, q);
        return lead ? leadState(state, account, lead) : null;
      });
    },
    listLeads(q) {
      const account = accountOf(q?.apiKey);
      return leads.list(account.id, q.includeDeleted === true).map((l) => ({
        id: String(l.id),
        email: l.email,
        firstName: l.first_name,
        lastName: l.last_name,
        deleted: l.deleted === 1,
      }));
    },
    editLead(edit) {
      const account = accountOf(edit?.apiKey);
      return db.transaction(() => {
        const lead = mustFind(account, edit);
        applyEdit(account, lead, edit);
        return leadState(state, account, leads.byId(account.id, lead.id)!);
      });
    },
    deleteLead(q) {
      const account = accountOf(q?.apiKey);
      return db.transaction(() => {
        const lead = mustFind(account, q);
        leads.update(lead.id, { deleted: 1, deleted_at: clock.now() });
        return leadState(state, account, leads.byId(account.id, lead.id)!);
      });
    },
    catalog(q): SandboxCatalog {
      const account = accountOf(q?.apiKey);
      return {
        label: account.label,
        tags: catalog.tags(account.id).map((t) => ({ id: String(t.id), name: t.name })),
        lists: catalog.lists(account.id).map((l) => ({ id: String(l.id), name: l.name })),
        sequences: catalog.sequences(account.id).map((s) => ({ id: String(s.id), name: s.name, steps: catalog.sequenceSteps(s.id) })),
        calendars: catalog.calendars(account.id).map((c) => ({
          id: String(c.id),
          name: c.name,
          complete: c.complete === 1,
          classes: catalog.classes(c.id).map((k) => ({ id: String(k.id), name: k.name })),
        })),
        customFields: catalog.fields(account.id).map((f) => ({
          id: String(f.id),
          identifier: f.identifier,
          type: f.type,
          options: f.options.map((o) => ({ id: String(o.id), value: o.value })),
        })),
        pages: catalog.pages(account.id).map((p) => ({ id: String(p.id), name: p.name, url: p.url })),
        memberships: catalog.memberships(account.id).map((m) => ({ id: String(m.id), name: m.name, levels: m.levels.map((l) => l.name) })),
      };
    },
    transactions(q) {
      const account = accountOf(q?.apiKey);
      return payments.transactions(account.id).map((t) => ({
        id: String(t.id),
        leadId: String(t.lead_id),
        leadEmail: leads.byId(account.id, t.lead_id)?.email ?? '',
        type: t.type,
        productName: payments.productById(t.product_id)?.name ?? '',
        amount: t.full_amount,
        refundedAmount: t.refunded_amount,
        date: formatEst(t.date),
        subscriptionId: t.subscription_id === null ? null : String(t.subscription_id),
        isTest: t.is_test === 1,
        refundFails: t.refund_fails === 1,
      }));
    },
    subscriptions(q) {
      const account = accountOf(q?.apiKey);
      return payments.subscriptions(account.id).map((s) => ({
        id: String(s.id),
        leadId: String(s.lead_id),
        leadEmail: leads.byId(account.id, s.lead_id)?.email ?? '',
        status: s.status,
        gateway: s.gateway,
        gatewaySubscriptionId: s.gateway_subscription_id,
        productName: payments.productById(s.product_id)?.name ?? '',
        kind: payments.pricePointById(s.price_point_id)?.kind ?? 'recurring',
        amount: s.amount,
        nextPaymentDate: s.next_payment_date === null ? null : formatEst(s.next_payment_date),
        cancelFails: s.cancel_fails === 1,
      }));
    },
    advanceClock(input) {
      const ms = input?.ms;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) fail('ms must be a number >= 0');
      clock.advance(ms);
      return { now: formatEst(clock.now()) };
    },
  };
}
