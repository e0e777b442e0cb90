/**
 * Points where a test can stop the process, to prove that a crash between writing the read
 * model and committing, or between the PostgreSQL and the Kafka commit, loses and doubles
 * nothing. Counts are per process.
 */
export interface ApplyHooks {
  afterApply?(appliedSoFar: number): void;
  afterCommit?(commitsSoFar: number): void;
}
