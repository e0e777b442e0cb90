import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ClaimDesk } from '../shared/claim-desk';
import { ClaimStreams } from '../shared/claim-streams';
import { ClaimViews, type ClaimAnswer } from '../shared/claim-views';
import { AdjustClaimCommand } from './adjust-claim.command';

@CommandHandler(AdjustClaimCommand)
export class AdjustClaimHandler implements ICommandHandler<AdjustClaimCommand> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly streams: ClaimStreams,
    private readonly views: ClaimViews,
  ) {}

  async execute({ claimId, request, context }: AdjustClaimCommand): Promise<ClaimAnswer> {
    this.desk.assertMayAct(context.principal);
    const record = await this.streams.load(claimId);
    const desk = this.desk.openFor(record, claimId, context.principal);
    return this.streams.decide(
      claimId,
      () => ({
        kind: 'AdjustClaim',
        claimId,
        lines: request.lines,
        reason: request.reason,
        stationId: desk.station.stationId,
        at: desk.at,
      }),
      context,
      desk.station,
      (record) => this.views.answer(record, desk.at),
    );
  }
}
