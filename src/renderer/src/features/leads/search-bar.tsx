// The search field: typing filters the local table (lightly debounced); Enter on an email or a lead id also
// asks Kartra (leads.find) and opens that profile. "/" focuses it from anywhere; ↓ moves into the table.
import { Kbd, Loader, TextInput } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { SearchIcon } from '../../components/icons';
import { isLookupQuery } from './format';
import { useLeadSearch, useProfile, useWorkspace, useWorkspaceUi } from './workspace-context';

export const SEARCH_PLACEHOLDER = 'Name, email, company or tag — Enter looks up Kartra';

export function SearchBar({ onLeave }: { onLeave(): void }) {
  const { search, profile } = useWorkspace();
  const query = useLeadSearch((s) => s.query);
  const lookingUp = useProfile((s) => s.lookingUp);
  const focusRequest = useWorkspaceUi((s) => s.searchFocus);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    ref.current?.focus();
    ref.current?.select();
  }, [focusRequest]);

  const run = () => {
    const typed = search.getState().query.trim();
    void search.getState().searchNow();
    if (isLookupQuery(typed)) void profile.getState().lookUp(typed);
    else onLeave();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Handled here (not by the form's implicit submit) so it works the same in every browser.
      event.preventDefault();
      run();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeave();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      search.getState().setQuery('');
      profile.getState().clearLookupError();
    }
  };

  return (
    <form
      role="search"
      aria-label="Find a lead"
      style={{ flex: 1 }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        run();
      }}
    >
      <TextInput
        ref={ref}
        label="Search leads"
        placeholder={SEARCH_PLACEHOLDER}
        autoFocus
        value={query}
        onChange={(event) => {
          search.getState().setQuery(event.currentTarget.value);
          profile.getState().clearLookupError();
        }}
        onKeyDown={onKeyDown}
        leftSection={lookingUp ? <Loader size={14} aria-label="Looking up in Kartra" /> : <SearchIcon size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        rightSectionPointerEvents="none"
        autoComplete="off"
        spellCheck={false}
      />
    </form>
  );
}
