import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { checkedResidentId, citedPolicyWarning, NotOnRecord } from '../domain';
import { Clock } from '../shared/clock';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { EnrollmentReadModel } from '../read-side/enrollment-read-model';
import { ReadCoverageQuery, type SupervisedCoverage } from './read-coverage.query';

/** The supervisor's enquiry reads the projection: it may trail the stations by a moment. */
@QueryHandler(ReadCoverageQuery)
export class ReadCoverageHandler implements IQueryHandler<ReadCoverageQuery> {
  constructor(
    private readonly readModel: EnrollmentReadModel,
    private readonly clock: Clock,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  async execute({ residentId }: ReadCoverageQuery): Promise<SupervisedCoverage> {
    const id = checkedResidentId(residentId, this.clock.shanghaiToday());
    const rows = await this.readModel.coverageOf(id.id);
    if (rows.years.length === 0 && rows.employments.length === 0)
      throw new NotOnRecord('this resident');
    const years = rows.years.map((y) => ({
      ...y,
      policyWarning: citedPolicyWarning(
        this.policies,
        String(y.policyVersion),
        `${String(y.year)}-01-01`,
      ),
    }));
    return { residentId: id.id, ...rows, years };
  }
}
