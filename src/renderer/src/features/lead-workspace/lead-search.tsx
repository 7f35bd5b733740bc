// The search field: email or lead id, Enter submits, Ctrl/Cmd+K focuses it from anywhere in the window.
import { Button, Group, Kbd, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState, type FormEvent } from 'react';
import { SearchIcon } from '../../components/icons';
import { useLead } from '../../stores/stores-context';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function LeadSearch() {
  const [query, setQuery] = useState('');
  const searching = useLead((state) => state.searching);
  const find = useLead((state) => state.find);
  const inputRef = useRef<HTMLInputElement>(null);

  // Empty ignore-list: the shortcut must work while typing in another field too.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          inputRef.current?.focus();
          inputRef.current?.select();
        },
      ],
    ],
    [],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find(query);
  };

  return (
    <form onSubmit={submit} role="search" aria-label="Find a lead">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          ref={inputRef}
          label="Search leads"
          placeholder="Email or lead id"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          leftSection={<SearchIcon size={16} />}
          rightSection={<Kbd size="xs">{isMac ? '⌘K' : 'Ctrl K'}</Kbd>}
          rightSectionWidth={64}
          rightSectionPointerEvents="none"
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1 }}
        />
        <Button type="submit" loading={searching}>
          Search
        </Button>
      </Group>
    </form>
  );
}
