// Transactions and subscriptions (read-only). null means Kartra's data was not available (offline copy,
// or an app without payment permissions); an empty list means there are none.
import { Table, Text } from '@mantine/core';
import type { LeadProfile } from '../../../../shared/domain/lead-views';

/** The detail keys worth a column, in this order, when Kartra gave them. */
const TRANSACTION_KEYS = ['transaction_date', 'product_name', 'product_price_point', 'transaction_full_amount', 'transaction_quantity'];
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

export function TransactionsView({ transactions }: { transactions: LeadProfile['transactions'] }) {
  if (transactions === null) return <NotAvailable what="Transactions" />;
  if (transactions.length === 0) return <Text size="sm" c="dimmed">No transactions.</Text>;
  const columns = detailColumns(transactions, TRANSACTION_KEYS);
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table aria-label="Transactions" striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ID</Table.Th>
            <Table.Th>Type</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{title(c)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transactions.map((t) => (
            <Table.Tr key={t.transaction_id}>
              <Table.Td>{t.transaction_id}</Table.Td>
              <Table.Td>{t.transaction_type}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c}>{t.details?.[c] ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function SubscriptionsView({ subscriptions }: { subscriptions: LeadProfile['subscriptions'] }) {
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
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.map((s) => (
            <Table.Tr key={s.subscription_id}>
              <Table.Td>{s.subscription_id}</Table.Td>
              <Table.Td>{s.subscription_status}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c}>{s.details?.[c] ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NotAvailable({ what }: { what: string }) {
  return (
    <Text size="sm" c="dimmed">
      {what} not available (Kartra could not be asked, or this app may not read payments).
    </Text>
  );
}
