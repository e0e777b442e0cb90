import type { RelayedEvent } from '../stored-event';

/** Where the relay sends committed events; resolves only once the destination holds them. */
export interface EventPublisher {
  connect(): Promise<void>;
  publish(events: readonly RelayedEvent[]): Promise<void>;
  disconnect(): Promise<void>;
  /** Tags every record with the event log it comes from (see eventLogId). */
  tagWithLog?(log: string): void;
}

/** Structural, so a Nest `Logger`, pino or `console` all fit. */
export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
