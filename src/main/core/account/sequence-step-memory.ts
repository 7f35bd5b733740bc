// The steps a user used before, per account and sequence: Kartra cannot list a sequence's steps (kartra-api.md
// §0.4 E6), so the step pickers suggest what was typed before instead. Kept in the settings table (no schema).
import type { LeadAction } from '../../../shared/domain/actions';
import type { OutboxItemView } from '../../../shared/domain/outbox';
import type { SettingsRepo } from '../store/settings-repo';

/** How many steps are suggested per sequence; the most recently used first. */
export const REMEMBERED_STEPS = 6;

export class SequenceStepMemory {
  constructor(private readonly settings: Pick<SettingsRepo, 'get' | 'set' | 'delete'>) {}

  /** Steps used before for this sequence in this account, most recent first. */
  steps(accountId: string, sequence: string): string[] {
    const raw = this.settings.get(key(accountId, sequence));
    if (raw === undefined) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
    } catch {
      return []; // a damaged entry only costs the suggestions
    }
  }

  remember(accountId: string, sequence: string, step: string): void {
    const steps = [step, ...this.steps(accountId, sequence).filter((s) => s !== step)].slice(0, REMEMBERED_STEPS);
    this.settings.set(key(accountId, sequence), JSON.stringify(steps));
  }

  /** Kartra answered 230 for this step: stop suggesting it. */
  forget(accountId: string, sequence: string, step: string): void {
    const steps = this.steps(accountId, sequence).filter((s) => s !== step);
    if (steps.length === 0) this.settings.delete(key(accountId, sequence));
    else this.settings.set(key(accountId, sequence), JSON.stringify(steps));
  }

  /** Remembers the step of every sequence subscription among `actions`. */
  rememberFrom(accountId: string, actions: readonly LeadAction[]): void {
    for (const a of actions) if (a.cmd === 'subscribe_lead_to_sequence_at_step') this.remember(accountId, a.sequence_name, a.step);
  }
}

/** An outbox change Kartra refused with 230 (no such step): that step is not suggested again. */
export function forgetRefusedStep(memory: SequenceStepMemory, view: OutboxItemView): void {
  const { change } = view;
  if (view.status !== 'failed' || view.error?.details?.kartraType !== '230' || change.kind !== 'action') return;
  if (change.action.cmd === 'subscribe_lead_to_sequence_at_step') memory.forget(view.accountId, change.action.sequence_name, change.action.step);
}

/** Kartra matches sequence names without regard to case, so the memory does too. */
const key = (accountId: string, sequence: string) => `sequence-steps:${accountId}:${sequence.trim().toLowerCase()}`;
