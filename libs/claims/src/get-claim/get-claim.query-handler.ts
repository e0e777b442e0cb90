import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ClaimNotFound } from '../domain';
import { ClaimDesk } from '../shared/claim-desk';
import { ClaimStreams } from '../shared/claim-streams';
import { ClaimViews, type ClaimAnswer } from '../shared/claim-views';
import { GetClaimQuery } from './get-claim.query';

/** Folds the claim's own stream, so the clerk sees every step the moment it is recorded. */
@QueryHandler(GetClaimQuery)
export class GetClaimHandler implements IQueryHandler<GetClaimQuery> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly streams: ClaimStreams,
    private readonly views: ClaimViews,
  ) {}

  async execute({ claimId, principal }: GetClaimQuery): Promise<ClaimAnswer> {
    this.desk.assertMayRead(principal);
    const record = await this.streams.load(claimId);
    if (!record.state.claim) throw new ClaimNotFound(claimId);
    return this.views.answer(record, this.desk.now());
  }
}
