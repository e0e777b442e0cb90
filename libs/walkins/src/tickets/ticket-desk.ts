import { ticketOf } from '../domain/station-queue.state';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@circle/kernel';
import type { CommandAnswer } from '@circle/event-store';
import { Principal, canActAt } from '@circle/platform';
import type { Station } from '../../../stations/src/domain/station.state';
import { Clock } from '../clock';
import type { QueueEvent } from '../domain/station-queue.events';
import type { QueueState } from '../domain/station-queue.state';
import { TicketAddress, TicketNotFound, parseTicketId } from '../domain/ticket-id';
import { ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { StationBook } from '../stations/station-book';
import type { CommandContext } from '../streams/event-stream';

export class NotYourStation extends DomainError {
  constructor(stationId: string) {
    super('forbidden', 'forbidden', `only clerks of ${stationId} act on its tickets`);
  }
}

export interface TicketAct {
  readonly ticketId: string;
  readonly principal: Principal;
  readonly context: CommandContext;
}

/**
 * Where a ticket's actions run: the ticket id names its station and day, so the right queue
 * stream is found without a lookup, and the caller must be able to act at that station.
 */
@Injectable()
export class TicketDesk {
  constructor(
    private readonly stations: StationBook,
    private readonly queues: QueueBook,
    private readonly clock: Clock,
  ) {}

  async locate(ticketId: string, principal: Principal): Promise<[TicketAddress, Station]> {
    const address = parseTicketId(ticketId);
    if (principal.role === 'clerk' && !canActAt(principal, address.stationId))
      throw new NotYourStation(address.stationId);
    return [address, await this.stations.station(address.stationId)];
  }

  async act(
    act: TicketAct,
    decide: (state: QueueState, now: string, station: Station) => readonly QueueEvent[],
  ): Promise<CommandAnswer> {
    const [address, station] = await this.locate(act.ticketId, act.principal);
    const now = this.clock.now();
    return this.queues.execute(
      station.stationId,
      address.day,
      (state) => ({
        events: decide(state, now, station),
        answer: (after) => {
          const ticket = ticketOf(after, act.ticketId);
          if (!ticket) throw new TicketNotFound(act.ticketId);
          return {
            status: 200,
            body: ticketView(station.stationId, ticket, (id) =>
              this.queues.place(station, after, id),
            ),
          };
        },
      }),
      act.context,
    );
  }
}
