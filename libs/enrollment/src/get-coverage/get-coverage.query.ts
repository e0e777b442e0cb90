import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { CoverageView } from '../domain';

export class GetCoverageQuery extends Query<CoverageView> {
  constructor(
    readonly residentId: string,
    readonly year: number | null,
    readonly principal: Principal,
  ) {
    super();
  }
}
