import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { ClaimAnswer } from '../shared/claim-views';
import type { RejectClaimRequest } from './reject-claim.request.dto';

export class RejectClaimCommand extends Command<ClaimAnswer> {
  constructor(
    readonly claimId: string,
    readonly request: RejectClaimRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
