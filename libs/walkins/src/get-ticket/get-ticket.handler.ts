import { ticketOf } from '../domain/station-queue.state';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketNotFound } from '../domain/ticket-id';
import { TicketView, ticketView } from '../http/ticket-view';
import { QueueBook } from '../queues/queue-book';
import { TicketDesk } from '../tickets/ticket-desk';
import { GetTicketQuery } from './get-ticket.query';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(
    private readonly desk: TicketDesk,
    private readonly queues: QueueBook,
  ) {}

  async execute(query: GetTicketQuery): Promise<TicketView> {
    const [address, station] = await this.desk.locate(query.ticketId, query.principal);
    const { state } = await this.queues.queue(station.stationId, address.day);
    const ticket = ticketOf(state, query.ticketId);
    if (!ticket) throw new TicketNotFound(query.ticketId);
    return ticketView(station.stationId, ticket, (id) => this.queues.place(station, state, id));
  }
}
