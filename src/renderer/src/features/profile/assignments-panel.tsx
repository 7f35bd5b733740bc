// Assignments: stage tag, list, sequence, points and calendar changes, then send them all in ONE
// leads.applyActions call ("Apply changes") — Kartra chains them; each shows as pending until confirmed.
import { ActionIcon, Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { Lead } from '../../../../shared/domain/lead';
import { ErrorAlert } from '../../components/error-alert';
import { useAccountLists, useProfile, useWorkspace } from '../leads/workspace-context';
import { CalendarForm, ListForm, PointsForm, SequenceForm, TagForm } from './assignment-forms';
import { describeAction } from './staged-actions';

const KINDS = [
  { value: 'tags', label: 'Tags' },
  { value: 'lists', label: 'Lists' },
  { value: 'sequence', label: 'Sequence' },
  { value: 'points', label: 'Points' },
  { value: 'calendar', label: 'Calendar' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

export function AssignmentsPanel({ lead }: { lead: Lead }) {
  const { profile } = useWorkspace();
  const [kind, setKind] = useState<Kind>('tags');
  const staged = useProfile((s) => s.staged);
  const stageError = useProfile((s) => s.stageError);
  const applying = useProfile((s) => s.applying);
  const applyError = useProfile((s) => (s.applyOrigin === 'staged' ? s.applyError : null));
  const lists = useAccountLists((s) => s.lists);
  const onStage = (action: Parameters<ReturnType<typeof profile.getState>['stage']>[0]) => profile.getState().stage(action);

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Assignments">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            Assignments
          </Text>
          <Text size="xs" c="dimmed">
            Stage several changes, then apply them together
          </Text>
        </Group>
        <SegmentedControl size="xs" fullWidth data={[...KINDS]} value={kind} onChange={(v) => setKind(v as Kind)} aria-label="Kind of change" />
        {kind === 'tags' && <TagForm onStage={onStage} lead={lead} tags={lists?.tags.items ?? null} />}
        {kind === 'lists' && <ListForm onStage={onStage} lead={lead} lists={lists?.lists.items ?? null} />}
        {kind === 'sequence' && <SequenceForm onStage={onStage} lead={lead} sequences={lists?.sequences.items ?? null} />}
        {kind === 'points' && <PointsForm onStage={onStage} />}
        {kind === 'calendar' && <CalendarForm onStage={onStage} />}
        {stageError && (
          <Alert color="yellow" variant="light" p="xs" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => profile.getState().clearApplyError()}>
            {stageError}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {staged.length === 0 ? 'Nothing staged yet.' : `Staged (${staged.length}):`}
          </Text>
          {staged.length > 0 && (
            <Stack role="list" aria-label="Staged changes" gap={2}>
              {staged.map((action, index) => (
                <Group key={`${index}-${describeAction(action)}`} role="listitem" gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">{describeAction(action)}</Text>
                  <Tooltip label="Drop this change">
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Drop staged change ${index + 1}`} onClick={() => profile.getState().unstage(index)}>
                      ×
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
        {applyError && <ErrorAlert error={applyError} title={applyError.details?.kartraType ? 'Kartra refused the change' : 'The changes were not sent'} onClose={() => profile.getState().clearApplyError()} />}
        <Group gap="xs" justify="flex-end">
          <Button variant="subtle" color="gray" disabled={staged.length === 0 || applying} onClick={() => profile.getState().clearStaged()}>
            Clear
          </Button>
          <Button disabled={staged.length === 0} loading={applying && staged.length > 0} onClick={() => void profile.getState().applyStaged()}>
            Apply changes{staged.length > 0 ? ` (${staged.length})` : ''}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
