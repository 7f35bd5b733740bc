// Lead inputs for create_lead / edit_lead and the wire form of the `lead` block and of chained actions (kartra-api.md §2.4, §8.1).
import type { LeadAction } from '../../../shared/domain/actions';
import { LEAD_TEXT_FIELDS, type LeadRef } from '../../../shared/domain/lead';
import type { CreateLeadData, EditLeadData } from '../../../shared/domain/lead-input';
import type { PhpObject } from './php-encode';

export {
  CreateLeadInput,
  CustomFieldInput,
  EditLeadChanges,
  type CreateLeadData,
  type EditLeadData,
} from '../../../shared/domain/lead-input';

/** The `lead[...]` block: identity first (id wins at Kartra when both are sent), then the profile. */
export function leadBlock(ref: LeadRef | { email: string }, fields: EditLeadData | CreateLeadData | undefined): PhpObject {
  const block: Record<string, PhpObject[string]> = {};
  if ('id' in ref && ref.id !== undefined) block.id = ref.id;
  if (ref.email !== undefined) block.email = ref.email;
  if (!fields) return block;
  if ('new_email' in fields && fields.new_email !== undefined) block.new_email = fields.new_email;
  for (const field of LEAD_TEXT_FIELDS) if (fields[field] !== undefined) block[field] = fields[field];
  if (fields.business_type !== undefined) block.business_type = fields.business_type;
  if (fields.custom_fields && fields.custom_fields.length > 0) {
    // PHP drops an empty array from the body, so "no options ticked" is sent as "", Kartra's way to clear a value.
    block.custom_fields = fields.custom_fields.map((f) => ({
      field_identifier: f.field_identifier,
      field_value: Array.isArray(f.field_value) && f.field_value.length === 0 ? '' : f.field_value,
    }));
  }
  return block;
}

/** The `actions[i]` element of a lead action: the cmd followed by its parameters. */
export function actionParams(action: LeadAction): PhpObject {
  const { cmd, ...params } = action;
  return { cmd, ...params };
}

/** Human label of an action, for messages ("assign_tag VIP"). */
export function describeAction(action: LeadAction): string {
  switch (action.cmd) {
    case 'assign_tag':
    case 'unassign_tag':
      return `${action.cmd} "${action.tag_name}"`;
    case 'subscribe_lead_to_list':
    case 'unsubscribe_lead_from_list':
      return `${action.cmd} "${action.list_name}"`;
    case 'subscribe_lead_to_sequence_at_step':
      return `${action.cmd} "${action.sequence_name}" step ${action.step}`;
    case 'unsubscribe_lead_from_sequence':
      return `${action.cmd} "${action.sequence_name}"`;
    case 'give_points_to_lead':
    case 'remove_points_from_lead':
      return `${action.cmd} ${action.points}`;
    case 'calendar_subscribe':
    case 'calendar_cancel':
      return `${action.cmd} "${action.calendar_name}" / "${action.class_name}"`;
  }
}
