import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { checkedResidentId, coverageOf, NotOnRecord, type CoverageView } from '../domain';
import { Clock } from '../shared/clock';
import { InsuredPersonStreams } from '../shared/insured-person.streams';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { assertMayRead } from '../shared/reading-station';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { GetCoverageQuery } from './get-coverage.query';

/**
 * Folds the person's stream on every enquiry instead of reading a projection: the clerk who
 * just enrolled or took a payment must see it at once, and one stream is a handful of events.
 */
@QueryHandler(GetCoverageQuery)
export class GetCoverageHandler implements IQueryHandler<GetCoverageQuery> {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  async execute({ residentId, year, principal }: GetCoverageQuery): Promise<CoverageView> {
    assertMayRead(principal, 'COVERAGE_ENQUIRY', this.served);
    const now = this.clock.shanghaiNow();
    const id = checkedResidentId(residentId, now.slice(0, 10));
    const view = coverageOf(await this.streams.load(id.id), year, now, this.policies);
    if (!view) throw new NotOnRecord('this resident');
    return view;
  }
}
