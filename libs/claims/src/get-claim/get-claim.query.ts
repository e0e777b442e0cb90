import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { ClaimAnswer } from '../shared/claim-views';

export class GetClaimQuery extends Query<ClaimAnswer> {
  constructor(
    readonly claimId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
