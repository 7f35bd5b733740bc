// Human one-liners for queued changes ("Assign tag VIP") and the view the UI receives.
import { describeAction } from '../../../shared/domain/describe-action';
import { describePayment } from '../../../shared/domain/payment-writes';
import type { OutboxChange, OutboxItemView, OutboxStatus } from '../../../shared/domain/outbox';
import type { OutboxItem } from './write-repo';

const label = (field: string) => field.replace(/_/g, ' ').replace(/^lead /, '');

export function describeChange(change: OutboxChange): string {
  switch (change.kind) {
    case 'create':
      return `Create lead ${change.lead.email}`;
    case 'action':
      return describeAction(change.action);
    case 'payment':
      return describePayment(change.payment);
    case 'edit': {
      const { new_email, custom_fields, ...fields } = change.changes;
      const parts = Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== undefined).map(label);
      if (custom_fields?.length) parts.push(...custom_fields.map((f) => f.field_identifier));
      const edit = parts.length ? `Edit ${parts.join(', ')}` : '';
      const email = new_email ? `Change email to ${new_email}` : '';
      return [email, edit].filter(Boolean).join('; ') || 'Edit lead';
    }
  }
}

export function toView(item: OutboxItem, status: OutboxStatus = item.status): OutboxItemView {
  return {
    id: item.id,
    accountId: item.accountId,
    leadId: item.lead.kartraId,
    leadEmail: item.lead.email || (item.change.kind === 'create' ? item.change.lead.email : ''),
    change: item.change,
    summary: describeChange(item.change),
    status,
    attempts: item.attempts,
    error: item.error,
    conflict: item.conflict,
    check: item.check,
    madeOffline: item.madeOffline,
    historyId: item.historyId,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
