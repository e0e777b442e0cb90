import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { BillRequest } from '../shared/bill.request.dto';
import type { SettlementQuote } from '../shared/settlement-answer';

/** A question, not a command: the quote stores nothing. */
export class QuoteSettlementQuery extends Query<SettlementQuote> {
  constructor(
    readonly request: BillRequest,
    readonly principal: Principal,
  ) {
    super();
  }
}
