// The confirmation in front of a money write (refund a transaction, cancel a subscription): it names the amount
// and the product, takes an optional partial refund amount, and sends through leads.payment (the write queue).
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { describePayment, type PaymentWrite } from '../../../../shared/domain/payment-writes';
import { toErrorData, unwrap, type AppErrorData } from '../../api/unwrap';
import { ErrorAlert } from '../../components/error-alert';
import { useStores } from '../../stores/stores-context';
import { useWorkspace } from '../leads/workspace-context';

export function PaymentWriteModal({ leadId, payment, onClose }: { leadId: string; payment: PaymentWrite | null; onClose(): void }) {
  const { api } = useStores();
  const { profile } = useWorkspace();
  const [partial, setPartial] = useState<number | string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  const refund = payment?.cmd === 'refund_transaction';
  // NumberInput gives a string while the text is not a plain number yet ("148.50" keeps its zero).
  const typed = typeof partial === 'number' ? partial : partial.trim() === '' ? NaN : Number(partial);
  const amount = Number.isFinite(typed) && typed > 0 ? typed : undefined;
  const sent: PaymentWrite | null = payment && refund && amount !== undefined ? { ...payment, refund_amount: amount } : payment;

  const close = () => {
    setPartial('');
    setError(null);
    setQueued(null);
    onClose();
  };
  const confirm = async () => {
    if (!sent) return;
    setBusy(true);
    setError(null);
    try {
      const receipt = await unwrap(api.leads.payment({ lead: { id: leadId }, payment: sent }));
      const status = receipt.changes[0]?.status;
      void profile.getState().reload();
      if (receipt.confirmed) close();
      else setQueued(status === 'needs_check' ? 'Kartra’s answer did not say whether it was applied. It waits in the outbox for your check and is not sent again on its own.' : 'Kartra has not confirmed it yet: it waits in the outbox and is sent when Kartra can be reached.');
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={payment !== null} onClose={close} title={refund ? 'Refund a payment' : 'Cancel a subscription'} centered>
      {sent && (
        <Stack gap="sm">
          <Text size="sm" fw={500} data-testid="payment-confirm-text">
            {describePayment(sent)}?
          </Text>
          <Text size="sm" c="dimmed">
            {refund ? 'Kartra refunds through the payment gateway; this cannot be undone.' : 'No further payments are taken; a cancelled subscription cannot be resumed.'}
          </Text>
          {refund && (
            <NumberInput
              label="Amount to refund"
              description={`Leave empty to refund the full ${payment!.amount || 'amount'}.`}
              value={partial}
              onChange={setPartial}
              min={0.01}
              max={Number(payment!.amount) || undefined}
              decimalScale={2}
              allowNegative={false}
              placeholder={payment!.amount || 'full amount'}
            />
          )}
          {error && <ErrorAlert error={error} title={refund ? 'The refund was not made' : 'The subscription was not cancelled'} />}
          {queued && (
            <Alert color="yellow" variant="light" role="status">
              {queued}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {queued ? 'Close' : 'Keep it'}
            </Button>
            {!queued && (
              <Button color="red" loading={busy} onClick={() => void confirm()}>
                {refund ? `Refund ${amount !== undefined ? amount.toFixed(2) : (payment!.amount || 'in full')}` : 'Cancel subscription'}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
