// One write as History shows it: when, where from, which lead, what was sent, each action's outcome (with
// Kartra's message when it failed), each field's value before and after, and Undo where Kartra has an inverse
// (or why it has none, e.g. a created lead).
import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ActionOutcome, HistoryEntry, HistorySource } from '../../../../shared/domain/history';
import { fieldLabel } from '../lead-editor/lead-fields';
import { formatAge } from '../leads/format';

export const OUTCOME_LABEL: Record<ActionOutcome, string> = {
  pending: 'waiting',
  done: 'done',
  failed: 'failed',
  unknown: 'verifying',
  needs_check: 'needs your check',
  skipped: 'skipped',
};

const OUTCOME_COLOR: Record<ActionOutcome, string> = { pending: 'gray', done: 'green', failed: 'red', unknown: 'blue', needs_check: 'yellow', skipped: 'gray' };

export const SOURCE_LABEL: Record<HistorySource, string> = {
  edit: 'Profile',
  table: 'Table',
  import: 'Import',
  recipe: 'Recipe',
  bulk: 'Bulk action',
  cli: 'CLI',
  replay: 'Offline, sent later',
  undo: 'Undo',
};

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function OutcomeBadge({ outcome }: { outcome: ActionOutcome }) {
  return (
    <Badge size="xs" variant="light" color={OUTCOME_COLOR[outcome]} tt="none" data-outcome={outcome} leftSection={outcome === 'unknown' ? <Loader size={8} color="blue" /> : undefined}>
      {OUTCOME_LABEL[outcome]}
    </Badge>
  );
}

const shown = (value: string | null) => (value === null || value === '' ? '—' : `“${value}”`);

/** Reasons worth showing beside an entry: not the ones every pending or failed write has. */
const QUIET_REASONS = [/^Not sent yet/, /^Nothing of it was applied/];

export interface HistoryEntryProps {
  entry: HistoryEntry;
  onOpenLead?(id: string): void;
  showLead?: boolean;
  /** Undo this entry (its lead only). */
  onUndo?(entry: HistoryEntry): void;
  /** Undo the whole run the entry belongs to. */
  onUndoRun?(entry: HistoryEntry): void;
  /** An undo of this entry was just asked for. */
  undoing?: boolean;
}

export function HistoryEntryView({ entry, onOpenLead, showLead = true, onUndo, onUndoRun, undoing = false }: HistoryEntryProps) {
  const lead = entry.leadEmail || (entry.leadId ? `Lead ${entry.leadId}` : 'New lead');
  const inRun = entry.jobId !== null && !entry.jobId.startsWith('undo-entry-');
  // Undoing an undo puts the change back: it reads as a redo.
  const verb = entry.source === 'undo' ? 'Redo' : 'Undo';
  const reason = !entry.undo.possible && entry.undo.reason && !QUIET_REASONS.some((r) => r.test(entry.undo.reason!)) ? entry.undo.reason : null;
  return (
    <Stack gap={4} component="article" aria-label={`History entry ${entry.id}`} data-history-id={entry.id} data-source={entry.source} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed" title={WHEN.format(entry.at)}>
          {WHEN.format(entry.at)} · {formatAge(entry.at)}
        </Text>
        <Badge size="xs" variant="outline" color="gray" tt="none">
          {SOURCE_LABEL[entry.source]}
        </Badge>
        {showLead &&
          (entry.leadId && onOpenLead ? (
            <Button size="compact-xs" variant="subtle" onClick={() => onOpenLead(entry.leadId!)}>
              {lead}
            </Button>
          ) : (
            <Text size="xs">{lead}</Text>
          ))}
      </Group>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {entry.summary}
        </Text>
        {entry.undo.possible && (onUndo || (inRun && onUndoRun)) && (
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {onUndo && (
              <Button size="compact-xs" variant="light" loading={undoing} onClick={() => onUndo(entry)} aria-label={`${verb}: ${entry.summary}${entry.leadEmail ? ` for ${entry.leadEmail}` : ''}`}>
                {verb}
              </Button>
            )}
            {inRun && onUndoRun && (
              <Button size="compact-xs" variant="subtle" onClick={() => onUndoRun(entry)}>
                {verb} whole run
              </Button>
            )}
          </Group>
        )}
      </Group>
      {reason && (
        <Text size="xs" c="dimmed" data-testid="undo-reason">
          {reason === 'Undone already.' ? 'Undone.' : `Cannot be undone: ${reason}`}
        </Text>
      )}
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Actions">
        {entry.actions.map((action, i) => {
          // A lone action is the entry's summary already; a message that only repeats the badge is left out.
          const label = entry.actions.length === 1 && action.summary === entry.summary ? '' : action.summary;
          const message = action.message && action.message.toLowerCase() !== OUTCOME_LABEL[action.outcome] ? action.message : null;
          return (
            <Group key={i} component="li" gap="xs" wrap="nowrap" align="flex-start" data-cmd={action.cmd} data-outcome={action.outcome}>
              <OutcomeBadge outcome={action.outcome} />
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {label}
                {message && (
                  <Text span size="xs" c={action.outcome === 'failed' ? 'red' : 'dimmed'}>
                    {label ? ' — ' : ''}
                    {action.outcome === 'failed' ? `Kartra said: ${message}` : message}
                    {action.kartraType ? ` (code ${action.kartraType})` : ''}
                  </Text>
                )}
              </Text>
            </Group>
          );
        })}
      </Stack>
      {entry.fields.length > 0 && (
        <Stack gap={0} aria-label="Fields before and after">
          {entry.fields.map((f) => (
            <Text key={f.field} size="xs" c="dimmed">
              {fieldLabel(f.field)}: {shown(f.before)} → {shown(f.after)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
