// Contract slice: events the core pushes to every window.
import { z } from 'zod';
import { JobProgress, PlanCheckState } from '../../domain/import';
import { Lead } from '../../domain/lead';
import { CacheRefreshState } from '../../domain/local-leads';
import { LimiterState } from '../../domain/limiter';
import { OutboxItemView, OutboxState } from '../../domain/outbox';
import { HistoryEntry } from '../../domain/history';
import { AppStatus } from './app';

export const events = {
  'limiter.state': LimiterState,
  'app.status': AppStatus,
  'outbox.state': OutboxState,
  /** An item was queued, sent, confirmed (status done: it is then removed), failed or conflicted. */
  'outbox.item': OutboxItemView,
  /** Kartra confirmed changes to this lead; here it is as Kartra now has it. */
  'lead.updated': z.object({ accountId: z.string(), lead: Lead }),
  /** Progress of an import or recipe run (a few per second while it runs, and on every status change). */
  'job.progress': JobProgress,
  /** Progress of "Refresh from Kartra" over the leads that came from a file. */
  'leads.refresh': CacheRefreshState,
  /** Progress of an import's "Check against Kartra" look-ups. */
  'import.check': PlanCheckState,
  /** A History entry was added or its outcome changed. */
  'history.entry': HistoryEntry,
} as const;
