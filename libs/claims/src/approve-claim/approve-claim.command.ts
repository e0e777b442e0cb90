import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { ClaimAnswer } from '../shared/claim-views';

export class ApproveClaimCommand extends Command<ClaimAnswer> {
  constructor(
    readonly claimId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
