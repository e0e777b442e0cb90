import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkedResidentId, NotOnRecord } from '../domain';
import { Clock } from '../shared/clock';
import { EnrollmentReadModel } from '../read-side/enrollment-read-model';
import { ReadCoverageQuery, type SupervisedCoverage } from './read-coverage.query';

/** The supervisor's enquiry reads the projection: it may trail the stations by a moment. */
@QueryHandler(ReadCoverageQuery)
export class ReadCoverageHandler implements IQueryHandler<ReadCoverageQuery> {
  constructor(
    private readonly readModel: EnrollmentReadModel,
    private readonly clock: Clock,
  ) {}

  async execute({ residentId }: ReadCoverageQuery): Promise<SupervisedCoverage> {
    const id = checkedResidentId(residentId, this.clock.shanghaiToday());
    const rows = await this.readModel.coverageOf(id.id);
    if (rows.years.length === 0 && rows.employments.length === 0)
      throw new NotOnRecord('this resident');
    return { residentId: id.id, ...rows };
  }
}
