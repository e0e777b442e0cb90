import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { SettleBillRequest } from '../shared/bill.request.dto';
import type { SettlementRecord } from '../shared/settlement-record';

export class SettleBillCommand extends Command<SettlementRecord> {
  constructor(
    readonly request: SettleBillRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
