import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@circle/event-store';
import type { ClaimAnswer } from '../shared/claim-views';
import type { SubmitClaimRequest } from './submit-claim.request.dto';

export class SubmitClaimCommand extends Command<ClaimAnswer> {
  constructor(
    readonly request: SubmitClaimRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
