// "Tag to assign": the one-click way to give the open lead a tag. The picker offers only the account's
// existing tags the lead lacks; typing a name that does not exist says so instead of sending anything.
import { Button, Group, Input, Select, Stack } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import type { Lead } from '../../../../shared/domain/lead';
import { useAccountLists, useProfile, useWorkspace } from '../leads/workspace-context';
import type { TagView } from './pending-overlay';

/** What the picker says when it offers nothing: not loaded, nothing left, or no such tag. */
export function tagPickerEmptyMessage(p: { loaded: boolean; accountTags: number; offered: number; search: string }): string {
  if (!p.loaded) return 'Tags not loaded yet';
  if (p.accountTags === 0) return 'This account has no tags';
  if (p.search.trim() !== '') return `No tag named “${p.search.trim()}” in this account. Create it in Kartra, then refresh the account lists.`;
  if (p.offered === 0) return 'The lead has every tag';
  return 'No matching tag';
}

export function QuickTag({ lead, tags }: { lead: Lead; tags: TagView[] }) {
  const { profile } = useWorkspace();
  const pickerId = useId();
  const [tag, setTag] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const accountTags = useAccountLists((s) => s.lists?.tags.items ?? null);
  const applying = useProfile((s) => s.applying);

  const options = useMemo(() => {
    const taken = new Set(tags.filter((t) => t.pending?.kind !== 'remove').map((t) => t.name));
    return [...new Set(accountTags ?? [])].filter((t) => !taken.has(t)).sort((a, b) => a.localeCompare(b));
  }, [accountTags, tags]);
  const selected = tag !== null && options.includes(tag) ? tag : null;

  const assign = async () => {
    if (selected === null) return;
    const outcome = await profile.getState().apply([{ cmd: 'assign_tag', tag_name: selected }]);
    if (outcome.ok) {
      setTag(null);
      setSearch('');
    }
  };

  return (
    <Stack gap={4}>
      {/* The label is ours, not Select's: Select would also name its hidden listbox with it. */}
      <Input.Label htmlFor={pickerId}>Tag to assign</Input.Label>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Select
          id={pickerId}
          style={{ flex: 1 }}
          placeholder={accountTags === null ? 'Loading tags…' : 'Pick a tag'}
          data={options}
          value={selected}
          onChange={(value) => {
            setTag(value);
            profile.getState().clearApplyError();
          }}
          searchValue={search}
          onSearchChange={setSearch}
          searchable
          clearable
          nothingFoundMessage={tagPickerEmptyMessage({ loaded: accountTags !== null, accountTags: accountTags?.length ?? 0, offered: options.length, search })}
          maxDropdownHeight={260}
          data-lead-id={lead.id}
        />
        <Button onClick={() => void assign()} disabled={selected === null || applying} loading={applying && selected !== null}>
          Assign tag
        </Button>
      </Group>
    </Stack>
  );
}
