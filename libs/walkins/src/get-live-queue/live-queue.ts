import type { OpeningHours } from '../../../stations/src/domain/opening-hours';
import type { QueueView } from '../domain/queue-view';

export interface LiveQueue extends QueueView {
  readonly stationId: string;
  readonly day: string;
  readonly openingHours: OpeningHours;
  readonly fairnessRatio: number;
  /** Set when the queue was narrowed to what one counter may call. */
  readonly counterId?: string;
}
