import type { ApplyHooks } from '../apply/apply-hooks';
import type { ApplyOutcome } from '../apply/event-applier';
import type { RetryPolicy } from '../apply/retry-policy';
import type { RunnerLogger } from './kafka-client';

export interface ConsumerOptions {
  readonly logger: RunnerLogger;
  /** Apply only records tagged with this event log (the database's name); see eventLogName. */
  readonly log?: string;
  readonly hooks?: ApplyHooks;
  readonly retry?: RetryPolicy;
  /** Events per PostgreSQL transaction: big enough to amortise the commit, small enough to retry. */
  readonly chunkSize?: number;
  readonly sessionTimeoutMs?: number;
  /**
   * Partitions applied at once, each in its own transaction and connection. Partitions hold
   * disjoint streams, so they never contend, and a round trip to PostgreSQL — not CPU — is
   * what bounds one partition's pace.
   */
  readonly concurrency?: number;
  /** Called after each committed chunk, e.g. to measure throughput. */
  readonly onCommitted?: (outcome: ApplyOutcome) => void;
  readonly onJoined?: (partitions: number) => void;
}
