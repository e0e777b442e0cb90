import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { ReverseSettlementRequest } from '../shared/bill.request.dto';
import type { SettlementRecord } from '../shared/settlement-record';

export class ReverseSettlementCommand extends Command<SettlementRecord> {
  constructor(
    readonly settlementId: string,
    readonly request: ReverseSettlementRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
