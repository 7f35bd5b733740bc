// What the preview of a recipe run shows before anything is sent: how many leads, what would change on each
// (judged from the cache — every condition is checked again on a fresh read when the recipe runs), how many
// calls it takes and how long at Kartra's 20 requests a second.
import { z } from 'zod';

export const PREVIEW_SAMPLE = 200;
export const KARTRA_RATE = 20;

export const PreviewLead = z.object({
  leadId: z.string(),
  email: z.string(),
  name: z.string(),
  /** Not in the local cache: nothing is known of it until the run reads it. */
  cached: z.boolean(),
  /** Meets every condition as the cache has it (true when there are none; null when not cached). */
  meets: z.boolean().nullable(),
  /** The first condition the cached lead fails, in words. */
  unmet: z.string().nullable(),
  /** Per field to clear, then per action, in the recipe's order. */
  effects: z.array(z.object({ changes: z.boolean(), text: z.string() })),
});
export type PreviewLead = z.infer<typeof PreviewLead>;

export const RecipePreview = z.object({
  leads: z.number(),
  /** Leads the cache says meet the conditions (all cached leads when there are none). */
  meet: z.number(),
  /** Leads the cache says fail a condition: skipped unless the fresh read says otherwise. */
  skip: z.number(),
  /** Leads not in the cache (pasted emails, a lead never read): judged only when the run reads them. */
  unknown: z.number(),
  /** Of the leads that meet: how many the actions would change at all. */
  change: z.number(),
  /** One get_lead per lead when the recipe has conditions or clears fields. */
  reads: z.number(),
  /** At most one chained call per lead that may meet the conditions. */
  writes: z.number(),
  etaSec: z.number(),
  /** The first PREVIEW_SAMPLE leads, for the per-lead list. */
  sample: z.array(PreviewLead),
});
export type RecipePreview = z.infer<typeof RecipePreview>;
