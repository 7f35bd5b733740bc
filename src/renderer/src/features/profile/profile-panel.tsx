// The lead profile: who the lead is, every field, tags/lists/sequences, memberships, bookings, custom
// fields and payments, with this lead's queued changes shown inline and listed, plus the assignment tools.
import { ActionIcon, Alert, Button, Center, Divider, Group, Kbd, Loader, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { useSession } from '../../stores/stores-context';
import { customFieldDefs } from '../lead-editor/lead-form-model';
import { formatAge, leadDisplayName } from '../leads/format';
import { useAccountLists, useProfile, useWorkspace } from '../leads/workspace-context';
import { ApplyRecipeModal } from '../recipes/apply-recipe-modal';
import { AssignmentsPanel } from './assignments-panel';
import { CustomFieldsView } from './custom-fields-view';
import { LeadHistory } from './lead-history';
import { PendingBadge } from './pending-badge';
import { PendingChanges } from './pending-changes';
import { openItems, pendingOverlay } from './pending-overlay';
import { SubscriptionsView, TransactionsView } from './payments-view';
import { ProfileDetails } from './profile-details';
import { CalendarsView, ListsView, MembershipsView, SequencesView, TagsView } from './profile-memberships';
import { QuickTag } from './quick-tag';

export function ProfilePanel({ onEdit, onClose }: { onEdit(): void; onClose(): void }) {
  const { profile: store } = useWorkspace();
  const header = useProfile((s) => s.header);
  const profile = useProfile((s) => s.profile);
  const loading = useProfile((s) => s.loading);
  const error = useProfile((s) => s.error);
  const pending = useProfile((s) => s.pending);
  const quickError = useProfile((s) => (s.applyOrigin === 'quick' ? s.applyError : null));
  const online = useSession((s) => s.status?.online ?? true);
  const accountFields = useAccountLists((s) => s.lists?.custom_fields.items);
  const [applying, setApplying] = useState(false);

  const lead = profile?.lead ?? null;
  const overlay = useMemo(() => (lead ? pendingOverlay(lead, pending) : null), [lead, pending]);
  const defs = useMemo(() => customFieldDefs(accountFields ?? [], lead ?? undefined), [accountFields, lead]);
  const name = lead ? leadDisplayName(lead) : header ? header.name || header.email : '';

  return (
    <Paper withBorder radius="md" component="section" aria-label="Lead profile" data-lead-id={lead?.id ?? header?.id} h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" p="md" pb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {name || 'Lead'}
          </Title>
          {lead && lead.email !== name && (
            <Text c="dimmed" size="sm">
              {lead.email}
            </Text>
          )}
          {lead && (
            <Text size="xs" c="dimmed">
              Lead {lead.id}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {lead && (
            <Stack gap={0} align="flex-end" mr="xs">
              <Text size="xs" c="dimmed">
                Score
              </Text>
              <Text fw={700} size="xl" aria-label={`Score ${lead.score}`}>
                {lead.score}
              </Text>
              {overlay?.points && <PendingBadge status={overlay.points.status} label={`${overlay.points.delta > 0 ? '+' : ''}${overlay.points.delta} ${overlay.points.status.replace('_', ' ')}`} />}
            </Stack>
          )}
          <Tooltip label="Edit this lead (E)">
            <Button variant="light" onClick={onEdit} disabled={!lead} rightSection={<Kbd size="xs">E</Kbd>}>
              Edit
            </Button>
          </Tooltip>
          <Button variant="default" onClick={() => setApplying(true)} disabled={!lead}>
            Apply recipe…
          </Button>
          <Tooltip label="Read the lead from Kartra again">
            <ActionIcon variant="default" size="lg" aria-label="Reload profile" loading={loading && lead !== null} onClick={() => void store.getState().reload()}>
              <RefreshIcon size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Close the profile (Esc)">
            <ActionIcon variant="default" size="lg" aria-label="Close profile" onClick={onClose}>
              ×
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {lead && <ApplyRecipeModal opened={applying} leadIds={[lead.id]} targetLabel={name || lead.email} onClose={() => setApplying(false)} />}
      <Divider />
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Stack gap="md" p="md">
          {error && <ErrorAlert error={error} title={error.code === 'not_found' ? 'This lead is not in Kartra any more' : 'Could not load the profile'} />}
          {!lead && loading && (
            <Center py="xl">
              <Loader aria-label="Loading the profile" />
            </Center>
          )}
          {profile && lead && overlay && (
            <>
              {(profile.fromCache || !online) && (
                <Alert color="yellow" variant="light" role="status" title={profile.fromCache ? 'Offline copy' : 'Offline'}>
                  {profile.fromCache
                    ? `Kartra could not be reached: this is the copy Lead Desk saw ${formatAge(profile.seenAt)}. It may be out of date.`
                    : `Lead Desk is offline: this profile was read ${formatAge(profile.seenAt)} and may be out of date. Changes wait in the outbox.`}
                </Alert>
              )}
              <PendingChanges items={openItems(pending)} />
              <ProfileDetails lead={lead} marks={overlay.fields} />
              <Section title="Tags">
                <TagsView tags={overlay.tags} />
                <QuickTag lead={lead} tags={overlay.tags} />
                {quickError && <ErrorAlert error={quickError} title="The tag was not assigned" onClose={() => store.getState().clearApplyError()} />}
              </Section>
              <Section title="Lists">
                <ListsView lists={overlay.lists} />
              </Section>
              <Section title="Sequences">
                <SequencesView sequences={overlay.sequences} />
              </Section>
              <AssignmentsPanel lead={lead} />
              <Section title="Custom fields">
                <CustomFieldsView lead={lead} defs={defs} marks={overlay.fields} />
              </Section>
              <Section title="Memberships">
                <MembershipsView memberships={lead.memberships} />
              </Section>
              <Section title="Calendars">
                <CalendarsView calendars={lead.calendars} pending={overlay.calendars} />
              </Section>
              <Section title="Transactions">
                <TransactionsView transactions={profile.transactions} leadId={lead.id} />
              </Section>
              <Section title="Subscriptions">
                <SubscriptionsView subscriptions={profile.subscriptions} transactions={profile.transactions} leadId={lead.id} />
              </Section>
              <Section title="History">
                <LeadHistory key={lead.id} leadId={lead.id} />
              </Section>
            </>
          )}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
