import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { ClaimAnswer } from '../shared/claim-views';
import type { AdjustClaimRequest } from './adjust-claim.request.dto';

export class AdjustClaimCommand extends Command<ClaimAnswer> {
  constructor(
    readonly claimId: string,
    readonly request: AdjustClaimRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
