import { Inject, Injectable } from '@nestjs/common';
import { ERASED, isSealed, PERSONAL_DATA, type PersonalData } from '@circle/event-store';
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
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

  async inQueue(stationId: string, day: string): Promise<WaitingTicket[]> {
    const station = await this.stations.station(stationId);
    const { state } = await this.queues.queue(stationId, day);
    const waiting = this.queues.view(station, state).waiting.map((entry) => ({
      entry,
      ticket: ticketOf(state, entry.ticketId),
    }));
    // The phones are sealed in the log: opened after one key lookup for the whole queue.
    const keys = waiting.flatMap(({ ticket }) =>
      ticket?.phoneKey && isSealed(ticket.phone) ? [ticket.phoneKey] : [],
    );
    const keyring = await this.personal.keyring(keys);
    return waiting.map(({ entry, ticket }) => {
      const phone =
        ticket?.phone && ticket.phoneKey
          ? keyring.open(ticket.phoneKey, { phone: ticket.phone }).phone
          : ticket?.phone;
      return {
        ticketId: entry.ticketId,
        number: entry.number,
        position: entry.position,
        ...(phone && phone !== ERASED ? { phone } : {}),
      };
    });
  }
}
