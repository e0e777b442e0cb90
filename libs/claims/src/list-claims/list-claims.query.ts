import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { ClaimStatus } from '../domain';
import type { ListedClaim } from '../read-side/listed-claim';

export class ListClaimsQuery extends Query<ListedClaim[]> {
  constructor(
    readonly statuses: readonly ClaimStatus[],
    readonly principal: Principal,
  ) {
    super();
  }
}
