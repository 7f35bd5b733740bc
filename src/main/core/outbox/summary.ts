// Human one-liners for queued changes ("Assign tag VIP") and the view the UI receives.
import type { LeadAction } from '../../../shared/domain/actions';
import type { OutboxChange, OutboxItemView, OutboxStatus } from '../../../shared/domain/outbox';
import type { OutboxItem } from './outbox-repo';

const label = (field: string) => field.replace(/_/g, ' ').replace(/^lead /, '');

export function describeAction(action: LeadAction): string {
  switch (action.cmd) {
    case 'assign_tag':
      return `Assign tag ${action.tag_name}`;
    case 'unassign_tag':
      return `Remove tag ${action.tag_name}`;
    case 'subscribe_lead_to_list':
      return `Subscribe to list ${action.list_name}`;
    case 'unsubscribe_lead_from_list':
      return `Unsubscribe from list ${action.list_name}`;
    case 'subscribe_lead_to_sequence_at_step':
      return `Start sequence ${action.sequence_name} at step ${action.step}`;
    case 'unsubscribe_lead_from_sequence':
      return `Stop sequence ${action.sequence_name}`;
    case 'give_points_to_lead':
      return `Give ${action.points} points${action.expiration ? ` (expire in ${action.expiration} days)` : ''}`;
    case 'remove_points_from_lead':
      return `Remove ${action.points} points`;
    case 'calendar_subscribe':
      return `Book ${action.class_name} (${action.calendar_name})`;
    case 'calendar_cancel':
      return `Cancel ${action.class_name} (${action.calendar_name})`;
  }
}

export function describeChange(change: OutboxChange): string {
  switch (change.kind) {
    case 'create':
      return `Create lead ${change.lead.email}`;
    case 'action':
      return describeAction(change.action);
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
    madeOffline: item.madeOffline,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
