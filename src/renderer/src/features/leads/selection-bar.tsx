// The bar over the leads table while rows are ticked: how many, clear, and "Apply recipe…" on exactly those leads.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { ApplyRecipeModal } from '../recipes/apply-recipe-modal';
import { useLeadSearch, useWorkspace } from './workspace-context';

export function SelectionBar() {
  const { search } = useWorkspace();
  const selected = useLeadSearch((s) => s.selected);
  const [applying, setApplying] = useState(false);
  // The ids are frozen when the modal opens, so what is applied is what the user saw counted.
  const [leadIds, setLeadIds] = useState<string[]>([]);
  const count = selected.size;
  if (count === 0 && !applying) return null;
  return (
    <>
      {count > 0 && (
        <Paper withBorder radius="md" px="sm" py={6} role="toolbar" aria-label="Selected leads">
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" fw={500} aria-live="polite">
              {count} selected
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => search.getState().clearSelection()}>
                Clear selection
              </Button>
              <Button
                size="xs"
                onClick={() => {
                  setLeadIds([...selected]);
                  setApplying(true);
                }}
              >
                Apply recipe…
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <ApplyRecipeModal
        opened={applying}
        leadIds={leadIds}
        targetLabel={`${leadIds.length} selected lead${leadIds.length === 1 ? '' : 's'}`}
        onClose={() => setApplying(false)}
        onApplied={() => search.getState().clearSelection()}
      />
    </>
  );
}
