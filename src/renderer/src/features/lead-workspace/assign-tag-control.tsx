// "Add tag": a searchable picker of the account's tags (cached, with refresh) and the Assign button.
import { ActionIcon, Button, Group, Input, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import type { Lead } from '../../../../shared/domain/lead';
import { ErrorAlert } from '../../components/error-alert';
import { RefreshIcon } from '../../components/icons';
import { useNotify } from '../../components/use-notify';
import { useAccountTags, useLead } from '../../stores/stores-context';
import { assignableTags, leadDisplayName } from './lead-format';

export function AssignTagControl({ lead, pendingTag }: { lead: Lead; pendingTag: string | null }) {
  const [tag, setTag] = useState<string | null>(null);
  const pickerId = useId();
  const items = useAccountTags((state) => state.items);
  const loading = useAccountTags((state) => state.loading);
  const loaded = useAccountTags((state) => state.loaded);
  const stale = useAccountTags((state) => state.stale);
  const fetchedAt = useAccountTags((state) => state.fetchedAt);
  const tagsError = useAccountTags((state) => state.error);
  const loadTags = useAccountTags((state) => state.load);
  const assignTag = useLead((state) => state.assignTag);
  const assignError = useLead((state) => state.assignError);
  const clearAssignError = useLead((state) => state.clearAssignError);
  const notify = useNotify();

  const options = useMemo(() => assignableTags(items, lead.tags, pendingTag), [items, lead.tags, pendingTag]);
  const busy = pendingTag !== null;
  // A picked tag that has since landed on the lead (or left the account) is no longer a valid choice.
  const selected = tag !== null && options.includes(tag) ? tag : null;

  const assign = async () => {
    if (selected === null) return;
    const who = leadDisplayName(lead);
    const outcome = await assignTag(selected);
    if (outcome.ok) {
      setTag(null);
      notify('success', 'Tag assigned', `“${outcome.tag}” was assigned to ${who}.`);
    } else {
      notify('error', `Could not assign “${outcome.tag}”`, outcome.error.message);
    }
  };

  const nothingFound = emptyPickerMessage({ loaded, loading, accountTags: items.length, offered: options.length });

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        {/* The label is ours, not Select's: Select would also name its (hidden) listbox with it, and
            then "Tag to assign" would match two elements for label-based lookups. */}
        <Stack gap={4} style={{ flex: 1 }}>
          <Input.Label htmlFor={pickerId}>Tag to assign</Input.Label>
          <Select
            id={pickerId}
            placeholder={loading && !loaded ? 'Loading tags…' : 'Pick a tag'}
            data={options}
            value={selected}
            onChange={(value) => {
              setTag(value);
              if (assignError) clearAssignError();
            }}
            searchable
            clearable
            nothingFoundMessage={nothingFound}
            disabled={busy}
            maxDropdownHeight={260}
          />
        </Stack>
        <Tooltip label="Reload the account’s tags from Kartra">
          <ActionIcon
            variant="default"
            size="input-sm"
            aria-label="Refresh tags"
            loading={loading}
            onClick={() => void loadTags({ refresh: true })}
          >
            <RefreshIcon size={16} />
          </ActionIcon>
        </Tooltip>
        <Button onClick={() => void assign()} disabled={selected === null || busy} loading={busy}>
          Assign tag
        </Button>
      </Group>
      {stale && fetchedAt !== null && (
        <Text size="xs" c="dimmed">
          Tag list from {new Date(fetchedAt).toLocaleString()} (could not be refreshed).
        </Text>
      )}
      {tagsError && <ErrorAlert error={tagsError} title="Could not load the account’s tags" />}
      {assignError && (
        <ErrorAlert error={assignError} title="The tag was not assigned" onClose={clearAssignError} />
      )}
    </Stack>
  );
}

/** Why the picker shows no option: still loading, nothing to offer, or nothing matches the search. */
function emptyPickerMessage(p: { loaded: boolean; loading: boolean; accountTags: number; offered: number }): string {
  if (!p.loaded) return p.loading ? 'Loading tags…' : 'Tags not loaded';
  if (p.accountTags === 0) return 'This account has no tags';
  if (p.offered === 0) return 'The lead has every tag';
  return 'No matching tag';
}
