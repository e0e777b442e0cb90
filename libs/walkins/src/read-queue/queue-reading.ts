import type { CounterEntry, WaitingEntry } from '../domain/queue-view';

export interface QueueReading {
  readonly stationId: string;
  readonly day: string;
  readonly waiting: readonly WaitingEntry[];
  readonly counters: readonly CounterEntry[];
  readonly priorityStreak: number;
}
