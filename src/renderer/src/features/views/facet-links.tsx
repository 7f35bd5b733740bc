// Tags or lists of the account browser as links to their views: each shows how many cached leads it has
// and opens the leads page filtered to them.
import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useViews, useWorkspace } from '../leads/workspace-context';

export function FacetLinks({ kind, names, label }: { kind: 'tag' | 'list'; names: readonly string[]; label: string }) {
  const { views, ui } = useWorkspace();
  const counts = useViews((s) => (kind === 'tag' ? s.counts?.tags : s.counts?.lists));
  const open = (name: string) => {
    views.getState().openFacet(kind, name);
    ui.getState().setTab('leads');
  };
  return (
    <Group gap={6} aria-label={label} role="group">
      {names.map((name) => {
        const count = counts?.[name] ?? 0;
        return (
          <UnstyledButton key={name} onClick={() => open(name)} aria-label={`${name}: ${count} cached lead${count === 1 ? '' : 's'} — open as a view`}>
            <Badge
              variant={kind === 'tag' ? 'light' : 'outline'}
              tt="none"
              style={{ cursor: 'pointer' }}
              // Full colour: a faded count fails WCAG AA contrast on the light badge.
              rightSection={<span aria-hidden="true" style={{ fontWeight: 400 }}>{count.toLocaleString()}</span>}
            >
              {name}
            </Badge>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
