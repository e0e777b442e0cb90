import { Injectable } from '@nestjs/common';
import { ticketOf } from '../domain/station-queue.state';
import { StationBook } from '../stations/station-book';
import { QueueBook } from './queue-book';

/** A waiting ticket as the station would call it now, with the phone given at the kiosk. */
export interface WaitingTicket {
  readonly ticketId: string;
  readonly number: string;
  /** 1 is next among the tickets the same counters serve. */
  readonly position: number;
  readonly phone?: string;
}

/**
 * The waiting tickets of one station's queue on one day, placed by the same call policy the
 * counters call by: what "your turn is near" is told from. The phone never leaves the log
 * through the HTTP views; this is for the notifier inside the process.
 */
@Injectable()
export class WaitingTickets {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
  ) {}

  async inQueue(stationId: string, day: string): Promise<WaitingTicket[]> {
    const station = await this.stations.station(stationId);
    const { state } = await this.queues.queue(stationId, day);
    return this.queues.view(station, state).waiting.map((entry) => {
      const phone = ticketOf(state, entry.ticketId)?.phone;
      return {
        ticketId: entry.ticketId,
        number: entry.number,
        position: entry.position,
        ...(phone ? { phone } : {}),
      };
    });
  }
}
