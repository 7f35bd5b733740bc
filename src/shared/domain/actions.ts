// Actions that can be chained on one lead, named by Kartra's own cmd strings (kartra-api.md §10).
import { z } from 'zod';
import { MAX_NAME } from './bounded';

const name = (what: string) => z.string().trim().min(1, `${what} cannot be empty`).max(MAX_NAME, `${what} is longer than ${MAX_NAME} characters`);

export const LeadAction = z.discriminatedUnion('cmd', [
  z.object({ cmd: z.literal('assign_tag'), tag_name: name('tag') }),
  z.object({ cmd: z.literal('unassign_tag'), tag_name: name('tag') }),
  z.object({ cmd: z.literal('subscribe_lead_to_list'), list_name: name('list') }),
  z.object({ cmd: z.literal('unsubscribe_lead_from_list'), list_name: name('list') }),
  z.object({
    cmd: z.literal('subscribe_lead_to_sequence_at_step'),
    sequence_name: name('sequence'),
    step: z.string().max(50).regex(/^[A-Za-z0-9]+$/, 'step has to be alphanumeric'),
  }),
  z.object({ cmd: z.literal('unsubscribe_lead_from_sequence'), sequence_name: name('sequence') }),
  z.object({
    cmd: z.literal('give_points_to_lead'),
    points: z.number().int().positive(),
    expiration: z.number().int().nonnegative().optional(),
  }),
  z.object({ cmd: z.literal('remove_points_from_lead'), points: z.number().int().positive() }),
  z.object({
    cmd: z.literal('calendar_subscribe'),
    calendar_name: name('calendar'),
    class_name: name('class'),
    starting_date: z.string().max(11).regex(/^\d{2} [A-Z][a-z]{2} \d{4}$/, 'date must look like 16 Jan 2019').optional(),
    starting_hour: z.string().max(5).regex(/^\d{2}:\d{2}$/, 'hour must look like 15:00').optional(),
  }),
  z.object({ cmd: z.literal('calendar_cancel'), calendar_name: name('calendar'), class_name: name('class') }),
]);
export type LeadAction = z.infer<typeof LeadAction>;
export type LeadActionCmd = LeadAction['cmd'];

/** Outcome of one action in a chained call. */
export const ActionResult = z.object({
  cmd: z.string(),
  ok: z.boolean(),
  message: z.string(),
  kartraType: z.string().optional(),
  /**
   * Kartra's answer did not say how this action ended (a flat error for a chain, fewer results than actions):
   * it may have been applied (kartra-api.md §0.4 E4). Never read as done, never re-sent before the lead is read.
   */
  unknown: z.boolean().optional(),
});
export type ActionResult = z.infer<typeof ActionResult>;
