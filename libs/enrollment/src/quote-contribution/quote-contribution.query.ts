import { Query } from '@nestjs/cqrs';
import type { ContributionQuote, PolicyWarning } from '@circle/policy';
import type { QuoteContributionRequest } from './quote-contribution.request.dto';

export interface ContributionQuoteAnswer extends ContributionQuote {
  /** Set when the year is priced by a version carried past its own period. */
  readonly policyWarning: PolicyWarning | null;
}

/** A question, not a command: the quote stores nothing. */
export class QuoteContributionQuery extends Query<ContributionQuoteAnswer> {
  constructor(readonly request: QuoteContributionRequest) {
    super();
  }
}
