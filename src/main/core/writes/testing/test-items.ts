// Builders of outbox items for unit tests of the pure outbox functions.
import type { LeadAction } from '../../../../shared/domain/actions';
import type { OutboxChange } from '../../../../shared/domain/outbox';
import type { OutboxItem } from '../write-repo';

let nextId = 1;


export function item(change: OutboxChange, extra: Partial<OutboxItem> = {}): OutboxItem {
  const id = nextId++;
  return {
    id,
    accountId: 'acct',
    lead: { localId: 1, accountId: 'acct', kartraId: '42', email: 'a@example.com' },
    change,
    seen: null,
    status: 'pending',
    attempts: 0,
    error: null,
    conflict: null,
    verify: null,
    madeOffline: false,
    createdAt: id,
    updatedAt: id,
    source: 'edit',
    historyId: null,
    historySlot: null,
    check: null,
    notBefore: 0,
    invalid: null,
    ...extra,
  };
}

export const act = (action: LeadAction, extra: Partial<OutboxItem> = {}) => item({ kind: 'action', action }, extra);
export const tag = (name: string, extra: Partial<OutboxItem> = {}) => act({ cmd: 'assign_tag', tag_name: name }, extra);
export const untag = (name: string, extra: Partial<OutboxItem> = {}) => act({ cmd: 'unassign_tag', tag_name: name }, extra);
export const give = (points: number, extra: Partial<OutboxItem> = {}) => act({ cmd: 'give_points_to_lead', points }, extra);
export const take = (points: number, extra: Partial<OutboxItem> = {}) => act({ cmd: 'remove_points_from_lead', points }, extra);
