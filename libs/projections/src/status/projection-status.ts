export interface PartitionStatus {
  readonly topic: string;
  readonly partition: number;
  /** Kafka's high watermark: the offset the next record will get. */
  readonly latestOffset: string;
  /** Kafka's low watermark: the first offset it still holds. */
  readonly earliestOffset: string;
  /** The next offset the projection will read; null before it read anything there. */
  readonly appliedOffset: string | null;
  readonly lagEvents: number;
  readonly lastAppliedOccurredAt: string | null;
  /**
   * The checkpoint lies outside what Kafka holds (below its first offset, past its end, or
   * missing on a log that no longer starts at 0): records the projection never applied are
   * gone from Kafka, and it rebuilds from the event store rather than read on past them.
   */
  readonly gap: boolean;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly topics: readonly string[];
  readonly lagEvents: number;
  /**
   * Age of the last applied event while events are waiting, 0 once nothing waits (a quiet
   * district is not a lagging projection), null while nothing was ever applied.
   */
  readonly lagMs: number | null;
  readonly parked: number;
  /** Partitions with a gap (see PartitionStatus.gap). */
  readonly gaps: number;
  /** A rebuild from the event store is running, after a gap or by hand. */
  readonly rebuilding: boolean;
  readonly partitions: readonly PartitionStatus[];
}
