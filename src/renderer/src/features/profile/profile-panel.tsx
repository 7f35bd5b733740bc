// The lead profile: who the lead is, every field, tags/lists/sequences, memberships, bookings, custom
// fields and payments, with this lead's queued changes shown inline and listed, plus the assignment tools.
import { Alert, Center, Divider, Loader, Paper, ScrollArea, Stack, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/error-alert';
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
import { ProfileHeader } from './profile-header';
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
      <ProfileHeader
        name={name}
        lead={lead}
        points={overlay?.points ?? null}
        reloading={loading && lead !== null}
        onEdit={onEdit}
        onApplyRecipe={() => setApplying(true)}
        onReload={() => void store.getState().reload()}
        onClose={onClose}
      />
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
