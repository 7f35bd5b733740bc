// A tiny typed event hub: services publish, the shell / e2e host forward to the window.
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { CoreEventListener } from './core-types';
import type { Logger } from './log';

export class EventHub {
  private readonly listeners = new Set<CoreEventListener>();

  constructor(private readonly log: Logger) {}

  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        // A broken window must not break the core.
        this.log.error('event listener failed', { event, error });
      }
    }
  }
}
