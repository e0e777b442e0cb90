import { Query } from '@nestjs/cqrs';
import type { ContributionQuote } from '@circle/policy';
import type { QuoteContributionRequest } from './quote-contribution.request.dto';

/** A question, not a command: the quote stores nothing. */
export class QuoteContributionQuery extends Query<ContributionQuote> {
  constructor(readonly request: QuoteContributionRequest) {
    super();
  }
}
