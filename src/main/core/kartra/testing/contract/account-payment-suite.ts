// Contract of the account commands (custom fields, the five retrievals) and of every payment command, checked on the typed result and the server's state.
import { describe, expect, it } from 'vitest';
import { KartraApiError } from '../../errors';
import { freshEmail, useContractClient, type ContractTarget } from './contract-target';
import { fieldValue } from './lead-command-suite';

const sorted = (values: readonly string[]) => [...values].sort();
let fieldCounter = 0;
const freshIdentifier = (tag: string) => `contract_${tag}_${Date.now().toString(36)}_${fieldCounter++}`;

/** `YYYY-MM-DD 05:46` about `days` ahead: far enough that no time zone makes it "in the past". */
function futureDate(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)} 05:46`;
}

export function describeAccountCommands(target: () => ContractTarget): void {
  describe('account commands', () => {
    const client = useContractClient(target);

    it('create_custom_field: a text field and a checkbox field with options appear in the account and can be set on a lead', async () => {
      const text = freshIdentifier('text');
      const box = freshIdentifier('box');
      expect(await client().createCustomField({ custom_field_identifier: text, custom_field_type: 'input_field' })).toEqual({ message: expect.stringMatching(/\S/) });
      expect(
        await client().createCustomField({ custom_field_identifier: box, custom_field_type: 'checkbox', custom_field_options: ['Red', 'Green', 'Blue'] }),
      ).toEqual({ message: expect.stringMatching(/\S/) });

      const fields = await client().retrieveCustomFields();
      expect(fields.find((f) => f.field_identifier === text)).toMatchObject({ field_type: 'input_field', options: [] });
      const created = fields.find((f) => f.field_identifier === box);
      expect(created?.field_type).toBe('checkbox');
      expect(created?.options.map((o) => o.option_value)).toEqual(['Red', 'Green', 'Blue']);
      const inCatalog = target().inspect?.catalog().customFields.find((f) => f.identifier === box);
      if (target().inspect) expect(inCatalog).toMatchObject({ type: 'checkbox', options: created!.options.map((o) => ({ id: o.option_id, value: o.option_value })) });

      // The new option ids are usable at once.
      const green = created!.options[1]!.option_id;
      const email = freshEmail('new-field');
      const { leadId } = await client().createLead({ email, custom_fields: [{ field_identifier: box, field_value: [green] }, { field_identifier: text, field_value: 'hello' }] });
      const lead = await client().getLead({ id: leadId });
      expect(fieldValue(lead, box)).toEqual([green]);
      expect(fieldValue(lead, text)).toBe('hello');
      if (target().inspect) expect(target().inspect!.lead({ id: leadId })!.customFields).toMatchObject({ [box]: [green], [text]: 'hello' });
    });

    it('the five account retrievals: tags, lists, sequences (names only, E6), pages, custom fields (with options)', async () => {
      const { fixtures: fx, inspect } = target();
      const [tags, lists, sequences, pages, fields] = await Promise.all([
        client().retrieveAccountTags(),
        client().retrieveAccountLists(),
        client().retrieveAccountSequences(),
        client().retrieveAccountPages(),
        client().retrieveCustomFields(),
      ]);
      expect(tags).toEqual(expect.arrayContaining(fx.tags));
      expect(lists).toEqual(expect.arrayContaining(fx.lists));
      expect(sequences).toContainEqual({ name: fx.sequence.name });
      expect(fields.map((f) => f.field_identifier)).toEqual(expect.arrayContaining([fx.fields.text, fx.fields.dropDown.identifier, fx.fields.checkbox.identifier]));
      if (!inspect) return;
      const catalog = inspect.catalog();
      expect(sorted(tags)).toEqual(sorted(catalog.tags.map((t) => t.name)));
      expect(sorted(lists)).toEqual(sorted(catalog.lists.map((l) => l.name)));
      expect(sequences).toEqual(catalog.sequences.map((s) => ({ name: s.name })));
      expect(pages).toEqual(catalog.pages.map((p) => ({ id: p.id, name: p.name, url: p.url })));
      expect(fields).toEqual(
        catalog.customFields.map((f) => ({
          field_id: f.id,
          field_identifier: f.identifier,
          field_type: f.type,
          options: f.options.map((o) => ({ option_id: o.id, option_value: o.value })),
        })),
      );
    });
  });
}

export function describePaymentCommands(target: () => ContractTarget): void {
  describe('payment commands', () => {
    const client = useContractClient(target);
    const pay = () => target().fixtures.payments;
    const tx = (id: string) => target().inspect?.transactions().find((t) => t.id === id);
    const sub = (id: string) => target().inspect?.subscriptions().find((s) => s.id === id);

    it('search_transaction and get_transaction_details', async () => {
      const id = pay().oneOffSale;
      expect(await client().searchTransaction(id)).toBe(true);
      expect(await client().searchTransaction(999_999_999)).toBe(false);
      const details = await client().getTransactionDetails(id);
      expect(details).toMatchObject({ transaction_id: id, lead_id: expect.stringMatching(/^\d+$/), lead_email: expect.stringContaining('@') });
      const stored = tx(id);
      if (stored) {
        expect(details).toMatchObject({ lead_id: stored.leadId, lead_email: stored.leadEmail, product_name: stored.productName });
        expect(Number(details.transaction_full_amount)).toBeCloseTo(stored.amount, 2);
      }
    });

    it('refund_transaction: a partial refund, then the rest; a third refund is refused as already refunded', async () => {
      const id = pay().refundable[0];
      const paid = tx(id)?.amount;
      const partial = await client().refundTransaction(id, 10);
      expect(partial.transactionRefunded).toMatch(/^\d+$/);
      if (paid !== undefined) {
        expect(tx(id)?.refundedAmount).toBe(10);
        expect(tx(partial.transactionRefunded)).toMatchObject({ type: 'partial_refund', amount: 10, leadId: tx(id)!.leadId });
      }
      const rest = await client().refundTransaction(id);
      expect(rest.transactionRefunded).toMatch(/^\d+$/);
      expect(rest.transactionRefunded).not.toBe(partial.transactionRefunded);
      if (paid !== undefined) {
        expect(tx(id)?.refundedAmount).toBeCloseTo(paid, 2);
        expect(tx(rest.transactionRefunded)?.amount).toBeCloseTo(paid - 10, 2);
      }
      const again = await client().refundTransaction(id).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(KartraApiError);
      expect((again as KartraApiError).type).toBe('251');
    });

    it('cancel_transaction: by transaction id and by internal subscription id', async () => {
      const { transactionId, subscriptionId } = pay().subscriptionSale;
      const gateway = sub(subscriptionId)?.gatewaySubscriptionId;
      const byTransaction = await client().cancelTransaction({ transaction_id: transactionId });
      expect(byTransaction.transactionInternalSubscriptionId).toBe(subscriptionId);
      expect(byTransaction.transactionSubscriptionId).not.toBe('');
      if (gateway !== undefined) {
        expect(byTransaction.transactionSubscriptionId).toBe(gateway);
        expect(sub(subscriptionId)?.status).toBe('Cancelled');
      }
      expect((await client().getSubscriptionDetails(subscriptionId)).subscription_status).toBe('Cancelled');

      const other = pay().activeSubscription;
      const byInternalId = await client().cancelTransaction({ transaction_internal_subscription_id: other });
      expect(byInternalId.transactionInternalSubscriptionId).toBe(other);
      if (sub(other)) expect(sub(other)).toMatchObject({ status: 'Cancelled', gatewaySubscriptionId: byInternalId.transactionSubscriptionId });
      // The cancellation is recorded as a transaction of the lead.
      const lead = (await client().getSubscriptionDetails(other)).subscription_lead_id!;
      expect((await client().retrieveTransactionsFromLead({ id: lead })).some((t) => t.transaction_type === 'cancellation')).toBe(true);
    });

    it("retrieve_transactions_from_lead and retrieve_subscriptions_from_lead: the lead's payments; none for a new lead", async () => {
      const lead = pay().leadWithPayments;
      const transactions = await client().retrieveTransactionsFromLead({ id: lead.id });
      const subscriptions = await client().retrieveSubscriptionsFromLead({ email: lead.email });
      expect(transactions.length).toBeGreaterThan(0);
      expect(subscriptions.length).toBeGreaterThan(0);
      for (const t of transactions) expect(t).toMatchObject({ lead_id: lead.id, lead_email: lead.email });
      for (const s of subscriptions) expect(s).toMatchObject({ lead_id: lead.id, lead_email: lead.email });
      const inspect = target().inspect;
      if (inspect) {
        const mine = inspect.transactions().filter((t) => t.leadId === lead.id);
        expect(transactions.map((t) => [t.transaction_id, t.transaction_type])).toEqual(mine.map((t) => [t.id, t.type]));
        const subs = inspect.subscriptions().filter((s) => s.leadId === lead.id);
        expect(subscriptions.map((s) => [s.subscription_id, s.subscription_status])).toEqual(subs.map((s) => [s.id, s.status]));
      }
      const { leadId } = await client().createLead({ email: freshEmail('no-payments') });
      expect(await client().retrieveTransactionsFromLead({ id: leadId })).toEqual([]);
      expect(await client().retrieveSubscriptionsFromLead({ id: leadId })).toEqual([]);
    });

    it('search_subscription and get_subscription_details', async () => {
      const id = pay().editableSubscription;
      expect(await client().searchSubscription(id)).toBe(true);
      expect(await client().searchSubscription(999_999_999)).toBe(false);
      const details = await client().getSubscriptionDetails(id);
      expect(details).toMatchObject({ subscription_id: id, subscription_status: 'Active', subscription_end_date: '0000-00-00 00:00:00' });
      const stored = sub(id);
      if (stored) expect(details).toMatchObject({ subscription_lead_id: stored.leadId, subscription_status: stored.status });
    });

    it('modify_subscription_status: pause, then unpause', async () => {
      const id = pay().pausableSubscription;
      expect(await client().modifySubscriptionStatus(id, 'pause')).toEqual({ message: expect.stringMatching(/\S/) });
      expect((await client().getSubscriptionDetails(id)).subscription_status).toBe('Paused');
      if (sub(id)) expect(sub(id)!.status).toBe('Paused');
      await client().modifySubscriptionStatus(id, 'unpause');
      expect((await client().getSubscriptionDetails(id)).subscription_status).toBe('Active');
      if (sub(id)) expect(sub(id)!.status).toBe('Active');
    });

    it('edit_subscription: amount, quantity, tax and next payment date', async () => {
      const id = pay().editableSubscription;
      const next = futureDate(40);
      const answer = await client().editSubscription({
        subscription_id: id,
        subscription_amount: 59.5,
        subscription_product_quantity: 2,
        subscription_tax_percent: 10,
        subscription_next_payment_date: next,
      });
      expect(answer).toEqual({ message: expect.stringMatching(/\S/) });
      const details = await client().getSubscriptionDetails(id);
      expect(details.subscription_next_payment_date).toBe(`${next}:00`);
      expect(Number(details.subscription_next_scheduled_payment_amount)).toBeCloseTo(59.5 * 2 * 1.1, 2);
      if (sub(id)) expect(sub(id)).toMatchObject({ amount: 59.5, nextPaymentDate: `${next}:00` });
    });
  });
}
