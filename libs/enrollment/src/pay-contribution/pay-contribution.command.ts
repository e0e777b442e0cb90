import { Command } from '@nestjs/cqrs';
import type { YearCoverage } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { PayContributionRequest } from './pay-contribution.request.dto';

export interface PaymentAnswer {
  readonly receiptNumber: string;
  readonly amountFen: number;
  readonly coverage: YearCoverage;
}

export class PayContributionCommand extends Command<PaymentAnswer> {
  constructor(
    readonly residentId: string,
    readonly year: number,
    readonly request: PayContributionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
