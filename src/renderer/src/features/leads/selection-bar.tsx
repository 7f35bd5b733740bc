// The bar over the leads table while rows are ticked (or the whole view is): how many, clear, and
// "Apply recipe…" on exactly those leads.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { toErrorData, unwrap } from '../../api/unwrap';
import { useNotify } from '../../components/use-notify';
import { ApplyRecipeModal } from '../recipes/apply-recipe-modal';
import { currentSelection } from '../views/selection';
import { useLeadSearch, useWorkspace } from './workspace-context';

export function SelectionBar() {
  const { search, views, api } = useWorkspace();
  const notify = useNotify();
  useLeadSearch((s) => s.selected);
  useLeadSearch((s) => s.except);
  useLeadSearch((s) => s.total);
  const allSelected = useLeadSearch((s) => s.allSelected);
  const [applying, setApplying] = useState(false);
  // The ids are frozen when the modal opens, so what is applied is what the user saw counted.
  const [leadIds, setLeadIds] = useState<string[]>([]);
  const count = search.getState().selectedCount();
  if (count === 0 && !applying) return null;
  return (
    <>
      {count > 0 && (
        <Paper withBorder radius="md" px="sm" py={6} role="toolbar" aria-label="Selected leads">
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" fw={500} aria-live="polite">
              {allSelected ? `All ${count.toLocaleString()} leads of this view selected` : `${count.toLocaleString()} selected`}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => search.getState().clearSelection()}>
                Clear selection
              </Button>
              <Button
                size="xs"
                onClick={async () => {
                  try {
                    const { ids } = await unwrap(api.views.resolveSelection({ selection: currentSelection(search, views) }));
                    setLeadIds(ids);
                    setApplying(true);
                  } catch (error) {
                    notify('error', 'The selection could not be read', toErrorData(error).message);
                  }
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
