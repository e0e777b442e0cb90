import { Command } from '@nestjs/cqrs';
import type { Transfer } from '../domain';
import type { DecisionRequest } from '../decide-qualification/decide-qualification.request.dto';
import type { CommandContext } from '@circle/event-store';

export class CloseTransferCommand extends Command<Transfer> {
  constructor(
    readonly residentId: string,
    readonly transferId: string,
    readonly outcome: 'complete' | 'refuse',
    readonly request: DecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
