// The connected view: search a lead, then see and change it in the lead panel.
import { Center, Container, Loader, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { useLead } from '../../stores/stores-context';
import { LeadPanel } from './lead-panel';
import { LeadSearch } from './lead-search';

export function LeadWorkspace() {
  const lead = useLead((state) => state.lead);
  const pending = useLead((state) => state.pending);
  const searching = useLead((state) => state.searching);
  const searchError = useLead((state) => state.searchError);
  const query = useLead((state) => state.query);
  const pendingTag = lead !== null && pending?.leadId === lead.id ? pending.tag : null;

  return (
    <Container size="md" py="md">
      <Stack gap="md">
        <LeadSearch />
        {searchError && (
          <ErrorAlert
            error={searchError}
            {...(searchError.code === 'not_found' && query ? { title: `No lead matches “${query}”` } : {})}
          />
        )}
        {lead ? (
          <LeadPanel lead={lead} pendingTag={pendingTag} />
        ) : searching ? (
          <Center py="xl">
            <Loader aria-label="Searching" />
          </Center>
        ) : (
          !searchError && (
            <Text c="dimmed" ta="center" py="xl">
              Find a lead by email or lead id.
            </Text>
          )
        )}
      </Stack>
    </Container>
  );
}
