import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BenefitYears } from '@circle/settlement';
import { ClaimDesk } from '../shared/claim-desk';
import { toNotify } from '../shared/claim-settlement';
import { ClaimStreams } from '../shared/claim-streams';
import { ClaimViews, type ClaimAnswer } from '../shared/claim-views';
import { RejectClaimCommand } from './reject-claim.command';

@CommandHandler(RejectClaimCommand)
export class RejectClaimHandler implements ICommandHandler<RejectClaimCommand> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly streams: ClaimStreams,
    private readonly years: BenefitYears,
    private readonly views: ClaimViews,
  ) {}

  async execute({ claimId, request, context }: RejectClaimCommand): Promise<ClaimAnswer> {
    this.desk.assertMayAct(context.principal);
    const record = await this.streams.load(claimId);
    const desk = this.desk.openFor(record, claimId, context.principal);
    // The SMS goes to the phone on the person's record today, not the one at submission.
    const person = toNotify(await this.years.person(desk.claim.residentId));
    return this.streams.decide(
      claimId,
      () => ({
        kind: 'RejectClaim',
        claimId,
        reason: request.reason,
        person,
        stationId: desk.station.stationId,
        at: desk.at,
      }),
      context,
      desk.station,
      (record) => this.views.answer(record, desk.at),
    );
  }
}
