// The views slice of the contract, answered by the views service.
import type { Handlers } from '../api/handlers';
import type { ViewsService } from './views-service';

type ViewHandlers = Pick<Handlers, `views.${string}` & keyof Handlers>;

export function viewHandlers(views: ViewsService): ViewHandlers {
  return {
    'views.filter': async ({ filter, sort, offset, limit }) => views.filter(filter, sort, offset, limit),
    'views.countSelection': async ({ selection }) => views.countSelection(selection),
    'views.resolveSelection': async ({ selection }) => views.selectionIds(selection),
    'views.list': async () => views.list(),
    'views.save': async (input) => views.save(input),
    'views.delete': async ({ id }) => views.delete(id),
    'views.counts': async () => views.counts(),
    'views.layout': async () => views.layout(),
    'views.saveLayout': async ({ layout }) => views.saveLayout(layout),
  };
}
