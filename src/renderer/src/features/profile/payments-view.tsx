// Transactions and subscriptions, with "Refund…" on sales and rebills and "Cancel…" on running subscriptions
// (each behind a confirmation, see payment-write-modal.tsx). null means Kartra's data was not available
// (offline copy, or an app without payment permissions); an empty list means there are none.
import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { LeadProfile } from '../../../../shared/domain/lead-views';
import { formatKartraDate, isZeroDate } from '../views/kartra-dates';
import type { PaymentWrite } from '../../../../shared/domain/payment-writes';
import { PaymentWriteModal } from './payment-write-modal';

/** The detail keys worth a column, in this order, when Kartra gave them. */
const SUBSCRIPTION_KEYS = [
  'subscription_product_id',
  'subscription_price_point',
  'subscription_recurring_period',
  'subscription_start_date',
  'subscription_next_payment_date',
  'subscription_next_scheduled_payment_amount',
];

const title = (key: string) =>
  key
    .replace(/^(transaction|subscription)_/, '')
    .replace(/_/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());

function detailColumns(rows: { details: Record<string, string> | null }[], preferred: string[]): string[] {
  const present = new Set(rows.flatMap((r) => Object.keys(r.details ?? {})));
  const chosen = preferred.filter((k) => present.has(k));
  // Unknown shapes still show something useful: the first few keys Kartra sent.
  return chosen.length > 0 ? chosen : [...present].slice(0, 3);
}

/** Kartra's transaction details name no currency (kartra-api.md §10): shown when a key carries one. */
const CURRENCY_KEYS = ['transaction_currency', 'currency', 'product_currency'];

/** "49.00 USD" when Kartra names the currency, else the amount in the account's currency, said so once. */
export function formatAmount(details: Record<string, string> | null): string {
  const raw = details?.transaction_full_amount ?? details?.transaction_base_amount ?? '';
  if (raw.trim() === '') return '—';
  const amount = Number(raw);
  const currency = CURRENCY_KEYS.map((k) => details?.[k]?.trim()).find((c) => c && /^[A-Za-z]{3}$/.test(c));
  if (!Number.isFinite(amount)) return raw;
  if (currency) return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(amount);
  return amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "Pro plan" (price point 3), or the ids when Kartra gave no name. */
function product(details: Record<string, string> | null): string {
  const name = details?.product_name?.trim();
  const point = details?.product_price_point?.trim();
  const id = details?.product_id?.trim();
  const base = name || (id ? `Product ${id}` : '—');
  return point ? `${base} · price point ${point}` : base;
}

const REFUNDABLE = new Set(['sale', 'rebill']);
const CANCELLABLE = new Set(['active', 'paused']);

/** The product a subscription pays for: the name from one of its transactions, else Kartra's product id. */
function subscriptionProduct(s: NonNullable<LeadProfile['subscriptions']>[number], transactions: LeadProfile['transactions']): string {
  const sale = transactions?.find((t) => t.details?.transaction_internal_subscription_id === s.subscription_id && t.details.product_name);
  return sale?.details?.product_name ?? (s.details?.subscription_product_id ? `product ${s.details.subscription_product_id}` : `subscription ${s.subscription_id}`);
}

export function TransactionsView({ transactions, leadId }: { transactions: LeadProfile['transactions']; leadId: string }) {
  const [confirming, setConfirming] = useState<PaymentWrite | null>(null);
  if (transactions === null) return <NotAvailable what="Transactions" />;
  if (transactions.length === 0) return <Text size="sm" c="dimmed">No transactions.</Text>;
  const named = transactions.some((t) => CURRENCY_KEYS.some((k) => t.details?.[k]));
  return (
    <Table.ScrollContainer minWidth={420}>
      {!named && (
        <Text size="xs" c="dimmed" mb={4}>
          Amounts are in the account’s currency (Kartra does not name it per transaction).
        </Text>
      )}
      <Table aria-label="Transactions" striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>ID</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transactions.map((t) => (
            <Table.Tr key={t.transaction_id} data-transaction-id={t.transaction_id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatKartraDate(t.details?.transaction_date)}</Table.Td>
              <Table.Td>{product(t.details)}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatAmount(t.details)}
              </Table.Td>
              <Table.Td ta="right">{t.details?.transaction_quantity || '—'}</Table.Td>
              <Table.Td>{t.transaction_type}</Table.Td>
              <Table.Td>{t.transaction_id}</Table.Td>
              <Table.Td>
                {REFUNDABLE.has(t.transaction_type) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Refund transaction ${t.transaction_id}`}
                    onClick={() =>
                      setConfirming({
                        cmd: 'refund_transaction',
                        transaction_id: t.transaction_id,
                        product: t.details?.product_name || `transaction ${t.transaction_id}`,
                        amount: t.details?.transaction_full_amount ?? '',
                      })
                    }
                  >
                    Refund…
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PaymentWriteModal leadId={leadId} payment={confirming} onClose={() => setConfirming(null)} />
    </Table.ScrollContainer>
  );
}

export function SubscriptionsView({ subscriptions, transactions, leadId }: { subscriptions: LeadProfile['subscriptions']; transactions: LeadProfile['transactions']; leadId: string }) {
  const [confirming, setConfirming] = useState<PaymentWrite | null>(null);
  if (subscriptions === null) return <NotAvailable what="Subscriptions" />;
  if (subscriptions.length === 0) return <Text size="sm" c="dimmed">No subscriptions.</Text>;
  const columns = detailColumns(subscriptions, SUBSCRIPTION_KEYS);
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table aria-label="Subscriptions" striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ID</Table.Th>
            <Table.Th>Status</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{title(c)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((s) => (
            <Table.Tr key={s.subscription_id} data-subscription-id={s.subscription_id}>
              <Table.Td>{s.subscription_id}</Table.Td>
              <Table.Td>{s.subscription_status}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c}>{shownDetail(c, s.details?.[c])}</Table.Td>
              ))}
              <Table.Td>
                {CANCELLABLE.has(s.subscription_status.toLowerCase()) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Cancel subscription ${s.subscription_id}`}
                    onClick={() =>
                      setConfirming({
                        cmd: 'cancel_transaction',
                        transaction_internal_subscription_id: s.subscription_id,
                        product: subscriptionProduct(s, transactions),
                        amount: s.details?.subscription_next_scheduled_payment_amount?.replace(/^N\/A$/, '') ?? '',
                      })
                    }
                  >
                    Cancel…
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PaymentWriteModal leadId={leadId} payment={confirming} onClose={() => setConfirming(null)} />
    </Table.ScrollContainer>
  );
}

/** Dates read as dates; Kartra's zero date ("0000-00-00 00:00:00": none) as a dash. */
function shownDetail(key: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '—';
  if (key.endsWith('_date')) return isZeroDate(value) ? '—' : formatKartraDate(value, true);
  return value;
}

function NotAvailable({ what }: { what: string }) {
  return (
    <Text size="sm" c="dimmed">
      {what} not available (Kartra could not be asked, or this app may not read payments).
    </Text>
  );
}
