import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReviewList } from '../read-side/review-list';
import type { ListedClaim } from '../read-side/listed-claim';
import { ClaimDesk } from '../shared/claim-desk';
import { ListClaimsQuery } from './list-claims.query';

@QueryHandler(ListClaimsQuery)
export class ListClaimsHandler implements IQueryHandler<ListClaimsQuery> {
  constructor(
    private readonly desk: ClaimDesk,
    private readonly list: ReviewList,
  ) {}

  execute({ statuses, principal }: ListClaimsQuery): Promise<ListedClaim[]> {
    this.desk.assertMayRead(principal);
    return this.list.claims(statuses);
  }
}
