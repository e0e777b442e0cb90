import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { claimOf } from '../domain';
import { ClaimDesk } from '../shared/claim-desk';
import { ClaimSettlement } from '../shared/claim-settlement';
import { ClaimStreams } from '../shared/claim-streams';
import { ClaimViews, type ClaimAnswer } from '../shared/claim-views';
import { ApproveClaimCommand } from './approve-claim.command';

/**
 * Approval is a process of three steps, each one transaction on one stream: the claim records
 * its approval (the bill is final), the person's benefit year records the settlement, and the
 * claim records the settlement and the payment instruction. A crash between steps leaves the
 * claim approved; approving it again resumes, and the settlement step finds the settlement
 * already made rather than paying twice.
 */
@CommandHandler(ApproveClaimCommand)
export class ApproveClaimHandler implements ICommandHandler<ApproveClaimCommand> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly streams: ClaimStreams,
    private readonly settlement: ClaimSettlement,
    private readonly views: ClaimViews,
  ) {}

  async execute({ claimId, context }: ApproveClaimCommand): Promise<ClaimAnswer> {
    const kept = await this.streams.keptAnswer<ClaimAnswer>(context.idempotency);
    if (kept) return kept;
    this.desk.assertMayAct(context.principal);
    const record = await this.streams.load(claimId);
    const desk = this.desk.openFor(record, claimId, context.principal);
    const step = { claimId, stationId: desk.station.stationId, at: desk.at };
    // Only the last step keeps the answer under the clerk's key: a repeat must resume the rest.
    const once = { ...context, idempotency: undefined };
    const approved = await this.streams.decide(
      claimId,
      () => ({ kind: 'ApproveClaim', ...step }),
      once,
      desk.station,
      (record) => claimOf(record.state, claimId),
    );
    const { settled, person } = await this.settlement.settle(approved, context, desk);
    return this.streams.decide(
      claimId,
      () => ({ kind: 'RecordSettlement', ...step, settled, person }),
      context,
      desk.station,
      (record) => this.views.answer(record, desk.at),
    );
  }
}
