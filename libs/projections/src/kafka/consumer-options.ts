import type { ApplyHooks } from '../apply/apply-hooks';
import type { ApplyOutcome } from '../apply/event-applier';
import type { RetryPolicy } from '../apply/retry-policy';
import type { RunnerLogger } from './runner-logger';

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
   * Partitions of one fetch handed over at once: those that come together are applied in one
   * transaction (see chunk-gathering.ts), so this is best no smaller than the partitions the
   * projection reads.
   */
  readonly concurrency?: number;
  /** Called after each committed chunk, e.g. to measure throughput. */
  readonly onCommitted?: (outcome: ApplyOutcome) => void;
  readonly onJoined?: (partitions: number) => void;
}
