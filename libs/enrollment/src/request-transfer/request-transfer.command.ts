import { Command } from '@nestjs/cqrs';
import type { Transfer, WithPolicyWarning } from '../domain';
import type { CommandContext } from '@circle/event-store';
import type { RequestTransferRequest } from './request-transfer.request.dto';

export class RequestTransferCommand extends Command<WithPolicyWarning<Transfer>> {
  constructor(
    readonly residentId: string,
    readonly request: RequestTransferRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
