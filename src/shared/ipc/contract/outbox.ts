// Contract slice: the queue of pending writes — list, retry, discard, edit, resolve conflicts.
import { z } from 'zod';
import { LeadAction } from '../../domain/actions';
import { EditLeadChanges } from '../../domain/lead-input';
import { OutboxItemView, OutboxState, OutboxStatus } from '../../domain/outbox';

/** As many ids as outbox.list can show at once. */
const OutboxIds = z.array(z.number().int().positive()).max(5000).default([]);

export const outboxCommands = {
  'outbox.list': {
    input: z.object({ statuses: z.array(OutboxStatus).max(OutboxStatus.options.length).default([]), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ items: z.array(OutboxItemView), state: OutboxState }),
  },
  /** Send failed/conflicting items again (all of this account's when ids is empty). */
  'outbox.retry': { input: z.object({ ids: OutboxIds }).strict(), output: OutboxState },
  /** Drop items that are not in flight (all failed/conflict ones when ids is empty). */
  'outbox.discard': { input: z.object({ ids: OutboxIds }).strict(), output: OutboxState },
  /** Replace the change of a pending/failed/conflict item (e.g. fix a value) and queue it again. */
  'outbox.edit': {
    input: z.object({ id: z.number().int(), change: z.union([EditLeadChanges, LeadAction]) }).strict(),
    output: OutboxItemView,
  },
  /** Settle a conflict: keep mine (send my values over Kartra's) or keep Kartra's (drop my change). */
  'outbox.resolve': { input: z.object({ id: z.number().int(), keep: z.enum(['mine', 'theirs']) }).strict(), output: OutboxState },
  /**
   * Settle a write that `needs_check` (its outcome could not be read back): send it again, or accept that
   * Kartra has it ("It's fine"). Nothing of that kind is ever re-sent without this.
   */
  'outbox.settleCheck': {
    input: z.object({ id: z.number().int().positive(), decision: z.enum(['send_again', 'fine']) }).strict(),
    output: OutboxState,
  },
} as const;
