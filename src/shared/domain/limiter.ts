// Live rate-limiter state pushed to the UI's status bar.
import { z } from 'zod';

export const LANES = ['interactive', 'outbox', 'bulk'] as const;
export const Lane = z.enum(LANES);
export type Lane = z.infer<typeof Lane>;

export const LimiterState = z.object({
  appId: z.string(),
  queued: z.object({ interactive: z.number(), outbox: z.number(), bulk: z.number() }),
  inFlight: z.number(),
  startsLastSecond: z.number(),
  limit: z.number(),
  count429: z.number(),
  pausedUntil: z.number().nullable(),
});
export type LimiterState = z.infer<typeof LimiterState>;
