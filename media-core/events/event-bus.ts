import type { ConsoleEvent } from '../contracts/api';
import type { Logger } from '../log/logger';

/** Fan-out of console events. A listener that throws is logged and skipped; it never
 *  stops the others or the publisher. */
export class EventBus {
  private readonly listeners = new Set<(e: ConsoleEvent) => void>();

  constructor(private readonly log: Logger) {}

  publish(event: ConsoleEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.warn({ err, type: event.type }, 'event listener failed');
      }
    }
  }

  subscribe(listener: (e: ConsoleEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
