export interface PartitionStatus {
  readonly topic: string;
  readonly partition: number;
  /** Kafka's high watermark: the offset the next record will get. */
  readonly latestOffset: string;
  /** The next offset the projection will read; null before it applied anything there. */
  readonly appliedOffset: string | null;
  readonly lagEvents: number;
  readonly lastAppliedOccurredAt: string | null;
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
  readonly partitions: readonly PartitionStatus[];
}
