// "Export…" beside the table's columns: the whole current view (its words and filters) to a file.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useLeadSearch, useWorkspace } from '../leads/workspace-context';
import { ExportModal } from './export-modal';
import type { LeadSelection } from '../../../../shared/domain/lead-filter';

export function ExportViewButton() {
  const { search, views } = useWorkspace();
  const total = useLeadSearch((s) => s.total);
  const [selection, setSelection] = useState<LeadSelection | null>(null);
  const open = () => {
    const s = search.getState();
    // The whole view, whatever is ticked: the selection bar has its own Export for the ticked leads.
    setSelection({ kind: 'view', filter: { text: s.shownQuery, conditions: views.getState().conditions }, except: [] });
  };
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={open} disabled={!total}>
        Export…
      </Button>
      {selection && <ExportModal opened selection={selection} targetLabel={`this view (${(total ?? 0).toLocaleString()} leads)`} onClose={() => setSelection(null)} />}
    </>
  );
}
