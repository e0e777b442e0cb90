import type { StoredEvent } from '../stored-event';

/** Where the relay sends committed events; resolves only once the destination holds them. */
export interface EventPublisher {
  connect(): Promise<void>;
  publish(events: readonly StoredEvent[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** Structural, so a Nest `Logger`, pino or `console` all fit. */
export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
