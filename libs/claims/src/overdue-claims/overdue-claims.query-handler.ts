import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ClaimsReadModel } from '../read-side/claims-read-model';
import type { ListedClaim } from '../read-side/listed-claim';
import { OverdueClaimsQuery } from './overdue-claims.query';

@QueryHandler(OverdueClaimsQuery)
export class OverdueClaimsHandler implements IQueryHandler<OverdueClaimsQuery> {
  constructor(private readonly readModel: ClaimsReadModel) {}

  execute(): Promise<ListedClaim[]> {
    return this.readModel.overdue();
  }
}
