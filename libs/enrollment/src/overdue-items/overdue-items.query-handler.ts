import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EnrollmentReadModel, type OverdueItem } from '../read-side/enrollment-read-model';
import { OverdueItemsQuery } from './overdue-items.query';

@QueryHandler(OverdueItemsQuery)
export class OverdueItemsHandler implements IQueryHandler<OverdueItemsQuery> {
  constructor(private readonly readModel: EnrollmentReadModel) {}

  execute({ kind, withinMinutes }: OverdueItemsQuery): Promise<OverdueItem[]> {
    return this.readModel.pendingNearDeadline(kind, withinMinutes);
  }
}
