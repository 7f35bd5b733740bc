// The bar over the leads table while rows are ticked (or the whole view is): how many, clear, "Bulk action…",
// "Export…" and "Apply recipe…" on exactly those leads.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { toErrorData, unwrap } from '../../api/unwrap';
import { useNotify } from '../../components/use-notify';
import { ApplyRecipeModal } from '../recipes/apply-recipe-modal';
import { BulkActionModal } from '../bulk-actions/bulk-action-modal';
import { ExportModal } from '../export/export-modal';
import type { LeadSelection } from '../../../../shared/domain/lead-filter';
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
  // Bulk actions and export take the selection as it is when their modal opens (a whole view stays a view).
  const [bulk, setBulk] = useState<{ kind: 'bulk' | 'export'; selection: LeadSelection; label: string } | null>(null);
  const count = search.getState().selectedCount();
  if (count === 0 && !applying && !bulk) return null;
  const label = allSelected ? `all ${count.toLocaleString()} leads of this view` : `${count.toLocaleString()} selected lead${count === 1 ? '' : 's'}`;
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
              <Button size="xs" variant="default" onClick={() => setBulk({ kind: 'export', selection: currentSelection(search, views), label })}>
                Export…
              </Button>
              <Button size="xs" variant="light" onClick={() => setBulk({ kind: 'bulk', selection: currentSelection(search, views), label })}>
                Bulk action…
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
      {bulk?.kind === 'bulk' && (
        <BulkActionModal opened selection={bulk.selection} targetLabel={bulk.label} onClose={() => setBulk(null)} onStarted={() => search.getState().clearSelection()} />
      )}
      {bulk?.kind === 'export' && <ExportModal opened selection={bulk.selection} targetLabel={bulk.label} onClose={() => setBulk(null)} />}
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
