import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItemView, OutboxStatus } from '../../../../shared/domain/outbox';
import { createChangeNotifier, type ChangeNotice } from './change-notifier';

function view(id: number, status: OutboxStatus, message?: string): OutboxItemView {
  return {
    id,
    accountId: 'a',
    leadId: '1',
    leadEmail: 'ada@example.com',
    change: { kind: 'action', action: { cmd: 'assign_tag', tag_name: 'VIP' } },
    summary: 'Assign tag VIP',
    status,
    attempts: 1,
    error: message ? { code: 'kartra_error', message, retryable: false } : null,
    conflict: null,
    madeOffline: false,
    createdAt: id,
    updatedAt: id,
  };
}

afterEach(() => vi.useRealTimers());

describe('change notifier', () => {
  it('announces each confirmed or failed change once, with Kartra’s reason', () => {
    vi.useFakeTimers();
    const shown: ChangeNotice[] = [];
    const notifier = createChangeNotifier((n) => shown.push(n), 100);
    notifier.take(view(1, 'pending'));
    notifier.take(view(1, 'done'));
    notifier.take(view(1, 'done'));
    notifier.take(view(2, 'failed', 'Tag does not exist'));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([
      { kind: 'error', title: 'Change failed', message: 'Assign tag VIP (ada@example.com): Tag does not exist' },
      { kind: 'success', title: 'Change saved', message: 'Assign tag VIP (ada@example.com)' },
    ]);
  });

  it('offers Undo on a confirmed change that has a History entry (not on a create)', () => {
    vi.useFakeTimers();
    const shown: ChangeNotice[] = [];
    const notifier = createChangeNotifier((n) => shown.push(n), 100);
    notifier.take({ ...view(1, 'done'), historyId: 41 });
    notifier.take({ ...view(2, 'done'), historyId: 42, change: { kind: 'create', lead: { email: 'new@example.com' } }, summary: 'Create lead new@example.com' });
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([
      { kind: 'success', title: 'Change saved', message: 'Assign tag VIP (ada@example.com)', undoHistoryId: 41 },
      { kind: 'success', title: 'Change saved', message: 'Create lead new@example.com (ada@example.com)' },
    ]);
  });

  it('sums up a replay of many changes, and ignores discarded ones', () => {
    vi.useFakeTimers();
    const shown: ChangeNotice[] = [];
    const notifier = createChangeNotifier((n) => shown.push(n), 100);
    for (let id = 1; id <= 40; id++) notifier.take(view(id, 'done'));
    notifier.take({ ...view(99, 'done'), error: { code: 'invalid_input', message: 'Discarded', retryable: false } });
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([{ kind: 'success', title: '40 changes saved', message: 'Kartra confirmed them.' }]);
    notifier.dispose();
  });
});
