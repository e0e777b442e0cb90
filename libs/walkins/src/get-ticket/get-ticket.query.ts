import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { TicketView } from '../http/ticket-view';

export class GetTicketQuery extends Query<TicketView> {
  constructor(
    readonly ticketId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
