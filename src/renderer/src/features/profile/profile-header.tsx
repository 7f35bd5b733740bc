// The profile's header: the name (at most two lines, never broken inside a word, the full name in its title),
// email and id, the score with any pending points, and the actions — which fold into a "More actions" menu when
// the panel is narrow, so no button is ever cut ("Ed", "Apply recip"). The name has a row of its own.
import { ActionIcon, Button, Group, Kbd, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Lead } from '../../../../shared/domain/lead';
import { RefreshIcon } from '../../components/icons';
import { PendingBadge } from './pending-badge';
import type { pendingOverlay } from './pending-overlay';

/** Below this header width the secondary actions go into the menu. */
export const FOLD_BELOW_PX = 560;

export interface ProfileHeaderProps {
  name: string;
  lead: Lead | null;
  points: NonNullable<ReturnType<typeof pendingOverlay>>['points'] | null;
  reloading: boolean;
  onEdit(): void;
  onApplyRecipe(): void;
  onReload(): void;
  onClose(): void;
}

export function ProfileHeader({ name, lead, points, reloading, onEdit, onApplyRecipe, onReload, onClose }: ProfileHeaderProps) {
  const { ref, width } = useElementSize();
  const folded = width > 0 && width < FOLD_BELOW_PX;
  const title = (
    <Title order={2} size="h3" lineClamp={2} title={name || 'Lead'} style={{ overflowWrap: 'break-word', wordBreak: 'normal', hyphens: 'manual', minWidth: 0, flex: 1 }}>
      {name || 'Lead'}
    </Title>
  );
  const who = (
    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
      {lead && lead.email !== name && (
        <Text c="dimmed" size="sm" truncate="end" title={lead.email}>
          {lead.email}
        </Text>
      )}
      {lead && (
        <Text size="xs" c="dimmed">
          Lead {lead.id}
        </Text>
      )}
    </Stack>
  );
  const close = (
    <Tooltip label="Close the profile (Esc)">
      <ActionIcon variant="default" size="lg" aria-label="Close profile" onClick={onClose} style={{ flexShrink: 0 }}>
        ×
      </ActionIcon>
    </Tooltip>
  );
  const actions = (
    <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flexShrink: 0 }}>
      {lead && (
        <Stack gap={0} align="flex-end" mr={4}>
          <Text size="xs" c="dimmed">
            Score
          </Text>
          <Text fw={700} size="xl" aria-label={`Score ${lead.score}`}>
            {lead.score}
          </Text>
          {points && <PendingBadge status={points.status} label={`${points.delta > 0 ? '+' : ''}${points.delta} ${points.status.replace('_', ' ')}`} />}
        </Stack>
      )}
      <Tooltip label="Edit this lead (E)">
        <Button variant="light" onClick={onEdit} disabled={!lead} rightSection={folded ? undefined : <Kbd size="xs">E</Kbd>} style={{ flexShrink: 0 }}>
          Edit
        </Button>
      </Tooltip>
      {folded ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="More actions">
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onApplyRecipe} disabled={!lead}>
              Apply recipe…
            </Menu.Item>
            <Menu.Item onClick={onReload} leftSection={<RefreshIcon size={14} />}>
              Reload profile
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : (
        <>
          <Button variant="default" onClick={onApplyRecipe} disabled={!lead} style={{ flexShrink: 0 }}>
            Apply recipe…
          </Button>
          <Tooltip label="Read the lead from Kartra again">
            <ActionIcon variant="default" size="lg" aria-label="Reload profile" loading={reloading} onClick={onReload}>
              <RefreshIcon size={16} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
    </Group>
  );
  // The name has a row of its own (beside the close button), so the actions never squeeze it into breaking
  // inside a word; the details, score and actions go on the row below.
  return (
    <Stack ref={ref} gap={4} p="md" pb="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        {title}
        {close}
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        {who}
        {actions}
      </Group>
    </Stack>
  );
}
