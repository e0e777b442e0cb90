import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { quoteContribution, type PolicyBook } from '@circle/policy';
import { policyForYear } from '../domain';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { QuoteContributionQuery, type ContributionQuoteAnswer } from './quote-contribution.query';

@QueryHandler(QuoteContributionQuery)
export class QuoteContributionHandler implements IQueryHandler<QuoteContributionQuery> {
  constructor(@Inject(POLICY_BOOK) private readonly policies: PolicyBook) {}

  async execute({ request }: QuoteContributionQuery): Promise<ContributionQuoteAnswer> {
    const { region, year, category, birthDate } = request;
    const { policy, warning } = policyForYear(this.policies, region, year);
    return { ...quoteContribution(policy, { year, category, birthDate }), policyWarning: warning };
  }
}
