// The bulk slice of the contract: bulk actions and their preview, undo, and export of leads.
import type { Handlers } from '../api/handlers';
import type { ConnectionService } from '../connection/connection-service';
import type { LeadCacheRepo } from '../store/lead-cache-repo';
import type { LeadFilterRepo } from '../views/lead-filter-repo';
import type { BulkService } from './bulk-service';
import { exportLeads } from './export-leads';

type BulkHandlers = Pick<Handlers, 'bulk.preview' | 'bulk.run' | 'history.undo' | 'history.undoRun' | 'leads.export'>;

export interface BulkHandlerDeps {
  bulk: BulkService;
  connection: Pick<ConnectionService, 'require'>;
  cache: LeadCacheRepo;
  filters: LeadFilterRepo;
}

export function bulkHandlers({ bulk, connection, cache, filters }: BulkHandlerDeps): BulkHandlers {
  return {
    'bulk.preview': async ({ selection, action }) => bulk.preview(selection, action),
    'bulk.run': async ({ selection, action }) => bulk.run(selection, action),
    'history.undo': async ({ id }) => bulk.undoEntry(id),
    'history.undoRun': async ({ jobId }) => bulk.undoJob(jobId),
    'leads.export': async ({ selection, columns, format }) => {
      const accountId = connection.require().account.id;
      const ids = filters.selectionIds(accountId, selection);
      const leads = (function* () {
        for (const id of ids) {
          const hit = cache.get(accountId, { id });
          if (hit) yield hit;
        }
      })();
      return exportLeads({ leads, count: ids.length }, { columns, format });
    },
  };
}
