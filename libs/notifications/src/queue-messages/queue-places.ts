import type { PlacedTicket } from '../domain/turn-near';

/**
 * Where the waiting tickets of one station's queue stand now, phones included. The walk-ins
 * module answers it from the queue's own stream; the app that runs the notifier binds it.
 */
export interface QueuePlaces {
  inQueue(stationId: string, day: string): Promise<readonly PlacedTicket[]>;
}

export const QUEUE_PLACES = Symbol('QUEUE_PLACES');
