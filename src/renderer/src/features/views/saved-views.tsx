// The saved views sidebar: "All leads", each saved view of the account (open, delete), and "Save view"
// for the conditions shown (a new view, or the open one updated).
import { ActionIcon, Button, Group, Modal, NavLink, ScrollArea, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLeadSearch, useViews, useWorkspace } from '../leads/workspace-context';

export function SavedViews() {
  const { views } = useWorkspace();
  const saved = useViews((s) => s.saved);
  const activeId = useViews((s) => s.activeId);
  const dirty = useViews((s) => s.dirty);
  const conditions = useViews((s) => s.conditions);
  const total = useViews((s) => s.counts?.total ?? null);
  const [saving, setSaving] = useState(false);
  const active = saved.find((v) => v.id === activeId) ?? null;

  return (
    <Stack component="nav" aria-label="Saved views" gap={4} w={190} style={{ flex: '0 0 190px', minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h6" c="dimmed" tt="uppercase">
          Views
        </Title>
        <Button size="compact-xs" variant="light" disabled={conditions.length === 0 && !dirty} onClick={() => setSaving(true)}>
          {active && dirty ? 'Save…' : 'Save view…'}
        </Button>
      </Group>
      <ScrollArea type="auto" style={{ flex: 1 }}>
        <NavLink
          component="button"
          label="All leads"
          active={activeId === null && conditions.length === 0}
          rightSection={total !== null ? <Text size="xs" c="dimmed">{total.toLocaleString()}</Text> : null}
          onClick={() => views.getState().open(null)}
        />
        {saved.map((view) => (
          <Group key={view.id} gap={0} wrap="nowrap">
            <NavLink
              component="button"
              label={view.name}
              description={view.id === activeId && dirty ? 'changed, not saved' : undefined}
              active={view.id === activeId}
              onClick={() => views.getState().open(view)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Tooltip label={`Delete view “${view.name}”`}>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Delete view ${view.name}`} onClick={() => void views.getState().remove(view.id)}>
                ×
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {saved.length === 0 && (
          <Text size="xs" c="dimmed" px="xs" py={6}>
            Add filters, then save them as a view to come back to.
          </Text>
        )}
      </ScrollArea>
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} />
    </Stack>
  );
}

function SaveViewModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { views } = useWorkspace();
  const text = useLeadSearch((s) => s.shownQuery);
  const active = useViews((s) => s.saved.find((v) => v.id === s.activeId) ?? null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setName(active?.name ?? '');
    setError(null);
  }, [opened, active]);
  const submit = async (asNew: boolean) => {
    setBusy(true);
    const outcome = await views.getState().save(name, text, asNew);
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.error.message);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Save view"
      centered
    >
      <form
        aria-label="Save view"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(active === null || name.trim().toLowerCase() !== active.name.toLowerCase());
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} maxLength={80} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {active && (
              <Button variant="light" loading={busy} onClick={() => void submit(false)}>
                Update “{active.name}”
              </Button>
            )}
            <Button type="submit" loading={busy}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
