import type { StoredEvent } from '../stored-event';

/**
 * Where a reader of the whole log stands. Commit order, not position alone: a transaction that
 * took a lower position may commit after one that took a higher position.
 */
export interface LogPosition {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: 0n, position: 0n });

export function positionOf(
  event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>,
): LogPosition {
  return { transactionId: event.transactionId, position: event.globalPosition };
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}
