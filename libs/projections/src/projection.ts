import type { StoredEvent } from './event-store';

/** A row as PostgreSQL returns it; projections narrow it to what they selected. */
export type Row = Record<string, unknown>;

/** The open PostgreSQL transaction an event is applied in, together with its checkpoint. */
export interface ProjectionTx {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * The physical name of one of the projection's own tables: the live table normally, its
   * shadow during a rebuild. SQL must always name tables through this, never literally, so the
   * same projection code can rebuild into a shadow while the live table keeps serving.
   */
  table(name: string): string;
}

/** A read model fed by events: plain data and two functions, no framework. */
export interface Projection {
  /** Also names the Kafka consumer group (`projection.<name>`) and the live table set. */
  readonly name: string;
  /** Kafka topics the live consumer reads. */
  readonly topics: readonly string[];
  /** Read-model tables this projection owns; a rebuild recreates exactly these. */
  readonly tables: readonly string[];
  handles(type: string): boolean;
  /**
   * Applies one event. Called at most once per event and table set; the runner has already
   * skipped duplicates and stale redeliveries. Throwing marks the event as failing: the
   * runner retries it, then parks it as a dead letter.
   */
  apply(event: StoredEvent, tx: ProjectionTx): Promise<void>;
  /**
   * Optional: applies several events, in order, with the same effect as `apply` on each in turn,
   * in a few set-based statements instead of one per event. Given events the runner has already
   * filtered for duplicates and `handles`. If it throws, the runner falls back to `apply`, one
   * event at a time, to find and park the failing one.
   */
  applyBatch?(events: readonly StoredEvent[], tx: ProjectionTx): Promise<void>;
}
